using System.Collections.Immutable;
using LibGit2Sharp;

namespace SalesInsights.Git;

/// <summary>What the history says of one file: when its content last changed and who changed it.</summary>
/// <param name="LastChanged">Author date of the newest commit that changed the file (the writer's own clock and offset).</param>
/// <param name="Contributors">Commit authors as <c>.mailmap</c> names them, first contributor first.</param>
/// <param name="Commits">How many commits changed the file.</param>
/// <param name="TextRevised">
/// Author date of the newest commit, after the one that added the file, that changed its text below the front
/// matter; null when no commit did (a retag or a new summary is not a revision of the article).
/// </param>
public sealed record FileHistory(DateTimeOffset LastChanged, ImmutableArray<GitIdentity> Contributors, int Commits, DateTimeOffset? TextRevised);

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
        if (WorkingFolderOf(folder) is not { } gitDirectory)
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

            var mailmap = Mailmap.Read(root);
            var key = $"{root}\n{scope}\n{tip.Sha}\n{mailmap.Source}";
            lock (CacheLock)
            {
                if (_cache is { } cached && cached.Key == key)
                {
                    return cached.History;
                }
            }
            var history = Walk(repository, root, scope == "." ? null : scope + "/", mailmap, cancellationToken);
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

    /// <summary>
    /// The nearest folder at or above <paramref name="folder"/> with a <c>.git</c> entry (a folder, or the file a
    /// worktree or submodule has), as git finds its repository. Not LibGit2Sharp's <c>Repository.Discover</c>: it
    /// hands its answer back through a buffer that the native executable never sees filled, so there it found no
    /// repository at all.
    /// </summary>
    private static string? WorkingFolderOf(string folder)
    {
        for (var directory = new DirectoryInfo(folder); directory is not null; directory = directory.Parent)
        {
            var dotGit = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(dotGit) || File.Exists(dotGit))
            {
                return directory.FullName;
            }
        }
        return null;
    }

    private static GitHistory Walk(Repository repository, string root, string? scope, Mailmap mailmap, CancellationToken cancellationToken)
    {
        var shallow = repository.Info.IsShallow;
        var steps = Steps(repository, shallow, cancellationToken);

        // Comparing trees is nearly all the cost: libgit2 does not cache trees over 4 KB, so a folder of N articles
        // costs O(N) per commit. Spreading it over threads was measured: more CPU in total, no faster on 2 cores.
        var changes = new FileChange[]?[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            changes[i] = Compare(repository, steps[i], scope);
        }

        // Newest first, so a rename seen here applies to every older commit of the old path.
        var files = new Dictionary<string, Builder>(StringComparer.Ordinal);
        var renamedTo = new Dictionary<string, string>(StringComparer.Ordinal);
        string Current(string path) => renamedTo.TryGetValue(path, out var newer) ? newer : path;
        for (var i = 0; i < steps.Count; i++)
        {
            if (changes[i] is not { Length: > 0 } changed)
            {
                continue;
            }
            var renamedHere = new HashSet<string>(StringComparer.Ordinal);
            foreach (var change in changed.Where(c => c.RenamedFrom is not null))
            {
                renamedTo[change.RenamedFrom!] = Current(change.Path);
                renamedHere.Add(change.Path);
            }
            foreach (var change in changed.Where(c => c.RenamedFrom is null))
            {
                var path = Current(change.Path);
                if (!files.TryGetValue(path, out var builder))
                {
                    files[path] = builder = new Builder();
                }
                builder.Add(steps[i].When, mailmap.Map(steps[i].Author), change.TextChanged);
            }
        }

        var problem = shallow
            ? "the repository is a shallow clone, so last-updated dates and contributors may be missing; clone with full history (actions/checkout: fetch-depth: 0)"
            : null;
        return new GitHistory(root, files.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToHistory(), StringComparer.Ordinal), problem);
    }

    /// <summary>The commits to compare with their parent, newest first; merges and a shallow clone's cut-off end left out.</summary>
    private static List<Step> Steps(Repository repository, bool shallow, CancellationToken cancellationToken)
    {
        var filter = new CommitFilter
        {
            IncludeReachableFrom = repository.Head,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time,
        };
        var steps = new List<Step>();
        foreach (var commit in repository.Commits.QueryBy(filter))
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectId? parent;
            using (var parents = commit.Parents.GetEnumerator())
            {
                parent = parents.MoveNext() ? parents.Current.Id : null;
                if (parents.MoveNext())
                {
                    continue; // a merge: its changes were made, and are counted, in the commits it joins
                }
            }
            if (parent is null && shallow)
            {
                continue; // the cut-off end of a shallow clone would seem to add every file at once
            }
            var author = commit.Author;
            steps.Add(new Step(commit.Id, parent, author.When, new GitIdentity(author.Name.Trim(), author.Email.Trim())));
        }
        return steps;
    }

    /// <summary>
    /// The files of the folder one commit added or changed, and the exact renames it made. The folder's own trees
    /// are compared by object id only: a pathspec would be matched against every entry of every tree, and rename
    /// similarity would read file contents (slow, and absent from a blobless clone).
    /// </summary>
    private static FileChange[] Compare(Repository repository, Step step, string? scope)
    {
        Tree? Scoped(ObjectId id)
        {
            var tree = repository.Lookup<Commit>(id).Tree;
            return scope is null ? tree : tree[scope.TrimEnd('/')]?.Target as Tree;
        }
        var tree = Scoped(step.Commit);
        var parentTree = step.Parent is null ? null : Scoped(step.Parent);
        if (tree?.Id == parentTree?.Id)
        {
            return []; // nothing changed in the folder
        }

        var prefix = scope ?? string.Empty;
        var changes = repository.Diff.Compare<TreeChanges>(parentTree, tree, Options);
        var result = new List<FileChange>();
        var renamed = new HashSet<string>(StringComparer.Ordinal);
        if (changes.Deleted.Any() && changes.Added.Any())
        {
            var added = changes.Added.GroupBy(a => a.Oid).ToDictionary(g => g.Key, g => g.First().Path);
            foreach (var deleted in changes.Deleted)
            {
                if (added.TryGetValue(deleted.OldOid, out var newPath) && renamed.Add(newPath))
                {
                    result.Add(new FileChange(prefix + newPath, prefix + deleted.OldPath, false));
                }
            }
        }
        foreach (var change in changes.Added.Concat(changes.TypeChanged))
        {
            if (!renamed.Contains(change.Path)) // a pure rename changes no word of the article
            {
                result.Add(new FileChange(prefix + change.Path, null, false));
            }
        }
        foreach (var change in changes.Modified)
        {
            result.Add(new FileChange(prefix + change.Path, null, TextChanged(repository, change.OldOid, change.Oid)));
        }
        return [.. result];
    }

    /// <summary>
    /// Whether a change touched the article's text rather than only its front matter. Only changed files are read,
    /// two blobs each. A blob the clone does not hold (a blobless clone's history) cannot show a revision, so it
    /// counts as none: "Updated" is a claim, made only on evidence.
    /// </summary>
    private static bool TextChanged(Repository repository, ObjectId before, ObjectId after)
    {
        if (repository.Lookup<Blob>(before) is not { } old || repository.Lookup<Blob>(after) is not { } @new)
        {
            return false;
        }
        return !ArticleText.SameBody(old.GetContentText(), @new.GetContentText());
    }

    private static readonly CompareOptions Options = new() { Similarity = SimilarityOptions.None, ContextLines = 0, InterhunkLines = 0 };

    private sealed record Step(ObjectId Commit, ObjectId? Parent, DateTimeOffset When, GitIdentity Author);

    /// <summary>
    /// A file a commit added or changed, or (with <see cref="RenamedFrom"/>) moved unchanged from another path;
    /// <see cref="TextChanged"/> when a modification changed the text below the front matter.
    /// </summary>
    private sealed record FileChange(string Path, string? RenamedFrom, bool TextChanged);

    private sealed class Builder
    {
        private readonly Dictionary<string, (GitIdentity Who, DateTimeOffset First)> _firstContribution = new(StringComparer.OrdinalIgnoreCase);
        private DateTimeOffset _last = DateTimeOffset.MinValue;
        private DateTimeOffset? _textRevised;
        private int _commits;

        public void Add(DateTimeOffset when, GitIdentity author, bool textChanged)
        {
            _commits++;
            if (when > _last)
            {
                _last = when;
            }
            if (textChanged && (_textRevised is null || when > _textRevised))
            {
                _textRevised = when;
            }
            // One person under one name, however many addresses they committed from (and one address, one person).
            var key = author.Name.Length > 0 ? author.Name : author.Email;
            if (key.Length > 0 && (!_firstContribution.TryGetValue(key, out var first) || when < first.First))
            {
                _firstContribution[key] = (author, when);
            }
        }

        public FileHistory ToHistory() => new(
            _last,
            [.. _firstContribution.OrderBy(kv => kv.Value.First).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value.Who)],
            _commits,
            _textRevised);
    }
}
