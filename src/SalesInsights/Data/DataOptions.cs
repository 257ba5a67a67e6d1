using System.Collections.Immutable;

namespace SalesInsights.Data;

/// <summary>
/// The bounds and reading options of the data catalog, set under <c>data:</c> in site.yml:
/// <code>
/// data:
///   query_timeout: 30        # seconds one query (or loading one dataset) may run
///   memory_limit: 1GB        # DuckDB's memory for every dataset and query together
///   datasets:
///     crm_export: { encoding: windows-1252 }   # a CSV exported in another encoding than UTF-8
/// </code>
/// </summary>
public sealed record DataOptions
{
    public static readonly DataOptions Default = new();

    /// <summary>How long one query, or loading one dataset, may run before it is stopped (30 s).</summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>DuckDB's memory limit in its own notation (1GB): a query that needs more fails instead of the machine.</summary>
    public string MemoryLimit { get; init; } = "1GB";

    /// <summary>The encoding of each dataset that is not UTF-8, by dataset name (the file name without extension).</summary>
    public ImmutableDictionary<string, string> Encodings { get; init; } = ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>What a catalog opened with these options depends on, for reopening it when they change.</summary>
    public string Stamp => $"{QueryTimeout.Ticks}|{MemoryLimit}|{string.Join(',', Encodings.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + "=" + e.Value))}";
}
