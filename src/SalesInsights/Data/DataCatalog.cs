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

    private readonly DuckDBConnection _main;
    private readonly ConcurrentBag<DuckDBConnection> _pool = [];
    private readonly ConcurrentDictionary<string, Lazy<QueryOutcome>> _results = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<QueryOutcome>> _schemas = new(StringComparer.Ordinal);
    private int _executed;
    private long _queryTicks;

    private readonly DataOptions _options;
    private readonly ImmutableArray<string> _privatePaths;
    private readonly ImmutableHashSet<string> _failed;
    private readonly ConcurrentDictionary<string, byte> _followOns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<DuckDBCommand, byte> _running = new();

    /// <summary>What a query interrupted because its build was stopped answers; such answers are not kept.</summary>
    private const string Stopped = "The build was stopped before the query finished.";

    private DataCatalog(string dataDirectory, DuckDBConnection main, ImmutableArray<Dataset> datasets, ImmutableArray<Diagnostic> problems, string fingerprint, TimeSpan loadTime,
        DataOptions options, ImmutableArray<string> privatePaths, ImmutableHashSet<string> failed)
    {
        _options = options;
        _privatePaths = privatePaths;
        _failed = failed;
        LoadTime = loadTime;
        DataDirectory = dataDirectory;
        _main = main;
        Datasets = datasets;
        Problems = problems;
        Fingerprint = fingerprint;
    }

    /// <summary>Absolute path of the data folder.</summary>
    public string DataDirectory { get; }

    public ImmutableArray<Dataset> Datasets { get; }

    /// <summary>Files that could not be loaded, as diagnostics against the file.</summary>
    public ImmutableArray<Diagnostic> Problems { get; }

    /// <summary>SHA-256 over every data file's name and bytes: equal fingerprints mean equal data.</summary>
    public string Fingerprint { get; }

    /// <summary>A preview's build session reuses a page's charts while the data's bytes are unchanged.</summary>
    string IStamped.Stamp => Fingerprint;

    /// <summary>How many queries actually reached DuckDB (cached repeats do not count).</summary>
    public int ExecutedQueries => Volatile.Read(ref _executed);

    /// <summary>The time those queries ran, summed over the threads running them.</summary>
    public TimeSpan QueryTime => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _queryTicks));

    /// <summary>How long <see cref="Open"/> took to load every dataset.</summary>
    public TimeSpan LoadTime { get; }

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
    public static DataCatalog Open(string dataDirectory, string? siteRoot = null, DataOptions? options = null, FileSandbox? sandbox = null)
    {
        var started = Stopwatch.GetTimestamp();
        options ??= DataOptions.Default;
        var directory = Path.GetFullPath(dataDirectory);
        var root = Path.GetFullPath(siteRoot ?? Environment.CurrentDirectory);
        sandbox ??= new FileSandbox([directory]);
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

        var datasets = ImmutableArray.CreateBuilder<Dataset>();
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        var toLoad = new List<(string File, string Name, string Relative)>();
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
            toLoad.Add((file, name, relative));
        }

        // Files load side by side, each on its own connection, handed out largest first: DuckDB guesses a CSV's
        // column types on one thread, and the sample site's four files took 0.7-0.9 s one after another, 0.4-0.6 s
        // side by side on two cores.
        var loaded = new (Dataset? Dataset, Diagnostic? Problem)[toLoad.Count];
        var order = Enumerable.Range(0, toLoad.Count).OrderByDescending(i => new FileInfo(toLoad[i].File).Length).ToArray();
        Parallel.ForEach(Partitioner.Create(order, loadBalance: true), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (file, name, relative) = toLoad[i];
            using var connection = Connect(main);
            loaded[i] = Load(connection, file, name, relative, root, options);
        });
        var failed = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < loaded.Length; i++)
        {
            var (dataset, problem) = loaded[i];
            if (dataset is not null)
            {
                datasets.Add(dataset);
            }
            if (problem is not null)
            {
                problems.Add(problem);
                failed.Add(toLoad[i].Name);
            }
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

        // Paths a query's result must never carry into a page: the site's, the data's, the temporary folder, home.
        var privatePaths = new[] { root, directory, Path.GetTempPath(), Environment.CurrentDirectory, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) }
            .Concat(sandbox.Roots)
            .Select(p => p.TrimEnd(Path.DirectorySeparatorChar))
            .Where(p => p.Length > 1)
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
        return new DataCatalog(directory, main, datasets.ToImmutable(), problems.ToImmutable(), FingerprintOf(files, options), Stopwatch.GetElapsedTime(started),
            options, privatePaths, failed.ToImmutable());
    }

    private static (Dataset?, Diagnostic?) Load(DuckDBConnection connection, string file, string name, string relative, string root, DataOptions options)
    {
        string reader;
        string? copy = null;
        if (file.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            reader = $"read_parquet({Literal(file)})";
        }
        else
        {
            System.Text.Encoding? encoding = null;
            if (options.Encodings.TryGetValue(name, out var encodingName) && (encoding = CsvInspection.EncodingNamed(encodingName)) is null)
            {
                return (null, Diagnostic.Error("SI301", $"Dataset '{name}': site.yml names the encoding '{encodingName}', which this build does not know (utf-8, windows-1252, iso-8859-1, utf-16...).", relative));
            }
            var shape = CsvInspection.Inspect(file, encoding);
            if (shape.Problem is { } problem)
            {
                return (null, Diagnostic.Error("SI301", $"Dataset '{name}' could not be loaded: {problem.Message}", relative, problem.Line));
            }
            copy = shape.Copy;
            // The shape found above is the shape DuckDB reads: the delimiter and RFC 4180 quoting are given, not
            // sniffed. The whole file is sampled so a column that is empty early on (close_date) still gets its real type.
            reader = $"read_csv({Literal(shape.ReadPath)}, header = true, sample_size = -1, delim = {Literal(shape.Delimiter.ToString())}, quote = '\"', escape = '\"')";
        }
        try
        {
            Bounded(connection, options.QueryTimeout, $"CREATE TABLE {Identifier(name)} AS SELECT * FROM {reader}");
            var columns = Describe(connection, $"SELECT * FROM {Identifier(name)}");
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM {Identifier(name)}";
            return (new Dataset(name, file, columns, Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture)), null);
        }
        catch (DuckDBException e)
        {
            return (null, Diagnostic.Error("SI301", $"Dataset '{name}' could not be loaded: {LoadMessage(e.Message, file, copy, relative, root)}", relative));
        }
        catch (OperationCanceledException)
        {
            return (null, Diagnostic.Error("SI301", $"Dataset '{name}' took longer than {Seconds(options.QueryTimeout)} to load and was stopped (site.yml: data: query_timeout).", relative));
        }
        finally
        {
            if (copy is not null)
            {
                File.Delete(copy);
            }
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
        var outcome = _results.GetOrAdd(statement, s => new Lazy<QueryOutcome>(() => Run(s, schemaOnly: false))).Value;
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
            : _schemas.GetOrAdd(statement, s => new Lazy<QueryOutcome>(() => Run(s, schemaOnly: true))).Value;
    }

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
                        return QueryOutcome.Failure($"The query's result contains a folder of the machine that builds the site ('{path}'); a page must not publish it.");
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
        return _pool.TryTake(out var connection) ? connection : Connect(_main);
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

    private static string FingerprintOf(IEnumerable<string> files, DataOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(options.Stamp + "\n"));
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(SHA256.HashData(File.ReadAllBytes(file)));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public void Dispose()
    {
        while (_pool.TryTake(out var connection))
        {
            connection.Dispose();
        }
        _main.Dispose();
    }
}
