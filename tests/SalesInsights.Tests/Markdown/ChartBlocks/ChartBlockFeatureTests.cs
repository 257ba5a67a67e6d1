using SalesInsights.Charts;
using SalesInsights.Pipeline;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Markdown.ChartBlocks;

public sealed class ChartBlockFeatureTests
{
    private static (string Html, IReadOnlyCollection<Diagnostic> Diagnostics, IReadOnlyCollection<SalesInsights.Markdown.GeneratedFile> Files) Render(string markdown, int lineOffset = 0)
    {
        var (result, context) = TestData.Render(markdown, TestData.SampleCatalog, lineOffset: lineOffset);
        return (result.Html, context.Diagnostics, context.Files);
    }

    private static Diagnostic Single(string markdown, int lineOffset = 0) => Assert.Single(Render(markdown, lineOffset).Diagnostics);

    [Fact]
    public void A_chart_block_becomes_a_figure_and_its_csv_is_written_beside_the_page()
    {
        var (html, diagnostics, files) = Render(TestData.Chart("title: Deals by segment\ntype: bar\ndata: deals\nx: segment\naggregate: count"));

        Assert.Empty(diagnostics);
        Assert.Contains("<figure class=\"chart chart-bar\" id=\"chart-deals-by-segment\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<pre", html, StringComparison.Ordinal);
        var file = Assert.Single(files);
        Assert.Equal("posts/test/chart-deals-by-segment.csv", file.Destination);
        Assert.StartsWith("segment,count\n", file.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_charts_with_the_same_title_get_distinct_ids()
    {
        var chart = TestData.Chart("title: Same\ntype: bar\ndata: deals\nx: segment\naggregate: count");
        var (html, _, files) = Render(chart + "\n" + chart);

        Assert.Contains("id=\"chart-same\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-same-2\"", html, StringComparison.Ordinal);
        Assert.Equal(2, files.Count);
    }

    [Fact]
    public void A_chart_shown_as_source_inside_a_markdown_block_is_not_drawn()
    {
        var (html, diagnostics, _) = Render("````markdown\n```chart\ntitle: X\n```\n````\n");

        Assert.Empty(diagnostics);
        Assert.DoesNotContain("<figure", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_dataset_is_reported_at_the_data_line_with_a_suggestion()
    {
        // 'data: deal' is the body's sixth line; after three front matter lines it is line 9 of the file.
        var diagnostic = Single(TestData.Chart("title: T\ntype: bar\ndata: deal\nx: segment\naggregate: count"), lineOffset: 3);

        Assert.Equal(("SI305", "input/posts/test.md", 9), (diagnostic.Code, diagnostic.Path, diagnostic.Line));
        Assert.Contains("Unknown dataset 'deal'. Did you mean 'deals'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_column_is_reported_at_its_key_with_a_suggestion()
    {
        var diagnostic = Single(TestData.Chart("title: T\ntype: bar\ndata: deals\nx: segmnet\naggregate: count"));

        Assert.Equal(("SI305", 7), (diagnostic.Code, diagnostic.Line));
        Assert.Contains("Did you mean 'segment'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_column_of_a_sql_chart_lists_the_querys_columns()
    {
        var diagnostic = Single(TestData.Chart("title: T\ntype: bar\nsql: SELECT segment, count(*) AS n FROM deals GROUP BY 1\ny: count"));

        Assert.Equal(("SI305", 7), (diagnostic.Code, diagnostic.Line));
        Assert.Contains("The query returns: segment, n", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_sql_error_is_reported_at_the_sql_key_with_duckdbs_message()
    {
        var diagnostic = Single(TestData.Chart("title: T\ntype: bar\nsql: |\n  SELECT segmnt, count(*) FROM deals GROUP BY 1"));

        Assert.Equal(("SI306", 6), (diagnostic.Code, diagnostic.Line));
        Assert.Contains("Binder Error", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("segmnt", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chart_reading_a_file_outside_the_data_folder_fails_with_the_sandboxs_permission_error()
    {
        var diagnostic = Single(TestData.Chart("title: T\ntype: bar\nsql: SELECT * FROM read_csv_auto('/etc/passwd')"), lineOffset: 4);

        Assert.Equal(("SI306", "input/posts/test.md", 10), (diagnostic.Code, diagnostic.Path, diagnostic.Line));
        Assert.Contains("Permission Error", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("file system operations are disabled by configuration", diagnostic.Message, StringComparison.Ordinal);
        // DuckDB's quote of the failing line shows the writer's query, not the wrapper used to read its columns.
        Assert.Contains("LINE 1: SELECT * FROM read_csv_auto('/etc/passwd')", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chart_type_that_does_not_fit_the_columns_is_reported_at_the_offending_key()
    {
        var diagnostic = Single(TestData.Chart("title: T\ntype: scatter\nsql: SELECT segment, amount FROM deals LIMIT 10\nx: segment\ny: amount"));

        Assert.Equal(("SI307", 7), (diagnostic.Code, diagnostic.Line));
        Assert.Contains("x must be numeric", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_yaml_is_reported_at_its_line_and_column_in_the_article()
    {
        var diagnostic = Single(TestData.Chart("title: T\ntype: bar\n  sql: : SELECT"));

        Assert.Equal("SI302", diagnostic.Code);
        Assert.InRange(diagnostic.Line, 5, 6);
        Assert.True(diagnostic.Column > 1);
    }

    [Fact]
    public void A_block_without_a_title_is_reported_at_its_opening_fence()
    {
        var diagnostic = Single("Text.\n\n```chart\ntype: bar\ndata: deals\nx: segment\naggregate: count\n```\n");

        Assert.Equal(("SI302", 3), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void Every_problem_of_every_chart_is_listed_together()
    {
        var (_, diagnostics, _) = Render(
            TestData.Chart("title: A\ntype: bar\ndata: deal\nx: segment") + "\n" +
            TestData.Chart("title: B\ntype: bra\ndata: deals\nx: segment\ncolour: red"));

        Assert.Equal(["SI303", "SI304", "SI305"], diagnostics.Select(d => d.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_a_data_catalog_a_chart_is_an_error_not_a_crash()
    {
        var renderer = new SalesInsights.Markdown.MarkdownRenderer([new SalesInsights.Markdown.ChartBlocks.ChartBlockFeature()]);
        var context = new SalesInsights.Markdown.MarkdownRenderContext("input/posts/a.md", 0, null);

        renderer.Render(TestData.Chart("title: T\ntype: bar\ndata: deals\nx: segment"), context);

        Assert.Equal("SI300", Assert.Single(context.Diagnostics).Code);
    }

    [Fact]
    public void Charts_on_many_pages_rendered_in_parallel_reuse_cached_figures_on_the_next_build()
    {
        using var cacheFolder = new TemporaryFolder();
        var cache = new ChartCache(cacheFolder.Root);
        var markdown = string.Concat(Enumerable.Range(0, 10).Select(i => TestData.Chart($"title: Chart {i}\ntype: bar\ndata: deals\nx: region\ny: amount\naggregate: avg\nwhere: amount > {i * 1000}")));

        void Build() => Parallel.For(0, 4, page =>
        {
            var (_, context) = TestData.Render(markdown, TestData.SampleCatalog, cache);
            Assert.Empty(context.Diagnostics);
            Assert.Equal(10, context.Files.Count);
        });

        Build();
        var drawn = cache.Misses;
        Build();

        Assert.InRange(drawn, 10, 40);
        Assert.Equal(drawn, cache.Misses);
        Assert.True(cache.Hits >= 40);
    }
}
