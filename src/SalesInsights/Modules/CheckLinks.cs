using System.Collections.Concurrent;
using System.Collections.Immutable;
using SalesInsights.Html;
using SalesInsights.Markdown;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>
/// Proves every internal link, image, script, stylesheet and #fragment of the finished site resolves to a file
/// of the output. A broken one is reported at the Markdown line that wrote it when it came from an article, else
/// at the page that contains it. Runs in the output phase, when every page is final.
/// </summary>
public sealed class CheckLinks(params string[] pipelines) : IModule
{
    private static readonly string[] ExternalSchemes = ["http:", "https:", "mailto:", "tel:", "data:", "javascript:", "ftp:"];

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        if (context.Diagnostics.HasModuleFailures)
        {
            // A failed module left its pages or files out; every link to them would be reported again as broken.
            return Task.FromResult(inputs);
        }
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
        var session = context.Session;
        var broken = new ConcurrentBag<(Document Page, HtmlLink Link, string Problem)>();
        if (session is null)
        {
            CheckEveryPageOnce(settings, pages, files, broken, cancellationToken);
        }
        else
        {
            CheckChangedPages(session, settings, pages, files, broken, cancellationToken);
        }

        // Reported in a stable order, after the parallel check, so a template's broken link is reported once.
        var sources = new LinkSources(context.Get<BuildOptions>(), settings.BasePath);
        foreach (var (page, link, problem) in broken.OrderBy(b => b.Page.Destination, StringComparer.Ordinal).ThenBy(b => b.Link.Line).ThenBy(b => b.Link.Column))
        {
            sources.Report(context.Diagnostics, Severity.Error, "SI0201", page, link, $"{(link.Element == "img" ? "image" : "link")} '{link.Url}': {problem}");
        }
        return Task.FromResult(inputs);
    }

    /// <summary>A preview session's check: pages whose text and whose site context are unchanged keep their verdict.</summary>
    private static void CheckChangedPages(BuildSession session, SiteSettings settings, List<Document> pages, HashSet<string> files,
        ConcurrentBag<(Document Page, HtmlLink Link, string Problem)> broken, CancellationToken cancellationToken)
    {
        // Everything here is keyed by instances a session hands on unchanged (page texts, the link lists read from
        // them), so an unchanged page costs a lookup: no page is read, hashed or checked again.
        var parsed = new ConcurrentDictionary<string, HtmlLinks>(StringComparer.Ordinal);
        Parallel.ForEach(pages, new ParallelOptions { CancellationToken = cancellationToken }, page =>
            parsed[page.Destination!] = session.Derive($"{nameof(CheckLinks)}/read/{page.Destination}", [page.Text], () => HtmlLinks.Read(page.Text)));

        var origin = settings.BaseUrl[..^settings.BasePath.Length];
        // A page's verdict depends on its own links, on which files exist and on the ids pages offer: a session
        // re-checks only the pages whose text changed, unless a file or an id appeared or went (a new site version).
        var destinations = pages.Select(p => p.Destination!).ToArray();
        var site = session.Derive($"{nameof(CheckLinks)}/site", [origin, settings.BasePath, files.ToArray(), destinations, destinations.Select(d => parsed[d].Ids).ToArray()], () => new object());
        Parallel.ForEach(pages, new ParallelOptions { CancellationToken = cancellationToken }, page =>
        {
            var url = page.Get<string>(Keys.Url);
            var problems = session.Derive($"{nameof(CheckLinks)}/check/{page.Destination}", [page.Text, site, url], () =>
            {
                var pageUrl = new Uri(origin + settings.BasePath + (url ?? "/" + page.Destination));
                return parsed[page.Destination!].Links
                    .Select(link => (Link: link, Problem: Check(link.Url, pageUrl, origin, settings.BasePath, files, parsed)))
                    .Where(p => p.Problem is not null)
                    .Select(p => (p.Link, Problem: p.Problem!))
                    .ToArray();
            });
            foreach (var (link, problem) in problems)
            {
                broken.Add((page, link, problem));
            }
        });
    }

    /// <summary>
    /// A one-off build's check: one read of each page, links checked as they are found, and only the page's ids
    /// and its links to another page's #fragment kept for the second step, once every page's ids are known.
    /// </summary>
    private static void CheckEveryPageOnce(SiteSettings settings, List<Document> pages, HashSet<string> files,
        ConcurrentBag<(Document Page, HtmlLink Link, string Problem)> broken, CancellationToken cancellationToken)
    {
        var origin = settings.BaseUrl[..^settings.BasePath.Length];
        var basePath = settings.BasePath;

        var ids = new IReadOnlySet<string>[pages.Count];
        var toFragments = new ConcurrentBag<(Document Page, HtmlLink Link, LinkTarget Target)>();
        Parallel.For(0, pages.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var page = pages[i];
            var links = LinksOf(page);
            ids[i] = links.Ids;
            var pageUrl = new Uri(origin + basePath + (page.Get<string>(Keys.Url) ?? "/" + page.Destination));
            foreach (var link in links.Links)
            {
                var target = Resolve(link.Url, pageUrl, origin, basePath, files, out var problem);
                if (problem is not null)
                {
                    broken.Add((page, link, problem));
                }
                else if (target is { Fragment.Length: > 0 })
                {
                    if (target.File == page.Destination)
                    {
                        CheckFragment(broken, page, link, target, links.Ids);
                    }
                    else
                    {
                        toFragments.Add((page, link, target));
                    }
                }
            }
        });

        var idsByFile = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            idsByFile[pages[i].Destination!] = ids[i];
        }
        foreach (var (page, link, target) in toFragments)
        {
            CheckFragment(broken, page, link, target, idsByFile.GetValueOrDefault(target.File));
        }
    }

    /// <summary>
    /// The links and ids of a page: kept at layout when the page was written at once (its text is gone), else read
    /// from its text.
    /// </summary>
    public static HtmlLinks LinksOf(Document page) => page.Get<HtmlLinks>(Keys.PageLinks) ?? HtmlLinks.Read(page.Text);

    /// <summary>Why <paramref name="url"/> does not resolve, or null when it does (or points outside the site).</summary>
    public static string? Check(string url, Uri pageUrl, string origin, string basePath, HashSet<string> files, IReadOnlyDictionary<string, HtmlLinks> pages)
    {
        var target = Resolve(url, pageUrl, origin, basePath, files, out var problem);
        return problem ?? (target is { Fragment.Length: > 0 } ? FragmentProblem(target, pages.TryGetValue(target.File, out var links) ? links.Ids : null) : null);
    }

    /// <summary>The published file a link points at, or null with the reason when there is none (or it points outside the site).</summary>
    private static LinkTarget? Resolve(string url, Uri pageUrl, string origin, string basePath, HashSet<string> files, out string? problem)
    {
        problem = null;
        if (url.Length == 0)
        {
            problem = "the link is empty";
            return null;
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
        if (!TryPlainPath(url, pageUrl, isOwnAbsolute ? origin.Length : 0, out var path, out var fragment))
        {
            if (!Uri.TryCreate(pageUrl, url, out var target))
            {
                problem = "the link is not a valid URL";
                return null;
            }
            path = Uri.UnescapeDataString(target.AbsolutePath);
            fragment = Uri.UnescapeDataString(target.Fragment.TrimStart('#'));
        }
        if (!path.StartsWith(basePath + "/", StringComparison.Ordinal))
        {
            problem = $"it points outside the site's base path '{basePath}/'";
            return null;
        }
        var relative = path[(basePath.Length + 1)..];
        string? file = relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html"
            : files.Contains(relative) ? relative
            : files.Contains(relative + "/index.html") ? relative + "/index.html"
            : null;
        if (file is null || !files.Contains(file))
        {
            problem = $"nothing is published at '{path}'";
            return null;
        }
        return new LinkTarget(file, fragment, path);
    }

    /// <summary>
    /// The path and fragment of a root-relative or same-page link without building a <see cref="Uri"/>, when
    /// nothing in it needs resolving (no dot segments, no escapes, no backslashes): nearly every link of a page.
    /// </summary>
    private static bool TryPlainPath(string url, Uri pageUrl, int skip, out string path, out string fragment)
    {
        var rest = url.AsSpan(skip);
        path = fragment = string.Empty;
        if (rest.IndexOfAny('%', '\\') >= 0 || !(rest.StartsWith("#") || (rest.StartsWith("/") && !rest.StartsWith("//"))))
        {
            return false;
        }
        var hash = rest.IndexOf('#');
        var pathPart = hash < 0 ? rest : rest[..hash];
        var query = pathPart.IndexOf('?');
        if (query >= 0)
        {
            pathPart = pathPart[..query];
        }
        if (pathPart.Contains("/.", StringComparison.Ordinal))
        {
            return false;
        }
        path = pathPart.Length == 0 ? pageUrl.AbsolutePath : pathPart.ToString();
        fragment = hash < 0 ? string.Empty : rest[(hash + 1)..].ToString();
        return !path.Contains('%', StringComparison.Ordinal);
    }

    private static string? FragmentProblem(LinkTarget target, IReadOnlySet<string>? ids) =>
        ids is not null && ids.Contains(target.Fragment) ? null : $"'{target.Path}' has no element with id '{target.Fragment}'";

    private static void CheckFragment(ConcurrentBag<(Document Page, HtmlLink Link, string Problem)> broken, Document page, HtmlLink link, LinkTarget target, IReadOnlySet<string>? ids)
    {
        if (FragmentProblem(target, ids) is { } problem)
        {
            broken.Add((page, link, problem));
        }
    }

    /// <summary>A published file, the #fragment asked of it (may be empty), and the path as the link wrote it, for messages.</summary>
    private sealed record LinkTarget(string File, string Fragment, string Path);
}
