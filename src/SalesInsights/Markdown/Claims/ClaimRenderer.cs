using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace SalesInsights.Markdown.Claims;

/// <summary>A claim shows nothing to readers: it is the build's to check, not the reader's to read.</summary>
public sealed class ClaimRenderer : HtmlObjectRenderer<Claim>
{
    protected override void Write(HtmlRenderer renderer, Claim inline)
    {
    }
}
