using System.Collections.Immutable;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SalesInsights.Html;

/// <summary>
/// Raw HTML a writer put into an article, read as a browser reads it: what in it would run script or load
/// another page into ours (active content), and the URLs it links to, each with its line and column in the
/// fragment. Active content is refused by default as Hugo's Markdown renderer refuses it: it is what a stolen
/// account or a pasted embed would use to attack readers, and the site's CSP would block it anyway.
/// </summary>
public static class RawHtml
{
    private static readonly HtmlParserOptions Options = new() { IsKeepingSourceReferences = true };

    /// <summary>Elements that run script, or load a document, a plug-in or a new base for every URL into the page.</summary>
    private static readonly HashSet<string> ActiveElements = new(StringComparer.Ordinal) { "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal" };

    /// <summary>Attributes whose value is a URL a browser follows or loads.</summary>
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.Ordinal)
    {
        "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "longdesc", "ping", "lowsrc", "dynsrc", "manifest", "codebase",
    };

    /// <summary>Schemes that run script or carry a document of their own.</summary>
    private static readonly string[] ActiveSchemes = ["javascript:", "vbscript:", "data:"];

    /// <summary>Reads <paramref name="html"/>: its active content and its links, positions 1-based within it.</summary>
    public static RawHtmlContent Read(string html)
    {
        var active = ImmutableArray.CreateBuilder<RawHtmlItem>();
        var urls = ImmutableArray.CreateBuilder<RawHtmlItem>();
        foreach (var element in Elements(html))
        {
            if (element.SourceReference is null && element.LocalName is "html" or "head" or "body")
            {
                continue; // an element the parser implied, not one the writer wrote
            }
            var (line, column) = Position(html, element);
            var name = element.LocalName;
            if (ActiveElements.Contains(name))
            {
                active.Add(new RawHtmlItem($"<{name}>", line, column));
            }
            if (name == "meta" && string.Equals(element.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase))
            {
                active.Add(new RawHtmlItem("<meta http-equiv=\"refresh\">", line, column));
            }
            foreach (var attribute in element.Attributes)
            {
                var attributeName = attribute.Name.ToLowerInvariant();
                if (attributeName.StartsWith("on", StringComparison.Ordinal) && attributeName.Length > 2)
                {
                    active.Add(new RawHtmlItem($"the event handler {attributeName}=\"…\"", line, column));
                }
                else if (attributeName == "srcdoc")
                {
                    active.Add(new RawHtmlItem("srcdoc=\"…\"", line, column));
                }
                else if (UrlAttributes.Contains(attributeName))
                {
                    if (ActiveScheme(attribute.Value) is { } scheme)
                    {
                        active.Add(new RawHtmlItem($"a {scheme} URL in {attributeName}=\"…\"", line, column));
                    }
                    else if (attributeName is "href" or "src")
                    {
                        urls.Add(new RawHtmlItem(attribute.Value, line, column));
                    }
                }
            }
        }
        return new RawHtmlContent(active.ToImmutable(), urls.ToImmutable());
    }

    /// <summary>
    /// The scheme (<c>javascript:</c>, <c>vbscript:</c>, <c>data:</c>) that makes <paramref name="url"/> active, or
    /// null. Read as a browser reads it: case aside, and with the tabs, line breaks and control characters a browser
    /// drops from a URL (<c>java&#x09;script:</c> is <c>javascript:</c>).
    /// </summary>
    public static string? ActiveScheme(string url)
    {
        Span<char> buffer = stackalloc char[16];
        var length = 0;
        foreach (var c in url)
        {
            if (c <= ' ' || char.IsControl(c))
            {
                continue;
            }
            if (length == buffer.Length || c == ':')
            {
                if (c == ':' && length < buffer.Length)
                {
                    buffer[length++] = c;
                }
                break;
            }
            buffer[length++] = char.ToLowerInvariant(c);
        }
        var start = buffer[..length];
        foreach (var scheme in ActiveSchemes)
        {
            if (start.SequenceEqual(scheme))
            {
                return scheme;
            }
        }
        return null;
    }

    /// <summary>
    /// <paramref name="html"/> without its active content: active elements removed with what they hold, event
    /// handlers and <c>srcdoc</c> dropped, active URLs emptied. HTML with none comes back unchanged, byte for byte.
    /// </summary>
    public static string WithoutActiveContent(string html)
    {
        if (Read(html).Active.IsEmpty)
        {
            return html;
        }
        var body = new HtmlParser().ParseDocument(string.Empty).Body!;
        body.InnerHtml = html;
        foreach (var element in body.Descendants<IElement>().ToList())
        {
            if (ActiveElements.Contains(element.LocalName)
                || (element.LocalName == "meta" && string.Equals(element.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase)))
            {
                element.Remove();
                continue;
            }
            foreach (var attribute in element.Attributes.ToList())
            {
                var name = attribute.Name.ToLowerInvariant();
                if ((name.StartsWith("on", StringComparison.Ordinal) && name.Length > 2) || name == "srcdoc")
                {
                    element.RemoveAttribute(attribute.Name);
                }
                else if (UrlAttributes.Contains(name) && ActiveScheme(attribute.Value) is not null)
                {
                    element.SetAttribute(attribute.Name, string.Empty);
                }
            }
        }
        return body.InnerHtml;
    }

    /// <summary>
    /// Where the element starts. Foreign elements (inside <c>&lt;svg&gt;</c> or <c>&lt;math&gt;</c>) carry no source
    /// position: they are found as the first <c>&lt;name</c> after their nearest ancestor that has one.
    /// </summary>
    private static (int Line, int Column) Position(string html, IElement element)
    {
        if (element.SourceReference is { } own)
        {
            return (own.Position.Line, own.Position.Column);
        }
        var ancestor = element.ParentElement;
        while (ancestor is { SourceReference: null })
        {
            ancestor = ancestor.ParentElement;
        }
        var from = ancestor?.SourceReference?.Position.Position ?? 0;
        var at = html.IndexOf("<" + element.LocalName, Math.Clamp(from, 0, html.Length), StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return ancestor?.SourceReference is { } near ? (near.Position.Line, near.Position.Column) : (1, 1);
        }
        var before = html.AsSpan(0, at);
        return (before.Count('\n') + 1, at - (before.LastIndexOf('\n') + 1) + 1);
    }

    private static IEnumerable<IElement> Elements(string html) =>
        new HtmlParser(Options).ParseDocument(html).All;

}

/// <summary>What <see cref="RawHtml.Read"/> found: active content (described) and URLs, each at a 1-based line and column of the fragment.</summary>
public sealed record RawHtmlContent(ImmutableArray<RawHtmlItem> Active, ImmutableArray<RawHtmlItem> Urls);

/// <summary>A description or a URL, where it was written.</summary>
public sealed record RawHtmlItem(string Text, int Line, int Column);
