using System.Collections.Immutable;
using System.Net;
using System.Text;
using SalesInsights.Pipeline;

namespace SalesInsights.Preview;

/// <summary>
/// The panel a failed build puts over every page of the preview: each error as <c>path:line:column</c>, code and
/// message, all HTML-escaped. The page underneath stays the last good build.
/// </summary>
public static class ErrorOverlay
{
    public const string ElementId = "si-preview-overlay";

    /// <summary>Where the overlay's stylesheet is served: no inline style, so the site's CSP (style-src 'self') admits it.</summary>
    public const string StylePath = "/__preview/overlay.css";

    /// <summary>The stylesheet served at <see cref="StylePath"/>.</summary>
    public const string Style = """
        #si-preview-overlay { position: fixed; inset: 0; z-index: 2147483647; overflow: auto; padding: 2rem;
          background: rgba(20, 22, 26, .92); color: #f3f3f3; font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        #si-preview-overlay .si-panel { max-width: 60rem; margin: 0 auto; }
        #si-preview-overlay button { float: right; font: inherit; background: none; color: inherit; border: 1px solid #888; border-radius: 4px; cursor: pointer; }
        #si-preview-overlay .si-title { margin: 0 0 1rem; font-size: 18px; color: #ff8080; }
        #si-preview-overlay ol { padding-left: 1.5rem; }
        #si-preview-overlay li { margin-bottom: .75rem; }
        #si-preview-overlay code { color: #9ecbff; }
        #si-preview-overlay .si-error { color: #ff8080; }
        #si-preview-overlay .si-note { color: #bbb; }
        """;

    public static string Render(ImmutableArray<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        var html = new StringBuilder();
        html.Append("<div id=\"").Append(ElementId).Append("\" role=\"alert\">")
            .Append("<link rel=\"stylesheet\" href=\"").Append(StylePath).Append("\">")
            .Append("<div class=\"si-panel\">")
            .Append("<button type=\"button\" data-si-hide aria-label=\"Hide\">hide</button>")
            .Append("<p class=\"si-title\"><strong>Build failed: ")
            .Append(errors.Count).Append(errors.Count == 1 ? " error" : " errors").Append("</strong></p>")
            .Append("<ol>");
        foreach (var error in errors)
        {
            html.Append("<li><code>")
                .Append(Encode($"{error.Path}:{error.Line}:{error.Column}"))
                .Append("</code> <span class=\"si-error\">error ").Append(Encode(error.Code)).Append("</span>: ")
                .Append(Encode(error.Message)).Append("</li>");
        }
        html.Append("</ol><p class=\"si-note\">The page underneath is the last good build. Fix the file and save: this panel goes away by itself.</p></div></div>");
        return html.ToString();
    }

    /// <summary>A whole page for when no build has succeeded yet.</summary>
    public static string Page(ImmutableArray<Diagnostic> diagnostics) =>
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed · preview</title></head><body>" + Render(diagnostics) + "</body></html>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
