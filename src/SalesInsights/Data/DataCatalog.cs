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

    private DataCatalog(string dataDirectory, DuckDBConnection main, ImmutableArray<Dataset> datasets, ImmutableArray<Diagnostic> problems, string fingerprint, TimeSpan loadTime)
    {
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
    /// down: no file outside that folder, no network, no configuration changes. A missing folder gives an empty catalog.
    /// </summary>
    /// <param name="siteRoot">Folder that diagnostics' paths are relative to; defaults to the current directory.</param>
    public static DataCatalog Open(string dataDirectory, string? siteRoot = null)
    {
        var started = Stopwatch.GetTimestamp();
        var directory = Path.GetFullPath(dataDirectory);
        var root = Path.GetFullPath(siteRoot ?? Environment.CurrentDirectory);
        var main = new DuckDBConnection("DataSource=:memory:");
        main.Open();

        var files = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory)
                .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

        var datasets = ImmutableArray.CreateBuilder<Dataset>();
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        var toLoad = new List<(string File, string Name, string Relative)>();
        foreach (var file in files)
        {
            var name = TableName(file);
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
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
            loaded[i] = Load(connection, file, name, relative);
        });
        foreach (var (dataset, problem) in loaded)
        {
            if (dataset is not null)
            {
                datasets.Add(dataset);
            }
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        // The sandbox goes up before any article's SQL runs, and the lock keeps an article from lifting it.
        var allowed = directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;
        // Queries run one per thread: a build already runs as many articles at once as there are cores, and a
        // chart's query over a few thousand rows spent more on handing work to DuckDB's own workers than on the
        // work (the sample site built 12% faster; the 1,000,000-row chart benchmark took as long).
        Execute(main, "SET threads = 1");
        Execute(main, $"SET allowed_directories = [{Literal(allowed)}]");
        Execute(main, "SET enable_external_access = false");
        Execute(main, "SET lock_configuration = true");

        return new DataCatalog(directory, main, datasets.ToImmutable(), problems.ToImmutable(), FingerprintOf(files), Stopwatch.GetElapsedTime(started));
    }

    private static (Dataset?, Diagnostic?) Load(DuckDBConnection connection, string file, string name, string relative)
    {
        var reader = file.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)
            ? $"read_parquet({Literal(file)})"
            // The whole file is sampled so a column that is empty early on (close_date) still gets its real type.
            : $"read_csv({Literal(file)}, header = true, sample_size = -1)";
        try
        {
            Execute(connection, $"CREATE TABLE {Identifier(name)} AS SELECT * FROM {reader}");
            var columns = Describe(connection, $"SELECT * FROM {Identifier(name)}");
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM {Identifier(name)}";
            return (new Dataset(name, file, columns, Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture)), null);
        }
        catch (DuckDBException e)
        {
            return (null, Diagnostic.Error("SI301", $"Dataset '{name}' could not be loaded: {FirstLine(e.Message)}", relative));
        }
    }

    public Dataset? Find(string name) => Datasets.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs a read-only query (once per build for the same text) and returns at most <see cref="MaxRows"/> typed rows.</summary>
    public QueryOutcome Query(string sql) =>
        _results.GetOrAdd(SqlGuard.Statement(sql), s => new Lazy<QueryOutcome>(() => Run(s, schemaOnly: false))).Value;

    /// <summary>The columns a query would return, without fetching its rows.</summary>
    public QueryOutcome Schema(string sql)
    {
        var statement = SqlGuard.Statement(sql);
        return _results.TryGetValue(statement, out var done) && done.IsValueCreated
            ? done.Value
            : _schemas.GetOrAdd(statement, s => new Lazy<QueryOutcome>(() => Run(s, schemaOnly: true))).Value;
    }

    /// <summary>A query as one statement without its closing semicolon, ready to wrap as a sub-query.</summary>
    public static string Statement(string sql) => SqlGuard.Statement(sql);

    private QueryOutcome Run(string sql, bool schemaOnly)
    {
        if (SqlGuard.Check(sql) is { } refusal)
        {
            return QueryOutcome.Failure(refusal);
        }
        var connection = Rent();
        var started = Stopwatch.GetTimestamp();
        try
        {
            Interlocked.Increment(ref _executed);
            if (schemaOnly)
            {
                // A LIMIT 0 wrapper lets DuckDB plan the query, and report its errors, without computing it.
                return new QueryOutcome(new QueryResult(Describe(connection, $"{Wrapper}{sql}\n) LIMIT 0"), []), null);
            }
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.UseStreamingMode = true;
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
                }
                rows.Add([.. row]);
            }
            return new QueryOutcome(new QueryResult(columns, rows.ToImmutable()), null);
        }
        catch (DuckDBException e)
        {
            return QueryOutcome.Failure(schemaOnly ? WithoutWrapper(e.Message.Trim()) : e.Message.Trim());
        }
        finally
        {
            Interlocked.Add(ref _queryTicks, Stopwatch.GetTimestamp() - started);
            _pool.Add(connection);
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

    private static ImmutableArray<QueryColumn> Describe(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
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

    private static string FirstLine(string message) => message.Trim().Split('\n')[0];

    private static string FingerprintOf(IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
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
