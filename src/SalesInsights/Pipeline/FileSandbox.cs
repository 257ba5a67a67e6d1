using System.Collections.Immutable;
using System.IO.Enumeration;

namespace SalesInsights.Pipeline;

/// <summary>
/// The folders a build may read: the site's input and its theme. Every file the build reads is found through
/// here, with symbolic links resolved, so a link (or a linked folder) that leads outside those folders is refused
/// by name and never read or published. A one-off build, a check and the preview share the rule.
/// </summary>
public sealed class FileSandbox
{
    /// <summary>Links followed in a row before a path counts as a loop (the kernel's own limit is 40).</summary>
    private const int MaxLinks = 40;

    private readonly ImmutableArray<string> _roots;

    /// <param name="roots">Folders whose files may be read; they may themselves be links.</param>
    public FileSandbox(IEnumerable<string> roots)
    {
        _roots = [.. roots.Select(r => WithSeparator(RealPath(r) ?? Path.GetFullPath(r))).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The real paths of the folders files may come from, each ending with a separator.</summary>
    public ImmutableArray<string> Roots => _roots;

    /// <summary>
    /// Null when <paramref name="path"/> (a file or folder) resolves inside one of the roots; otherwise why it may
    /// not be read, for a diagnostic against it.
    /// </summary>
    public string? Refusal(string path)
    {
        var real = RealPath(path);
        if (real is null)
        {
            return "it is a link that cannot be followed (a loop, or a link to nothing)";
        }
        return Inside(real) ? null : $"it resolves to '{real}', outside the site's input and theme folders; only files inside them are read";
    }

    private bool Inside(string real) =>
        _roots.Any(root => WithSeparator(real).StartsWith(root, StringComparison.Ordinal));

    /// <summary>
    /// The files under <paramref name="directory"/> whose names match <paramref name="pattern"/>, in ordinal order,
    /// skipping names that start with a dot. A file or folder that is a link leading outside the roots comes back
    /// with its <see cref="SandboxedFile.Refusal"/> (a folder once, never entered); a linked folder is entered once
    /// even when links lead to it twice, so a loop of links ends.
    /// </summary>
    public ImmutableArray<SandboxedFile> Files(string directory, string pattern = "*", bool recursive = true)
    {
        var found = new List<SandboxedFile>();
        if (!Directory.Exists(directory))
        {
            return [];
        }
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(Path.GetFullPath(directory));
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = true, ReturnSpecialDirectories = false };
        while (pending.TryPop(out var folder))
        {
            var real = RealPath(folder);
            if (real is null || !Inside(real))
            {
                found.Add(new SandboxedFile(folder, Refusal(folder)));
                continue;
            }
            if (!visited.Add(real))
            {
                continue;
            }
            var entries = new FileSystemEnumerable<(string Path, bool IsDirectory, bool IsLink)>(folder,
                static (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0), options)
            {
                ShouldIncludePredicate = static (ref FileSystemEntry e) => !e.FileName.StartsWith('.'),
            };
            foreach (var (path, isDirectory, isLink) in entries)
            {
                if (isDirectory)
                {
                    if (recursive)
                    {
                        pending.Push(path);
                    }
                }
                else if (FileSystemName.MatchesSimpleExpression(pattern, Path.GetFileName(path), ignoreCase: false))
                {
                    // A plain file inside a folder that resolved inside the roots is inside too; only a link needs resolving.
                    found.Add(new SandboxedFile(path, isLink ? Refusal(path) : null));
                }
            }
        }
        return [.. found.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The path with every link along it resolved, like the C library's <c>realpath</c>; null for a loop of links
    /// or a link whose target does not exist. A missing path that is not a link resolves to itself.
    /// </summary>
    public static string? RealPath(string path)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    private static string? Resolve(string full, ref int links)
    {
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    return null;
                }
                var resolved = Resolve(Path.GetFullPath(target, current), ref links);
                if (resolved is null || (!File.Exists(resolved) && !Directory.Exists(resolved)))
                {
                    return null;
                }
                next = resolved;
            }
            current = next;
        }
        return current;
    }

    private static string WithSeparator(string path) =>
        path.EndsWith(Path.DirectorySeparatorChar) ? path : path + Path.DirectorySeparatorChar;
}

/// <summary>A file found in the sandbox: its path as found, and why it may not be read, or null when it may.</summary>
public readonly record struct SandboxedFile(string Path, string? Refusal)
{
    public bool IsAllowed => Refusal is null;
}
