using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace SalesInsights.Pipeline;

/// <summary>
/// What stays alive between the builds of one long-running process (the preview): the per-document results of
/// modules that opt in, each keyed by a hash of the input document and of every service and file it read, and
/// what the last build did. A result is reused only when all of those are unchanged, so a build in a session
/// produces exactly what a fresh build would; it just skips the work.
/// </summary>
public sealed class BuildSession : IDisposable
{
    /// <summary>Results unused for this many builds are dropped, so deleted articles do not pile up.</summary>
    private const int KeepForBuilds = 2;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<object, string> _stamps = [];
    private ConcurrentDictionary<string, string?> _fileStamps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Stamp, IDisposable Resource)> _kept = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Stamp, object Value)> _reused = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DerivedEntry> _derived = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Path, string Purpose), object?> _fileFacts = new();
    private IReadOnlySet<string>? _changedPaths;
    private BuildActivity _current = new(0);
    private int _running;

    /// <summary>How many builds have finished in this session.</summary>
    public int Builds { get; private set; }

    /// <summary>What the last finished build executed and reused.</summary>
    public BuildActivity LastBuild { get; private set; } = new(0);

    /// <summary>How many per-document results are kept.</summary>
    public int CachedResults => _entries.Count;

    /// <summary>
    /// A resource that is expensive to open (the data catalog) kept across builds while <paramref name="stamp"/> is
    /// unchanged; a new stamp disposes the old one and opens it again. The session owns what it keeps.
    /// </summary>
    public T Keep<T>(string key, string stamp, Func<T> open) where T : class, IDisposable
    {
        lock (_kept)
        {
            if (_kept.TryGetValue(key, out var kept) && kept.Stamp == stamp && kept.Resource is T same)
            {
                return same;
            }
            kept.Resource?.Dispose();
            var resource = open();
            _kept[key] = (stamp, resource);
            return resource;
        }
    }

    /// <summary>
    /// The value made last build for <paramref name="key"/> while <paramref name="stamp"/> is unchanged, else a new
    /// one. Handing back the same immutable instance lets every cache lookup downstream hit its memoized hash.
    /// </summary>
    public T Reuse<T>(string key, string stamp, Func<T> create) where T : class
    {
        if (_reused.TryGetValue(key, out var reused) && reused.Stamp == stamp && reused.Value is T same)
        {
            return same;
        }
        var value = create();
        _reused[key] = (stamp, value);
        return value;
    }

    /// <summary>
    /// What changed since the last build, as absolute paths, when the caller knows (the preview's file watcher);
    /// null when it cannot tell (events were lost, a folder moved). Set before a build; it lets
    /// <see cref="OfFile{T}"/> skip even looking at the files that did not change.
    /// </summary>
    public IReadOnlySet<string>? ChangedPaths
    {
        get => _changedPaths;
        set => _changedPaths = value;
    }

    /// <summary>
    /// Set before a build that must be quick rather than complete (the preview's first, served while the complete
    /// one runs): slow work the caches do not have (charts never drawn) may stand as a note that it is coming.
    /// Results that did so say so (<see cref="IExecutionContext.MarkIncomplete"/>) and are not kept; every other
    /// result is what a complete build makes, and is reused by the next one.
    /// </summary>
    public bool Provisional { get; set; }

    /// <summary>
    /// A fact about a file (its document, its date) as last build computed it when <see cref="ChangedPaths"/> says the
    /// file has not changed since; computed again otherwise. Only the watcher's word is trusted here: without it,
    /// every file is looked at.
    /// </summary>
    public T OfFile<T>(string path, string purpose, Func<T> compute)
    {
        if (_changedPaths is { } changed && !changed.Contains(path) && _fileFacts.TryGetValue((path, purpose), out var known) && known is T same)
        {
            return same;
        }
        var value = compute();
        _fileFacts[(path, purpose)] = value;
        return value;
    }

    /// <summary>
    /// The value made last build under <paramref name="key"/> when it was made from the same <paramref name="sources"/>
    /// (documents compared as instances, other values by equality, sequences item by item), else a new one. A module
    /// that derives a document from others (its neighbours, a page of a listing) keeps an unchanged result's
    /// instance this way, and with it every hash and cached result downstream, without hashing anything.
    /// </summary>
    public T Derive<T>(string key, ImmutableArray<object?> sources, Func<T> create) where T : class
    {
        if (_derived.TryGetValue(key, out var derived) && derived.Value is T same && SameSources(derived.Sources, sources))
        {
            derived.LastUsed = _current.Build;
            return same;
        }
        var value = create();
        _derived[key] = new DerivedEntry(sources, value) { LastUsed = _current.Build };
        return value;
    }

    private static bool SameSources(ImmutableArray<object?> before, ImmutableArray<object?> now)
    {
        if (before.Length != now.Length)
        {
            return false;
        }
        for (var i = 0; i < before.Length; i++)
        {
            if (!SameSource(before[i], now[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool SameSource(object? before, object? now)
    {
        if (ReferenceEquals(before, now))
        {
            return true;
        }
        switch (before, now)
        {
            case (null, _) or (_, null):
            case (Document, _):
                return false;
            case (string a, string b):
                return string.Equals(a, b, StringComparison.Ordinal);
            case (System.Collections.IEnumerable a, System.Collections.IEnumerable b):
                var left = a.GetEnumerator();
                var right = b.GetEnumerator();
                while (true)
                {
                    var more = left.MoveNext();
                    if (more != right.MoveNext())
                    {
                        return false;
                    }
                    if (!more)
                    {
                        return true;
                    }
                    if (!SameSource(left.Current, right.Current))
                    {
                        return false;
                    }
                }
            default:
                return before.Equals(now);
        }
    }

    /// <summary>Whether the session keeps <paramref name="resource"/> (so a build must not dispose it).</summary>
    public bool Owns(object resource)
    {
        lock (_kept)
        {
            return _kept.Values.Any(k => ReferenceEquals(k.Resource, resource));
        }
    }

    public void Dispose()
    {
        lock (_kept)
        {
            foreach (var (_, resource) in _kept.Values)
            {
                resource.Dispose();
            }
            _kept.Clear();
        }
    }

    internal void BeginBuild()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("A build session runs one build at a time.");
        }
        _current = new BuildActivity(Builds + 1);
        // Files are hashed again in every build: a timestamp is too coarse to prove a file unchanged.
        _fileStamps = new(StringComparer.Ordinal);
    }

    internal void EndBuild()
    {
        // A caller's word on what changed holds for one build only.
        _changedPaths = null;
        var build = _current.Build;
        foreach (var (key, entry) in _entries)
        {
            if (build - entry.LastUsed >= KeepForBuilds)
            {
                _entries.TryRemove(key, out _);
            }
        }
        foreach (var (key, derived) in _derived)
        {
            if (build - derived.LastUsed >= KeepForBuilds)
            {
                _derived.TryRemove(key, out _);
            }
        }
        Builds = build;
        LastBuild = _current;
        Volatile.Write(ref _running, 0);
    }

    /// <summary>
    /// Runs <paramref name="execute"/> on <paramref name="input"/>, or returns what it returned in an earlier build
    /// for an identical input, replaying its diagnostics. <paramref name="execute"/> must read everything beyond the
    /// document through the context it is given (services, <see cref="IExecutionContext.ReadsFile"/>) or list it in
    /// <paramref name="extraInputs"/>; reading another pipeline's documents makes the result uncacheable.
    /// </summary>
    public Document? GetOrExecute(IModule module, IExecutionContext context, Document input, ImmutableArray<object?> extraInputs, Func<IExecutionContext, Document?> execute)
    {
        var moduleName = module.GetType().Name;
        var key = ContentHash.Of($"{context.PipelineName}/{context.Phase}/{module.GetType().FullName}", input, extraInputs);
        if (key is not null && _entries.TryGetValue(key, out var entry) && entry.Dependencies.All(d => d.IsCurrent(context, this)))
        {
            entry.LastUsed = _current.Build;
            foreach (var diagnostic in entry.Diagnostics)
            {
                context.Diagnostics.Report(diagnostic);
            }
            _current.Record(moduleName, input, executed: false);
            return entry.Output;
        }

        var recording = new RecordingContext(context, this);
        Document? output;
        try
        {
            output = execute(recording);
        }
        finally
        {
            foreach (var diagnostic in recording.Diagnostics.ToSortedArray())
            {
                context.Diagnostics.Report(diagnostic);
            }
        }
        _current.Record(moduleName, input, executed: true);
        if (key is not null && !recording.Uncacheable)
        {
            _entries[key] = new Entry(output, recording.Diagnostics.ToSortedArray(), [.. recording.Dependencies]) { LastUsed = _current.Build };
        }
        return output;
    }

    /// <summary>What a service looks like now: its own stamp, a hash of a record's values, or its identity.</summary>
    internal string StampOf(object service) => _stamps.GetValue(service, static s => s switch
    {
        IStamped stamped => "stamp:" + stamped.Stamp,
        _ => ContentHash.Of(s) is { } hash ? "value:" + hash : "instance:" + Guid.NewGuid().ToString("N"),
    });

    /// <summary>SHA-256 of a file's bytes, computed at most once per build; null when it cannot be read.</summary>
    internal string? StampOfFile(string path) => _fileStamps.GetOrAdd(Path.GetFullPath(path), static p =>
    {
        try
        {
            using var stream = File.OpenRead(p);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    });

    private sealed class Entry(Document? output, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<Dependency> dependencies)
    {
        public Document? Output { get; } = output;
        public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics;
        public ImmutableArray<Dependency> Dependencies { get; } = dependencies;
        public int LastUsed { get; set; }
    }

    private sealed class DerivedEntry(ImmutableArray<object?> sources, object value)
    {
        public ImmutableArray<object?> Sources { get; } = sources;
        public object Value { get; } = value;
        public int LastUsed { get; set; }
    }

    private abstract record Dependency
    {
        public abstract bool IsCurrent(IExecutionContext context, BuildSession session);
    }

    private sealed record ServiceDependency(Func<IExecutionContext, object> Get, string Stamp) : Dependency
    {
        public override bool IsCurrent(IExecutionContext context, BuildSession session) => session.StampOf(Get(context)) == Stamp;
    }

    private sealed record FileDependency(string Path, string? Stamp) : Dependency
    {
        public override bool IsCurrent(IExecutionContext context, BuildSession session) => Stamp is not null && session.StampOfFile(Path) == Stamp;
    }

    /// <summary>The context one cached computation sees: it keeps the diagnostics apart and notes what was read.</summary>
    private sealed class RecordingContext(IExecutionContext inner, BuildSession session) : IExecutionContext
    {
        private readonly ConcurrentQueue<Dependency> _dependencies = new();
        private readonly ConcurrentDictionary<Type, bool> _services = new();

        public string PipelineName => inner.PipelineName;
        public Phase Phase => inner.Phase;
        public DiagnosticBag Diagnostics { get; } = new();
        public BuildSession? Session => session;
        public bool Uncacheable { get; private set; }
        public IEnumerable<Dependency> Dependencies => _dependencies;

        public ImmutableArray<Document> OutputsOf(string pipelineName)
        {
            Uncacheable = true;
            return inner.OutputsOf(pipelineName);
        }

        public T Get<T>() where T : class
        {
            var service = inner.Get<T>();
            if (_services.TryAdd(typeof(T), true))
            {
                _dependencies.Enqueue(new ServiceDependency(static c => c.Get<T>(), session.StampOf(service)));
            }
            return service;
        }

        public void ReadsFile(string path) => _dependencies.Enqueue(new FileDependency(path, session.StampOfFile(path)));

        public void MarkIncomplete() => Uncacheable = true;
    }
}

/// <summary>What one build of a session executed and what it took from the cache, per module.</summary>
public sealed class BuildActivity(int build)
{
    private readonly ConcurrentQueue<(string Module, string Document, bool Executed)> _items = new();

    /// <summary>The build's number in its session, from 1.</summary>
    public int Build { get; } = build;

    internal void Record(string module, Document input, bool executed) =>
        _items.Enqueue((module, input.Source ?? input.Destination ?? "(generated)", executed));

    /// <summary>How many documents <paramref name="module"/> (a type name such as <c>RenderMarkdown</c>) really processed.</summary>
    public int Executed(string module) => _items.Count(i => i.Module == module && i.Executed);

    /// <summary>How many documents <paramref name="module"/> took from the cache.</summary>
    public int Reused(string module) => _items.Count(i => i.Module == module && !i.Executed);

    /// <summary>The documents <paramref name="module"/> really processed, sorted.</summary>
    public ImmutableArray<string> ExecutedDocuments(string module) =>
        [.. _items.Where(i => i.Module == module && i.Executed).Select(i => i.Document).Order(StringComparer.Ordinal)];
}
