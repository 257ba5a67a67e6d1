using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using DuckDB.NET.Data;
using SalesInsights.Pipeline;

namespace SalesInsights.Data;

/// <summary>
/// The site's datasets in an embedded, sandboxed DuckDB: every CSV and Parquet file of the data folder becomes a
/// table named after the file, loaded once per build, and articles query it with SQL from many threads at once.
/// Identical queries run once per build. Open one per build with <see cref="Open"/> and dispose it at the end.
/// </summary>
public sealed class DataCatalog : IDisposable, IStamped
{
    /// <summary>Most rows a query may bring into .NET: charts and prose need aggregates, not raw tables.</summary>
    public const int MaxRows = 20_000;

    /// <summary>The output folder where the build publishes every dataset file for readers to download.</summary>
    public const string PublishedFolder = "data";

    private readonly Lazy<DuckDBConnection> _database;
    private readonly ConcurrentBag<DuckDBConnection> _pool = [];
    private readonly ConcurrentDictionary<string, Lazy<QueryOutcome>> _results = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<QueryOutcome>> _schemas = new(StringComparer.Ordinal);
    private int _executed;
    private int _stored;
    private long _queryTicks;
    private long _loadTicks;

    private readonly DataOptions _options;
    private readonly ImmutableArray<string> _privatePaths;
    private readonly ImmutableArray<Diagnostic> _problems;
    private volatile Diagnostic[] _lateProblems = [];
    private ImmutableHashSet<string> _failed;
    private readonly QueryStore? _store;
    private volatile bool _storing = true;
    private readonly ConcurrentDictionary<string, byte> _followOns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<DuckDBCommand, byte> _running = new();

    /// <summary>What a query interrupted because its build was stopped answers; such answers are not kept.</summary>
    private const string Stopped = "The build was stopped before the query finished.";

    private DataCatalog(string dataDirectory, ImmutableArray<Dataset> datasets, ImmutableArray<Diagnostic> problems, string fingerprint,
        DataOptions options, ImmutableArray<string> privatePaths, ImmutableHashSet<string> failed, QueryStore? store, Func<DataCatalog, DuckDBConnection> load, string? snapshot)
    {
        Snapshot = snapshot;
        _options = options;
        _privatePaths = privatePaths;
        _failed = failed;
        _store = store;
        DataDirectory = dataDirectory;
        _database = new Lazy<DuckDBConnection>(() => load(this), LazyThreadSafetyMode.ExecutionAndPublication);
        Datasets = datasets;
        _problems = problems;
        Fingerprint = fingerprint;
    }

    /// <summary>Absolute path of the data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>The snapshot's name (its date, <c>2025-10-14</c>) when this catalog reads one; null for the live data.</summary>
    public string? Snapshot { get; }

    public ImmutableArray<Dataset> Datasets { get; }

    /// <summary>Files that could not be loaded, as diagnostics against the file.</summary>
    public ImmutableArray<Diagnostic> Problems => _problems.AddRange(_lateProblems);

    /// <summary>SHA-256 over every data file's name and bytes: equal fingerprints mean equal data.</summary>
    public string Fingerprint { get; }

    /// <summary>A preview's build session reuses a page's charts while the data's bytes are unchanged.</summary>
    string IStamped.Stamp => Fingerprint;

    /// <summary>How many queries actually reached DuckDB (cached repeats and stored answers do not count).</summary>
    public int ExecutedQueries => Volatile.Read(ref _executed);

    /// <summary>How many queries were answered from the query store of earlier builds instead of DuckDB.</summary>
    public int StoredAnswers => Volatile.Read(ref _stored);

    /// <summary>
    /// True once the datasets are in DuckDB. A catalog whose every dataset and query answer is in the query store
    /// loads them only when a query misses it, so a build that changed no query loads none.
    /// </summary>
    public bool IsLoaded => _database.IsValueCreated;

    /// <summary>The time those queries ran, summed over the threads running them.</summary>
    public TimeSpan QueryTime => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _queryTicks));

    /// <summary>How long loading every dataset into DuckDB took (zero while <see cref="IsLoaded"/> is false).</summary>
    public TimeSpan LoadTime => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _loadTicks));

    /// <summary>A cheap summary of the data files (names, sizes, modification times) that changes whenever one does.</summary>
    public static string StampOf(string dataDirectory)
    {
        if (!Directory.Exists(dataDirectory))
        {
            return "none";
        }
        var files = new DirectoryInfo(dataDirectory).EnumerateFiles()
            .Where(f => f.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) || f.Extension.Equals(".parquet", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));
        return string.Join('|', files);
    }

    /// <summary>
    /// Loads every <c>*.csv</c> and <c>*.parquet</c> in <paramref name="dataDirectory"/>, then locks the database
    /// down: no file access at all (every dataset is a table by then), no network, no configuration changes, a
    /// memory limit, and the settings that would show the build machine's folders set to a name that says nothing.
    /// A missing folder gives an empty catalog. A data file that is a link leading outside
    /// <paramref name="sandbox"/> is refused, never read.
    /// </summary>
    /// <param name="siteRoot">Folder that diagnostics' paths are relative to; defaults to the current directory.</param>
    /// <param name="options">Time and memory limits and the datasets' encodings; <see cref="DataOptions.Default"/> when null.</param>
    /// <param name="sandbox">The folders data files may resolve into; the data folder itself when null.</param>
    /// <param name="cacheDirectory">
    /// The build's cache folder: query answers are kept in its <c>queries/</c> folder between builds, and when every
    /// dataset's description is there too, the datasets are loaded into DuckDB only when a query is not. Null keeps
    /// nothing.
    /// </param>
    /// <param name="snapshot">The snapshot's name when the folder is one (<see cref="DataSnapshots"/>); null for the live data.</param>
    public static DataCatalog Open(string dataDirectory, string? siteRoot = null, DataOptions? options = null, FileSandbox? sandbox = null, string? cacheDirectory = null, string? snapshot = null)
    {
        options ??= DataOptions.Default;
        var directory = Path.GetFullPath(dataDirectory);
        var root = Path.GetFullPath(siteRoot ?? Environment.CurrentDirectory);
        sandbox ??= new FileSandbox([directory]);

        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        var toLoad = new List<Source>();
        var files = new List<string>();
        foreach (var candidate in sandbox.Files(directory, "*", recursive: false))
        {
            var file = candidate.Path;
            if (!file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var name = TableName(file);
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (candidate.Refusal is { } refusal)
            {
                problems.Add(Diagnostic.Error("SI0005", $"Dataset '{name}' is not read: {refusal}", relative));
                continue;
            }
            files.Add(file);
            if (toLoad.Any(d => d.Name == name))
            {
                problems.Add(Diagnostic.Error("SI301", $"Dataset '{name}' is defined twice; '{Path.GetFileName(file)}' is ignored.", relative));
                continue;
            }
            toLoad.Add(new Source(file, name, relative));
        }

        // One pass over each file checks its shape and hashes its bytes for the fingerprint, side by side on every
        // core; DuckDB's own reading of it, if it comes to that, is the only other.
        var hashes = new string[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var source = toLoad.FirstOrDefault(s => s.File == files[i]);
            hashes[i] = source is null ? CsvInspection.HashOf(files[i]) : Survey(source, options);
        });
        var failed = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in toLoad.Where(s => s.Problem is not null))
        {
            problems.Add(source.Problem!);
            failed.Add(source.Name);
        }
        var fingerprint = FingerprintOf(files, hashes, options, snapshot);
        var readable = toLoad.Where(s => s.Problem is null).ToList();

        // Paths a query's result must never carry into a page: the site's, the data's, the temporary folder, home.
        var privatePaths = new[] { root, directory, Path.GetTempPath(), Environment.CurrentDirectory, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) }
            .Concat(sandbox.Roots)
            .Select(p => p.TrimEnd(Path.DirectorySeparatorChar))
            .Where(p => p.Length > 1)
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
        var store = cacheDirectory is null ? null : new QueryStore(Path.Combine(cacheDirectory, "queries"));

        // Every dataset's columns and row count stored by an earlier build of the same bytes: the datasets wait until
        // a query needs them. A file in another encoding (its UTF-8 copy is made for DuckDB) or any problem loads at once.
        if (store is not null && problems.Count == 0 && readable.All(s => s.Copy is null) && Described(store, fingerprint, readable) is { } described)
        {
            return new DataCatalog(directory, described, [], fingerprint, options, privatePaths, [], store,
                catalog => catalog.LoadLate(readable, root, files, hashes), snapshot);
        }

        var started = Stopwatch.GetTimestamp();
        var (main, datasets, loadProblems) = LoadAll(readable, root, options);
        foreach (var (name, problem) in loadProblems)
        {
            problems.Add(problem);
            failed.Add(name);
        }
        if (store is not null && problems.Count == 0)
        {
            Describe(store, fingerprint, datasets);
        }
        var catalog = new DataCatalog(directory, datasets, problems.ToImmutable(), fingerprint, options, privatePaths, failed.ToImmutable(), store, _ => main, snapshot);
        _ = catalog._database.Value;
        catalog._loadTicks = Stopwatch.GetTimestamp() - started;
        return catalog;
    }

    /// <summary>
    /// Writes every dataset of <paramref name="dataDirectory"/> into <paramref name="targetDirectory"/> as a Parquet
    /// file compressed with zstd: a snapshot that pinned articles read (<see cref="DataSnapshots"/>). This is the
    /// one place DuckDB writes a file, on a database of its own: the catalog articles query can write nothing.
    /// </summary>
    /// <returns>Each dataset written with the latest date any of its date columns holds (null when it has none), or why none was.</returns>
    public static (ImmutableArray<(Dataset Dataset, DateOnly? Latest)> Written, ImmutableArray<Diagnostic> Problems) Freeze(
        string dataDirectory, string targetDirectory, DataOptions? options = null, string? siteRoot = null)
    {
        options ??= DataOptions.Default;
        var directory = Path.GetFullPath(dataDirectory);
        var root = Path.GetFullPath(siteRoot ?? Environment.CurrentDirectory);
        var sources = new FileSandbox([directory]).Files(directory, "*", recursive: false)
            .Where(f => f.IsAllowed && (f.Path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.Path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)))
            .Select(f => new Source(f.Path, TableName(f.Path), Path.GetRelativePath(root, f.Path).Replace('\\', '/')))
            .DistinctBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var source in sources)
        {
            Survey(source, options);
        }
        if (sources.Where(s => s.Problem is not null).Select(s => s.Problem!).ToImmutableArray() is { Length: > 0 } surveyed)
        {
            return ([], surveyed);
        }
        var (main, datasets, problems) = LoadAll(sources, root, options, lockDown: false);
        using (main)
        {
            if (problems.Length > 0)
            {
                return ([], [.. problems.Select(p => p.Problem)]);
            }
            Directory.CreateDirectory(targetDirectory);
            var written = ImmutableArray.CreateBuilder<(Dataset, DateOnly?)>();
            foreach (var dataset in datasets.OrderBy(d => d.Name, StringComparer.Ordinal))
            {
                var target = Path.Combine(Path.GetFullPath(targetDirectory), dataset.Name + ".parquet");
                Bounded(main, options.QueryTimeout, $"COPY {Identifier(dataset.Name)} TO {Literal(target)} (FORMAT parquet, COMPRESSION zstd)");
                written.Add((dataset with { FilePath = target }, Latest(main, dataset)));
            }
            return (written.ToImmutable(), []);
        }
    }

    /// <summary>The latest value of any DATE or TIMESTAMP column of a dataset, as a day.</summary>
    private static DateOnly? Latest(DuckDBConnection connection, Dataset dataset)
    {
        var dated = dataset.Columns.Where(c => c.Type == typeof(DateOnly) || c.Type == typeof(DateTime)).ToList();
        if (dated.Count == 0)
        {
            return null;
        }
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT CAST(greatest({string.Join(", ", dated.Select(c => $"max({Identifier(c.Name)})"))}) AS DATE) FROM {Identifier(dataset.Name)}";
        return command.ExecuteScalar() switch
        {
            DateOnly day => day,
            DateTime time => DateOnly.FromDateTime(time),
            _ => null,
        };
    }

    /// <summary>A data file to load: where it is, its table name and its path as diagnostics name it; then what the survey found.</summary>
    private sealed record Source(string File, string Name, string Relative)
    {
        public CsvShape? Shape { get; set; }

        public string? Copy => Shape?.Copy;

        public Diagnostic? Problem { get; set; }
    }

    /// <summary>Checks a CSV's shape (reading it in the encoding site.yml names) and returns the hash of the bytes DuckDB will read.</summary>
    private static string Survey(Source source, DataOptions options)
    {
        if (source.File.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            return CsvInspection.HashOf(source.File);
        }
        System.Text.Encoding? encoding = null;
        if (options.Encodings.TryGetValue(source.Name, out var encodingName) && (encoding = CsvInspection.EncodingNamed(encodingName)) is null)
        {
            source.Problem = Diagnostic.Error("SI301", $"Dataset '{source.Name}': site.yml names the encoding '{encodingName}', which this build does not know (utf-8, windows-1252, iso-8859-1, utf-16...).", source.Relative);
            return CsvInspection.HashOf(source.File);
        }
        var shape = CsvInspection.Inspect(source.File, encoding);
        if (shape.Problem is { } problem)
        {
            source.Problem = Diagnostic.Error("SI301", $"Dataset '{source.Name}' could not be loaded: {problem.Message}", source.Relative, problem.Line);
        }
        else
        {
            source.Shape = shape;
        }
        return shape.Hash;
    }

    /// <summary>The datasets as an earlier build of the same data described them, or null when one is missing.</summary>
    private static ImmutableArray<Dataset>? Described(QueryStore store, string fingerprint, List<Source> sources)
    {
        var datasets = ImmutableArray.CreateBuilder<Dataset>(sources.Count);
        foreach (var source in sources)
        {
            if (store.TryGet(QueryStore.Key(fingerprint, ColumnsOf(source.Name), schemaOnly: true)) is not { } columns
                || store.TryGet(QueryStore.Key(fingerprint, CountOf(source.Name), schemaOnly: false)) is not { Rows: [[long count]] })
            {
                return null;
            }
            datasets.Add(new Dataset(source.Name, source.File, columns.Columns, count));
        }
        return datasets.MoveToImmutable();
    }

    /// <summary>Keeps every dataset's columns and row count as the answers to the two queries that ask for them.</summary>
    private static void Describe(QueryStore store, string fingerprint, ImmutableArray<Dataset> datasets)
    {
        foreach (var dataset in datasets)
        {
            store.Put(QueryStore.Key(fingerprint, ColumnsOf(dataset.Name), schemaOnly: true), new QueryResult(dataset.Columns, []));
            store.Put(QueryStore.Key(fingerprint, CountOf(dataset.Name), schemaOnly: false),
                new QueryResult([new QueryColumn("count", typeof(long), "BIGINT")], [[dataset.RowCount]]));
        }
    }

    private static string ColumnsOf(string name) => $"SELECT * FROM {Identifier(name)}";

    private static string CountOf(string name) => $"SELECT count(*) FROM {Identifier(name)}";

    /// <summary>
    /// Loads the datasets when the first query misses the store. Files that changed since they were hashed (a writer
    /// saving during a preview's build) would pair new answers with the old fingerprint, so then nothing is stored.
    /// </summary>
    private DuckDBConnection LoadLate(List<Source> sources, string root, List<string> files, string[] hashes)
    {
        var started = Stopwatch.GetTimestamp();
        var (main, datasets, problems) = LoadAll(sources, root, _options);
        if (problems.Length > 0)
        {
            _lateProblems = [.. problems.Select(p => p.Problem)];
            _failed = _failed.Union(problems.Select(p => p.Name));
            _storing = false;
        }
        for (var i = 0; i < files.Count; i++)
        {
            if (CsvInspection.HashOf(files[i]) != hashes[i])
            {
                _storing = false;
            }
        }
        Interlocked.Exchange(ref _loadTicks, Stopwatch.GetTimestamp() - started);
        return main;
    }

    /// <summary>
    /// A database with every dataset as a table, locked down; the datasets it loaded, and each one that failed with
    /// its diagnostic.
    /// </summary>
    /// <param name="lockDown">False only to freeze a snapshot, whose database must write its files and serves no article.</param>
    private static (DuckDBConnection Main, ImmutableArray<Dataset> Datasets, ImmutableArray<(string Name, Diagnostic Problem)> Problems) LoadAll(
        List<Source> sources, string root, DataOptions options, bool lockDown = true)
    {
        var main = new DuckDBConnection("DataSource=:memory:");
        main.Open();
        // Limits first, so that loading a dataset is bounded too. No temporary folder: DuckDB would spill into the
        // working folder; past the memory limit a query fails instead.
        // Queries run one per thread: a build already runs as many articles at once as there are cores, and a
        // chart's query over a few thousand rows spent more on handing work to DuckDB's own workers than on the
        // work (the sample site built 12% faster; the 1,000,000-row chart benchmark took as long).
        Execute(main, "SET threads = 1");
        Execute(main, $"SET memory_limit = {Literal(options.MemoryLimit)}");
        Execute(main, "SET temp_directory = ''");

        // Files load side by side, each on its own connection, handed out largest first: DuckDB guesses a CSV's
        // column types on one thread, and the sample site's four files took 0.7-0.9 s one after another, 0.4-0.6 s
        // side by side on two cores.
        var loaded = new (Dataset? Dataset, Diagnostic? Problem)[sources.Count];
        var order = Enumerable.Range(0, sources.Count).OrderByDescending(i => new FileInfo(sources[i].File).Length).ToArray();
        try
        {
            Parallel.ForEach(Partitioner.Create(order, loadBalance: true), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                using var connection = Connect(main);
                loaded[i] = Load(connection, sources[i], root, options);
            });
        }
        finally
        {
            foreach (var source in sources.Where(s => s.Copy is not null))
            {
                File.Delete(source.Copy!);
            }
        }

        ImmutableArray<Dataset> datasets = [.. loaded.Select(l => l.Dataset).OfType<Dataset>()];
        ImmutableArray<(string, Diagnostic)> problems = [.. loaded.Select((l, i) => (sources[i].Name, l.Problem)).Where(p => p.Problem is not null).Select(p => (p.Name, p.Problem!))];
        if (!lockDown)
        {
            return (main, datasets, problems);
        }
        // The sandbox goes up before any article's SQL runs, and the lock keeps an article from lifting it. Every
        // dataset is a table by now, so queries need no file at all.
        Execute(main, "SET enable_external_access = false");
        foreach (var setting in new[] { "home_directory", "extension_directory", "secret_directory" })
        {
            Execute(main, $"SET {setting} = '/nonexistent'");
        }
        Execute(main, "SET autoinstall_known_extensions = false");
        Execute(main, "SET autoload_known_extensions = false");
        Execute(main, "SET lock_configuration = true");
        return (main, datasets, problems);
    }

    private static (Dataset?, Diagnostic?) Load(DuckDBConnection connection, Source source, string root, DataOptions options)
    {
        var (file, name, relative) = (source.File, source.Name, source.Relative);
        var reader = source.Shape is { } shape
            // The shape found by the survey is the shape DuckDB reads: the delimiter and RFC 4180 quoting are given,
            // not sniffed. The whole file is sampled so a column that is empty early on (close_date) still gets its real type.
            ? $"read_csv({Literal(shape.ReadPath)}, header = true, sample_size = -1, delim = {Literal(shape.Delimiter.ToString())}, quote = '\"', escape = '\"')"
            : $"read_parquet({Literal(file)})";
        try
        {
            Bounded(connection, options.QueryTimeout, $"CREATE TABLE {Identifier(name)} AS SELECT * FROM {reader}");
            var columns = Describe(connection, ColumnsOf(name));
            using var count = connection.CreateCommand();
            count.CommandText = CountOf(name);
            return (new Dataset(name, file, columns, Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture)), null);
        }
        catch (DuckDBException e)
        {
            return (null, Diagnostic.Error("SI301", $"Dataset '{name}' could not be loaded: {LoadMessage(e.Message, file, source.Copy, relative, root)}", relative));
        }
        catch (OperationCanceledException)
        {
            return (null, Diagnostic.Error("SI301", $"Dataset '{name}' took longer than {Seconds(options.QueryTimeout)} to load and was stopped (site.yml: data: query_timeout).", relative));
        }
    }

    /// <summary>
    /// DuckDB's whole message, with the file's path as the site names it and without the quote of our own loading
    /// SQL (the writer never wrote it).
    /// </summary>
    private static string LoadMessage(string message, string file, string? copy, string relative, string root)
    {
        var text = message.Replace(copy ?? file, relative, StringComparison.Ordinal).Replace(file, relative, StringComparison.Ordinal).Replace(root, ".", StringComparison.Ordinal);
        var lines = text.Split('\n').Select(l => l.TrimEnd()).ToList();
        var quoted = lines.FindIndex(l => l.StartsWith("LINE 1: CREATE TABLE", StringComparison.Ordinal) || l.StartsWith("LINE 1: SELECT * FROM read_", StringComparison.Ordinal));
        if (quoted >= 0)
        {
            lines.RemoveRange(quoted, lines.Count - quoted);
        }
        return string.Join('\n', lines.Where((l, i) => l.Length > 0 || (i > 0 && lines[i - 1].Length > 0))).Trim();
    }

    public Dataset? Find(string name) => Datasets.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs a read-only query (once per build for the same text) and returns at most <see cref="MaxRows"/> typed rows.</summary>
    public QueryOutcome Query(string sql)
    {
        var statement = SqlText.Statement(sql);
        var outcome = _results.GetOrAdd(statement, s => new Lazy<QueryOutcome>(() => Answer(s, schemaOnly: false))).Value;
        if (outcome.Error == Stopped)
        {
            // A preview keeps the catalog for its next build, which must run the query again.
            _results.TryRemove(statement, out _);
        }
        return outcome;
    }

    /// <summary>
    /// Stops every query running now (Ctrl+C, a preview shutting down): each answers that the build was stopped,
    /// instead of running on to its time limit.
    /// </summary>
    public void InterruptRunning()
    {
        foreach (var command in _running.Keys)
        {
            command.Cancel();
        }
    }

    /// <summary>The columns a query would return, without fetching its rows.</summary>
    public QueryOutcome Schema(string sql)
    {
        var statement = SqlText.Statement(sql);
        return _results.TryGetValue(statement, out var done) && done.IsValueCreated
            ? done.Value
            : _schemas.GetOrAdd(statement, s => new Lazy<QueryOutcome>(() => Answer(s, schemaOnly: true))).Value;
    }

    /// <summary>
    /// The stored answer of an earlier build when the statement and the data are the same, else DuckDB's, stored
    /// when it succeeded. A stored answer was admitted by the guard when it was run (the statement is part of its
    /// key), and is checked again for this machine's folders.
    /// </summary>
    private QueryOutcome Answer(string statement, bool schemaOnly)
    {
        if (_store is null)
        {
            return Run(statement, schemaOnly);
        }
        var key = QueryStore.Key(Fingerprint, statement, schemaOnly);
        if (_store.TryGet(key) is { } stored)
        {
            Interlocked.Increment(ref _stored);
            return Revealed(stored) is { } refusal ? QueryOutcome.Failure(refusal) : new QueryOutcome(stored, null);
        }
        var outcome = Run(statement, schemaOnly);
        if (outcome.Result is { } result && _storing)
        {
            _store.Put(key, result);
        }
        return outcome;
    }

    private string? Revealed(QueryResult result)
    {
        foreach (var row in result.Rows)
        {
            foreach (var value in row)
            {
                if (value is string text && RevealedPath(text) is { } path)
                {
                    return RevealsFolder(path);
                }
            }
        }
        return null;
    }

    private static string RevealsFolder(string path) => $"The query's result contains a folder of the machine that builds the site ('{path}'); a page must not publish it.";

    /// <summary>A query as one statement without its closing semicolon, ready to wrap as a sub-query.</summary>
    public static string Statement(string sql) => SqlText.Statement(sql);

    /// <summary>
    /// True for a diagnostic that only repeats, in a query that needed it, that a dataset failed to load: that
    /// dataset's own error already says what to fix.
    /// </summary>
    public bool IsFollowOn(Diagnostic diagnostic) =>
        !_followOns.IsEmpty && diagnostic.Code != "SI301" && _followOns.Keys.Any(m => diagnostic.Message.Contains(m, StringComparison.Ordinal));

    private QueryOutcome Run(string sql, bool schemaOnly)
    {
        var connection = Rent();
        var started = Stopwatch.GetTimestamp();
        Deadline? deadline = null;
        DuckDBCommand? running = null;
        try
        {
            if (SqlGuard.Check(connection, sql) is { } refusal)
            {
                return QueryOutcome.Failure(refusal);
            }
            Interlocked.Increment(ref _executed);
            if (schemaOnly)
            {
                // A LIMIT 0 wrapper lets DuckDB plan the query, and report its errors, without computing it.
                return new QueryOutcome(new QueryResult(Describe(connection, $"{Wrapper}{sql}\n) LIMIT 0", _options.QueryTimeout), []), null);
            }
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.UseStreamingMode = true;
            deadline = new Deadline(command, _options.QueryTimeout);
            _running.TryAdd(running = command, 0);
            using var reader = command.ExecuteReader();
            var columns = Columns(reader);
            var rows = ImmutableArray.CreateBuilder<ImmutableArray<object?>>();
            while (reader.Read())
            {
                if (rows.Count == MaxRows)
                {
                    return QueryOutcome.Failure($"The query returns more than {MaxRows.ToString(CultureInfo.InvariantCulture)} rows; aggregate it in SQL (GROUP BY) before charting.");
                }
                var row = new object?[columns.Length];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : Normalize(reader.GetValue(i));
                    if (row[i] is string text && RevealedPath(text) is { } path)
                    {
                        return QueryOutcome.Failure(RevealsFolder(path));
                    }
                }
                rows.Add([.. row]);
            }
            return new QueryOutcome(new QueryResult(columns, rows.ToImmutable()), null);
        }
        catch (DuckDBException e)
        {
            return QueryOutcome.Failure(FollowOn(e.Message) ?? (schemaOnly ? WithoutWrapper(e.Message.Trim()) : e.Message.Trim()));
        }
        catch (OperationCanceledException) when (deadline?.Fired != true)
        {
            return QueryOutcome.Failure(Stopped);
        }
        catch (OperationCanceledException)
        {
            return QueryOutcome.Failure($"The query ran longer than {Seconds(_options.QueryTimeout)} and was stopped; filter or aggregate it, or raise data: query_timeout in site.yml.");
        }
        finally
        {
            deadline?.Dispose();
            if (running is not null)
            {
                _running.TryRemove(running, out _);
            }
            Interlocked.Add(ref _queryTicks, Stopwatch.GetTimestamp() - started);
            _pool.Add(connection);
        }
    }

    private string? RevealedPath(string text)
    {
        foreach (var path in _privatePaths)
        {
            if (text.Contains(path, StringComparison.Ordinal))
            {
                return path;
            }
        }
        return null;
    }

    /// <summary>
    /// A query that fails only because a dataset it reads failed to load gets one sentence naming that dataset,
    /// recorded so the build can drop it as a follow-on of the dataset's own error.
    /// </summary>
    private string? FollowOn(string message)
    {
        if (_failed.IsEmpty || !message.StartsWith("Catalog Error: Table with name ", StringComparison.Ordinal))
        {
            return null;
        }
        var name = message["Catalog Error: Table with name ".Length..].Split(' ', 2)[0];
        if (!_failed.Contains(name))
        {
            return null;
        }
        var sentence = $"dataset '{name.ToLowerInvariant()}' could not be loaded (see the error on its file).";
        _followOns.TryAdd(sentence, 0);
        return "The query reads " + sentence;
    }

    private static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.#} s");

    /// <summary>Runs <paramref name="sql"/>, stopping it (DuckDB interrupts it) once <paramref name="timeout"/> has passed.</summary>
    private static void Bounded(DuckDBConnection connection, TimeSpan timeout, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var deadline = new Deadline(command, timeout);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Interrupts a command that runs past its time; DuckDB then throws <see cref="OperationCanceledException"/>.
    /// Disposing it first guarantees no interrupt arrives later, when the connection runs the next query.
    /// </summary>
    private sealed class Deadline : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly Timer _timer;
        private bool _done;

        public Deadline(DuckDBCommand command, TimeSpan timeout)
        {
            _timer = new Timer(_ =>
            {
                lock (_gate)
                {
                    if (!_done)
                    {
                        Fired = true;
                        command.Cancel();
                    }
                }
            }, null, timeout, Timeout.InfiniteTimeSpan);
        }

        /// <summary>The time ran out and the command was interrupted for it.</summary>
        public bool Fired { get; private set; }

        public void Dispose()
        {
            lock (_gate)
            {
                _done = true;
            }
            _timer.Dispose();
        }
    }

    /// <summary>A connection of our own to the shared database: DuckDB connections are not safe to share across threads.</summary>
    private DuckDBConnection Rent()
    {
        return _pool.TryTake(out var connection) ? connection : Connect(_database.Value);
    }

    /// <summary>A new, open connection to the database <paramref name="main"/> is connected to.</summary>
    private static DuckDBConnection Connect(DuckDBConnection main)
    {
        lock (main)
        {
            var duplicate = main.Duplicate();
            duplicate.Open();
            return duplicate;
        }
    }

    private const string Wrapper = "SELECT * FROM (";

    /// <summary>DuckDB quotes the failing line with a caret under the error; show the writer's query there, not our LIMIT 0 wrapper.</summary>
    private static string WithoutWrapper(string message)
    {
        var lines = message.Split('\n').ToList();
        var quoted = lines.FindIndex(l => l.StartsWith("LINE 1: " + Wrapper, StringComparison.Ordinal));
        if (quoted < 0)
        {
            return message;
        }
        lines[quoted] = "LINE 1: " + lines[quoted]["LINE 1: ".Length..].Remove(0, Wrapper.Length);
        if (quoted + 1 < lines.Count && lines[quoted + 1].TrimStart() == "^" && lines[quoted + 1].Length > Wrapper.Length + "LINE 1: ".Length)
        {
            lines[quoted + 1] = lines[quoted + 1][Wrapper.Length..];
        }
        return string.Join('\n', lines);
    }

    private static ImmutableArray<QueryColumn> Describe(DuckDBConnection connection, string sql, TimeSpan? timeout = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var deadline = new Deadline(command, timeout ?? Timeout.InfiniteTimeSpan);
        using var reader = command.ExecuteReader();
        return Columns(reader);
    }

    private static ImmutableArray<QueryColumn> Columns(IDataReader reader)
    {
        var columns = ImmutableArray.CreateBuilder<QueryColumn>(reader.FieldCount);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            columns.Add(new QueryColumn(reader.GetName(i), NormalType(reader.GetFieldType(i)), reader.GetDataTypeName(i)));
        }
        return columns.MoveToImmutable();
    }

    /// <summary>Integers become <see cref="long"/> and other numbers <see cref="double"/>, so charts and prose meet two numeric types, not eleven.</summary>
    private static Type NormalType(Type type) =>
        type == typeof(sbyte) || type == typeof(byte) || type == typeof(short) || type == typeof(ushort) || type == typeof(int) || type == typeof(uint) || type == typeof(long) ? typeof(long)
        : type == typeof(ulong) || type == typeof(float) || type == typeof(double) || type == typeof(decimal) || type == typeof(BigInteger) || type == typeof(UInt128) || type == typeof(Int128) ? typeof(double)
        : type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(bool) ? type
        : typeof(string);

    private static object Normalize(object value) => value switch
    {
        sbyte or byte or short or ushort or int or uint or long => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ulong or float or double or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        BigInteger big => (double)big,
        Int128 big => (double)big,
        UInt128 big => (double)big,
        DateOnly or DateTime or bool or string => value,
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(QueryResult.AsText)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string TableName(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file).ToLowerInvariant();
        return new string([.. stem.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
    }

    internal static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A snapshot's name is part of it, so stored answers and drawn charts of a snapshot are its own.</summary>
    private static string FingerprintOf(List<string> files, string[] hashes, DataOptions options, string? snapshot)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(options.Stamp + "\n"));
        if (snapshot is not null)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes("snapshot " + snapshot + "\n"));
        }
        for (var i = 0; i < files.Count; i++)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(files[i]) + "\n" + hashes[i] + "\n"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public void Dispose()
    {
        while (_pool.TryTake(out var connection))
        {
            connection.Dispose();
        }
        if (_database.IsValueCreated)
        {
            _database.Value.Dispose();
        }
    }
}
