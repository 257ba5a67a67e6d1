using SalesInsights.Charts.Drawing;
using SalesInsights.Formatting;

namespace SalesInsights.Charts.Kinds;

/// <summary>Bars for the bar, horizontal bar and stacked bar kinds: one bar per row and series.</summary>
internal static class BarDrawing
{
    /// <summary>
    /// Bars up, or sideways for rankings; bars asked to stand up whose categories are not in a natural order and
    /// whose labels a phone's column cannot hold (even over two lines) are laid sideways too, so no label is
    /// dropped. An ordered axis (dates, quarters, numbers) may skip labels like ticks instead.
    /// </summary>
    public static ChartCanvas Draw(ChartTable table, ChartSpec spec, bool horizontal, bool stacked) =>
        horizontal || !FitsUpright(table.Labels()) ? Horizontal(table, spec, stacked) : Vertical(table, spec, stacked);

    /// <summary>Whether categories can stand under upright bars in the narrowest column, or are ordered and may be thinned.</summary>
    public static bool FitsUpright(IReadOnlyList<string> labels)
    {
        if (ChartStyle.IsOrdered(labels))
        {
            return true;
        }
        var slot = ChartCanvas.NarrowPlot / Math.Max(1, labels.Count);
        return labels.All(l => ChartCanvas.Wrap(l, slot - 6) is var lines && lines.Length <= 2 && lines.All(line => TextWidth.Of(line) <= slot - 6));
    }

    private static ChartCanvas Vertical(ChartTable table, ChartSpec spec, bool stacked)
    {
        var labels = table.Labels();
        var n = labels.Length;
        var seriesCount = table.Columns.Length - 1;
        var format = table.Columns[1].Format ?? ValueFormat.Number;
        var series = Enumerable.Range(1, seriesCount).Select(table.Values).ToArray();

        // Stacks grow up from zero for positive parts and down for negative ones.
        var ups = new double[n];
        var downs = new double[n];
        var min = 0.0;
        var max = 0.0;
        foreach (var values in series)
        {
            for (var i = 0; i < n; i++)
            {
                var v = double.IsNaN(values[i]) ? 0 : values[i];
                if (stacked)
                {
                    if (v >= 0) { ups[i] += v; } else { downs[i] += v; }
                    (min, max) = (Math.Min(min, downs[i]), Math.Max(max, ups[i]));
                }
                else
                {
                    (min, max) = (Math.Min(min, v), Math.Max(max, v));
                }
            }
        }
        (min, max) = ChartStyle.WithTarget(min, max, spec);

        var canvas = new ChartCanvas(ChartStyle.PlotHeight);
        canvas.ValueAxisY(min, max, format, includeZero: true);
        var centres = canvas.CategoryAxisX(labels);
        var group = ChartStyle.BarFill / n;
        var width = stacked ? group : group / seriesCount;
        Array.Clear(ups);
        Array.Clear(downs);
        for (var s = 0; s < seriesCount; s++)
        {
            var name = seriesCount > 1 ? table.Columns[s + 1].Header : null;
            for (var i = 0; i < n; i++)
            {
                var value = series[s][i];
                if (double.IsNaN(value) || value == 0)
                {
                    continue;
                }
                var left = centres[i] - (group / 2) + (stacked ? 0 : width * s);
                var start = stacked ? (value >= 0 ? ups[i] : downs[i]) : 0;
                if (stacked)
                {
                    if (value >= 0) { ups[i] += value; } else { downs[i] += value; }
                }
                canvas.Bar(s, left, left + width, canvas.Y(start), canvas.Y(start + value), ChartStyle.Tip(name, labels[i], value, table.Columns[s + 1].Format), gap: seriesCount > 1);
            }
        }
        Legend(canvas, table);
        return canvas;
    }

    /// <summary>Horizontal bars, first row on top, each labelled at its tip (a stack at its end): the labels replace a value axis.</summary>
    private static ChartCanvas Horizontal(ChartTable table, ChartSpec spec, bool stacked)
    {
        var labels = table.Labels();
        var n = labels.Length;
        var seriesCount = table.Columns.Length - 1;
        var series = Enumerable.Range(1, seriesCount).Select(table.Values).ToArray();
        double Total(int i) => series.Sum(v => double.IsNaN(v[i]) ? 0 : v[i]);
        var values = stacked
            ? Enumerable.Range(0, n).Select(Total).DefaultIfEmpty(0).ToArray()
            : series.SelectMany(v => v).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).ToArray();
        var (min, max) = ChartStyle.WithTarget(values.Min(), values.Max(), spec);
        var format = table.Columns[1].Format;
        string[][] tips = stacked
            ? [[.. Enumerable.Range(0, n).Select(i => ValueFormatter.Format(Total(i), format ?? ValueFormat.Number))]]
            : [.. Enumerable.Range(0, seriesCount).Select(s => Enumerable.Range(0, n).Select(i => ChartTable.Text(table.Rows[i][s + 1], table.Columns[s + 1])).ToArray())];
        var widest = tips.SelectMany(t => t).Select(t => TextWidth.Of(t)).DefaultIfEmpty(0).Max();
        var bars = stacked ? 1 : seriesCount;

        var canvas = new ChartCanvas(n * ChartStyle.RowHeight * Math.Max(1, (bars + 1) / 2), top: 4) { Bottom = 4 };
        var row = (double)canvas.PlotHeight / n;
        canvas.TipAxisX(min, max, widest);
        var centres = Enumerable.Range(0, n).Select(i => canvas.Top + ((i + 0.5) * row)).ToArray();
        canvas.CategoryAxisY(labels, centres);
        var band = row * ChartStyle.BarFill;
        var thickness = band / bars;
        var ends = new double[n];
        for (var s = 0; s < seriesCount; s++)
        {
            var name = seriesCount > 1 ? table.Columns[s + 1].Header : null;
            for (var i = 0; i < n; i++)
            {
                var value = series[s][i];
                if (double.IsNaN(value))
                {
                    continue;
                }
                var top = centres[i] - (band / 2) + (stacked ? 0 : thickness * s);
                var start = stacked ? ends[i] : 0;
                ends[i] = start + value;
                canvas.Bar(s, canvas.X(start), canvas.X(start + value), top, top + thickness, ChartStyle.Tip(name, labels[i], value, table.Columns[s + 1].Format), gap: seriesCount > 1);
                if (!stacked)
                {
                    canvas.Label(canvas.X(value), top + (thickness / 2) + 4, tips[s][i], value < 0 ? "end" : "start", "chart-value", value < 0 ? -4 : 4);
                }
            }
        }
        if (stacked)
        {
            for (var i = 0; i < n; i++)
            {
                canvas.Label(canvas.X(ends[i]), centres[i] + 4, tips[0][i], ends[i] < 0 ? "end" : "start", "chart-value", ends[i] < 0 ? -4 : 4);
            }
        }
        Legend(canvas, table);
        return canvas;
    }

    private static void Legend(ChartCanvas canvas, ChartTable table)
    {
        if (table.Columns.Length > 2)
        {
            for (var s = 1; s < table.Columns.Length; s++)
            {
                canvas.Legend(table.Columns[s].Header, s - 1, Swatch.Bar);
            }
        }
    }
}
