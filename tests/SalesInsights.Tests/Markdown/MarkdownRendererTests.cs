using SalesInsights.Markdown;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Markdown;

public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static MarkdownResult Render(string markdown, int lineOffset = 0, string basePath = "") =>
        Renderer.Render(markdown, new MarkdownRenderContext("input/posts/a.md", lineOffset, null, basePath));

    [Fact]
    public void Headings_get_ids_anchors_and_a_table_of_contents_of_levels_two_and_three()
    {
        var result = Render("# Title\n\n## First part\n\n### Detail `code`\n\n#### Too deep\n");
        Assert.Equal([(2, "first-part", "First part"), (3, "detail-code", "Detail code")], result.Toc.Select(t => (t.Level, t.Id, t.Title)));
        Assert.Contains("<h2 id=\"first-part\">", result.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"#first-part\"", result.Html, StringComparison.Ordinal);
        Assert.Contains("too-deep", result.Anchors);
    }

    [Fact]
    public void Words_are_counted_in_prose_but_not_in_code_blocks()
    {
        var result = Render("One two three.\n\n```\nnot counted here\n```\n\n- four five\n");
        Assert.Equal(5, result.WordCount);
    }

    [Fact]
    public void The_first_paragraph_is_kept_as_plain_text_for_the_excerpt()
    {
        Assert.Equal("A bold claim with a link.", Render("## Heading\n\nA **bold** claim with a [link](/x/).\n\nSecond.").FirstParagraph);
    }

    [Fact]
    public void A_table_is_not_the_excerpt_the_first_paragraph_of_prose_is()
    {
        Assert.Equal("Prose after the table.", Render("| Region | Deals |\n|---|---|\n| EMEA | 4 |\n\nProse after the table.").FirstParagraph);
    }

    [Fact]
    public void Values_from_the_data_are_in_the_excerpt_and_the_table_of_contents_as_readers_see_them()
    {
        var (result, _) = TestData.Render("## {{ q.total | integer }} deals\n\nWe closed {{ q.total | integer }} deals.\n\n```sql name=total\nSELECT count(*) FROM sales\n```\n", TestData.SmallCatalog);

        Assert.Equal("We closed 6 deals.", result.FirstParagraph);
        Assert.Equal("6 deals", Assert.Single(result.Toc).Title);
    }

    [Fact]
    public void Links_are_recorded_with_their_line_in_the_source_file()
    {
        var result = Render("Intro.\n\nSee [this](/posts/b/) and ![chart](/img/c.png).\n", lineOffset: 5);
        Assert.Collection(result.Links,
            link => Assert.Equal(("/posts/b/", false, 8), (link.Url, link.IsImage, link.Line)),
            link => Assert.Equal(("/img/c.png", true, 8), (link.Url, link.IsImage, link.Line)));
    }

    [Fact]
    public void Root_relative_links_get_the_sites_sub_path()
    {
        Assert.Contains("href=\"/blog/posts/b/\"", Render("[b](/posts/b/)", basePath: "/blog").Html, StringComparison.Ordinal);
    }

    [Fact]
    public void External_links_get_rel_noopener_and_internal_ones_do_not()
    {
        var html = Render("[out](https://example.com/) [in](/x/)").Html;
        Assert.Contains("href=\"https://example.com/\" rel=\"noopener\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/x/\" rel", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_blocks_are_highlighted_at_build_time_with_classes_not_inline_styles()
    {
        var html = Render("```csharp\nvar x = \"a\"; // note\n```\n").Html;
        Assert.Contains("<pre class=\"highlight\" tabindex=\"0\" data-lang=\"csharp\"><code>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"keyword\">var</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_in_an_unknown_language_is_escaped_as_is()
    {
        Assert.Contains("&lt;b&gt;", Render("```text\n<b>\n```\n").Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(230, 1)]
    [InlineData(231, 2)]
    [InlineData(2300, 10)]
    public void Reading_time_rounds_up_at_230_words_a_minute(int words, int minutes) => Assert.Equal(minutes, MarkdownRenderer.ReadingMinutes(words));

    [Fact]
    public void The_prose_before_a_more_divider_is_the_summary()
    {
        var result = Render("First *part*.\n\nSecond part.\n\n<!--more-->\n\nThe rest.\n");

        Assert.Equal("First part. Second part.", result.SummaryBeforeMore);
    }

    [Fact]
    public void Without_a_divider_there_is_no_summary_before_more()
    {
        Assert.Null(Render("Only prose.\n").SummaryBeforeMore);
    }
}

public sealed class MarkdownTablesTests
{
    [Fact]
    public void Tables_scroll_in_a_focusable_region_and_alignment_is_a_class_not_an_inline_style()
    {
        var html = new MarkdownRenderer().Render("| a | b |\n|:-:|--:|\n| 1 | 2 |\n", new MarkdownRenderContext("a.md", 0, null)).Html;
        Assert.StartsWith("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\"", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"align-center\">1</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"align-right\">b</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

}
