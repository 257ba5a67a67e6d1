using System.Net;
using System.Text;

namespace SalesInsights.Html;

/// <summary>
/// The prose a reader reads in a rendered article, as plain text for the search index: headings, paragraphs,
/// lists, table cells, captions and the values printed in sentences, without code blocks, drawings (SVG), the
/// data behind charts and data notes (the collapsed <c>details</c> tables: raw data is never shipped to search),
/// nor anything that is not text (scripts, styles, forms).
/// </summary>
public static class HtmlText
{
    /// <summary>Elements whose content is left out, with everything inside them.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "pre", "svg", "math", "details", "script", "style", "template", "noscript", "textarea", "select", "button", "head", "title",
    };

    /// <summary>Links the theme adds beside the text (a heading's "#", a chart's "Download CSV"), left out like <see cref="Skipped"/>.</summary>
    private static readonly string[] SkippedClasses = ["class=\"heading-anchor\"", "class=\"chart-download\""];

    /// <summary>Elements that sit inside a line of text: their tags join words instead of separating them.</summary>
    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s", "samp",
        "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    };

    /// <summary>
    /// The text of <paramref name="html"/>, whitespace collapsed, at most <paramref name="limit"/> characters (cut at a
    /// word). One forward scan without a DOM: every article of a build is read, so it stays linear and allocation-light.
    /// </summary>
    public static string Of(string html, int limit = int.MaxValue)
    {
        var text = new StringBuilder(Math.Min(html.Length / 2, 64 * 1024));
        var span = html.AsSpan();
        var i = 0;
        var pendingSpace = false;
        while (i < span.Length && text.Length < limit)
        {
            var lt = span[i..].IndexOf('<');
            var end = lt < 0 ? span.Length : i + lt;
            if (end > i)
            {
                AppendText(text, span[i..end], ref pendingSpace);
            }
            if (lt < 0)
            {
                break;
            }
            i = end;
            if (span[i..].StartsWith("<!--"))
            {
                var close = span[(i + 4)..].IndexOf("-->");
                i = close < 0 ? span.Length : i + 4 + close + 3;
                continue;
            }
            var tagEnd = span[i..].IndexOf('>');
            if (tagEnd < 0)
            {
                break;
            }
            var tag = span[(i + 1)..(i + tagEnd)];
            i += tagEnd + 1;
            var closing = tag.StartsWith("/");
            var name = Name(closing ? tag[1..] : tag);
            if (name.Length == 0)
            {
                continue;
            }
            if (!closing && !tag.EndsWith("/") && (Skipped.Contains(name.ToString()) || IsSkippedLink(name, tag)))
            {
                i = AfterClosing(span, i, name);
                pendingSpace = true;
                continue;
            }
            if (!Inline.Contains(name.ToString()))
            {
                pendingSpace = true;
            }
        }
        return text.Length <= limit ? text.ToString().Trim() : Cut(text.ToString(), limit);
    }

    private static void AppendText(StringBuilder text, ReadOnlySpan<char> raw, ref bool pendingSpace)
    {
        var decoded = raw.Contains('&') ? WebUtility.HtmlDecode(raw.ToString()).AsSpan() : raw;
        foreach (var c in decoded)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && text.Length > 0)
            {
                text.Append(' ');
            }
            pendingSpace = false;
            text.Append(c);
        }
    }

    private static bool IsSkippedLink(ReadOnlySpan<char> name, ReadOnlySpan<char> tag)
    {
        if (!name.Equals("a", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        foreach (var skipped in SkippedClasses)
        {
            if (tag.Contains(skipped, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static ReadOnlySpan<char> Name(ReadOnlySpan<char> tag)
    {
        var length = 0;
        while (length < tag.Length && (char.IsAsciiLetterOrDigit(tag[length]) || tag[length] is '-' or ':'))
        {
            length++;
        }
        return length > 0 && char.IsAsciiLetter(tag[0]) ? tag[..length] : [];
    }

    /// <summary>The position after the end tag that closes <paramref name="name"/>, counting nested ones of the same name.</summary>
    private static int AfterClosing(ReadOnlySpan<char> html, int from, ReadOnlySpan<char> name)
    {
        var depth = 1;
        var i = from;
        while (i < html.Length)
        {
            var lt = html[i..].IndexOf('<');
            if (lt < 0)
            {
                return html.Length;
            }
            i += lt + 1;
            var closing = i < html.Length && html[i] == '/';
            var rest = html[(closing ? i + 1 : i)..];
            if (rest.StartsWith(name, StringComparison.OrdinalIgnoreCase) && rest.Length > name.Length && !char.IsAsciiLetterOrDigit(rest[name.Length]) && rest[name.Length] != '-')
            {
                var tagEnd = rest.IndexOf('>');
                var selfClosing = tagEnd > 0 && rest[tagEnd - 1] == '/';
                depth += closing ? -1 : selfClosing ? 0 : 1;
                if (depth == 0)
                {
                    return tagEnd < 0 ? html.Length : (closing ? i + 1 : i) + tagEnd + 1;
                }
            }
        }
        return html.Length;
    }

    private static string Cut(string text, int limit)
    {
        var cut = text.LastIndexOf(' ', limit);
        return text[..(cut > 0 ? cut : limit)];
    }
}
