using System.Collections.Concurrent;
using System.Collections.Immutable;
using SalesInsights.Html;
using SalesInsights.Markdown;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>
/// Traces a link of a finished page back to the source that wrote it, so a broken link is reported where someone
/// can fix it: the article's Markdown line; else the line of the site's or theme's template that holds the URL
/// (reported once, however many pages the template made); else the page's source, with the output line.
/// </summary>
internal sealed class LinkSources(BuildOptions options, string basePath)
{
    private readonly ConcurrentDictionary<string, (string Path, int Line, int Column)?> _templates = new(StringComparer.Ordinal);
    private readonly HashSet<(string Path, int Line, string Url)> _reportedInTemplates = [];

    public void Report(DiagnosticBag diagnostics, Severity severity, string code, Document page, HtmlLink link, string message)
    {
        var written = page.Get<ImmutableArray<MarkdownLink>>(Keys.Links);
        var fromMarkdown = written.IsDefault ? null : written.FirstOrDefault(m => m.Url == link.Url || basePath + m.Url == link.Url);
        if (fromMarkdown is not null && page.Source is not null)
        {
            diagnostics.Report(new Diagnostic(severity, code, $"broken {message}", page.Source, Math.Max(1, fromMarkdown.Line), Math.Max(1, fromMarkdown.Column)));
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
        var withoutBase = basePath.Length > 0 && url.StartsWith(basePath + "/", StringComparison.Ordinal) ? url[basePath.Length..] : url;
        if (withoutBase.Length < 2)
        {
            return null;
        }
        string[] needles = [$"'{withoutBase}'", $"\"{withoutBase}\"", withoutBase + "\""];
        // The site's own layouts and partials override the theme's, so they are searched first.
        var folders = new[] { options.InputDirectory, options.ThemeDirectory }
            .SelectMany(root => new[] { Path.Combine(root, "layouts"), Path.Combine(root, "partials") })
            .Where(Directory.Exists);
        foreach (var file in folders.SelectMany(f => Directory.EnumerateFiles(f, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var needle in needles)
                {
                    var column = lines[i].IndexOf(needle, StringComparison.Ordinal);
                    if (column >= 0)
                    {
                        return (options.Relative(file), i + 1, column + 1);
                    }
                }
            }
        }
        return null;
    }
}
