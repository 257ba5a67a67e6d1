using System.Collections.Immutable;
using AngleSharp.Html.Parser;

namespace SalesInsights.Html;

/// <summary>
/// The reference reading of a page's links and ids through a full AngleSharp DOM: slower than
/// <see cref="HtmlLinks.Read"/> (about a DOM per page), kept as the oracle that the fast scanner is tested against.
/// </summary>
internal static class HtmlDomLinks
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
            .ToHashSet(StringComparer.Ordinal);
        return new HtmlLinks(links.ToImmutable(), ids);
    }
}
