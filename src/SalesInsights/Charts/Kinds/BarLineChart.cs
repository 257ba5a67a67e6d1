using SalesInsights.Charts.Drawing;
using SalesInsights.Formatting;

namespace SalesInsights.Charts.Kinds;

/// <summary>
/// Bars of one measure with a line of another over the same categories (bookings and target, deals and win
/// rate). The line shares the bars' axis when it is in the same unit and of a like size; otherwise it has a
/// second axis on the right, on the same gridlines, and the legend says which axis each mark reads on.
/// </summary>
public sealed class BarLineChart : IChartKind
{
    public string Name => "bar-line";
    public string Noun => "Bar and line chart";

    /// <summary>Two measures share one axis when both are in one unit and neither is more than this many times the other.</summary>
    private const double SharedAxisRatio = 3;

    public ChartTable? Shape(ChartInput input)
    {
        var table = Shapes.Categories(input, singleSeries: false);
        if (table is null)
        {
            return null;
        }
        if (table.Columns.Length != 3 || input.Spec.Group is not null)
        {
            input.DoesNotFit($"it draws two value columns, the bars' then the line's (y: [bars, line]), but the chart has {table.Columns.Length - 1}", input.Spec.Group is null ? "y" : "group");
            return null;
        }
        return input.Spec.LineFormat is { } line
            ? table with { Columns = table.Columns.SetItem(2, table.Columns[2] with { Format = line }) }
            : table;
    }

    public ChartCanvas Draw(ChartTable table, ChartSpec spec)
    {
        var labels = table.Labels();
        var n = labels.Length;
        var bars = table.Values(1);
        var line = table.Values(2);
        var barFormat = table.Columns[1].Format ?? ValueFormat.Number;
        var lineFormat = table.Columns[2].Format ?? ValueFormat.Number;
        static (double Min, double Max) Extent(double[] v)
        {
            var known = v.Where(x => !double.IsNaN(x)).DefaultIfEmpty(0).ToArray();
            return (known.Min(), known.Max());
        }
        var (barMin, barMax) = Extent(bars);
        var (lineMin, lineMax) = Extent(line);
        var shared = SharesAxis(barFormat, lineFormat, barMax, lineMax);

        var canvas = new ChartCanvas(ChartStyle.PlotHeight);
        var (min, max) = shared ? (Math.Min(barMin, lineMin), Math.Max(barMax, lineMax)) : (barMin, barMax);
        (min, max) = ChartStyle.WithTarget(min, max, spec);
        canvas.ValueAxisY(min, max, barFormat, includeZero: true);
        Func<double, double> lineY = canvas.Y;
        if (!shared)
        {
            canvas.ValueAxisYRight(lineMin, lineMax, lineFormat);
            lineY = canvas.Y2;
        }
        var centres = canvas.CategoryAxisX(labels);
        var width = ChartStyle.BarFill / Math.Max(1, n);
        var barName = table.Columns[1].Header;
        var lineName = table.Columns[2].Header;
        for (var i = 0; i < n; i++)
        {
            if (!double.IsNaN(bars[i]) && bars[i] != 0)
            {
                canvas.Bar(0, centres[i] - (width / 2), centres[i] + (width / 2), canvas.Y(0), canvas.Y(bars[i]), ChartStyle.Tip(barName, labels[i], bars[i], table.Columns[1].Format));
            }
        }
        var keep = Enumerable.Range(0, n).Where(i => !double.IsNaN(line[i])).ToArray();
        var points = keep.Select(i => (centres[i], lineY(line[i]))).ToArray();
        // The line in the second colour over the bars, a dot on each category so it reads as values, not a trend.
        canvas.Line(1, points);
        foreach (var (i, point) in keep.Zip(points))
        {
            canvas.Dot(1, point.Item1, point.Item2, 3, ChartStyle.Tip(lineName, labels[i], line[i], table.Columns[2].Format));
        }
        canvas.Legend(shared ? barName : $"{barName} (bars, left axis)", 0, Swatch.Bar);
        canvas.Legend(shared ? lineName : $"{lineName} (line, right axis)", 1, Swatch.Line);
        return canvas;
    }

    /// <summary>Whether both measures read on one axis: the same unit, and sizes within <see cref="SharedAxisRatio"/> of each other.</summary>
    public static bool SharesAxis(NumberFormat bars, NumberFormat line, double barMax, double lineMax)
    {
        static string Unit(NumberFormat f) => f.Kind switch
        {
            ValueFormat.Currency or ValueFormat.CurrencyCompact => "money " + (f.Currency ?? string.Empty),
            ValueFormat.Percent => "percent",
            ValueFormat.Ratio => "ratio",
            _ => "number",
        };
        if (Unit(bars) != Unit(line))
        {
            return false;
        }
        var (a, b) = (Math.Abs(barMax), Math.Abs(lineMax));
        return a == 0 || b == 0 || (Math.Max(a, b) / Math.Min(a, b) <= SharedAxisRatio);
    }

    public string Describe(ChartTable table, ChartSpec spec) => Kinds.Describe.Extremes(this, table);
}
