using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace SalesInsights.Pipeline;

/// <summary>
/// Time spent on each document by per-document modules, collected only when a build is profiled (register one
/// with the engine); <see cref="ForEachDocument"/> records into it when it is there.
/// </summary>
public sealed class DocumentTimings
{
    private readonly ConcurrentDictionary<string, long> _ticks = new(StringComparer.Ordinal);

    public void Add(Document document, TimeSpan elapsed) =>
        _ticks.AddOrUpdate(document.Source ?? document.Destination ?? "(generated)", elapsed.Ticks, (_, ticks) => ticks + elapsed.Ticks);

    /// <summary>The <paramref name="count"/> documents that took longest over all modules, slowest first.</summary>
    public ImmutableArray<DocumentTiming> Slowest(int count) =>
    [
        .. _ticks
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(kv => new DocumentTiming(kv.Key, TimeSpan.FromTicks(kv.Value))),
    ];
}

/// <summary>How long the per-document modules spent on one document.</summary>
public sealed record DocumentTiming(string Document, TimeSpan Elapsed);
