using System.Net;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace SalesInsights.Markdown.InlineValues;

/// <summary>Writes the <c>&lt;data&gt;</c> element prepared for a value, or the expression itself when none was (an error was reported).</summary>
public sealed class InlineValueRenderer : HtmlObjectRenderer<InlineValue>
{
    protected override void Write(HtmlRenderer renderer, InlineValue inline)
    {
        if (MarkdownRenderContext.Of(inline) is { } context && context.TryGetReplacement(inline, out var html))
        {
            renderer.Write(html);
            return;
        }
        renderer.Write(WebUtility.HtmlEncode($"{{{{ {inline.Expression} }}}}"));
    }
}
