using System.Xml.Linq;
using SalesInsights.Charts;
using SalesInsights.Charts.Kinds;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Charts.Kinds;

/// <summary>Every kind draws valid SVG over the small test data, with one mark per drawn value.</summary>
public sealed class ChartKindTests
{
    private const string ByRegion = "sql: SELECT region, sum(amount) AS total FROM sales GROUP BY 1 ORDER BY 1";

    private static string Figure(string type, string rest)
    {
        var outcome = TestData.RenderChart($"title: Test chart\ntype: {type}\n{rest}\n");
        Assert.Empty(outcome.Problems);
        return outcome.Figure!.Html;
    }

    private static XElement Draw(string type, string rest) => Svg.Of(Figure(type, rest));

    private static int Count(XElement svg, int series, string element) =>
        Svg.Marks(svg, series).Count(e => e.Name.LocalName == element);

    [Fact]
    public void Bar_chart_draws_one_bar_per_row()
    {
        Assert.Equal(3, Count(Draw("bar", ByRegion), 1, "rect"));
    }

    [Fact]
    public void Horizontal_bar_chart_draws_one_bar_per_row_labelled_at_its_tip()
    {
        var html = Figure("hbar", ByRegion);

        Assert.Equal(3, Count(Svg.Of(html), 1, "rect"));
        Assert.Contains("1,450", Svg.Texts(html));
        Assert.Contains("EMEA", Svg.Texts(html));
    }

    [Fact]
    public void Bar_chart_with_several_y_columns_draws_side_by_side_bars_and_a_legend()
    {
        var html = Figure("bar", "sql: SELECT region, sum(amount) AS total, max(amount) AS largest FROM sales GROUP BY 1 ORDER BY 1\ny: [total, largest]");

        Assert.Equal(3, Count(Svg.Of(html), 1, "rect"));
        Assert.Equal(3, Count(Svg.Of(html), 2, "rect"));
        Assert.Equal(["Total", "Largest"], Svg.Legend(html));
    }

    [Fact]
    public void Stacked_bar_chart_draws_one_segment_per_non_empty_cell_and_a_legend_entry_per_group()
    {
        var html = Figure("stacked-bar", "sql: SELECT region, segment, sum(amount) AS total FROM sales GROUP BY 1, 2 ORDER BY 1, 2\ngroup: segment");
        var svg = Svg.Of(html);

        // Groups in order of appearance: Mid-Market (APAC), SMB (all three regions), Enterprise (EMEA, NA).
        Assert.Equal(1, Count(svg, 1, "rect"));
        Assert.Equal(3, Count(svg, 2, "rect"));
        Assert.Equal(2, Count(svg, 3, "rect"));
        Assert.Equal(["Mid-Market", "SMB", "Enterprise"], Svg.Legend(html));
    }

    [Fact]
    public void Line_chart_draws_one_line_an_end_dot_and_a_tooltip_target_per_point()
    {
        var svg = Draw("line", "sql: SELECT day, amount FROM sales ORDER BY day");

        Assert.Equal(1, Count(svg, 1, "path"));
        Assert.Equal(1, Count(svg, 1, "circle"));
        Assert.Equal(6, svg.Descendants("g").Where(g => Svg.HasClass(g, "chart-hit")).Elements("circle").Count(c => c.Element("title") is not null));
    }

    [Fact]
    public void Area_chart_draws_a_filled_area_under_its_line()
    {
        var svg = Draw("area", "sql: SELECT day, amount FROM sales ORDER BY day");

        Assert.Equal(2, Count(svg, 1, "path"));
        Assert.Contains(Svg.Marks(svg, 1), e => e.Attribute("fill-opacity") is not null);
    }

    [Fact]
    public void Scatter_chart_draws_one_point_per_row_and_a_dashed_trend_line_when_asked()
    {
        var html = Figure("scatter", "sql: SELECT amount, won FROM sales\ntrend: true");
        var svg = Svg.Of(html);

        Assert.Equal(6, Count(svg, 1, "circle"));
        Assert.Contains(svg.Descendants("line"), e => Svg.HasClass(e, "chart-ref") && e.Attribute("stroke-dasharray") is not null);
        Assert.Contains(Svg.Legend(html), t => t.StartsWith("Trend (r²", StringComparison.Ordinal));
    }

    [Fact]
    public void Histogram_draws_one_bar_per_non_empty_bin()
    {
        // 75, 100.5, 250, 300 | (none) | 900 | 1200 in four equal bins.
        Assert.Equal(3, Count(Draw("histogram", "data: sales\nx: amount\nbins: 4"), 1, "rect"));
    }

    [Fact]
    public void Box_plot_draws_one_box_per_category()
    {
        var html = Figure("box", "data: sales\nx: segment\ny: amount");

        // Mid-Market has a single deal: its box is flat, but it is drawn and labelled like the others.
        Assert.Equal(3, Count(Svg.Of(html), 1, "rect"));
        var labels = Svg.Texts(html);
        Assert.Contains("Enterprise", labels);
        Assert.Contains("Mid-Market", labels);
        Assert.Contains("SMB", labels);
    }

    [Theory]
    [InlineData("pie")]
    [InlineData("donut")]
    public void Pie_and_donut_draw_one_slice_per_row_with_its_share_in_the_legend(string type)
    {
        var html = Figure(type, ByRegion);

        Assert.Equal(3, Svg.AllMarks(Svg.Of(html)).Count(e => e.Name.LocalName == "path"));
        Assert.Contains("EMEA (51.3%)", Svg.Legend(html));
    }

    [Fact]
    public void Funnel_draws_one_bar_per_stage_in_the_datasets_order_with_its_value_above_it()
    {
        var html = Figure("funnel", "data: stages\nx: stage\ny: deals");

        Assert.Equal(4, Count(Svg.Of(html), 1, "rect"));
        var texts = Svg.Texts(html);
        Assert.Equal(4, texts.Count);
        Assert.StartsWith("Qualification · 120", texts[0], StringComparison.Ordinal);
        Assert.StartsWith("Discovery", texts[1], StringComparison.Ordinal);
        Assert.StartsWith("Proposal", texts[2], StringComparison.Ordinal);
        Assert.StartsWith("Negotiation · 15", texts[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Heatmap_draws_one_cell_per_non_empty_pair_with_its_value_and_a_legend_of_five_ranges()
    {
        var html = Figure("heatmap", "sql: SELECT segment, region, sum(amount) AS total FROM sales GROUP BY 1, 2 ORDER BY 1, 2\ngroup: region\nformat: currency");
        var svg = Svg.Of(html);
        var cells = svg.Descendants("rect").Where(r => r.Parent is { } g && Enumerable.Range(1, 5).Any(s => Svg.HasClass(g, $"seq{s}"))).ToList();

        // Pairs present: Mid-Market (APAC), SMB (all three regions), Enterprise (EMEA, NA).
        Assert.Equal(6, cells.Count);
        Assert.All(cells, c => Assert.Matches(@"^(APAC|EMEA|NA) · (Mid-Market|SMB|Enterprise): \$[\d,.]+$", c.Element("title")!.Value));
        Assert.Equal(5, Svg.Legend(html).Count);
        // Rows in the order the regions first appear: Enterprise's EMEA and NA, then Mid-Market's APAC.
        Assert.Equal(["EMEA", "NA", "APAC"], Svg.Texts(html).Where(t => t is "APAC" or "EMEA" or "NA"));
    }

    [Theory]
    [InlineData(0, 1450, 0, 1500)]
    [InlineData(12, 96, 0, 100)]
    [InlineData(0.21, 0.38, 0.2, 0.4)]
    public void A_heatmaps_five_ranges_have_round_bounds_that_take_in_every_value(double min, double max, double lo, double hi)
    {
        var (from, to) = HeatmapChart.Range(min, max);

        Assert.Equal((lo, hi), (Math.Round(from, 9), Math.Round(to, 9)));
        Assert.Equal(0, HeatmapChart.Step(min, from, to));
        Assert.Equal(4, HeatmapChart.Step(max, from, to));
    }

    [Fact]
    public void A_heatmap_of_whole_numbers_has_whole_ranges()
    {
        Assert.Equal((1.0, 6.0), HeatmapChart.Range(1, 2, whole: true));
    }

    [Fact]
    public void Bar_line_chart_draws_a_bar_and_a_dot_per_row_and_a_second_axis_for_a_measure_in_another_unit()
    {
        var html = Figure("bar-line", "sql: SELECT region, sum(amount) AS total, avg(won) AS win_rate FROM sales GROUP BY 1 ORDER BY 1\ny: [total, win_rate]\nformat: currency\nline_format: percent");
        var svg = Svg.Of(html);

        Assert.Equal(3, Count(svg, 1, "rect"));
        Assert.Equal(3, Count(svg, 2, "circle"));
        Assert.Equal(["Total (bars, left axis)", "Win rate (line, right axis)"], Svg.Legend(html));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "class=\"chart-gutter\""));
        Assert.Contains(Svg.Texts(html), t => t.EndsWith('%'));
    }

    [Fact]
    public void Bar_line_chart_keeps_one_axis_when_both_measures_are_in_one_unit_and_of_a_like_size()
    {
        var html = Figure("bar-line", "sql: SELECT region, sum(amount) AS total, max(amount) AS largest FROM sales GROUP BY 1 ORDER BY 1\nformat: currency");

        Assert.Equal(["Total", "Largest"], Svg.Legend(html));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "class=\"chart-gutter\""));
    }

    [Fact]
    public void A_target_label_moves_off_the_bar_it_would_cover()
    {
        // NA's bar (1,001) stands at the right end above the target (900); APAC's (375) at the left end does not.
        var svg = Draw("bar", ByRegion + "\ntarget: 900");
        var label = svg.Descendants("text").Single(t => t.Value.StartsWith("Target", StringComparison.Ordinal));

        Assert.Equal(("0%", "start"), (label.Attribute("x")?.Value, label.Attribute("text-anchor")?.Value));
    }

    [Fact]
    public void Every_kind_is_listed_in_the_registry_once_under_a_unique_name()
    {
        var kinds = typeof(IChartKind).Assembly.GetTypes().Where(t => typeof(IChartKind).IsAssignableFrom(t) && !t.IsInterface && !t.IsAbstract);

        Assert.Equal(kinds.OrderBy(t => t.Name, StringComparer.Ordinal), ChartKinds.All.Select(k => k.GetType()).OrderBy(t => t.Name, StringComparer.Ordinal));
        Assert.Equal(ChartKinds.Names.Count, ChartKinds.Names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(["line", "area", "bar", "hbar", "stacked-bar", "scatter", "histogram", "box", "pie", "donut", "funnel", "heatmap", "bar-line"], ChartKinds.Names);
    }

    [Theory]
    [InlineData("pie", "sql: SELECT region, segment, sum(amount) AS total FROM sales GROUP BY 1, 2\ngroup: segment", "group")]
    [InlineData("scatter", "sql: SELECT region, amount FROM sales\nx: region\ny: amount", "x")]
    [InlineData("bar", "sql: SELECT region, segment FROM sales", "type")]
    [InlineData("histogram", "sql: SELECT region FROM sales\nx: region", "x")]
    [InlineData("stacked-bar", ByRegion, "y")]
    [InlineData("line", "sql: SELECT day, region FROM sales\ny: region", "y")]
    [InlineData("bar-line", ByRegion, "y")]
    public void A_kind_that_does_not_fit_the_querys_columns_is_an_error(string type, string rest, string key)
    {
        var yaml = $"title: Test\ntype: {type}\n{rest}\n";
        var problems = new List<ChartProblem>();
        var spec = ChartSpecParser.Parse(yaml, problems)!;
        var outcome = ChartRenderer.Render(spec, yaml, new ChartPlacement("chart-test", "t.csv", "/t.csv"), TestData.SmallCatalog, null);

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("SI307", problem.Code);
        Assert.Contains($"A {type} chart does not fit", problem.Message, StringComparison.Ordinal);
        Assert.Equal(spec.PositionOf(key), problem.Position);
    }
}
