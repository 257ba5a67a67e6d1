using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace SalesInsights.Pipeline;

/// <summary>Collects diagnostics from modules running in parallel; read once the build is over.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Report(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>
    /// Whether a module failed outright (SI0001): what it should have made is missing, so checks over the whole
    /// output (links) would only report the follow-on of that one failure.
    /// </summary>
    public bool HasModuleFailures => _items.Any(d => d.Code == ModuleFailure);

    /// <summary>The code of a module that failed with an exception instead of reporting its problem.</summary>
    public const string ModuleFailure = "SI0001";

    /// <summary>Every diagnostic, de-duplicated and sorted by file and position so the report reads top to bottom.</summary>
    public ImmutableArray<Diagnostic> ToSortedArray() => [.. _items
        .Distinct()
        .OrderBy(d => d.Path, StringComparer.Ordinal)
        .ThenBy(d => d.Line)
        .ThenBy(d => d.Column)
        .ThenBy(d => d.Code, StringComparer.Ordinal)];
}
