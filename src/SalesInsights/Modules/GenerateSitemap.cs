using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
            .Select(d => EntryOf(d, origin + settings.BasePath, context.Session is not null))
            .OrderBy(p => p.Url, StringComparer.Ordinal)
            .ToArray();
        // In a preview session an unchanged list of pages and dates keeps last build's file (no XML written again).
        var sitemap = context.Derive($"{nameof(GenerateSitemap)}/sitemap.xml", () => [pages], () => Document.FromText(null, "sitemap.xml", GenerateFeeds.Xml(writer =>
        {
            writer.WriteStartElement("urlset", Namespace);
            foreach (var (_, url, modified) in pages)
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

    /// <summary>A page's line, once per document instance in a preview session, which hands unchanged documents on between builds.</summary>
    private static readonly ConditionalWeakTable<Document, Entry> Entries = [];

    private sealed record Entry(string Prefix, string Url, string? Modified);

    private static Entry EntryOf(Document document, string prefix, bool remember)
    {
        if (remember && Entries.TryGetValue(document, out var entry) && entry.Prefix == prefix)
        {
            return entry;
        }
        var modified = document.Get<DateTimeOffset?>(Keys.Updated) ?? document.Get<DateTimeOffset?>(Keys.Date);
        entry = new Entry(prefix, prefix + document.Get<string>(Keys.Url), modified?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (remember)
        {
            Entries.AddOrUpdate(document, entry);
        }
        return entry;
    }
}
