using System.Collections.Immutable;
using SalesInsights.Pipeline;

namespace SalesInsights.Site;

/// <summary>How a build went: every diagnostic, what it produced, and where the time went.</summary>
public sealed record BuildResult(
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableDictionary<string, ImmutableArray<Document>> Outputs,
    int Pages,
    int FilesWritten,
    TimeSpan Elapsed,
    ImmutableArray<ModuleTiming> Timings)
{
    /// <summary>The documents that took longest in per-document modules; empty unless the build was profiled.</summary>
    public ImmutableArray<DocumentTiming> SlowestDocuments { get; init; } = [];

    /// <summary>What each per-document module allocated; empty unless the build was profiled.</summary>
    public ImmutableArray<ModuleAllocation> ModuleAllocations { get; init; } = [];

    /// <summary>How long the pipelines ran; the rest of <see cref="Elapsed"/> is loading settings, theme and data, and swapping the output in.</summary>
    public TimeSpan PipelinesElapsed { get; init; }

    /// <summary>CPU time of the whole process while the build ran (all threads; other work of the process included).</summary>
    public TimeSpan ProcessorTime { get; init; }

    /// <summary>What went into datasets, queries and charts.</summary>
    public DataActivity? Data { get; init; }

    /// <summary>Charts shown as being drawn, not drawn, because the build was provisional (<see cref="BuildSession.Provisional"/>).</summary>
    public int ChartsDeferred { get; init; }

    /// <summary>Pictures shown as they are, not resized, because the build was provisional (<see cref="BuildSession.Provisional"/>).</summary>
    public int ImagesDeferred { get; init; }

    /// <summary>Bytes allocated by the process while the build ran.</summary>
    public long AllocatedBytes { get; init; }

    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}
