using System.Collections.Immutable;
using AngleSharp.Html.Parser;

namespace SalesInsights.Html;

/// <summary>The URLs a page points at and the ids it offers as fragments, read from its HTML.</summary>
public sealed record HtmlLinks(ImmutableArray<HtmlLink> Links, ImmutableHashSet<string> Ids)
{
    private static readonly HtmlParserOptions Options = new() { IsKeepingSourceReferences = true };

    /// <summary>Elements and attributes that load or link to another resource.</summary>
    private static readonly (string Selector, string Attribute)[] Sources =
    [
        ("a[href]", "href"), ("link[href]", "href"), ("img[src]", "src"), ("script[src]", "src"),
        ("source[src]", "src"), ("iframe[src]", "src"), ("video[src]", "src"), ("audio[src]", "src"),
        ("img[srcset]", "srcset"), ("source[srcset]", "srcset"),
    ];

    public static HtmlLinks Read(string html)
    {
        var document = new HtmlParser(Options).ParseDocument(html);
        var links = ImmutableArray.CreateBuilder<HtmlLink>();
        foreach (var (selector, attribute) in Sources)
        {
            foreach (var element in document.QuerySelectorAll(selector))
            {
                var value = element.GetAttribute(attribute) ?? string.Empty;
                var position = element.SourceReference?.Position;
                var urls = attribute == "srcset"
                    ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.Split(' ')[0])
                    : [value.Trim()];
                foreach (var url in urls)
                {
                    links.Add(new HtmlLink(url, element.LocalName, position?.Line ?? 1, position?.Column ?? 1));
                }
            }
        }
        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!)
            .Concat(document.QuerySelectorAll("a[name]").Select(e => e.GetAttribute("name")!))
            .ToImmutableHashSet(StringComparer.Ordinal);
        return new HtmlLinks(links.ToImmutable(), ids);
    }
}

/// <summary>One URL in a page, with the element that holds it and its position in the HTML.</summary>
public sealed record HtmlLink(string Url, string Element, int Line, int Column);
