using Markdig;
using Markdig.Renderers;

namespace SalesInsights.Markdown.Claims;

/// <summary>Adds the claim parser ahead of inline values and generic attributes, which also start at a brace, and its renderer.</summary>
public sealed class ClaimExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<ClaimParser>())
        {
            pipeline.InlineParsers.Insert(0, new ClaimParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<ClaimRenderer>())
        {
            html.ObjectRenderers.Insert(0, new ClaimRenderer());
        }
    }
}
