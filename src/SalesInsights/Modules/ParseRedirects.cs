using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>
/// Reads <c>redirect_from</c> and Hugo's <c>aliases</c> (one old path or a list of them) into <see cref="RedirectSource"/>s positioned at the
/// line and column each path was typed on, and reports the ones that cannot be a path of this site. Runs before
/// the Markdown is rendered, while the document still holds its source text.
/// </summary>
public sealed class ParseRedirects : ForEachDocument
{
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(" \t?#*\"'");

    protected override Document? Execute(Document input, IExecutionContext context)
    {
        if (input.Metadata[Keys.RedirectFrom] is ImmutableArray<RedirectSource>
            || (input.Metadata[Keys.RedirectFrom] is null && input.Metadata[Keys.Aliases] is null && input.Metadata[Keys.Permalink] is null && input.Metadata[Keys.PageAddress] is null))
        {
            return input;
        }
        var source = input.Source!;
        var lines = input.Get<ImmutableDictionary<string, int>>(Keys.FrontMatterLines);
        var redirects = ImmutableArray.CreateBuilder<RedirectSource>();
        foreach (var key in new[] { Keys.RedirectFrom, Keys.Aliases })
        {
            var value = input.Metadata[key];
            if (value is null)
            {
                continue;
            }
            var keyLine = lines is not null && lines.TryGetValue(key, out var line) ? line : 1;
            IEnumerable<object?> entries = value switch
            {
                string one => [one],
                ImmutableArray<object?> list => list,
                _ => [value],
            };
            var locator = new Locator(input.Text, keyLine);
            foreach (var entry in entries)
            {
                if (entry is not string text)
                {
                    var (l, c) = locator.Find(Convert.ToString(entry, CultureInfo.InvariantCulture) ?? string.Empty);
                    context.Diagnostics.Report(Diagnostic.Error("SI0601", $"'{key}' must be an old path or a list of them, like: {key}: [/posts/old-slug/]", source, l, c));
                    continue;
                }
                var written = text.Trim();
                var (entryLine, column) = locator.Find(written);
                var path = key == Keys.Aliases ? Resolve(written, input.Get<string>(Keys.Url) ?? "/") : written;
                var problem = Problem(path);
                if (problem is not null)
                {
                    context.Diagnostics.Report(Diagnostic.Error("SI0601", $"{key} '{written}' {problem}", source, entryLine, column));
                    continue;
                }
                if (!redirects.Any(r => r.Path == path))
                {
                    redirects.Add(new RedirectSource(path, entryLine, column));
                }
            }
        }
        foreach (var key in new[] { Keys.Permalink, Keys.PageAddress })
        {
            if (input.Metadata[key] is { } value)
            {
                var keyLine = lines is not null && lines.TryGetValue(key, out var line) ? line : 1;
                var (entryLine, column) = new Locator(input.Text, keyLine).Find(Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty);
                OldAddress(key, value, input.Get<string>(Keys.Url) ?? "/", redirects, entryLine, column, message => context.Diagnostics.Report(Diagnostic.Warning("SI0113", message, source, entryLine, column)));
            }
        }
        // A broken entry fails the build; the valid ones still go on to be checked against the other pages.
        return input with { Metadata = input.Metadata.With(Keys.RedirectFrom, redirects.ToImmutable()).Without(Keys.Aliases) };
    }

    /// <summary>
    /// Jekyll's <c>permalink</c> and Hugo's <c>url</c> chose an address this site does not give: it becomes a redirect
    /// to the page's own address, and the writer is told where the page now is. A pattern (<c>/:year/:title/</c>)
    /// names no one address, so it is only reported.
    /// </summary>
    private static void OldAddress(string key, object value, string url, ImmutableArray<RedirectSource>.Builder redirects, int line, int column, Action<string> warn)
    {
        var written = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;
        var path = written.StartsWith('/') || written.Length == 0 ? written : "/" + written;
        if (path.TrimEnd('/') == url.TrimEnd('/'))
        {
            return; // the address it asked for is the one it has
        }
        if (value is not string || Problem(path) is not null || written.Contains("://", StringComparison.Ordinal))
        {
            warn($"'{key}: {written}' is not an address this site can keep: this page is published at {url}; to keep an old address working, list it in redirect_from");
            return;
        }
        if (!redirects.Any(r => r.Path == path))
        {
            redirects.Add(new RedirectSource(path, line, column));
        }
        warn($"'{key}: {written}' is not this site's address for the page: it is published at {url}, and {path} redirects there (remove '{key}' to drop the redirect)");
    }

    /// <summary>
    /// A Hugo alias without a leading '/' is relative to the page's section (<c>old-name</c> on <c>/posts/x/</c> is
    /// <c>/posts/old-name</c>); an absolute one, or anything that is not a plain name, stays as written for the check.
    /// </summary>
    private static string Resolve(string alias, string url)
    {
        if (alias.Length == 0 || alias.StartsWith('/') || alias.Contains("://", StringComparison.Ordinal))
        {
            return alias;
        }
        var section = url.TrimEnd('/');
        return section[..(section.LastIndexOf('/') + 1)] + alias;
    }

    /// <summary>Why <paramref name="path"/> cannot be an old address on this site, or null when it can.</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0)
        {
            return "is empty; write the old path, like /posts/old-slug/";
        }
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
        {
            return "must be a path on this site starting with '/', like /posts/old-slug/";
        }
        if (path.AsSpan().IndexOfAny(Forbidden) >= 0 || path.Split('/').Any(segment => segment.StartsWith(':')))
        {
            return "must be a plain path: no spaces, quotes, '?', '#', '*' or ':placeholder' segments";
        }
        return null;
    }

    /// <summary>Finds each entry's text in the front matter, from the key's line on, in the order they were written.</summary>
    private sealed class Locator
    {
        private readonly string[] _lines;
        private readonly int _keyLine;
        private int _line;
        private int _column;

        public Locator(string text, int keyLine)
        {
            _lines = text.Split('\n');
            _keyLine = keyLine;
            _line = keyLine - 1;
            _column = FirstColumn(_lines, _line);
        }

        public (int Line, int Column) Find(string entry)
        {
            if (entry.Length > 0)
            {
                for (var i = _line; i < _lines.Length && (i == _keyLine - 1 || Continues(_lines[i])); i++)
                {
                    var from = i == _line ? _column : 0;
                    var at = from <= _lines[i].Length ? _lines[i].IndexOf(entry, from, StringComparison.Ordinal) : -1;
                    if (at >= 0)
                    {
                        _line = i;
                        _column = at + entry.Length;
                        return (i + 1, at + 1);
                    }
                }
            }
            return (_keyLine, 1);
        }

        /// <summary>The key's own line is searched after its colon, so a value never matches the key's name.</summary>
        private static int FirstColumn(string[] lines, int index) =>
            index >= 0 && index < lines.Length && lines[index].IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? colon + 1 : 0;

        /// <summary>Lines of a block list under the key: indented, or starting with '-', and not the closing '---'.</summary>
        private static bool Continues(string line) =>
            line.TrimEnd('\r').Length == 0 || char.IsWhiteSpace(line[0]) || (line.StartsWith('-') && !line.StartsWith("---", StringComparison.Ordinal));
    }
}
