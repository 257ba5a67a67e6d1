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

    public static string Render(ImmutableArray<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        var html = new StringBuilder();
        html.Append("<div id=\"").Append(ElementId).Append("\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;")
            .Append("background:rgba(20,22,26,.92);color:#f3f3f3;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:2rem\">")
            .Append("<div style=\"max-width:60rem;margin:0 auto\">")
            .Append("<button type=\"button\" onclick=\"this.closest('#").Append(ElementId).Append("').remove()\" aria-label=\"Hide\" ")
            .Append("style=\"float:right;font:inherit;background:none;color:inherit;border:1px solid #888;border-radius:4px;cursor:pointer\">hide</button>")
            .Append("<p style=\"margin:0 0 1rem;font-size:18px;color:#ff8080\"><strong>Build failed: ")
            .Append(errors.Count).Append(errors.Count == 1 ? " error" : " errors").Append("</strong></p>")
            .Append("<ol style=\"padding-left:1.5rem\">");
        foreach (var error in errors)
        {
            html.Append("<li style=\"margin-bottom:.75rem\"><code style=\"color:#9ecbff\">")
                .Append(Encode($"{error.Path}:{error.Line}:{error.Column}"))
                .Append("</code> <span style=\"color:#ff8080\">error ").Append(Encode(error.Code)).Append("</span>: ")
                .Append(Encode(error.Message)).Append("</li>");
        }
        html.Append("</ol><p style=\"color:#bbb\">The page underneath is the last good build. Fix the file and save: this panel goes away by itself.</p></div></div>");
        return html.ToString();
    }

    /// <summary>A whole page for when no build has succeeded yet.</summary>
    public static string Page(ImmutableArray<Diagnostic> diagnostics) =>
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed · preview</title></head><body>" + Render(diagnostics) + "</body></html>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
