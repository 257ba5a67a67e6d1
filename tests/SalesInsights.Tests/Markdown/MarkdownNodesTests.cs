using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SalesInsights.Markdown;

namespace SalesInsights.Tests.Markdown;

public sealed class MarkdownNodesTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private const string Article = """
        # Title with `code`

        A paragraph with a [link](/a) and *emphasis with a [nested link](/b)*.

        > A quote
        > - with a list item and ![an image](/c.png)

        | Rep | Deals |
        | --- | ---: |
        | Ana [profile](/ana) | 3 |

        ```sql
        SELECT not counted FROM words
        ```

        ## Second heading
        """;

    [Fact]
    public void Blocks_and_inlines_come_in_the_order_markdigs_own_walk_gives_them()
    {
        var document = Markdig.Markdown.Parse(Article, Pipeline);
        var nodes = MarkdownNodes.Of(document);

        Assert.Equal(document.Descendants<Block>(), nodes.Blocks<Block>());
        Assert.Equal(document.Descendants<HeadingBlock>(), nodes.Blocks<HeadingBlock>());
        Assert.Equal(document.Descendants<LinkInline>(), nodes.Inlines<LinkInline>());
        Assert.Equal(["/a", "/b", "/c.png", "/ana"], nodes.Inlines<LinkInline>().Select(l => l.Url));
        Assert.Equal(document.Descendants<Inline>().Where(i => i is not LiteralInline), nodes.Inlines<Inline>());
    }

    [Fact]
    public void Words_count_prose_headings_table_cells_and_inline_code_but_not_code_blocks()
    {
        var nodes = MarkdownNodes.Of(Markdig.Markdown.Parse(Article, Pipeline));

        // The title 3, the paragraph 12 (text is counted inline by inline, so the full stop after the emphasis is a
        // word of its own), the quote with its item and the image's alt text 9, the table 5, the second heading 2.
        Assert.Equal(31, nodes.Words);
    }
}
