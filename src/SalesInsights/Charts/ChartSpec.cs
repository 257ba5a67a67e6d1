using System.Collections.Immutable;
using SalesInsights.Formatting;

namespace SalesInsights.Charts;

/// <summary>Where something is inside a chart block's YAML: 0-based line and column from the first line after the fence (-1 is the fence).</summary>
public readonly record struct SpecPosition(int Line, int Column)
{
    /// <summary>The block as a whole: its opening fence line.</summary>
    public static SpecPosition Start { get; } = new(-1, 0);
}

/// <summary>A problem with a chart, positioned inside its YAML so the article line can be reported.</summary>
public sealed record ChartProblem(string Code, string Message, SpecPosition Position);

/// <summary>
/// What a writer asked for in a <c>```chart</c> block. Keys are the YAML names; <see cref="Positions"/> remembers
/// where each key was written so an error about a key points at it.
/// </summary>
public sealed record ChartSpec
{
    public string Title { get; init; } = string.Empty;
    public string Type { get; init; } = string.Empty;
    public string? Sql { get; init; }
    public string? Data { get; init; }
    public string? X { get; init; }
    public ImmutableArray<string> Y { get; init; } = [];
    public string? Group { get; init; }
    public string? Aggregate { get; init; }
    public string? Where { get; init; }
    public string? XLabel { get; init; }
    public string? YLabel { get; init; }
    /// <summary>The <c>format:</c> of the values, with the arguments prose takes (<c>percent(0)</c>, <c>currency(EUR)</c>).</summary>
    public NumberFormat? Format { get; init; }
    /// <summary>A bar-and-line chart's line in its own unit (<c>line_format: percent</c>), drawn on a second axis.</summary>
    public NumberFormat? LineFormat { get; init; }

    public double? Target { get; init; }
    public string? TargetLabel { get; init; }
    public string? Caption { get; init; }
    public string? Alt { get; init; }
    public bool Trend { get; init; }
    public int? Bins { get; init; }

    /// <summary>Row order: <c>value</c> (largest first), <c>none</c> (the query's), or a query column to sort by that is never shown. Null: the kind's default.</summary>
    public string? Sort { get; init; }

    /// <summary>Category labels as readers see them, by the value the query gives (<c>labels: {emea: Europe}</c>).</summary>
    public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Whether an axis is logarithmic (<c>x_scale: log</c>, <c>y_scale: log</c>): for lines and points over several orders of magnitude.</summary>
    public bool XLog { get; init; }

    public bool YLog { get; init; }
    public ImmutableDictionary<string, SpecPosition> Positions { get; init; } = ImmutableDictionary<string, SpecPosition>.Empty;

    /// <summary>Where <paramref name="key"/> was written, else the start of the block.</summary>
    public SpecPosition PositionOf(string key) => Positions.TryGetValue(key, out var p) ? p : SpecPosition.Start;
}
