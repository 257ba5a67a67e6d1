using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ColorCode;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace SalesInsights.Markdown.Highlighting;

/// <summary>
/// Renders code blocks: first any HTML a feature prepared for the block (charts, queries), else the code
/// highlighted at build time into class-based spans, so pages need no highlighting script and no inline styles.
/// </summary>
public sealed class HighlightCodeBlocks : HtmlObjectRenderer<CodeBlock>
{
    // The formatter is not safe to share across threads; the compiled grammars behind it are shared.
    private static readonly ThreadLocal<HtmlClassFormatter> Formatter = new(() => new HtmlClassFormatter(null, new BoundedLanguageParser()));

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cs"] = "c#", ["csharp"] = "c#", ["c#"] = "c#", ["js"] = "javascript", ["javascript"] = "javascript",
        ["ts"] = "typescript", ["typescript"] = "typescript", ["py"] = "python", ["python"] = "python",
        ["sql"] = "sql", ["json"] = "json", ["html"] = "html", ["xml"] = "xml", ["css"] = "css",
        ["java"] = "java", ["cpp"] = "cpp", ["c++"] = "cpp", ["powershell"] = "powershell", ["ps1"] = "powershell",
        ["fsharp"] = "f#", ["f#"] = "f#", ["php"] = "php", ["markdown"] = "markdown", ["md"] = "markdown",
    };

    protected override void Write(HtmlRenderer renderer, CodeBlock block)
    {
        var context = MarkdownRenderContext.Of(block);
        if (context is not null && context.TryGetReplacement(block, out var html))
        {
            renderer.Write(html);
            return;
        }

        var info = (block as FencedCodeBlock)?.Info?.Trim() ?? string.Empty;
        var code = Code(block);
        var language = Aliases.TryGetValue(info, out var id) ? Languages.FindById(id) : null;
        var label = info.Length > 0 ? $" data-lang=\"{WebUtility.HtmlEncode(info)}\"" : string.Empty;
        // tabindex: a long line scrolls inside the block, and keyboard users must be able to scroll it too.
        renderer.Write($"<pre class=\"highlight\" tabindex=\"0\"{label}><code>");
        var highlighted = language is null ? null : Highlight(code, language);
        if (language is not null && highlighted is null)
        {
            context?.Warning("SI0701", $"the {info} block took longer than {BoundedLanguageParser.Budget.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s to highlight and is shown as plain text", block.Line, block.Column);
        }
        renderer.Write(highlighted ?? WebUtility.HtmlEncode(code));
        renderer.WriteLine("</code></pre>");
    }

    private static string Code(CodeBlock block)
    {
        var lines = block.Lines;
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }
            text.Append(lines.Lines[i].Slice.AsSpan());
        }
        return text.ToString();
    }

    /// <summary>The code as class-based spans, or null when it could not be highlighted within the budget.</summary>
    private static string? Highlight(string code, ILanguage language)
    {
        string html;
        try
        {
            html = Formatter.Value!.GetHtmlString(code, language);
        }
        catch (Exception e) when (e is HighlightBudgetExceededException or RegexMatchTimeoutException)
        {
            return null;
        }
        // ColorCode wraps its output in <div class="lang"><pre>...</pre></div>; keep only the spans inside.
        var start = html.IndexOf("<pre>", StringComparison.Ordinal);
        var end = html.LastIndexOf("</pre>", StringComparison.Ordinal);
        return start >= 0 && end > start ? html[(start + 5)..end].Trim('\r', '\n') : WebUtility.HtmlEncode(code);
    }
}
