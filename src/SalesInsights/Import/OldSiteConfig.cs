using System.Collections.Immutable;
using System.Globalization;
using SalesInsights.Site;

namespace SalesInsights.Import;

/// <summary>
/// The settings file of the site being imported (Hugo's <c>hugo.toml</c>/<c>config.yaml</c>…, Jekyll's
/// <c>_config.yml</c>), read by the same readers as front matter, with each top-level key's line.
/// </summary>
public sealed record OldSiteConfig(string Path, ImmutableDictionary<string, object?> Values, ImmutableDictionary<string, int> Lines)
{
    /// <summary>Reads <paramref name="text"/>, written in the format its file name says; null with an error when it cannot be read.</summary>
    public static OldSiteConfig? Read(string path, string text, out FrontMatterError? error)
    {
        // TOML and YAML are read as a front matter block, one line below the file's own lines; JSON is one object.
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        var (wrapped, shift) = extension switch
        {
            ".toml" => ("+++\n" + text + "\n+++\n", 1),
            ".json" => (text.TrimStart(), 0),
            _ => ("---\n" + text + "\n---\n", 1),
        };
        var frontMatter = FrontMatter.Parse(wrapped, out error);
        if (error is not null)
        {
            error = error with { Line = Math.Max(1, error.Line - shift) };
            return null;
        }
        return new OldSiteConfig(path, frontMatter.Values, frontMatter.Lines.ToImmutableDictionary(l => l.Key, l => l.Value - shift, StringComparer.OrdinalIgnoreCase));
    }

    public int LineOf(string key) => Lines.TryGetValue(key, out var line) ? line : 1;

    /// <summary>A top-level text value, or one inside a table (<c>params.author</c>).</summary>
    public string? Text(string key)
    {
        var value = Value(key);
        return value switch
        {
            string text when text.Trim().Length > 0 => text.Trim(),
            long or double => Convert.ToString(value, CultureInfo.InvariantCulture),
            // An author written as a map ({ name: Ann Lee, email: … }), as both generators' themes do.
            IReadOnlyDictionary<string, object?> map when map.TryGetValue("name", out var name) && name is string text => text.Trim(),
            _ => null,
        };
    }

    /// <summary>A top-level value, or one inside a table (<c>pagination.pagerSize</c>); null when absent.</summary>
    public object? Value(string key)
    {
        object? value = Values;
        foreach (var part in key.Split('.'))
        {
            value = value is IReadOnlyDictionary<string, object?> map && map.TryGetValue(part, out var inner) ? inner : null;
        }
        return value;
    }
}
