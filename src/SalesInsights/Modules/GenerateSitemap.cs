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
            .Select(d => (Url: origin + settings.BasePath + d.Get<string>(Keys.Url), Modified: d.Get<DateTimeOffset?>(Keys.Updated) ?? d.Get<DateTimeOffset?>(Keys.Date)))
            .OrderBy(p => p.Url, StringComparer.Ordinal);
        var sitemap = GenerateFeeds.Xml(writer =>
        {
            writer.WriteStartElement("urlset", Namespace);
            foreach (var (url, modified) in pages)
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, url);
                if (modified is { } date)
                {
                    writer.WriteElementString("lastmod", Namespace, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        });
        var robots = $"User-agent: *\nAllow: /\n\nSitemap: {origin}{settings.BasePath}/sitemap.xml\n";
        return Task.FromResult<ImmutableArray<Document>>([
            .. inputs,
            Document.FromText(null, "sitemap.xml", sitemap, Metadata.Empty.With(Keys.Kind, Kinds.Feed)),
            Document.FromText(null, "robots.txt", robots, Metadata.Empty.With(Keys.Kind, Kinds.Feed)),
        ]);
    }
}
