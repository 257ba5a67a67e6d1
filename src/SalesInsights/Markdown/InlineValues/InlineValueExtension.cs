using Markdig;
using Markdig.Renderers;

namespace SalesInsights.Markdown.InlineValues;

/// <summary>Adds the inline value parser, ahead of generic attributes which also start at a brace, and its renderer.</summary>
public sealed class InlineValueExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<InlineValueParser>())
        {
            pipeline.InlineParsers.Insert(0, new InlineValueParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<InlineValueRenderer>())
        {
            html.ObjectRenderers.Insert(0, new InlineValueRenderer());
        }
    }
}
