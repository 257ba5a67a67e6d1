using System.Text.RegularExpressions;

namespace SalesInsights.Git;

/// <summary>
/// The repository's <c>.mailmap</c>, read as git reads it: each line maps a commit's name and address to the
/// person's proper name (and address). Four forms: <c>Proper &lt;commit@x&gt;</c>, <c>&lt;proper@x&gt; &lt;commit@x&gt;</c>,
/// <c>Proper &lt;proper@x&gt; &lt;commit@x&gt;</c> and <c>Proper &lt;proper@x&gt; Commit &lt;commit@x&gt;</c>.
/// </summary>
public sealed partial class Mailmap
{
    /// <summary>Larger files are not read: a mailmap is a list of people, not a place for data.</summary>
    private const int MaxBytes = 1 << 20;

    private readonly List<Entry> _entries;

    private Mailmap(string source, List<Entry> entries)
    {
        Source = source;
        _entries = entries;
    }

    public static Mailmap Empty { get; } = new(string.Empty, []);

    /// <summary>The text it was read from (part of the history's cache key).</summary>
    public string Source { get; }

    /// <summary>The <c>.mailmap</c> at the root of the working tree, or an empty one.</summary>
    public static Mailmap Read(string workingDirectory)
    {
        var path = Path.Combine(workingDirectory, ".mailmap");
        var file = new FileInfo(path);
        if (!file.Exists || file.Length > MaxBytes || file.Attributes.HasFlag(FileAttributes.ReparsePoint))
        {
            return Empty;
        }
        return Parse(File.ReadAllText(path));
    }

    public static Mailmap Parse(string text)
    {
        var entries = new List<Entry>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var match = Line().Match(line);
            if (!match.Success)
            {
                continue; // git skips lines it cannot read, and so do we
            }
            var properName = match.Groups["proper"].Value.Trim();
            var first = match.Groups["first"].Value.Trim();
            var commitName = match.Groups["name"].Value.Trim();
            var second = match.Groups["second"].Success ? match.Groups["second"].Value.Trim() : null;
            entries.Add(second is null
                ? new Entry(properName.Length > 0 ? properName : null, null, null, first)
                : new Entry(properName.Length > 0 ? properName : null, first, commitName.Length > 0 ? commitName : null, second));
        }
        return new Mailmap(text, entries);
    }

    /// <summary>The identity a commit's author maps to; the same identity, not <see cref="GitIdentity.Mapped"/>, when no line names it.</summary>
    public GitIdentity Map(GitIdentity author)
    {
        // git lets the most specific line win: one that names the commit's name as well as its address.
        Entry? best = null;
        foreach (var entry in _entries)
        {
            if (!string.Equals(entry.CommitEmail, author.Email, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (entry.CommitName is null)
            {
                best ??= entry;
            }
            else if (string.Equals(entry.CommitName, author.Name, StringComparison.OrdinalIgnoreCase))
            {
                best = entry;
                break;
            }
        }
        return best is null ? author : new GitIdentity(best.ProperName ?? author.Name, best.ProperEmail ?? author.Email, Mapped: true);
    }

    private sealed record Entry(string? ProperName, string? ProperEmail, string? CommitName, string CommitEmail);

    [GeneratedRegex(@"^(?<proper>[^<#]*)<(?<first>[^>]*)>\s*(?:(?<name>[^<#]*)<(?<second>[^>]*)>)?\s*(?:#.*)?$")]
    private static partial Regex Line();
}
