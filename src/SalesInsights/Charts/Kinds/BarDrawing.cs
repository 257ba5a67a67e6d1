using SalesInsights.Formatting;
using ScottPlot;

namespace SalesInsights.Charts.Kinds;

/// <summary>Bars for the bar, horizontal bar and stacked bar kinds: one bar per row and series.</summary>
internal static class BarDrawing
{
    public static void Draw(Plot plot, ChartTable table, bool horizontal, bool stacked)
    {
        var labels = table.Labels();
        var seriesCount = table.Columns.Length - 1;
        var n = labels.Length;
        // Horizontal bars list the first row at the top, as a reader scans a ranking.
        double Position(int row) => horizontal ? n - 1 - row : row;
        var bars = new List<Bar>();
        var groupWidth = 0.8;
        var barWidth = stacked ? groupWidth : groupWidth / seriesCount;
        var min = 0.0;
        var max = 0.0;
        var bases = new double[n];
        for (var s = 0; s < seriesCount; s++)
        {
            var values = table.Values(s + 1);
            var color = ChartStyle.Series(s);
            for (var i = 0; i < n; i++)
            {
                var value = double.IsNaN(values[i]) ? 0 : values[i];
                var offset = stacked ? 0 : (-groupWidth / 2) + (barWidth * (s + 0.5));
                var start = stacked ? bases[i] : 0;
                bars.Add(new Bar
                {
                    Position = Position(i) + offset,
                    ValueBase = start,
                    Value = start + value,
                    Size = barWidth * (stacked ? 1 : 0.92),
                    FillColor = color,
                    LineWidth = 0,
                    Orientation = horizontal ? Orientation.Horizontal : Orientation.Vertical,
                });
                if (stacked)
                {
                    bases[i] += value;
                }
                min = Math.Min(min, start + value);
                max = Math.Max(max, start + value);
            }
        }
        plot.Add.Bars(bars);

        var format = table.Columns[1].Format ?? ValueFormat.Number;
        var positions = Enumerable.Range(0, n).Select(i => Position(i)).ToArray();
        var pad = (max - min) * 0.08;
        if (horizontal)
        {
            ChartStyle.CategoryTicks(plot.Axes.Left, labels, positions, 16);
            ChartStyle.FormatTicks(plot.Axes.Bottom, format);
            plot.Axes.SetLimits(min < 0 ? min - pad : 0, max + pad, -0.6, n - 0.4);
            plot.Grid.YAxisStyle.IsVisible = false;
        }
        else
        {
            ChartStyle.CategoryTicks(plot.Axes.Bottom, labels, positions, 10);
            ChartStyle.FormatTicks(plot.Axes.Left, format);
            plot.Axes.SetLimits(-0.6, n - 0.4, min < 0 ? min - pad : 0, max + pad);
            plot.Grid.XAxisStyle.IsVisible = false;
        }
        if (seriesCount > 1)
        {
            ChartStyle.Legend(plot, table.Columns.Skip(1).Select((c, s) => (c.Header, ChartStyle.Series(s))));
        }
    }
}
