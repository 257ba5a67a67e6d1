using System.Text.RegularExpressions;

namespace SalesInsights.Site;

/// <summary>
/// What a Markdown file's name says: its slug, Jekyll's date prefix (<c>2026-03-10-quota-math.markdown</c> is dated
/// 10 March 2026 and published as <c>quota-math</c>), and a title for a file that gives none. A page bundle's
/// <c>index.md</c> (<c>input/posts/quota-math/index.md</c>) is named by its folder.
/// </summary>
public sealed partial record SourceFileName(string Slug, string? Date)
{
    public static SourceFileName Of(string path)
    {
        var name = IsBundleIndex(path) ? Path.GetFileName(Path.GetDirectoryName(path)!) : Path.GetFileNameWithoutExtension(path);
        var match = JekyllName().Match(name);
        return match.Success ? new SourceFileName(match.Groups["slug"].Value, match.Groups["date"].Value) : new SourceFileName(name, null);
    }

    /// <summary>
    /// Whether <paramref name="path"/> (relative to the site's root, <c>input/posts/x/index.md</c>) is the article of
    /// a page bundle: an <c>index</c> file in a folder of its own below <c>posts/</c> or <c>pages/</c>.
    /// </summary>
    public static bool IsBundleIndex(string path) =>
        Path.GetFileNameWithoutExtension(path).Equals("index", StringComparison.OrdinalIgnoreCase)
        && path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Length >= 4;

    /// <summary>
    /// Whether a relative address written in an article (<c>x-chart.png</c>, <c>x/chart.png</c>) names a file in the
    /// article's own folder or below it: such a file is published beside the article's page, where the address
    /// finds it. An address that climbs (<c>../</c>), is absolute or has a scheme is not.
    /// </summary>
    public static bool IsSiblingPath(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.StartsWith('#') && !path.Contains(':', StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal)
        && path.Split('/').All(segment => segment.Length > 0 && segment != ".." && segment != ".");

    /// <summary>The slug as words with a capital: <c>quota-math</c> → "Quota math".</summary>
    public string Title
    {
        get
        {
            var words = string.Join(' ', Slug.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries));
            return words.Length == 0 ? Slug : char.ToUpperInvariant(words[0]) + words[1..];
        }
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})-(?<slug>.+)$")]
    private static partial Regex JekyllName();
}
