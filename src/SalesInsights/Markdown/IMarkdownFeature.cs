using Markdig;

namespace SalesInsights.Markdown;

/// <summary>
/// A feature of our Markdown dialect (chart blocks, inline values...). It adds its parsers once, then for every
/// document prepares HTML for its nodes between parsing and rendering, reporting problems with positions.
/// </summary>
public interface IMarkdownFeature
{
    void Configure(MarkdownPipelineBuilder builder);

    void Prepare(MarkdownNodes nodes, MarkdownRenderContext context);
}
