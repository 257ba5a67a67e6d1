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
        Assert.Contains("<figcaption><strong class=\"chart-title\">Win rate by segment</strong> <span class=\"chart-caption\">Decided deals only.</span></figcaption>", html, StringComparison.Ordinal);
        Assert.Contains("<details class=\"chart-data\"><summary>Data table</summary>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"chart-download\" href=\"/posts/test/chart-win-rate-by-segment.csv\" download>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chart_is_drawn_wide_for_desktops_and_narrow_for_phones_each_labelled_by_its_own_title()
    {
        var html = Figure(WinRate);
        var wide = html.IndexOf("class=\"chart-svg chart-svg-wide\"", StringComparison.Ordinal);
        var narrow = html.IndexOf("class=\"chart-svg chart-svg-narrow\"", StringComparison.Ordinal);

        Assert.True(wide > 0 && narrow > wide, "the figure holds a wide drawing followed by a narrow one");
        Assert.Contains("viewBox=\"0 0 400 340\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-labelledby=\"chart-win-rate-by-segment-narrow-title chart-win-rate-by-segment-narrow-desc\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_svg_is_an_image_labelled_by_its_title_and_description_and_scales_with_a_viewbox()
    {
        var svg = Svg.Of(Figure(WinRate));

        Assert.Equal("img", svg.Attribute("role")?.Value);
        Assert.Equal("chart-win-rate-by-segment-title chart-win-rate-by-segment-desc", svg.Attribute("aria-labelledby")?.Value);
        Assert.Equal("Win rate by segment", svg.Element(Svg.Ns + "title")?.Value);
        Assert.Equal("chart-win-rate-by-segment-desc", svg.Element(Svg.Ns + "desc")?.Attribute("id")?.Value);
        Assert.Null(svg.Attribute("width"));
        Assert.Null(svg.Attribute("height"));
        Assert.Equal("0 0 720 400", svg.Attribute("viewBox")?.Value);
    }

    [Fact]
    public void Text_is_real_svg_text_of_at_least_14_pixels_with_a_generic_font_fallback()
    {
        var svg = Svg.Of(Figure(WinRate));
        var texts = svg.Descendants(Svg.Ns + "text").ToList();

        Assert.Contains(texts, t => t.Value == "Enterprise");
        Assert.All(texts, t => Assert.True(float.Parse(t.Attribute("font-size")!.Value, CultureInfo.InvariantCulture) >= 14));
        Assert.All(texts, t => Assert.DoesNotContain(",", t.Attribute("x")?.Value ?? string.Empty, StringComparison.Ordinal));
        Assert.EndsWith("sans-serif", svg.Attribute("font-family")?.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_inside_the_svg_are_prefixed_so_two_charts_on_a_page_do_not_share_clip_paths()
    {
        var svg = Svg.Of(Figure(WinRate, id: "chart-one"));
        var ids = svg.Descendants().Select(e => e.Attribute("id")?.Value).OfType<string>().ToList();

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.StartsWith("chart-one-", id, StringComparison.Ordinal));
        Assert.All(svg.Descendants().SelectMany(e => e.Attributes()).Where(a => a.Value.Contains("url(#", StringComparison.Ordinal)),
            a => Assert.Contains("url(#chart-one-", a.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_clip_path_reference_points_at_a_clip_path_of_the_same_drawing()
    {
        foreach (var svg in Svg.All(Figure(WinRate, id: "chart-one")))
        {
            var ids = svg.Descendants().Select(e => e.Attribute("id")?.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var references = svg.Descendants().Select(e => e.Attribute("clip-path")?.Value).OfType<string>().ToList();

            Assert.NotEmpty(references);
            Assert.All(references, r => Assert.Contains(r["url(#".Length..^1], ids));
        }
    }

    [Fact]
    public void The_same_chart_drawn_twice_is_the_same_text_so_builds_are_reproducible()
    {
        // Another chart drawn in between moves Skia's process-wide clip-path counter on.
        var first = Figure(WinRate);
        Figure(WinRate.Replace("Win rate by segment", "Another chart", StringComparison.Ordinal), id: "chart-another");
        var second = Figure(WinRate);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Text_takes_the_themes_chart_colour_and_series_keep_the_palette_with_a_class_to_hook()
    {
        var svg = Svg.Of(Figure(WinRate));

        Assert.Equal(3, Svg.Marks(svg, 1).Count);
        Assert.All(Svg.Marks(svg, 1), e => Assert.Equal(ChartStyle.Palette[0], e.Attribute("fill")?.Value, ignoreCase: true));
        Assert.All(svg.Descendants(Svg.Ns + "text"), t => Assert.Equal("chart-text", t.Attribute("class")?.Value));
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
    public void A_target_draws_a_labelled_reference_line()
    {
        var svg = Svg.Of(Figure(WinRate + "\ntarget: 0.25\ntarget_label: Plan\n"));

        Assert.Contains(svg.Descendants(Svg.Ns + "text"), t => t.Value == "Plan");
    }

    [Fact]
    public void The_legend_sits_under_the_axis_outside_the_data_so_it_covers_no_point()
    {
        var svg = Svg.Of(Figure(WinRate + "\ntarget: 0.25\ntarget_label: Plan\n"));
        var texts = svg.Descendants(Svg.Ns + "text").ToList();

        var legend = Baseline(texts.Single(t => t.Value == "Plan"));
        var lowestTick = texts.Where(t => t.Value is "Enterprise" or "Mid-Market" or "SMB").Max(Baseline);
        Assert.True(legend > lowestTick, $"legend at y={legend}, category labels down to y={lowestTick}");
    }

    /// <summary>Where Skia's SVG puts a text line: its translation plus its own y.</summary>
    private static double Baseline(System.Xml.Linq.XElement text)
    {
        var translate = ((string)text.Attribute("transform")!)["translate(".Length..^1].Split(' ');
        return double.Parse(translate[1], CultureInfo.InvariantCulture) + double.Parse((string)text.Attribute("y")!, CultureInfo.InvariantCulture);
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

        Assert.Equal("segment,count\nEnterprise,2\nMid-Market,1\nSMB,3\n", outcome.Figure!.Csv);
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
