using System.Collections.Immutable;
using System.Net;

namespace SalesInsights.Html;

/// <summary>The URLs a page points at and the ids it offers as fragments, read from its HTML.</summary>
public sealed record HtmlLinks(ImmutableArray<HtmlLink> Links, IReadOnlySet<string> Ids)
{
    /// <summary>
    /// Reads links and ids with a single forward scan over the start tags, without building a DOM: every page of
    /// a build is read once, so this is on the hot path (a DOM per page cost more than rendering the Markdown).
    /// It follows the HTML tokenizer where it matters here: comments, doctype and CDATA are skipped, the text of
    /// <c>script</c>, <c>style</c>, <c>textarea</c> and <c>title</c> holds no tags, attribute names are
    /// case-insensitive, the first of two equal attributes wins, and character references in values are decoded.
    /// </summary>
    public static HtmlLinks Read(string html)
    {
        var links = ImmutableArray.CreateBuilder<HtmlLink>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lines = new LineCounter(html);
        var span = html.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            var lt = span[i..].IndexOf('<');
            if (lt < 0)
            {
                break;
            }
            i += lt;
            if (i + 1 >= span.Length)
            {
                break;
            }
            var next = span[i + 1];
            if (next == '!')
            {
                i = SkipMarkup(span, i);
                continue;
            }
            if (next is '/' or '?' || !char.IsAsciiLetter(next))
            {
                i = next == '/' || next == '?' ? SkipPast(span, i + 1, ">") : i + 1;
                continue;
            }

            var start = i;
            var nameStart = i + 1;
            var nameEnd = nameStart;
            while (nameEnd < span.Length && !IsSpace(span[nameEnd]) && span[nameEnd] is not '/' and not '>')
            {
                nameEnd++;
            }
            var element = Lower(span[nameStart..nameEnd]);
            var tag = new TagAttributes();
            i = ReadAttributes(html, nameEnd, ref tag);
            var (line, column) = lines.At(start);
            var linkAttribute = LinkAttribute(element);
            if (linkAttribute is not null && tag.Get(linkAttribute) is { } url)
            {
                links.Add(new HtmlLink(url.Trim(), element, line, column));
            }
            if (element is "img" or "source" && tag.Get("srcset") is { } srcset)
            {
                foreach (var candidate in srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    links.Add(new HtmlLink(candidate.Split(' ')[0], element, line, column));
                }
            }
            if (tag.Get("id") is { } id)
            {
                ids.Add(id);
            }
            if (element == "a" && tag.Get("name") is { } name)
            {
                ids.Add(name);
            }
            if (element is "script" or "style" or "textarea" or "title" && !tag.SelfClosing)
            {
                i = SkipRawText(span, i, element);
            }
        }
        return new HtmlLinks(links.ToImmutable(), ids);
    }

    private static string? LinkAttribute(string element) => element switch
    {
        "a" or "link" => "href",
        "img" or "script" or "source" or "iframe" or "video" or "audio" => "src",
        _ => null,
    };

    /// <summary>Reads attributes from <paramref name="i"/> to the end of the tag; returns the index after its '&gt;'.</summary>
    private static int ReadAttributes(string html, int i, ref TagAttributes tag)
    {
        var span = html.AsSpan();
        while (i < span.Length)
        {
            while (i < span.Length && (IsSpace(span[i]) || span[i] == '/'))
            {
                tag.SelfClosing = span[i] == '/';
                i++;
            }
            if (i >= span.Length)
            {
                return i;
            }
            if (span[i] == '>')
            {
                return i + 1;
            }
            tag.SelfClosing = false;
            var nameStart = i;
            i++; // the first character belongs to the name even if it is '='
            while (i < span.Length && !IsSpace(span[i]) && span[i] is not '/' and not '>' and not '=')
            {
                i++;
            }
            var name = span[nameStart..i];
            while (i < span.Length && IsSpace(span[i]))
            {
                i++;
            }
            string? value = string.Empty;
            if (i < span.Length && span[i] == '=')
            {
                i++;
                while (i < span.Length && IsSpace(span[i]))
                {
                    i++;
                }
                if (i < span.Length && span[i] is '"' or '\'')
                {
                    var quote = span[i];
                    var end = span[(i + 1)..].IndexOf(quote);
                    var valueEnd = end < 0 ? span.Length : i + 1 + end;
                    value = tag.Wants(name) ? Decode(html, i + 1, valueEnd) : null;
                    i = end < 0 ? span.Length : valueEnd + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < span.Length && !IsSpace(span[i]) && span[i] != '>')
                    {
                        i++;
                    }
                    value = tag.Wants(name) ? Decode(html, valueStart, i) : null;
                }
            }
            if (value is not null)
            {
                tag.Set(name, value);
            }
        }
        return i;
    }

    private static string Decode(string html, int start, int end)
    {
        var value = html.AsSpan(start, end - start);
        return value.Contains('&') ? WebUtility.HtmlDecode(value.ToString()) : value.ToString();
    }

    private static int SkipMarkup(ReadOnlySpan<char> span, int i)
    {
        var rest = span[i..];
        if (rest.StartsWith("<!--"))
        {
            return SkipPast(span, i + 4, "-->");
        }
        if (rest.StartsWith("<![CDATA["))
        {
            return SkipPast(span, i + 9, "]]>");
        }
        return SkipPast(span, i + 2, ">");
    }

    private static int SkipRawText(ReadOnlySpan<char> span, int i, string element)
    {
        while (i < span.Length)
        {
            var close = span[i..].IndexOf("</", StringComparison.Ordinal);
            if (close < 0)
            {
                return span.Length;
            }
            i += close;
            var after = i + 2 + element.Length;
            if (after <= span.Length && span.Slice(i + 2, element.Length).Equals(element, StringComparison.OrdinalIgnoreCase)
                && (after == span.Length || IsSpace(span[after]) || span[after] is '>' or '/'))
            {
                return i;
            }
            i += 2;
        }
        return i;
    }

    private static int SkipPast(ReadOnlySpan<char> span, int from, string terminator)
    {
        var at = span[from..].IndexOf(terminator, StringComparison.Ordinal);
        return at < 0 ? span.Length : from + at + terminator.Length;
    }

    private static bool IsSpace(char c) => c is ' ' or '\n' or '\t' or '\r' or '\f';

    private static string Lower(ReadOnlySpan<char> name)
    {
        foreach (var known in KnownElements)
        {
            if (name.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }
        return name.ToString().ToLowerInvariant();
    }

    private static readonly string[] KnownElements = ["a", "p", "li", "span", "div", "link", "img", "script", "source", "meta", "time", "code", "td", "th", "tr", "h2", "h3"];

    /// <summary>The few attributes this reader keeps of one tag.</summary>
    private struct TagAttributes
    {
        private string? _href, _src, _srcset, _id, _name;

        public bool SelfClosing { get; set; }

        public readonly bool Wants(ReadOnlySpan<char> name) => Slot(name) switch
        {
            0 => _href is null,
            1 => _src is null,
            2 => _srcset is null,
            3 => _id is null,
            4 => _name is null,
            _ => false,
        };

        public void Set(ReadOnlySpan<char> name, string value)
        {
            switch (Slot(name))
            {
                case 0: _href ??= value; break;
                case 1: _src ??= value; break;
                case 2: _srcset ??= value; break;
                case 3: _id ??= value; break;
                case 4: _name ??= value; break;
            }
        }

        public readonly string? Get(string name) => name switch
        {
            "href" => _href,
            "src" => _src,
            "srcset" => _srcset,
            "id" => _id,
            _ => _name,
        };

        private static int Slot(ReadOnlySpan<char> name) =>
            name.Equals("href", StringComparison.OrdinalIgnoreCase) ? 0
            : name.Equals("src", StringComparison.OrdinalIgnoreCase) ? 1
            : name.Equals("srcset", StringComparison.OrdinalIgnoreCase) ? 2
            : name.Equals("id", StringComparison.OrdinalIgnoreCase) ? 3
            : name.Equals("name", StringComparison.OrdinalIgnoreCase) ? 4
            : -1;
    }

    /// <summary>1-based line and column of increasing offsets, counting each stretch of text once.</summary>
    private struct LineCounter(string text)
    {
        private int _offset;
        private int _line = 1;
        private int _lineStart;

        public (int Line, int Column) At(int offset)
        {
            var stretch = text.AsSpan(_offset, offset - _offset);
            var newlines = stretch.Count('\n');
            if (newlines > 0)
            {
                _line += newlines;
                _lineStart = _offset + stretch.LastIndexOf('\n') + 1;
            }
            _offset = offset;
            return (_line, offset - _lineStart + 1);
        }
    }
}

/// <summary>One URL in a page, with the element that holds it and its position in the HTML.</summary>
public sealed record HtmlLink(string Url, string Element, int Line, int Column);
