using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;

namespace SalesInsights.Pipeline;

/// <summary>
/// Time spent on each document by per-document modules, and what each such module allocated, collected only when
/// a build is profiled (register one with the engine); <see cref="ForEachDocument"/> records into it when it is there.
/// </summary>
public sealed class DocumentTimings
{
    private readonly ConcurrentDictionary<string, long> _ticks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ModuleAllocation> _allocations = new(StringComparer.Ordinal);

    /// <summary>Measures <paramref name="work"/> on one document: its time, and the bytes this thread allocated meanwhile.</summary>
    /// <remarks>A module's work on one document runs on one thread, so the thread's own count is exact and no other pipeline's allocations leak in.</remarks>
    public T Measure<T>(string module, Document document, Func<T> work)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        var result = work();
        Add(document, Stopwatch.GetElapsedTime(started));
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        _allocations.AddOrUpdate(module, new ModuleAllocation(module, bytes, 1), (_, total) => total with { Bytes = total.Bytes + bytes, Documents = total.Documents + 1 });
        return result;
    }

    private void Add(Document document, TimeSpan elapsed) =>
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

    /// <summary>What each per-document module allocated over all its documents (and pipelines), most first.</summary>
    public ImmutableArray<ModuleAllocation> Allocations() =>
        [.. _allocations.Values.OrderByDescending(a => a.Bytes).ThenBy(a => a.Module, StringComparer.Ordinal)];
}

/// <summary>How long the per-document modules spent on one document.</summary>
public sealed record DocumentTiming(string Document, TimeSpan Elapsed);

/// <summary>Bytes a per-document module allocated while working on its documents, on the threads that did the work.</summary>
public sealed record ModuleAllocation(string Module, long Bytes, int Documents);
