using SalesInsights.Markdown;
using SalesInsights.Markdown.Tables;
using SalesInsights.Pipeline;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Markdown.Tables;

public sealed class TableBlockFeatureTests
{
    private static string Table(string yaml) => $"Intro.\n\n```table\n{yaml.Trim()}\n```\n";

    private static (string Html, IReadOnlyCollection<Diagnostic> Diagnostics, IReadOnlyCollection<GeneratedFile> Files) Render(string markdown, int lineOffset = 0)
    {
        var renderer = new MarkdownRenderer([new TableBlockFeature(TestData.SmallCatalog)]);
        var context = new MarkdownRenderContext("input/posts/test.md", lineOffset, null, "", "posts/test");
        return (renderer.Render(markdown, context).Html, context.Diagnostics, context.Files);
    }

    [Fact]
    public void A_table_block_becomes_a_captioned_html_table_with_its_csv_beside_the_page()
    {
        var (html, diagnostics, files) = Render(Table("title: Sales by region\ncaption: Every sale.\nsql: SELECT region, sum(amount) AS amount FROM sales GROUP BY 1 ORDER BY 1"));

        Assert.Empty(diagnostics);
        Assert.Contains("<caption class=\"visually-hidden\" id=\"table-sales-by-region-caption\"><strong class=\"table-title\">Sales by region</strong> <span class=\"table-caption\">Every sale.</span></caption>", html, StringComparison.Ordinal);
        Assert.Contains("aria-labelledby=\"table-sales-by-region-caption\"", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" class=\"align-right\" data-type=\"number\">Amount</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<pre", html, StringComparison.Ordinal);
        var file = Assert.Single(files);
        Assert.Equal("posts/test/table-sales-by-region.csv", file.Destination);
        Assert.StartsWith("region,amount\n", file.Content, StringComparison.Ordinal);
        Assert.Contains("href=\"/posts/test/table-sales-by-region.csv\" download>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_cell_shows_its_column_format_and_keeps_its_raw_value_for_sorting()
    {
        var (html, diagnostics, _) = Render(Table("title: T\nsql: SELECT 'a' AS name, 1234.5 AS amount, 0.25 AS share\ncolumns:\n  name: Name\n  amount: {format: currency}\n  share: {format: percent(0)}"));

        Assert.Empty(diagnostics);
        Assert.Contains("<th scope=\"row\" class=\"align-left\" data-value=\"a\">a</th>", html, StringComparison.Ordinal);
        Assert.Contains("data-value=\"1234.5\">$1,235</td>", html, StringComparison.Ordinal);
        Assert.Contains("data-value=\"0.25\">25%</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_totals_row_is_computed_from_the_rows_in_the_columns_format()
    {
        var (html, diagnostics, _) = Render(Table("title: T\nsql: SELECT * FROM (VALUES ('a', 1000), ('b', 2500)) t(name, amount)\ntotal_label: All\ncolumns:\n  name: Name\n  amount: {format: currency, total: sum}"));

        Assert.Empty(diagnostics);
        Assert.Contains("<tfoot><tr><th scope=\"row\">All</th><td class=\"align-right\">$3,500</td></tr></tfoot>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_below_its_threshold_is_emphasised_and_says_why_in_words()
    {
        var (html, diagnostics, _) = Render(Table("title: T\nsql: SELECT * FROM (VALUES ('a', 0.8, 1.0), ('b', 1.2, 1.0)) t(name, attainment, quota)\ncolumns:\n  name: Name\n  attainment: {format: percent(0), below: quota}"));

        Assert.Empty(diagnostics);
        Assert.Contains("<td class=\"align-right emphasis\" data-value=\"0.8\"><strong>80%</strong><span class=\"visually-hidden\"> (below quota)</span></td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"align-right\" data-value=\"1.2\">120%</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bar_in_a_cell_is_as_long_as_its_value_against_the_columns_largest()
    {
        var (html, _, _) = Render(Table("title: T\nsql: SELECT * FROM (VALUES ('a', 50), ('b', 200)) t(name, n)\ncolumns:\n  name: Name\n  n: {bar: true}"));

        Assert.Contains("<rect width=\"25\" height=\"8\"/>", html, StringComparison.Ordinal);
        Assert.Contains("<rect width=\"100\" height=\"8\"/>", html, StringComparison.Ordinal);
        Assert.Contains("aria-hidden=\"true\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_table_shows_its_first_page_without_script_and_says_so()
    {
        var (html, diagnostics, _) = Render(Table("title: T\npage_size: 5\nsql: SELECT range AS n FROM range(12)"));

        Assert.Empty(diagnostics);
        Assert.Equal(5, html.Split("<tr><td", StringSplitOptions.None).Length - 1);
        Assert.Equal(7, html.Split("<tr hidden>", StringSplitOptions.None).Length - 1);
        Assert.Contains("12 rows; the first 5 are shown.", html, StringComparison.Ordinal);
        Assert.Contains("Download all rows (CSV)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_from_the_data_are_escaped()
    {
        var (html, _, _) = Render(Table("title: T\nsql: SELECT '<b>\"O''Brien\"</b>' AS name"));

        Assert.Contains("&lt;b&gt;&quot;O&#39;Brien&quot;&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_column_is_reported_at_its_line_with_the_column_meant()
    {
        // The body's line 7 is 'regoin: Region'; after three front matter lines it is line 10 of the file.
        var (_, diagnostics, _) = Render(Table("title: T\nsql: SELECT region FROM sales\ncolumns:\n  regoin: Region"), lineOffset: 3);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("SI331", 10, 3), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Contains("Did you mean 'region'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_block_is_reported_together()
    {
        var (html, diagnostics, _) = Render(Table("sql: SELECT 1 AS one\ncolumns:\n  one: {totl: sum, format: percnt}"));

        Assert.Equal(["SI331", "SI310", "SI330"], diagnostics.Select(d => d.Code).ToArray());
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sum_of_a_text_column_is_refused()
    {
        var (_, diagnostics, _) = Render(Table("title: T\nsql: SELECT region FROM sales\ncolumns:\n  region: {total: sum}"));

        Assert.Equal("SI330", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void A_table_over_a_dataset_reads_it_as_charts_do()
    {
        var (html, diagnostics, _) = Render(Table("title: T\ndata: sales\nwhere: region = 'EMEA'\ncolumns: [region, amount]"));

        Assert.Empty(diagnostics);
        Assert.Contains("data-value=\"EMEA\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-value=\"NA\"", html, StringComparison.Ordinal);
    }
}
