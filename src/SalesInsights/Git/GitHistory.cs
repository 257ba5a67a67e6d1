using System.Collections.Immutable;
using LibGit2Sharp;

namespace SalesInsights.Git;

/// <summary>What the history says of one file: when its content last changed and who changed it.</summary>
/// <param name="LastChanged">Author date of the newest commit that changed the file (the writer's own clock and offset).</param>
/// <param name="Contributors">Author names, first contributor first.</param>
/// <param name="Commits">How many commits changed the file.</param>
public sealed record FileHistory(DateTimeOffset LastChanged, ImmutableArray<string> Contributors, int Commits);

/// <summary>
/// The git history of a folder's files, read in ONE walk over the commits (never one log query per file: a site
/// may have ten thousand articles). An empty history, with <see cref="Problem"/> saying why, when there is no
/// repository or it cannot be read; the build then goes on without it.
/// </summary>
public sealed class GitHistory
{
    private static readonly Lock CacheLock = new();
    private static (string Key, GitHistory History)? _cache;

    static GitHistory()
    {
        // Netlify clones with --filter=blob:none. libgit2 refuses to open such a repository unless told the
        // extension is understood; the walk below reads commits and trees only, which a blobless clone has.
        GlobalSettings.SetExtensions("partialclone");
    }

    private readonly ImmutableDictionary<string, FileHistory> _files;

    private GitHistory(string? workingDirectory, ImmutableDictionary<string, FileHistory> files, string? problem)
    {
        WorkingDirectory = workingDirectory;
        _files = files;
        Problem = problem;
    }

    /// <summary>No repository: every file is unknown.</summary>
    public static GitHistory None { get; } = new(null, ImmutableDictionary<string, FileHistory>.Empty, null);

    /// <summary>The repository's root folder (absolute, no trailing separator), or null without a repository.</summary>
    public string? WorkingDirectory { get; }

    /// <summary>Why the history is missing or partial although there is a repository; null when it is complete.</summary>
    public string? Problem { get; }

    /// <summary>How many files have a history.</summary>
    public int Count => _files.Count;

    /// <summary>The history of the file at <paramref name="absolutePath"/>, or null when it was never committed.</summary>
    public FileHistory? Find(string absolutePath) =>
        RelativePath(absolutePath) is { } relative && _files.TryGetValue(relative, out var history) ? history : null;

    /// <summary>The path inside the repository with forward slashes, or null when the file is outside it.</summary>
    public string? RelativePath(string absolutePath)
    {
        if (WorkingDirectory is null)
        {
            return null;
        }
        var relative = Path.GetRelativePath(WorkingDirectory, Path.GetFullPath(absolutePath)).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative) ? null : relative;
    }

    /// <summary>
    /// Reads the history of the files under <paramref name="folder"/> from the repository that contains it.
    /// Reuses the previous result while the branch tip is unchanged (the preview rebuilds on every save).
    /// </summary>
    public static GitHistory Read(string folder, CancellationToken cancellationToken)
    {
        folder = Path.GetFullPath(folder);
        string? gitDirectory;
        try
        {
            gitDirectory = Repository.Discover(folder);
        }
        catch (LibGit2SharpException)
        {
            gitDirectory = null;
        }
        if (gitDirectory is null)
        {
            return None;
        }

        try
        {
            using var repository = new Repository(gitDirectory);
            if (repository.Info.IsBare || repository.Info.WorkingDirectory is null)
            {
                return None;
            }
            var root = Path.GetFullPath(repository.Info.WorkingDirectory).TrimEnd(Path.DirectorySeparatorChar);
            var scope = Path.GetRelativePath(root, folder).Replace('\\', '/');
            var tip = repository.Head.Tip;
            if (tip is null)
            {
                return new GitHistory(root, ImmutableDictionary<string, FileHistory>.Empty, null); // no commit yet
            }

            var key = $"{root}\n{scope}\n{tip.Sha}";
            lock (CacheLock)
            {
                if (_cache is { } cached && cached.Key == key)
                {
                    return cached.History;
                }
            }
            var history = Walk(repository, root, scope == "." ? null : scope + "/", cancellationToken);
            lock (CacheLock)
            {
                _cache = (key, history);
            }
            return history;
        }
        catch (LibGit2SharpException e)
        {
            return new GitHistory(null, ImmutableDictionary<string, FileHistory>.Empty, $"cannot read the git history: {e.Message}");
        }
    }

    private static GitHistory Walk(Repository repository, string root, string? scope, CancellationToken cancellationToken)
    {
        var shallow = repository.Info.IsShallow;
        var filter = new CommitFilter
        {
            IncludeReachableFrom = repository.Head,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time,
        };
        // Trees are compared by object id only: no rename similarity, which would read file contents (slow, and
        // absent from a blobless clone). Exact renames are followed below from the ids themselves.
        var compare = new CompareOptions { Similarity = SimilarityOptions.None, ContextLines = 0, InterhunkLines = 0 };
        string[]? paths = scope is null ? null : [scope];
        var files = new Dictionary<string, Builder>(StringComparer.Ordinal);
        var renamedTo = new Dictionary<string, string>(StringComparer.Ordinal);
        string Current(string path) => renamedTo.TryGetValue(path, out var newer) ? newer : path;

        foreach (var commit in repository.Commits.QueryBy(filter))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Tree? parentTree;
            using (var parents = commit.Parents.GetEnumerator())
            {
                parentTree = parents.MoveNext() ? parents.Current.Tree : null;
                if (parents.MoveNext())
                {
                    continue; // a merge: its changes were made, and are counted, in the commits it joins
                }
            }
            if (parentTree is null && shallow)
            {
                continue; // the cut-off end of a shallow clone would seem to add every file at once
            }

            var changes = repository.Diff.Compare<TreeChanges>(parentTree, commit.Tree, paths, compare);
            var renamedHere = new HashSet<string>(StringComparer.Ordinal);
            if (changes.Deleted.Any() && changes.Added.Any())
            {
                var added = changes.Added.GroupBy(a => a.Oid).ToDictionary(g => g.Key, g => g.First().Path);
                foreach (var deleted in changes.Deleted)
                {
                    if (added.TryGetValue(deleted.OldOid, out var newPath))
                    {
                        // Older commits of the old path belong to the file's history under its new name.
                        renamedTo[deleted.OldPath] = Current(newPath);
                        renamedHere.Add(newPath);
                    }
                }
            }

            var author = commit.Author;
            foreach (var change in changes.Added.Concat(changes.Modified).Concat(changes.TypeChanged))
            {
                if (renamedHere.Contains(change.Path))
                {
                    continue; // a pure rename changes no word of the article
                }
                var path = Current(change.Path);
                if (!files.TryGetValue(path, out var builder))
                {
                    files[path] = builder = new Builder();
                }
                builder.Add(author.When, author.Name);
            }
        }

        var problem = shallow
            ? "the repository is a shallow clone, so last-updated dates and contributors may be missing; clone with full history (actions/checkout: fetch-depth: 0)"
            : null;
        return new GitHistory(root, files.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToHistory(), StringComparer.Ordinal), problem);
    }

    private sealed class Builder
    {
        private readonly Dictionary<string, DateTimeOffset> _firstContribution = new(StringComparer.OrdinalIgnoreCase);
        private DateTimeOffset _last = DateTimeOffset.MinValue;
        private int _commits;

        public void Add(DateTimeOffset when, string name)
        {
            _commits++;
            if (when > _last)
            {
                _last = when;
            }
            name = name.Trim();
            if (name.Length > 0 && (!_firstContribution.TryGetValue(name, out var first) || when < first))
            {
                _firstContribution[name] = when;
            }
        }

        public FileHistory ToHistory() => new(
            _last,
            [.. _firstContribution.OrderBy(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key)],
            _commits);
    }
}
