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
        canvas.ValueAxisY(min, max, format, includeZero: !spec.YLog, log: spec.YLog);
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
                canvas.Area(s, points, canvas.PlotBottom, seriesCount > 1 ? 0.15 : 0.25);
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

    /// <summary>
    /// A line over text that reads as dates ("2024-10", "Oct 2024") is drawn on a calendar axis in calendar order,
    /// whatever order the query gave; text of which only some values are dates is an error rather than a line
    /// plotted in alphabetical order.
    /// </summary>
    public static ChartTable? Chronological(ChartInput input, ChartTable? table)
    {
        if (table is null || table.RowCount == 0 || !table.Rows.All(r => r[0] is string))
        {
            return table;
        }
        var labels = table.Labels();
        var dates = labels.Select(ChartStyle.DateOf).ToArray();
        var parsed = dates.Count(d => d is not null);
        if (parsed == labels.Length)
        {
            var order = Enumerable.Range(0, labels.Length).OrderBy(i => dates[i]).ToArray();
            return table with { Rows = [.. order.Select(i => table.Rows[i])], Names = [.. order.Select(i => labels[i])] };
        }
        if (parsed > 0 && parsed * 2 >= labels.Length)
        {
            var example = labels[Array.FindIndex(dates, d => d is not null)];
            var odd = labels[Array.FindIndex(dates, d => d is null)];
            input.DoesNotFit($"x looks like dates ('{example}'), but '{odd}' is not one; make every value a date (CAST(... AS DATE)) or draw the categories as bars", "x");
            return null;
        }
        return table;
    }

    /// <summary>A log scale has no zero: every value drawn on it must be above zero.</summary>
    public static ChartTable? PositiveForLog(ChartInput input, ChartTable? table, bool log, int from, int to, string key)
    {
        if (table is null || !log)
        {
            return table;
        }
        for (var c = from; c <= Math.Min(to, table.Columns.Length - 1); c++)
        {
            var values = table.Values(c);
            var i = Array.FindIndex(values, v => v <= 0);
            if (i >= 0)
            {
                input.DoesNotFit($"a log scale has no zero or negative values, but {table.Columns[c].Header} is {ChartTable.Text(table.Rows[i][c], table.Columns[c])} for {ChartTable.Text(table.Rows[i][0], table.Columns[0])}", key);
                return null;
            }
        }
        return table;
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
        if (first is string && table.Labels().Select(ChartStyle.DateOf).ToArray() is var texts && texts.All(d => d is not null))
        {
            canvas.DateAxisX(texts.Min()!.Value, texts.Max()!.Value);
            return [.. texts.Select(d => canvas.X(d!.Value.DayNumber))];
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
