using System.Collections.Immutable;
using System.Globalization;
using SalesInsights.Data;
using SalesInsights.Formatting;
using SalesInsights.Charts.Drawing;

namespace SalesInsights.Charts.Kinds;

/// <summary>
/// How one numeric column is distributed, in equal-width bins. The binning runs inside DuckDB, so a column of a
/// million values never crosses into .NET: only the bin counts do.
/// </summary>
public sealed class HistogramChart : IChartKind
{
    public string Name => "histogram";
    public string Noun => "Histogram";

    /// <summary>A histogram's target is a value being counted (quota met at 100%), drawn as a vertical marker.</summary>
    public bool TargetOnCategoryAxis => true;

    public ChartTable? Shape(ChartInput input)
    {
        var spec = input.Spec;
        var key = spec.X is not null ? "x" : "y";
        var name = spec.X ?? spec.Y.FirstOrDefault();
        var column = name is not null ? input.Column(name, key) : input.Columns.FirstOrDefault(c => c.IsNumeric);
        if (column is null)
        {
            if (name is null)
            {
                input.DoesNotFit("it needs a numeric column to count");
            }
            return null;
        }
        if (!column.IsNumeric)
        {
            input.DoesNotFit($"it counts numbers, but '{column.Name}' is {column.DatabaseType}", key);
            return null;
        }
        var values = $"SELECT CAST({ChartInput.Quote(column.Name)} AS DOUBLE) AS v FROM {input.Source} WHERE {ChartInput.Quote(column.Name)} IS NOT NULL";
        var stats = input.Run($"SELECT min(v), max(v), count(*) FROM ({values})");
        if (stats is null)
        {
            return null;
        }
        var row = stats.Rows[0];
        var count = (long)(QueryResult.AsDouble(row[2]) ?? 0);
        var format = input.FormatOf(column);
        var columns = ImmutableArray.Create(
            new TableColumn("bin_start", "From", format),
            new TableColumn("bin_end", "To", format),
            new TableColumn("count", "Count", ValueFormat.Integer));
        if (count == 0)
        {
            return new ChartTable(columns, []);
        }
        var lo = QueryResult.AsDouble(row[0])!.Value;
        var hi = QueryResult.AsDouble(row[1])!.Value;
        // Sturges' rule unless the writer chose: enough bins to show a shape, few enough to keep counts stable.
        var bins = spec.Bins ?? Math.Clamp((int)Math.Ceiling(Math.Log2(count)) + 1, 5, 30);
        var width = hi > lo ? (hi - lo) / bins : 1;
        var counts = input.Run(string.Create(CultureInfo.InvariantCulture,
            $"SELECT least(CAST(floor((v - {lo:R}) / {width:R}) AS BIGINT), {bins - 1}) AS bin, count(*) AS n FROM ({values}) GROUP BY bin ORDER BY bin"));
        if (counts is null)
        {
            return null;
        }
        var byBin = counts.Rows.ToDictionary(r => (long)(QueryResult.AsDouble(r[0]) ?? 0), r => (long)(QueryResult.AsDouble(r[1]) ?? 0));
        var rows = Enumerable.Range(0, bins)
            .Select(b => ImmutableArray.Create<object?>(lo + (b * width), lo + ((b + 1) * width), byBin.GetValueOrDefault(b)))
            .ToImmutableArray();
        return new ChartTable(columns, rows);
    }

    public ChartCanvas Draw(ChartTable table, ChartSpec spec)
    {
        var starts = table.Values(0);
        var ends = table.Values(1);
        var counts = table.Values(2);
        var format = table.Columns[0].Format ?? ValueFormat.Number;
        var canvas = new ChartCanvas(ChartStyle.PlotHeight);
        canvas.ValueAxisY(0, Math.Max(1, counts.DefaultIfEmpty(0).Max()), ValueFormat.Integer, includeZero: true);
        var (lo, hi) = ChartStyle.WithTarget(starts.DefaultIfEmpty(0).First(), ends.DefaultIfEmpty(1).Last(), spec);
        canvas.ValueAxisX(lo, hi, format, widen: false);
        for (var i = 0; i < table.RowCount; i++)
        {
            if (counts[i] > 0)
            {
                // Bins touch: a 1-px gap in the background colour keeps neighbours apart.
                canvas.Bar(0, canvas.X(starts[i]), canvas.X(ends[i]), canvas.Y(counts[i]), canvas.Y(0),
                    $"{Kinds.Describe.Cell(table, i, 0)} to {Kinds.Describe.Cell(table, i, 1)}: {Kinds.Describe.Cell(table, i, 2)}", gap: true);
            }
        }
        return canvas;
    }

    public string Describe(ChartTable table, ChartSpec spec)
    {
        if (table.RowCount == 0)
        {
            return $"{Noun}: no values.";
        }
        var counts = table.Values(2);
        var top = Kinds.Describe.ArgMax(counts);
        var total = counts.Sum();
        var subject = (spec.XLabel ?? spec.X ?? spec.Y.FirstOrDefault() ?? "values").Replace('_', ' ');
        return $"{Noun} of {subject}: {ValueFormatter.Format(total, ValueFormat.Integer)} values in {table.RowCount.ToString(CultureInfo.InvariantCulture)} bins from {Kinds.Describe.Cell(table, 0, 0)} to {Kinds.Describe.Cell(table, table.RowCount - 1, 1)}; the most common range is {Kinds.Describe.Cell(table, top, 0)} to {Kinds.Describe.Cell(table, top, 1)} with {Kinds.Describe.Cell(table, top, 2)}.";
    }
}
