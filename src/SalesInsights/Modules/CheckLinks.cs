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
/// of the output. A broken one is reported at the Markdown line that wrote it when it came from an article, else
/// at the page that contains it. Runs in the output phase, when every page is final.
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
                Report(context, page, link, problem, settings.BasePath);
            }
        });
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

    private static void Report(IExecutionContext context, Document page, HtmlLink link, string problem, string basePath)
    {
        var written = page.Get<ImmutableArray<MarkdownLink>>(Keys.Links);
        var fromMarkdown = written.IsDefault ? null : written.FirstOrDefault(m => m.Url == link.Url || basePath + m.Url == link.Url);
        var message = $"broken {(link.Element == "img" ? "image" : "link")} '{link.Url}': {problem}";
        if (fromMarkdown is not null && page.Source is not null)
        {
            context.Diagnostics.Report(Diagnostic.Error("SI0201", message, page.Source, fromMarkdown.Line, fromMarkdown.Column));
        }
        else
        {
            var where = page.Source ?? "output/" + page.Destination;
            context.Diagnostics.Report(Diagnostic.Error("SI0201", $"{message} (in the page's layout, output line {link.Line})", where, page.Source is null ? link.Line : 1, page.Source is null ? link.Column : 1));
        }
    }
}
