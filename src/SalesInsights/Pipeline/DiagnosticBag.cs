using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace SalesInsights.Pipeline;

/// <summary>Collects diagnostics from modules running in parallel; read once the build is over.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Report(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>Every diagnostic, de-duplicated and sorted by file and position so the report reads top to bottom.</summary>
    public ImmutableArray<Diagnostic> ToSortedArray() => [.. _items
        .Distinct()
        .OrderBy(d => d.Path, StringComparer.Ordinal)
        .ThenBy(d => d.Line)
        .ThenBy(d => d.Column)
        .ThenBy(d => d.Code, StringComparer.Ordinal)];
}
