using SalesInsights.Formatting;
using System.Globalization;
using System.Text;
using SalesInsights.Charts.Drawing;

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

    /// <summary>The pie's radius in CSS pixels: the same at every width, centred in the column.</summary>
    private const double Radius = 110;

    public static ChartCanvas Draw(ChartTable table, double donutFraction)
    {
        var labels = table.Labels();
        var values = table.Values(1);
        var total = values.Where(v => !double.IsNaN(v)).Sum();
        var canvas = new ChartCanvas((int)(2 * Radius), top: 8) { Bottom = 8 };
        var cy = canvas.Top + Radius;
        var angle = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            var value = double.IsNaN(values[i]) ? 0 : values[i];
            var share = total > 0 ? ValueFormatter.Format(value / total, ValueFormat.Percent) : "–";
            canvas.Legend($"{labels[i]} ({share})", i, Swatch.Bar);
            if (value <= 0 || total <= 0)
            {
                continue;
            }
            var sweep = value / total * 2 * Math.PI;
            canvas.Shape(i, 0.5, Slice(cy, angle, angle + sweep, donutFraction * Radius), $"{labels[i]}: {ChartStyle.Exact(value, table.Columns[1].Format)} ({share})");
            angle += sweep;
        }
        return canvas;
    }

    /// <summary>A slice from <paramref name="from"/> to <paramref name="to"/> radians clockwise from 12 o'clock, as path data around x = 0.</summary>
    private static string Slice(double cy, double from, double to, double inner)
    {
        // A full circle is two half arcs: an arc's end point equal to its start draws nothing.
        if (to - from >= (2 * Math.PI) - 1e-9)
        {
            var mid = from + Math.PI;
            return Slice(cy, from, mid, inner) + Slice(cy, mid, to, inner);
        }
        string Point(double r, double a) => string.Create(CultureInfo.InvariantCulture, $"{r * Math.Sin(a):0.##} {cy - (r * Math.Cos(a)):0.##}");
        var large = to - from > Math.PI ? 1 : 0;
        var path = new StringBuilder();
        path.Append('M').Append(Point(Radius, from));
        path.Append(CultureInfo.InvariantCulture, $"A{Radius} {Radius} 0 {large} 1 ").Append(Point(Radius, to));
        if (inner > 0)
        {
            path.Append('L').Append(Point(inner, to));
            path.Append(CultureInfo.InvariantCulture, $"A{inner:0.##} {inner:0.##} 0 {large} 0 ").Append(Point(inner, from));
        }
        else
        {
            path.Append(CultureInfo.InvariantCulture, $"L0 {cy:0.##}");
        }
        return path.Append('Z').ToString();
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
