using System.Globalization;
using SalesInsights.Charts;
using SalesInsights.Data;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Charts;

public sealed class ChartRendererTests
{
    private const string WinRate = """
        title: Win rate by segment
        type: bar
        sql: |
          SELECT segment, avg(CASE WHEN status = 'won' THEN 1.0 ELSE 0 END) AS win_rate
          FROM deals WHERE status IN ('won', 'lost') GROUP BY 1 ORDER BY 1
        format: percent
        caption: Decided deals only.
        """;

    private static string Figure(string yaml, DataCatalog? catalog = null, string id = "chart-win-rate-by-segment") =>
        TestData.RenderChart(yaml, catalog ?? TestData.SampleCatalog, id: id).Figure!.Html;

    [Fact]
    public void A_figure_has_the_chart_id_a_caption_the_svg_a_data_table_and_a_download_link()
    {
        var html = Figure(WinRate);

        Assert.StartsWith("<figure class=\"chart chart-bar\" id=\"chart-win-rate-by-segment\">", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption><strong class=\"chart-title\" id=\"chart-win-rate-by-segment-title\">Win rate by segment</strong> <span class=\"chart-caption\">Decided deals only.</span></figcaption>", html, StringComparison.Ordinal);
        Assert.Contains("<details class=\"chart-data\"><summary>Data table</summary>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"chart-download\" href=\"/posts/test/chart-win-rate-by-segment.csv\" download>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chart_is_one_drawing_a_gutter_of_fixed_width_beside_a_plot_as_wide_as_its_column()
    {
        var html = Figure(WinRate);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "class=\"chart-area\""));
        var gutter = Svg.Gutter(html)!;
        var plot = Svg.Of(html);
        Assert.Equal("true", gutter.Attribute("aria-hidden")?.Value);
        Assert.True(double.Parse(gutter.Attribute("width")!.Value, CultureInfo.InvariantCulture) is > 20 and < 80);
        Assert.Equal("100%", plot.Attribute("width")?.Value);
        Assert.Equal(gutter.Attribute("height")?.Value, plot.Attribute("height")?.Value);
        Assert.Null(plot.Attribute("viewBox"));
    }

    [Fact]
    public void The_plot_is_an_image_labelled_by_the_figures_title_and_described_by_its_description()
    {
        var html = Figure(WinRate);
        var svg = Svg.Of(html);

        Assert.Equal("img", svg.Attribute("role")?.Value);
        Assert.Equal("chart-win-rate-by-segment-title", svg.Attribute("aria-labelledby")?.Value);
        Assert.Equal("chart-win-rate-by-segment-desc", svg.Attribute("aria-describedby")?.Value);
        Assert.Contains("<strong class=\"chart-title\" id=\"chart-win-rate-by-segment-title\">Win rate by segment</strong>", html, StringComparison.Ordinal);
        Assert.Equal("chart-win-rate-by-segment-desc", svg.Element("desc")?.Attribute("id")?.Value);
        // A title on the whole drawing would be a tooltip over every mark's own.
        Assert.Null(svg.Element("title"));
    }

    [Fact]
    public void Text_is_12_css_pixels_in_a_drawing_that_does_not_scale_with_a_generic_font_fallback()
    {
        var html = Figure(WinRate);

        foreach (var svg in Svg.Frame(html).Elements("svg"))
        {
            Assert.Equal("12", svg.Attribute("font-size")?.Value);
            Assert.Null(svg.Attribute("viewBox"));
            Assert.EndsWith("sans-serif", svg.Attribute("font-family")?.Value, StringComparison.Ordinal);
        }
        Assert.Contains("Enterprise", Svg.Texts(html));
        Assert.All(Svg.Frame(html).Descendants("text"), t => Assert.Null(t.Attribute("font-size")));
    }

    [Fact]
    public void Ticks_on_a_percent_axis_are_whole_percents_and_zero_has_no_decimals()
    {
        var ticks = Svg.Gutter(Figure(WinRate))!.Descendants("text").Select(t => t.Value).ToList();

        Assert.Equal("0%", ticks[0]);
        Assert.All(ticks, t => Assert.Matches("^[0-9]+%$", t));
    }

    [Fact]
    public void Every_bar_carries_its_exact_value_as_a_tooltip()
    {
        var svg = Svg.Of(Figure("title: T\ntype: bar\nsql: SELECT region, sum(amount) AS total FROM sales GROUP BY 1 ORDER BY 1\nformat: currency_compact\n", TestData.SmallCatalog));

        Assert.Equal(["APAC: $375", "EMEA: $1,450", "NA: $1,001"], Svg.Marks(svg, 1).Select(m => m.Element("title")?.Value));
    }

    [Fact]
    public void A_format_with_arguments_holds_for_the_axis_the_tooltips_and_the_data_table()
    {
        var html = Figure("title: T\ntype: bar\nsql: SELECT region, sum(amount) AS total FROM sales GROUP BY 1 ORDER BY 1\nformat: currency(EUR)\n", TestData.SmallCatalog);

        Assert.Contains("€1.5K", Svg.Texts(html));
        Assert.Equal(["APAC: €375", "EMEA: €1,450", "NA: €1,001"], Svg.Marks(Svg.Of(html), 1).Select(m => m.Element("title")?.Value));
        Assert.Equal(["€375", "€1,450", "€1,001"], Svg.TableRows(html).Select(row => row[1].Text));
    }

    [Fact]
    public void A_long_data_table_shows_its_first_rows_and_says_the_csv_has_every_row()
    {
        var outcome = TestData.RenderChart("title: T\ntype: scatter\nsql: SELECT amount, discount_pct FROM deals ORDER BY deal_id LIMIT 120\n", TestData.SampleCatalog);
        var html = outcome.Figure!.Html;

        Assert.Equal(ChartStyle.MaxTableRows, Svg.TableRows(html).Count);
        Assert.Contains($"The first {ChartStyle.MaxTableRows} of 120 rows, in the chart's order; the CSV has every row.", html, StringComparison.Ordinal);
        Assert.Equal(121, outcome.Figure.Csv.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public void The_same_chart_drawn_twice_is_the_same_text_so_builds_are_reproducible()
    {
        var first = Figure(WinRate);
        Figure(WinRate.Replace("Win rate by segment", "Another chart", StringComparison.Ordinal), id: "chart-another");
        var second = Figure(WinRate);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Colours_are_the_themes_classes_with_the_light_palette_as_a_fallback_for_pages_without_the_stylesheet()
    {
        var svg = Svg.Of(Figure(WinRate));
        var group = svg.Descendants("g").Single(g => Svg.HasClass(g, "c1"));

        Assert.Equal(3, Svg.Marks(svg, 1).Count);
        Assert.True(Svg.HasClass(group, "fill"));
        Assert.Equal(ChartStyle.Palette[0], group.Attribute("fill")?.Value);
        Assert.All(Svg.Marks(svg, 1), m => Assert.Null(m.Attribute("fill")));
        Assert.All(svg.Descendants("text"), t => Assert.Equal("chart-tick", t.Parent?.Attribute("class")?.Value));
    }

    [Fact]
    public void The_data_table_holds_exactly_the_query_result_formatted_with_raw_values_alongside()
    {
        var html = Figure(WinRate);
        var result = TestData.SampleCatalog.Query("""
            SELECT segment, avg(CASE WHEN status = 'won' THEN 1.0 ELSE 0 END) AS win_rate
            FROM deals WHERE status IN ('won', 'lost') GROUP BY 1 ORDER BY 1
            """).Result!;

        var rows = Svg.TableRows(html);
        Assert.Equal(["Segment", "Win rate"], Svg.TableHeaders(html));
        Assert.Equal(result.Rows.Length, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal((string)result.Rows[i][0]!, rows[i][0].Value);
            Assert.Equal((double)result.Rows[i][1]!, double.Parse(rows[i][1].Value, CultureInfo.InvariantCulture));
            Assert.Equal(((double)result.Rows[i][1]! * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%", rows[i][1].Text);
        }
    }

    [Fact]
    public void The_csv_has_the_same_numbers_raw_and_a_header_of_column_names()
    {
        var outcome = TestData.RenderChart("title: T\ntype: bar\nsql: SELECT region, sum(amount) AS total FROM sales GROUP BY 1 ORDER BY 1\n");

        Assert.Equal("region,total\nAPAC,375\nEMEA,1450\nNA,1000.5\n", outcome.Figure!.Csv);
    }

    [Fact]
    public void A_grouped_query_is_pivoted_into_one_column_per_group_with_empty_cells_for_missing_pairs()
    {
        var outcome = TestData.RenderChart("title: T\ntype: stacked-bar\nsql: SELECT region, segment, sum(amount) AS total FROM sales GROUP BY 1, 2 ORDER BY 1, 2\ngroup: segment\n");

        Assert.Equal("region,Mid-Market,SMB,Enterprise\nAPAC,300,75,\nEMEA,,250,1200\nNA,,100.5,900\n", outcome.Figure!.Csv);
    }

    [Fact]
    public void Generated_alt_text_names_the_kind_the_axes_and_the_extremes()
    {
        var svg = Svg.Of(Figure(WinRate));
        var rates = TestData.SampleCatalog.Query("SELECT segment, avg(CASE WHEN status = 'won' THEN 1.0 ELSE 0 END) FROM deals WHERE status IN ('won', 'lost') GROUP BY 1 ORDER BY 2 DESC").Result!.Rows;
        string Percent(object? v) => ((double)v! * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

        Assert.Equal($"Bar chart of win rate by segment: highest {rates[0][0]} {Percent(rates[0][1])}, lowest {rates[^1][0]} {Percent(rates[^1][1])}.", svg.Element(Svg.Ns + "desc")?.Value);
    }

    [Fact]
    public void A_given_alt_text_replaces_the_generated_one()
    {
        var svg = Svg.Of(Figure(WinRate + "\nalt: Enterprise wins most.\n"));

        Assert.Equal("Enterprise wins most.", svg.Element(Svg.Ns + "desc")?.Value);
    }

    [Fact]
    public void A_target_draws_a_dashed_reference_line_labelled_with_its_name_and_value_at_its_end()
    {
        var html = Figure(WinRate + "\ntarget: 0.25\ntarget_label: Plan\n");
        var svg = Svg.Of(html);

        var line = Assert.Single(svg.Descendants("line"), l => Svg.HasClass(l, "chart-ref"));
        Assert.Equal("4 3", line.Attribute("stroke-dasharray")?.Value);
        Assert.Equal(("0%", "100%"), (line.Attribute("x1")?.Value, line.Attribute("x2")?.Value));
        var label = Assert.Single(svg.Descendants("text"), t => t.Value == "Plan 25%");
        Assert.Equal("end", label.Attribute("text-anchor")?.Value);
        Assert.Empty(Svg.Legend(html));
    }

    [Fact]
    public void A_target_on_a_pie_is_an_error_at_the_target_key()
    {
        var yaml = "title: T\ntype: pie\nsql: SELECT region, sum(amount) AS total FROM sales GROUP BY 1\ntarget: 10\n";
        var spec = ChartSpecParser.Parse(yaml, [])!;
        var outcome = ChartRenderer.Render(spec, yaml, new ChartPlacement("c", "c.csv", "/c.csv"), TestData.SmallCatalog, null);

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("SI307", problem.Code);
        Assert.Equal(3, problem.Position.Line);
    }

    [Fact]
    public void A_dataset_chart_aggregates_inside_duckdb_and_names_the_value_after_the_aggregate()
    {
        var outcome = TestData.RenderChart("title: T\ntype: bar\ndata: sales\nx: region\ny: amount\naggregate: sum\nwhere: won = 1\n");

        Assert.Equal("region,sum_amount\nAPAC,300\nEMEA,1450\nNA,100.5\n", outcome.Figure!.Csv);
    }

    [Fact]
    public void A_count_without_y_counts_rows()
    {
        var outcome = TestData.RenderChart("title: T\ntype: pie\ndata: sales\nx: segment\naggregate: count\n");

        Assert.Equal("segment,count\nSMB,3\nEnterprise,2\nMid-Market,1\n", outcome.Figure!.Csv);
    }

    [Fact]
    public void The_same_chart_asked_for_by_many_pages_at_once_is_drawn_once()
    {
        using var cacheFolder = new TemporaryFolder();
        var cache = new ChartCache(cacheFolder.Root);
        const string Yaml = "title: Shared\ntype: bar\nsql: SELECT region, sum(amount) FROM sales GROUP BY 1 ORDER BY 1\n";

        var outcomes = new ChartOutcome[8];
        Parallel.For(0, outcomes.Length, i => outcomes[i] = TestData.RenderChart(Yaml, cache: cache));

        Assert.Equal((1, 7), (cache.Misses, cache.Hits));
        Assert.Single(outcomes, o => !o.FromCache);
        Assert.All(outcomes, o => Assert.Equal(outcomes[0].Figure, o.Figure));
    }

    [Fact]
    public void A_second_render_of_an_unchanged_chart_comes_from_the_cache_without_drawing_or_querying()
    {
        using var folder = new TemporaryFolder();
        var catalog = TestData.Catalog(folder, new Dictionary<string, string> { ["t.csv"] = "k,v\na,1\nb,2\n" });
        using (catalog)
        {
            using var cacheFolder = new TemporaryFolder();
            var cache = new ChartCache(cacheFolder.Root);
            const string Yaml = "title: Cached\ntype: bar\nsql: SELECT k, v FROM t\n";

            var first = TestData.RenderChart(Yaml, catalog, cache);
            var queries = catalog.ExecutedQueries;
            var second = TestData.RenderChart(Yaml, catalog, cache);

            Assert.False(first.FromCache);
            Assert.True(second.FromCache);
            Assert.Equal(first.Figure, second.Figure);
            Assert.Equal((1, 1), (cache.Misses, cache.Hits));
            Assert.Equal(queries, catalog.ExecutedQueries);
        }
    }

    [Fact]
    public void A_changed_spec_or_changed_data_is_drawn_again()
    {
        using var cacheFolder = new TemporaryFolder();
        var cache = new ChartCache(cacheFolder.Root);
        using var folder = new TemporaryFolder();
        var catalog = TestData.Catalog(folder, new Dictionary<string, string> { ["t.csv"] = "k,v\na,1\n" });
        using (catalog)
        {
            TestData.RenderChart("title: A\ntype: bar\nsql: SELECT k, v FROM t\n", catalog, cache);
            Assert.False(TestData.RenderChart("title: A\ntype: hbar\nsql: SELECT k, v FROM t\n", catalog, cache).FromCache);
        }
        File.WriteAllText(Path.Combine(folder.Root, "t.csv"), "k,v\na,2\n");
        using var changed = DataCatalog.Open(folder.Root);

        var redrawn = TestData.RenderChart("title: A\ntype: bar\nsql: SELECT k, v FROM t\n", changed, cache);

        Assert.False(redrawn.FromCache);
        Assert.Equal("k,v\na,2\n", redrawn.Figure!.Csv);
        Assert.Equal(3, cache.Misses);
        Assert.Equal(6, Directory.GetFiles(cacheFolder.Root).Length);
    }

    [Fact]
    public void A_query_with_no_rows_is_an_error_rather_than_an_empty_chart()
    {
        var yaml = "title: T\ntype: bar\nsql: SELECT region, amount FROM sales WHERE false\n";
        var outcome = ChartRenderer.Render(ChartSpecParser.Parse(yaml, [])!, yaml, new ChartPlacement("c", "c.csv", "/c.csv"), TestData.SmallCatalog, null);

        Assert.Equal("SI309", Assert.Single(outcome.Problems).Code);
    }
}
