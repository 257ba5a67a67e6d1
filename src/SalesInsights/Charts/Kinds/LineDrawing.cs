using SalesInsights.Charts.Drawing;
using SalesInsights.Data;
using SalesInsights.Formatting;

namespace SalesInsights.Charts.Kinds;

/// <summary>Lines (optionally filled) over dates, numbers or ordered categories such as quarters.</summary>
internal static class LineDrawing
{
    /// <summary>Above this many points a line's points carry no tooltip targets: the data table has every value.</summary>
    private const int MaxTargets = 400;

    public static ChartCanvas Draw(ChartTable table, ChartSpec spec, bool filled)
    {
        var n = table.RowCount;
        var seriesCount = table.Columns.Length - 1;
        var format = table.Columns[1].Format ?? ValueFormat.Number;
        var values = Enumerable.Range(1, seriesCount).SelectMany(table.Values).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).ToArray();
        var (min, max) = ChartStyle.WithTarget(values.Min(), values.Max(), spec);

        var canvas = new ChartCanvas(ChartStyle.PlotHeight);
        canvas.ValueAxisY(min, max, format, includeZero: true);
        var xs = XPositions(canvas, table);
        var labels = table.Labels();
        for (var s = 0; s < seriesCount; s++)
        {
            var ys = table.Values(s + 1);
            var name = seriesCount > 1 ? table.Columns[s + 1].Header : null;
            // NULL points are left out rather than drawn as zero.
            var keep = Enumerable.Range(0, n).Where(i => !double.IsNaN(ys[i]) && !double.IsNaN(xs[i])).ToArray();
            var points = keep.Select(i => (xs[i], canvas.Y(ys[i]))).ToArray();
            if (filled)
            {
                canvas.Area(s, points, canvas.Y(0), seriesCount > 1 ? 0.15 : 0.25);
            }
            canvas.Line(s, points);
            if (points.Length > 0)
            {
                canvas.Dot(s, points[^1].Item1, points[^1].Item2, 3, null);
            }
            if (keep.Length <= MaxTargets)
            {
                foreach (var i in keep)
                {
                    canvas.Hit(xs[i], canvas.Y(ys[i]), ChartStyle.Tip(name, labels[i], ys[i], table.Columns[s + 1].Format));
                }
            }
        }
        if (seriesCount > 1)
        {
            for (var s = 0; s < seriesCount; s++)
            {
                canvas.Legend(table.Columns[s + 1].Header, s, Swatch.Line);
            }
        }
        return canvas;
    }

    /// <summary>Where each row sits across the plot: by date, by number, or one band per ordered category.</summary>
    private static double[] XPositions(ChartCanvas canvas, ChartTable table)
    {
        var first = table.Rows.Select(r => r[0]).FirstOrDefault(v => v is not null);
        if (first is DateOnly or DateTime)
        {
            var days = table.Rows.Select(r => r[0] switch
            {
                DateOnly d => (DateOnly?)d,
                DateTime t => DateOnly.FromDateTime(t),
                _ => null,
            }).ToArray();
            var known = days.OfType<DateOnly>().ToArray();
            canvas.DateAxisX(known.Min(), known.Max());
            return [.. days.Select(d => d is { } day ? canvas.X(day.DayNumber) : double.NaN)];
        }
        if (first is long or double or int or decimal)
        {
            var numbers = table.Rows.Select(r => QueryResult.AsDouble(r[0]) ?? double.NaN).ToArray();
            var known = numbers.Where(v => !double.IsNaN(v)).ToArray();
            // A numeric x is most often a year or a count: written plainly, "2025" and not "2,025".
            canvas.ValueAxisX(known.Min(), known.Max(), ValueFormat.Number, widen: false, label: v => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
            return [.. numbers.Select(v => double.IsNaN(v) ? v : canvas.X(v))];
        }
        return canvas.CategoryAxisX(table.Labels());
    }
}
