using System.Collections.Immutable;
using SalesInsights.Formatting;
using ScottPlot;

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

    public void Draw(Plot plot, ChartTable table, ChartSpec spec)
    {
        var labels = table.Labels();
        var boxes = new List<Box>();
        for (var i = 0; i < table.RowCount; i++)
        {
            double At(int c) => table.Values(c)[i];
            boxes.Add(new Box
            {
                Position = i,
                WhiskerMin = At(1),
                BoxMin = At(2),
                BoxMiddle = At(3),
                BoxMax = At(4),
                WhiskerMax = At(5),
                Width = 0.6,
            });
        }
        plot.Add.Boxes(boxes);
        // The adder paints every box in one palette colour; each category gets its own after.
        for (var i = 0; i < boxes.Count; i++)
        {
            boxes[i].FillColor = ChartStyle.Series(i).WithAlpha(0.45);
            boxes[i].LineColor = ChartStyle.Text;
            boxes[i].LineWidth = 1.5f;
        }
        ChartStyle.CategoryTicks(plot.Axes.Bottom, labels, [.. Enumerable.Range(0, labels.Length).Select(i => (double)i)], 10);
        ChartStyle.FormatTicks(plot.Axes.Left, table.Columns[3].Format ?? ValueFormat.Number);
        plot.Axes.SetLimitsX(-0.6, labels.Length - 0.4);
        plot.Grid.XAxisStyle.IsVisible = false;
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
