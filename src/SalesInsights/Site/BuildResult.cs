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
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}
