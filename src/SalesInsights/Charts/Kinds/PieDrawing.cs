using SalesInsights.Formatting;
using ScottPlot;

namespace SalesInsights.Charts.Kinds;

/// <summary>Pie and donut: shares of a whole, labelled in the legend with each slice's share.</summary>
internal static class PieDrawing
{
    public const int MaxSlices = 12;

    public static ChartTable? Shape(ChartInput input)
    {
        var table = Shapes.Categories(input, singleSeries: true);
        if (table is null)
        {
            return null;
        }
        var values = table.Values(1);
        if (values.Any(v => v < 0))
        {
            input.DoesNotFit("slices cannot be negative", "y");
            return null;
        }
        if (table.RowCount > MaxSlices)
        {
            input.DoesNotFit($"{table.RowCount} slices are too many to read (at most {MaxSlices}); use a bar chart or group the small ones");
            return null;
        }
        return table;
    }

    public static void Draw(Plot plot, ChartTable table, double donutFraction)
    {
        var labels = table.Labels();
        var values = table.Values(1);
        var total = values.Where(v => !double.IsNaN(v)).Sum();
        var slices = new List<PieSlice>();
        for (var i = 0; i < labels.Length; i++)
        {
            var value = double.IsNaN(values[i]) ? 0 : values[i];
            var share = total > 0 ? ValueFormatter.Format(value / total, ValueFormat.Percent) : "–";
            slices.Add(new PieSlice { Value = value, FillColor = ChartStyle.Series(i), LegendText = $"{labels[i]} ({share})" });
        }
        var pie = plot.Add.Pie(slices);
        pie.DonutFraction = donutFraction;
        pie.LineColor = Colors.White;
        pie.LineWidth = 2;
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Axes.SquareUnits();
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.MiddleRight;
    }

    public static string Describe(IChartKind kind, ChartTable table)
    {
        var labels = table.Labels();
        var values = table.Values(1);
        var total = values.Where(v => !double.IsNaN(v)).Sum();
        if (labels.Length == 0 || total <= 0)
        {
            return $"{kind.Noun}: no data.";
        }
        var hi = Kinds.Describe.ArgMax(values);
        var lo = Kinds.Describe.ArgMin(values);
        string Share(int i) => ValueFormatter.Format(values[i] / total, ValueFormat.Percent);
        return $"{kind.Noun} of {Kinds.Describe.Lower(table.Columns[1].Header)} by {Kinds.Describe.Lower(table.Columns[0].Header)}, {labels.Length} slices: largest {labels[hi]} {Share(hi)} ({Kinds.Describe.Cell(table, hi, 1)}), smallest {labels[lo]} {Share(lo)} ({Kinds.Describe.Cell(table, lo, 1)}).";
    }
}
