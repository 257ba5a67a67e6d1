using System.Collections.Concurrent;
using System.Collections.Immutable;
using SalesInsights.Html;
using SalesInsights.Links;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>
/// With <c>build --check-external</c> only: asks every other site the finished pages link to whether the page is
/// still there. A gone page (404, 410, no such host) is an error at the line that wrote the link; a timeout, rate
/// limit or server error is a warning. Good answers are cached under <c>.cache/</c> for a week.
/// </summary>
public sealed class CheckExternalLinks(params string[] pipelines) : IModule
{
    /// <summary>Requests in flight at once: polite to other sites, and enough to hide their latency.</summary>
    private const int Concurrency = 8;

    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var options = context.Get<BuildOptions>();
        if (!options.CheckExternalLinks)
        {
            return inputs;
        }
        var settings = context.Get<SiteSettings>();
        var ownSite = settings.BaseUrl + "/";
        var pages = pipelines.SelectMany(p => context.OutputsOf(p)).Where(d => d.Destination?.EndsWith(".html", StringComparison.Ordinal) == true).ToList();
        var links = new ConcurrentBag<(Document Page, HtmlLink Link, string Url)>();
        Parallel.ForEach(pages, new ParallelOptions { CancellationToken = cancellationToken }, page =>
        {
            foreach (var link in CheckLinks.LinksOf(page).Links)
            {
                if (ToCheck(link.Url, ownSite) is { } url)
                {
                    links.Add((page, link, url));
                }
            }
        });

        var cache = await ExternalLinkCache.LoadAsync(options.CacheDirectory!, cancellationToken).ConfigureAwait(false);
        var results = new ConcurrentDictionary<string, ExternalLinkResult>(StringComparer.Ordinal);
        var toAsk = links.Select(l => l.Url).Distinct(StringComparer.Ordinal).Where(u => !cache.IsFresh(u, options.Now)).Order(StringComparer.Ordinal).ToList();
        using (var http = ExternalLinkChecker.CreateClient(settings.BaseUrl))
        {
            var checker = new ExternalLinkChecker(http, options.ExternalLinkTimeout);
            await Parallel.ForEachAsync(toAsk, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (url, token) =>
                results[url] = await checker.CheckAsync(new Uri(url), token).ConfigureAwait(false)).ConfigureAwait(false);
        }
        foreach (var (url, result) in results.Where(r => r.Value.State == ExternalLinkState.Ok))
        {
            cache.RememberOk(url, options.Now);
        }
        await cache.SaveAsync(options.Now, cancellationToken).ConfigureAwait(false);

        var sources = new LinkSources(options, settings.BasePath);
        foreach (var (page, link, url) in links.OrderBy(l => l.Page.Destination, StringComparer.Ordinal).ThenBy(l => l.Link.Line))
        {
            if (results.TryGetValue(url, out var result) && result.State != ExternalLinkState.Ok)
            {
                var broken = result.State == ExternalLinkState.Broken;
                sources.Report(context.Diagnostics, broken ? Severity.Error : Severity.Warning, broken ? "SI0202" : "SI0203", page, link,
                    $"external link '{link.Url}': {result.Detail}{(broken ? string.Empty : " (could not be confirmed; not counted as an error)")}");
            }
        }
        return inputs;
    }

    /// <summary>The URL to ask about (without its #fragment), or null for links that are not to another site over HTTP.</summary>
    private static string? ToCheck(string url, string ownSite)
    {
        if (!(url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            || url.StartsWith(ownSite, StringComparison.Ordinal)
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }
        return uri.GetLeftPart(UriPartial.Query);
    }
}
