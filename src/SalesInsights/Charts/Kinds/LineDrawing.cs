using SalesInsights.Data;
using SalesInsights.Formatting;
using ScottPlot;

namespace SalesInsights.Charts.Kinds;

/// <summary>Lines (optionally filled) over dates, numbers or ordered categories such as quarters.</summary>
internal static class LineDrawing
{
    public static void Draw(Plot plot, ChartTable table, bool filled)
    {
        var first = table.Rows.Select(r => r[0]).FirstOrDefault(v => v is not null);
        var n = table.RowCount;
        double[] xs;
        if (first is DateOnly or DateTime)
        {
            xs = [.. table.Rows.Select(r => r[0] switch
            {
                DateOnly d => d.ToDateTime(TimeOnly.MinValue).ToOADate(),
                DateTime t => t.ToOADate(),
                _ => double.NaN,
            })];
            ChartStyle.DateTicks(plot);
        }
        else if (first is long or double)
        {
            xs = [.. table.Rows.Select(r => QueryResult.AsDouble(r[0]) ?? double.NaN)];
        }
        else
        {
            xs = [.. Enumerable.Range(0, n).Select(i => (double)i)];
            ChartStyle.CategoryTicks(plot.Axes.Bottom, table.Labels(), xs, 10);
        }

        var seriesCount = table.Columns.Length - 1;
        for (var s = 0; s < seriesCount; s++)
        {
            var ys = table.Values(s + 1);
            // NULL points are left out rather than drawn as zero.
            var keep = Enumerable.Range(0, n).Where(i => !double.IsNaN(ys[i]) && !double.IsNaN(xs[i])).ToArray();
            var color = ChartStyle.Series(s);
            var line = plot.Add.Scatter(keep.Select(i => xs[i]).ToArray(), keep.Select(i => ys[i]).ToArray(), color);
            line.LineWidth = 2.5f;
            line.MarkerSize = n <= 24 ? 6 : 0;
            if (filled)
            {
                line.FillY = true;
                line.FillYColor = color.WithAlpha(seriesCount > 1 ? 0.18 : 0.3);
            }
        }
        ChartStyle.FormatTicks(plot.Axes.Left, table.Columns[1].Format ?? ValueFormat.Number);
        var values = Enumerable.Range(1, seriesCount).SelectMany(table.Values).Where(v => !double.IsNaN(v)).ToArray();
        if (values.Length > 0)
        {
            var min = Math.Min(0, values.Min());
            var max = Math.Max(0, values.Max());
            plot.Axes.AutoScale();
            plot.Axes.SetLimitsY(filled || min >= 0 ? min : min - ((max - min) * 0.08), max + ((max - min) * 0.08));
        }
        plot.Grid.XAxisStyle.IsVisible = false;
        if (seriesCount > 1)
        {
            ChartStyle.Legend(plot, table.Columns.Skip(1).Select((c, s) => (c.Header, ChartStyle.Series(s))));
        }
    }
}
