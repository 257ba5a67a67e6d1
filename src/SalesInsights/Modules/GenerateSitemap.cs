using System.Collections.Immutable;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>
/// Writes <c>sitemap.xml</c> (sitemaps.org 0.9) listing every HTML page of the given pipelines, with the date it
/// last changed, and <c>robots.txt</c> pointing at it. Runs in post-process, when all pages are known.
/// </summary>
public sealed class GenerateSitemap(params string[] pipelines) : IModule
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var settings = context.Get<SiteSettings>();
        var origin = settings.BaseUrl[..^settings.BasePath.Length];
        var pages = pipelines
            .SelectMany(p => context.OutputsOf(p))
            .Where(d => d.Destination?.EndsWith(".html", StringComparison.Ordinal) == true && d.Get<string>(Keys.Kind) != Kinds.NotFound)
            .Select(d => (Url: origin + settings.BasePath + d.Get<string>(Keys.Url), Modified: LastModified(d.Get<DateTimeOffset?>(Keys.Updated) ?? d.Get<DateTimeOffset?>(Keys.Date))))
            .OrderBy(p => p.Url, StringComparer.Ordinal)
            .ToArray();
        // In a preview session an unchanged list of pages and dates keeps last build's file (no XML written again).
        var sitemap = context.Derive($"{nameof(GenerateSitemap)}/sitemap.xml", [pages.Select(p => p.Url).ToArray(), pages.Select(p => p.Modified).ToArray()], () => Document.FromText(null, "sitemap.xml", GenerateFeeds.Xml(writer =>
        {
            writer.WriteStartElement("urlset", Namespace);
            foreach (var (url, modified) in pages)
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, url);
                if (modified is not null)
                {
                    writer.WriteElementString("lastmod", Namespace, modified);
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }), Metadata.Empty.With(Keys.Kind, Kinds.Feed)));
        var robots = $"User-agent: *\nAllow: /\n\nSitemap: {origin}{settings.BasePath}/sitemap.xml\n";
        return Task.FromResult<ImmutableArray<Document>>([
            .. inputs,
            sitemap,
            Document.FromText(null, "robots.txt", robots, Metadata.Empty.With(Keys.Kind, Kinds.Feed)),
        ]);
    }

    private static string? LastModified(DateTimeOffset? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
