using System.Collections.Concurrent;
using System.Collections.Immutable;
using SalesInsights.Html;
using SalesInsights.Markdown;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>
/// Traces a link of a finished page back to the source that wrote it, so a broken link is reported where someone
/// can fix it: the article's Markdown line (a Markdown link, or raw HTML in the article); else the line of the site's
/// or theme's template that holds the URL (reported once, however many pages the template made); else the page's
/// source, with the output line.
/// </summary>
internal sealed class LinkSources(BuildOptions options, string basePath)
{
    private readonly ConcurrentDictionary<string, (string Path, int Line, int Column)?> _templates = new(StringComparer.Ordinal);
    private readonly HashSet<(string Path, int Line, string Url)> _reportedInTemplates = [];

    public void Report(DiagnosticBag diagnostics, Severity severity, string code, Document page, HtmlLink link, string message)
    {
        var written = page.Get<ImmutableArray<MarkdownLink>>(Keys.Links);
        // The page holds the URL as the renderer wrote it: with the site's sub-path, and percent-encoded where the
        // writer typed a space or a non-ASCII letter; compared decoded, it is found on the writer's line.
        var url = Uri.UnescapeDataString(link.Url);
        var fromMarkdown = written.IsDefault ? null : written.FirstOrDefault(m =>
            m.Url == link.Url || basePath + m.Url == link.Url || Uri.UnescapeDataString(m.Url) == url || Uri.UnescapeDataString(basePath + m.Url) == url);
        if (fromMarkdown is not null && page.Source is not null)
        {
            diagnostics.Report(new Diagnostic(severity, code, $"broken {message}", page.Source, Math.Max(1, fromMarkdown.Line), Math.Max(1, fromMarkdown.Column)));
            return;
        }
        // Raw HTML in an article is not a Markdown link, but its URL is still written on one of the article's lines.
        if (page.Source is not null && Find([Path.Combine(options.SiteRoot, page.Source)], Needles(link.Url)) is { } inSource)
        {
            diagnostics.Report(new Diagnostic(severity, code, $"broken {message}", page.Source, inSource.Line, inSource.Column));
            return;
        }
        if (_templates.GetOrAdd(link.Url, FindInTemplates) is { } template)
        {
            lock (_reportedInTemplates)
            {
                if (_reportedInTemplates.Add((template.Path, template.Line, link.Url)))
                {
                    diagnostics.Report(new Diagnostic(severity, code, $"broken {message} (written by this template; first seen on output/{page.Destination})", template.Path, template.Line, template.Column));
                }
            }
            return;
        }
        var where = page.Source ?? "output/" + page.Destination;
        diagnostics.Report(new Diagnostic(severity, code, $"broken {message} (in the page's layout, output line {link.Line})", where, page.Source is null ? Math.Max(1, link.Line) : 1, page.Source is null ? Math.Max(1, link.Column) : 1));
    }

    /// <summary>
    /// The first template line holding the URL as a quoted literal (<c>{{ url '/about/' }}</c>, <c>href="/about/"</c>) or
    /// as the end of an attribute value (<c>href="{{ base }}/about/"</c>).
    /// </summary>
    private (string Path, int Line, int Column)? FindInTemplates(string url)
    {
        // The site's own layouts and partials override the theme's, so they are searched first.
        var files = new[] { options.InputDirectory, options.ThemeDirectory }
            .SelectMany(root => new[] { Path.Combine(root, "layouts"), Path.Combine(root, "partials") })
            .Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        return Find(files, Needles(url));
    }

    /// <summary>The forms a URL takes where it is written: quoted, as an attribute value's end, or in Markdown's parentheses.</summary>
    private string[] Needles(string url)
    {
        var withoutBase = basePath.Length > 0 && url.StartsWith(basePath + "/", StringComparison.Ordinal) ? url[basePath.Length..] : url;
        return withoutBase.Length < 2 ? [] : [$"'{withoutBase}'", $"\"{withoutBase}\"", withoutBase + "\"", $"({withoutBase})", $"({withoutBase} "];
    }

    private (string Path, int Line, int Column)? Find(IEnumerable<string> files, string[] needles)
    {
        if (needles.Length == 0)
        {
            return null;
        }
        foreach (var file in files.Where(File.Exists))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var needle in needles)
                {
                    var column = lines[i].IndexOf(needle, StringComparison.Ordinal);
                    if (column >= 0)
                    {
                        // Point at the URL itself, after the quote or parenthesis that starts most needles.
                        return (options.Relative(file), i + 1, column + (needle[0] is '\'' or '"' or '(' ? 2 : 1));
                    }
                }
            }
        }
        return null;
    }
}
