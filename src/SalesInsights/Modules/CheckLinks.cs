using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using SalesInsights.Html;
using SalesInsights.Markdown;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>
/// Proves every internal link, image, script, stylesheet and #fragment of the finished site resolves to a file
/// of the output. A broken one is reported where it was written (see <see cref="LinkSources"/>): the article's
/// Markdown line, else the template line. Runs in the output phase, when every page is final.
/// </summary>
public sealed class CheckLinks(params string[] pipelines) : IModule
{
    private static readonly string[] ExternalSchemes = ["http:", "https:", "mailto:", "tel:", "data:", "javascript:", "ftp:"];

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var settings = context.Get<SiteSettings>();
        var documents = pipelines.SelectMany(p => context.OutputsOf(p)).ToList();
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (document.Destination is { } destination)
            {
                files.Add(destination);
            }
            foreach (var file in document.Get<GeneratedFile[]>(Keys.GeneratedFiles) ?? [])
            {
                files.Add(file.Destination);
            }
        }

        var pages = documents.Where(d => d.Destination?.EndsWith(".html", StringComparison.Ordinal) == true).ToList();
        var parsed = new ConcurrentDictionary<string, HtmlLinks>(StringComparer.Ordinal);
        var session = context.Session;
        Parallel.ForEach(pages, new ParallelOptions { CancellationToken = cancellationToken }, page =>
            parsed[page.Destination!] = session?.Memo(nameof(HtmlLinks), page.Text, HtmlLinks.Read) ?? HtmlLinks.Read(page.Text));

        var origin = settings.BaseUrl[..^settings.BasePath.Length];
        // A page's verdict depends on its own links, on which files exist and on the ids pages offer: a session
        // re-checks only the pages whose text changed, unless a file or an id appeared or went.
        var siteStamp = session is null ? null : ContentHash.Of(
            origin, settings.BasePath, files.Order(StringComparer.Ordinal).ToArray(),
            parsed.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, IdsStamp(p.Value))).ToArray());
        var broken = new ConcurrentBag<(Document Page, HtmlLink Link, string Problem)>();
        Parallel.ForEach(pages, new ParallelOptions { CancellationToken = cancellationToken }, page =>
        {
            var pageUrl = new Uri(origin + settings.BasePath + (page.Get<string>(Keys.Url) ?? "/" + page.Destination));
            (HtmlLink Link, string Problem)[] Find(string _) => [.. parsed[page.Destination!].Links
                .Select(link => (link, Check(link.Url, pageUrl, origin, settings.BasePath, files, parsed)))
                .Where(p => p.Item2 is not null)
                .Select(p => (p.link, p.Item2!))];
            var problems = siteStamp is null ? Find(page.Text) : session!.Memo($"{nameof(CheckLinks)}:{siteStamp}:{pageUrl}", page.Text, Find);
            foreach (var (link, problem) in problems)
            {
                broken.Add((page, link, problem));
            }
        });
        // Reported in a stable order, after the parallel check, so a template's broken link is reported once.
        var sources = new LinkSources(context.Get<BuildOptions>(), settings.BasePath);
        foreach (var (page, link, problem) in broken.OrderBy(b => b.Page.Destination, StringComparer.Ordinal).ThenBy(b => b.Link.Line).ThenBy(b => b.Link.Column))
        {
            sources.Report(context.Diagnostics, Severity.Error, "SI0201", page, link, $"{(link.Element == "img" ? "image" : "link")} '{link.Url}': {problem}");
        }
        return Task.FromResult(inputs);
    }

    private static readonly ConditionalWeakTable<HtmlLinks, string> IdStamps = [];

    private static string IdsStamp(HtmlLinks links) =>
        IdStamps.GetValue(links, static l => ContentHash.Of(l.Ids.Order(StringComparer.Ordinal).ToArray())!);

    /// <summary>Why <paramref name="url"/> does not resolve, or null when it does (or points outside the site).</summary>
    public static string? Check(string url, Uri pageUrl, string origin, string basePath, HashSet<string> files, IReadOnlyDictionary<string, HtmlLinks> pages)
    {
        if (url.Length == 0)
        {
            return "the link is empty";
        }
        if (url == "#")
        {
            return null;
        }
        var isOwnAbsolute = url.StartsWith(origin + basePath + "/", StringComparison.Ordinal);
        if (!isOwnAbsolute && (url.StartsWith("//", StringComparison.Ordinal) || ExternalSchemes.Any(s => url.StartsWith(s, StringComparison.OrdinalIgnoreCase))))
        {
            return null;
        }
        if (!Uri.TryCreate(pageUrl, url, out var target))
        {
            return "the link is not a valid URL";
        }
        var path = Uri.UnescapeDataString(target.AbsolutePath);
        if (!path.StartsWith(basePath + "/", StringComparison.Ordinal))
        {
            return $"it points outside the site's base path '{basePath}/'";
        }
        var relative = path[(basePath.Length + 1)..];
        string? file = relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html"
            : files.Contains(relative) ? relative
            : files.Contains(relative + "/index.html") ? relative + "/index.html"
            : null;
        if (file is null || !files.Contains(file))
        {
            return $"nothing is published at '{path}'";
        }
        var fragment = Uri.UnescapeDataString(target.Fragment.TrimStart('#'));
        if (fragment.Length > 0 && (!pages.TryGetValue(file, out var links) || !links.Ids.Contains(fragment)))
        {
            return $"'{path}' has no element with id '{fragment}'";
        }
        return null;
    }
}
