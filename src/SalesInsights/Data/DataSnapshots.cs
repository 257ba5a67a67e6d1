using System.Collections.Concurrent;
using System.Globalization;
using SalesInsights.Pipeline;

namespace SalesInsights.Data;

/// <summary>
/// The frozen copies of the datasets that pinned articles read (<c>data_as_of: 2025-10-14</c>): one folder of
/// Parquet files per date under <c>input/data/snapshots/</c>, written by <c>data snapshot</c>. Each snapshot is a
/// catalog of its own, sandboxed like the live one and opened the first time an article asks for it, so new rows
/// in the live data never reach a pinned article. Its query answers are stored under the snapshot's own
/// fingerprint, never confused with the live data's.
/// </summary>
public sealed class DataSnapshots : IDisposable, IStamped
{
    /// <summary>The folder inside the data folder that holds one folder per snapshot date.</summary>
    public const string Folder = "snapshots";

    private readonly string _siteRoot;
    private readonly DataOptions _options;
    private readonly FileSandbox? _sandbox;
    private readonly string? _cacheDirectory;
    private readonly ConcurrentDictionary<string, Lazy<DataCatalog>> _open = new(StringComparer.Ordinal);

    /// <param name="dataDirectory">The live data folder (<c>input/data</c>); snapshots are in its <see cref="Folder"/>.</param>
    public DataSnapshots(string dataDirectory, string? siteRoot = null, DataOptions? options = null, FileSandbox? sandbox = null, string? cacheDirectory = null)
    {
        Directory = Path.Combine(Path.GetFullPath(dataDirectory), Folder);
        _siteRoot = Path.GetFullPath(siteRoot ?? Environment.CurrentDirectory);
        _options = options ?? DataOptions.Default;
        _sandbox = sandbox;
        _cacheDirectory = cacheDirectory;
        Stamp = StampOf(Directory);
    }

    /// <summary>Absolute path of the snapshots folder.</summary>
    public string Directory { get; }

    /// <summary>The snapshots' names, sizes and modification times: a snapshot written again changes it.</summary>
    public string Stamp { get; }

    /// <summary>The folder of the snapshot as of <paramref name="date"/>, whether or not it exists.</summary>
    public static string PathOf(string dataDirectory, DateOnly date) => Path.Combine(dataDirectory, Folder, Name(date));

    /// <summary>A snapshot's name, its date as <c>YYYY-MM-DD</c>.</summary>
    public static string Name(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>True when a snapshot as of <paramref name="date"/> holds at least one dataset.</summary>
    public bool Exists(DateOnly date)
    {
        var folder = Path.Combine(Directory, Name(date));
        return System.IO.Directory.Exists(folder) && System.IO.Directory.EnumerateFiles(folder, "*.parquet").Any();
    }

    /// <summary>The dates of every snapshot there is, oldest first.</summary>
    public IReadOnlyList<DateOnly> Dates =>
        !System.IO.Directory.Exists(Directory) ? [] :
        [.. System.IO.Directory.EnumerateDirectories(Directory)
            .Select(d => DateOnly.TryParseExact(Path.GetFileName(d), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateOnly?)null)
            .OfType<DateOnly>().Where(Exists).Order()];

    /// <summary>The catalog of the snapshot as of <paramref name="date"/>, opened once; null when there is no such snapshot.</summary>
    public DataCatalog? Catalog(DateOnly date)
    {
        if (!Exists(date))
        {
            return null;
        }
        var name = Name(date);
        return _open.GetOrAdd(name, n => new Lazy<DataCatalog>(
            () => DataCatalog.Open(Path.Combine(Directory, n), _siteRoot, _options, _sandbox, _cacheDirectory, snapshot: n),
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>The catalogs opened so far, for the build to report their problems and stop their queries.</summary>
    public IReadOnlyList<DataCatalog> Opened => [.. _open.Values.Where(l => l.IsValueCreated).Select(l => l.Value)];

    string IStamped.Stamp => Stamp;

    /// <summary>A cheap summary of every snapshot's files, for reopening the snapshots when one changes.</summary>
    public static string StampOf(string directory) =>
        !System.IO.Directory.Exists(directory) ? "none" :
        string.Join('/', System.IO.Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal)
            .Select(d => Path.GetFileName(d) + "=" + DataCatalog.StampOf(d)));

    public void Dispose()
    {
        foreach (var catalog in Opened)
        {
            catalog.Dispose();
        }
    }
}
