using System.Collections.Immutable;
using SalesInsights.Charts;
using SalesInsights.Formatting;

namespace SalesInsights.Markdown.Tables;

/// <summary>A value a cell is compared with for emphasis: a number, or another column of the same row.</summary>
/// <param name="Written">As the writer wrote it, for the words a screen reader hears ("below quota").</param>
public sealed record Threshold(double? Number, string? Column, string Written);

/// <summary>How one query column is shown in a <c>```table</c> block.</summary>
public sealed record TableColumnSpec(string Name, SpecPosition Position)
{
    /// <summary>The header readers see; null: the column's name as words.</summary>
    public string? Label { get; init; }

    /// <summary>How numbers are written; null: the column type's default.</summary>
    public NumberFormat? Format { get; init; }

    /// <summary><c>left</c>, <c>center</c> or <c>right</c>; null: numbers right, the rest left.</summary>
    public string? Align { get; init; }

    /// <summary>What the totals row shows for this column: <c>sum</c>, <c>avg</c>, <c>min</c>, <c>max</c> or <c>count</c>.</summary>
    public string? Total { get; init; }

    /// <summary>A bar in each cell, as long as the value against the column's largest.</summary>
    public bool Bar { get; init; }

    /// <summary>Cells whose value is below this are emphasised (e.g. attainment below quota).</summary>
    public Threshold? Below { get; init; }

    /// <summary>Cells whose value is above this are emphasised.</summary>
    public Threshold? Above { get; init; }
}

/// <summary>
/// What a writer asked for in a <c>```table</c> block: the rows (<c>sql:</c>, or <c>data:</c> with <c>where:</c>,
/// read as chart blocks read them) and how each column is shown. Positions point errors at the key to fix.
/// </summary>
public sealed record TableSpec
{
    public string Title { get; init; } = string.Empty;
    public string? Caption { get; init; }
    public string? Sql { get; init; }
    public string? Data { get; init; }
    public string? Where { get; init; }

    /// <summary>The columns shown, in order; empty: every column of the query as it comes.</summary>
    public ImmutableArray<TableColumnSpec> Columns { get; init; } = [];

    /// <summary>The first cell of the totals row.</summary>
    public string TotalLabel { get; init; } = "Total";

    /// <summary>Rows per page; a longer table gets a filter box and pages in the browser, and shows its first page without script.</summary>
    public int PageSize { get; init; } = 20;

    public ImmutableDictionary<string, SpecPosition> Positions { get; init; } = ImmutableDictionary<string, SpecPosition>.Empty;

    public SpecPosition PositionOf(string key) => Positions.TryGetValue(key, out var p) ? p : SpecPosition.Start;
}
