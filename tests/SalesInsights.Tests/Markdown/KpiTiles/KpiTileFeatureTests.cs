using System.Collections.Immutable;
using SalesInsights.Dashboard;
using SalesInsights.Markdown;
using SalesInsights.Markdown.KpiTiles;
using SalesInsights.Pipeline;
using SalesInsights.Site;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Markdown.KpiTiles;

public sealed class KpiTileFeatureTests
{
    /// <summary>Won amount per month of the small catalog: January 100.5, February 1450, March 300.</summary>
    private const string Monthly = "SELECT strftime(day, '%Y-%m') AS month, sum(amount * won) AS won FROM sales GROUP BY 1 ORDER BY 1";

    private static string Kpi(string name, string sql, string extra = "") =>
        $"```kpi\nname: {name}\nlabel: {name} label\n{extra}sql: {sql}\n```\n";

    private static (string Html, IReadOnlyCollection<Diagnostic> Diagnostics) Render(string markdown, int lineOffset = 0, Metadata? metadata = null)
    {
        var renderer = new MarkdownRenderer([new KpiTileFeature(TestData.SmallCatalog)]);
        var context = new MarkdownRenderContext("input/pages/test.md", lineOffset, null, metadata: metadata);
        return (renderer.Render(markdown, context).Html, context.Diagnostics);
    }

    [Fact]
    public void Without_a_dashboard_view_a_tile_shows_the_last_period_against_the_one_before()
    {
        var (html, diagnostics) = Render(Kpi("won", Monthly, "format: currency\n"));

        Assert.Empty(diagnostics);
        Assert.Contains("<div class=\"kpi\" data-kpi=\"won\" data-value=\"300\" data-previous=\"1450\" data-period=\"2025-03\" data-region=\"all\" data-format=\"currency\">", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"kpi-label\">won label</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"kpi-value kpi-chars-4\">$300</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"kpi-delta down worse\" data-change=\"-0.7931034482758621\">79.3% vs 2025-02</p>", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"sparkline\"", html, StringComparison.Ordinal);
        Assert.Contains("stroke=\"currentColor\" fill=\"none\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("▲", html, StringComparison.Ordinal);
        Assert.DoesNotContain("▼", html, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_dashboard_view_a_tile_shows_the_views_quarter_and_region()
    {
        var sql = "SELECT quarters.quarter, count(s.amount) AS deals FROM $quarters LEFT JOIN sales s ON s.day BETWEEN quarters.quarter_start AND quarters.quarter_end AND $region_filter GROUP BY 1 ORDER BY 1";
        ImmutableArray<Quarter> quarters = [new(2024, 4), new(2025, 1), new(2025, 2)];
        var view = new DashboardView("EMEA", new Quarter(2025, 1), quarters, 8, new DateOnly(2024, 10, 1), new DateOnly(2025, 6, 30), "/dashboard/emea/2025-q1/");

        var (html, diagnostics) = Render(Kpi("deals", view.Substitute(sql), "format: integer\n"), metadata: Metadata.Empty.With(Keys.DashboardView, view));

        Assert.Empty(diagnostics);
        Assert.Contains("data-kpi=\"deals\" data-value=\"2\" data-previous=\"0\" data-period=\"2025-Q1\" data-region=\"EMEA\"", html, StringComparison.Ordinal);
        Assert.Contains("Up from zero vs 2024-Q4", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Consecutive_tiles_share_one_grid_and_prose_between_them_starts_another()
    {
        var markdown = Kpi("a", Monthly) + "\n" + Kpi("b", Monthly) + "\nSome prose.\n\n" + Kpi("c", Monthly);

        var (html, diagnostics) = Render(markdown);

        Assert.Empty(diagnostics);
        Assert.Equal(2, html.Split("<div class=\"kpi-grid\">").Length - 1);
        var first = html[..html.IndexOf("Some prose", StringComparison.Ordinal)];
        Assert.Equal(2, first.Split("data-kpi=").Length - 1);
        Assert.Matches(@"</div>\s*</div>\s*<p>Some prose\.</p>", html);
    }

    [Theory]
    [InlineData("percent", "", "up better", "5.0 pts vs 2025-02")]
    [InlineData("number", "change: absolute\nbetter: down\n", "up worse", "0.05 vs 2025-02")]
    [InlineData("number", "change: relative\n", "up better", "10.0% vs 2025-02")]
    public void The_change_reads_in_points_for_percentages_and_its_colour_follows_which_way_is_better(string format, string extra, string classes, string text)
    {
        var sql = "SELECT * FROM (VALUES ('2025-01', 0.4), ('2025-02', 0.5), ('2025-03', 0.55)) AS t(month, share)";

        var (html, diagnostics) = Render(Kpi("share", sql, $"format: {format}\n{extra}"));

        Assert.Empty(diagnostics);
        Assert.Contains($"<p class=\"kpi-delta {classes}\"", html, StringComparison.Ordinal);
        Assert.Contains($">{text}</p>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("number", "change: absolute\n", 2.61, 2.6132, "less than 0.01 vs 2025-02")]
    [InlineData("percent", "", 0.263, 0.2632, "less than 0.1 pts vs 2025-02")]
    [InlineData("number", "change: relative\n", 1000, 1000.2, "less than 0.1% vs 2025-02")]
    [InlineData("currency", "change: absolute\n", 1000, 1000.002, "$0 vs 2025-02")]
    public void A_change_too_small_to_show_a_digit_is_neutral_without_an_arrow_or_colour(string format, string extra, double before, double after, string text)
    {
        var sql = FormattableString.Invariant($"SELECT * FROM (VALUES ('2025-01', 1.0), ('2025-02', {before}), ('2025-03', {after})) AS t(month, v)");

        var (html, diagnostics) = Render(Kpi("v", sql, $"format: {format}\n{extra}"));

        Assert.Empty(diagnostics);
        Assert.Contains("<p class=\"kpi-delta flat\" data-change=", html, StringComparison.Ordinal);
        Assert.Contains($">{text}</p>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("currency", 45768.0, "kpi-chars-7\">$45,768<")]
    [InlineData("percent", 0.263, "kpi-chars-5\">26.3%<")]
    [InlineData("number", 2.61, "kpi-chars-4\">2.61<")]
    [InlineData("currency", 123456789012.0, "kpi-chars-16\">$123,456,789,012<")]
    public void A_value_carries_its_length_so_the_stylesheet_can_fit_it_to_the_tile_on_one_line(string format, double value, string expected)
    {
        var sql = FormattableString.Invariant($"SELECT * FROM (VALUES ('2025-01', 1.0), ('2025-02', {value})) AS t(month, v)");

        var (html, _) = Render(Kpi("v", sql, $"format: {format}\n"));

        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_sql_error_is_reported_at_the_line_of_sql_in_the_file()
    {
        // Body line 1 is file line 11: the fence is on line 13, name 14, label 15, sql 16.
        var (_, diagnostics) = Render("Intro.\n\n" + Kpi("broken", "SELECT month, nope FROM sales"), lineOffset: 10);

        var error = Assert.Single(diagnostics);
        Assert.Equal(("SI306", 16, "input/pages/test.md"), (error.Code, error.Line, error.Path));
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: x\nlable: X\nsql: SELECT 1, 2\n", "SI503", 2)]
    [InlineData("name: x\nformat: percentage\nsql: SELECT 1, 2\n", "SI310", 2)]
    [InlineData("name: x\nsql: SELECT 'a', 'b'\n", "SI305", 2)]
    [InlineData("name: Bad Name\nsql: SELECT 1, 2\n", "SI503", 1)]
    [InlineData("name: x\nsql: SELECT 1, 2\nchange: sideways\n", "SI503", 3)]
    public void A_block_that_cannot_be_a_tile_is_reported_at_its_key(string yaml, string code, int yamlLine)
    {
        var (_, diagnostics) = Render($"```kpi\n{yaml}```\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal((code, yamlLine + 1), (error.Code, error.Line));
    }
}
