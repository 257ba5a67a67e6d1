using System.Collections.Immutable;
using SalesInsights.Formatting;
using SalesInsights.Charts.Drawing;

namespace SalesInsights.Charts.Kinds;

/// <summary>
/// Quartiles of a numeric column, per category of x if given. DuckDB computes the five numbers; whiskers reach
/// the furthest values within 1.5 interquartile ranges of the box (Tukey), so a single huge deal does not flatten it.
/// </summary>
public sealed class BoxChart : IChartKind
{
    public string Name => "box";
    public string Noun => "Box plot";

    public ChartTable? Shape(ChartInput input)
    {
        var spec = input.Spec;
        var x = spec.X is { } xName ? input.Column(xName, "x") : null;
        var y = spec.Y.Length > 0 ? input.Column(spec.Y[0], "y") : input.Columns.LastOrDefault(c => c.IsNumeric && c != x);
        if ((spec.X is not null && x is null) || (spec.Y.Length > 0 && y is null))
        {
            return null;
        }
        if (y is null || !y.IsNumeric)
        {
            input.DoesNotFit(y is null ? "it needs a numeric column for y" : $"y must be numeric, but '{y.Name}' is {y.DatabaseType}", "y");
            return null;
        }
        var group = x is null ? "'all'" : ChartInput.Quote(x.Name);
        var value = ChartInput.Quote(y.Name);
        var sql = $"""
            WITH src AS (SELECT {group} AS g, CAST({value} AS DOUBLE) AS v FROM {input.Source} WHERE {value} IS NOT NULL),
            q AS (SELECT g, quantile_cont(v, 0.25) AS q1, median(v) AS med, quantile_cont(v, 0.75) AS q3, count(*) AS n FROM src GROUP BY g)
            SELECT q.g, min(v) FILTER (WHERE v >= q1 - 1.5 * (q3 - q1)) AS low, q1, med, q3, max(v) FILTER (WHERE v <= q3 + 1.5 * (q3 - q1)) AS high, n
            FROM src JOIN q ON src.g IS NOT DISTINCT FROM q.g
            GROUP BY q.g, q1, med, q3, n ORDER BY q.g
            """;
        var result = input.Run(sql);
        if (result is null)
        {
            return null;
        }
        var format = input.FormatOf(y);
        var columns = ImmutableArray.Create(
            new TableColumn(x?.Name ?? "group", x is null ? "Group" : Shapes.Header(spec.XLabel, x.Name), null),
            new TableColumn("low", "Low whisker", format),
            new TableColumn("q1", "Lower quartile", format),
            new TableColumn("median", "Median", format),
            new TableColumn("q3", "Upper quartile", format),
            new TableColumn("high", "High whisker", format),
            new TableColumn("n", "Count", ValueFormat.Integer));
        return new ChartTable(columns, result.Rows);
    }

    public ChartCanvas Draw(ChartTable table, ChartSpec spec)
    {
        var labels = table.Labels();
        var n = labels.Length;
        var format = table.Columns[3].Format;
        var all = Enumerable.Range(1, 5).SelectMany(table.Values).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).ToArray();
        var (min, max) = ChartStyle.WithTarget(all.Min(), all.Max(), spec);
        var canvas = new ChartCanvas(ChartStyle.PlotHeight);
        canvas.ValueAxisY(min, max, format ?? ValueFormat.Number, includeZero: false);
        var centres = canvas.CategoryAxisX(labels);
        var half = 0.2 / n;
        for (var i = 0; i < n; i++)
        {
            double At(int c) => table.Values(c)[i];
            var c = centres[i];
            var title = $"{labels[i]}: median {Kinds.Describe.Cell(table, i, 3)}, middle half {Kinds.Describe.Cell(table, i, 2)} to {Kinds.Describe.Cell(table, i, 4)}, whiskers {Kinds.Describe.Cell(table, i, 1)} to {Kinds.Describe.Cell(table, i, 5)}, {Kinds.Describe.Cell(table, i, 6)} values";
            canvas.Segment(ChartCanvas.Ink, c, canvas.Y(At(1)), c, canvas.Y(At(2)), 1);
            canvas.Segment(ChartCanvas.Ink, c, canvas.Y(At(4)), c, canvas.Y(At(5)), 1);
            canvas.Segment(ChartCanvas.Ink, c - (half / 2), canvas.Y(At(1)), c + (half / 2), canvas.Y(At(1)), 1);
            canvas.Segment(ChartCanvas.Ink, c - (half / 2), canvas.Y(At(5)), c + (half / 2), canvas.Y(At(5)), 1);
            canvas.Bar(0, c - half, c + half, canvas.Y(At(2)), canvas.Y(At(4)), title);
            canvas.Segment(ChartCanvas.Ink, c - half, canvas.Y(At(3)), c + half, canvas.Y(At(3)), 2);
        }
        return canvas;
    }

    public string Describe(ChartTable table, ChartSpec spec)
    {
        if (table.RowCount == 0)
        {
            return $"{Noun}: no values.";
        }
        var labels = table.Labels();
        var medians = table.Values(3);
        var subject = Kinds.Describe.Lower((spec.YLabel ?? spec.Y.FirstOrDefault() ?? "values").Replace('_', ' '));
        if (table.RowCount == 1)
        {
            return $"{Noun} of {subject}: median {Kinds.Describe.Cell(table, 0, 3)}, middle half from {Kinds.Describe.Cell(table, 0, 2)} to {Kinds.Describe.Cell(table, 0, 4)}.";
        }
        var hi = Kinds.Describe.ArgMax(medians);
        var lo = Kinds.Describe.ArgMin(medians);
        return $"{Noun} of {subject} by {Kinds.Describe.Lower(table.Columns[0].Header)}: highest median {labels[hi]} {Kinds.Describe.Cell(table, hi, 3)}, lowest median {labels[lo]} {Kinds.Describe.Cell(table, lo, 3)}.";
    }
}
