using SalesInsights.Markdown;
using SalesInsights.Markdown.DataNotes;
using SalesInsights.Pipeline;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Markdown.DataNotes;

public sealed class DataNoteFeatureTests
{
    private static (string Html, IReadOnlyCollection<Diagnostic> Diagnostics) Render(string markdown, int lineOffset = 0)
    {
        var renderer = new MarkdownRenderer([new DataNoteFeature(TestData.SmallCatalog)]);
        var context = new MarkdownRenderContext("input/pages/test.md", lineOffset, null, basePath: "/blog");
        return (renderer.Render(markdown, context).Html, context.Diagnostics);
    }

    [Fact]
    public void A_datasets_block_lists_every_dataset_with_its_rows_columns_and_download_link()
    {
        var (html, diagnostics) = Render("```datasets\nperiod: SELECT min(day), max(day) FROM sales\n```\n");

        Assert.Empty(diagnostics);
        Assert.Contains("covering <time datetime=\"2025-01-03\">2025-01-03</time> to <time datetime=\"2025-03-20\">2025-03-20</time>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td><a href=\"/blog/data/sales.csv\" download>sales.csv</a></td><td data-value=\"6\">6</td><td>region, segment, amount, won, day</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/blog/data/stages.csv\" download>stages.csv</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_sql_error_in_the_period_is_reported_at_its_line()
    {
        var (_, diagnostics) = Render("Text.\n\n```datasets\nperiod: SELECT min(dy) FROM sales\n```\n", lineOffset: 4);

        var error = Assert.Single(diagnostics);
        Assert.Equal(("SI306", 8), (error.Code, error.Line));
    }
}
