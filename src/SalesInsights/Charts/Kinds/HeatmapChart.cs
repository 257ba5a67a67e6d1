using SalesInsights.Charts.Drawing;
using SalesInsights.Formatting;

namespace SalesInsights.Charts.Kinds;

/// <summary>
/// A grid of cells, one per x value (across) and series (down), shaded in five steps of the sequential ramp:
/// rep × month, region × quarter. The series are the <c>group</c> values or the value columns.
/// </summary>
public sealed class HeatmapChart : IChartKind
{
    public string Name => "heatmap";
    public string Noun => "Heatmap";
    public bool HasValueAxis => false;

    /// <summary>One row of cells: room for a 12-px label over two lines and a visible band of colour.</summary>
    private const int Row = 28;

    /// <summary>The steps of the ramp; more than five cannot be told apart.</summary>
    private const int Steps = 5;

    public ChartTable? Shape(ChartInput input)
    {
        var table = Shapes.Categories(input, singleSeries: false);
        if (table is not null && table.Values(1).Length > 0 && Enumerable.Range(1, table.Columns.Length - 1).All(c => table.Values(c).All(double.IsNaN)))
        {
            input.DoesNotFit("every cell is NULL", "y");
            return null;
        }
        return table;
    }

    public ChartCanvas Draw(ChartTable table, ChartSpec spec)
    {
        var columns = table.Labels();
        var rows = table.Columns.Skip(1).Select(c => c.Header).ToArray();
        var format = table.Columns[1].Format ?? ValueFormat.Number;
        var values = Enumerable.Range(1, rows.Length).SelectMany(table.Values).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).ToArray();
        var whole = format.Kind == ValueFormat.Integer || values.All(v => v == Math.Round(v));
        var (lo, hi) = Range(values.Min(), values.Max(), whole);
        var canvas = new ChartCanvas(rows.Length * Row, top: 4);
        var centres = Enumerable.Range(0, rows.Length).Select(r => canvas.Top + ((r + 0.5) * Row)).ToArray();
        canvas.CategoryAxisY(rows, centres);
        var across = canvas.CategoryAxisX(columns);
        var width = 1.0 / Math.Max(1, columns.Length);
        for (var r = 0; r < rows.Length; r++)
        {
            var cells = table.Values(r + 1);
            for (var c = 0; c < columns.Length; c++)
            {
                if (double.IsNaN(cells[c]))
                {
                    continue;
                }
                var top = canvas.Top + (r * Row);
                canvas.Cell(Step(cells[c], lo, hi), across[c] - (width / 2), across[c] + (width / 2), top, top + Row, ChartStyle.Tip(rows.Length > 1 ? rows[r] : null, columns[c], cells[c], table.Columns[r + 1].Format));
            }
        }
        // The legend gives each step's range in the axis' style: one unit and precision for all five.
        var bounds = Enumerable.Range(0, Steps + 1).Select(i => lo + ((hi - lo) * i / Steps)).ToArray();
        var labels = ValueFormatter.FormatAxis(bounds, format);
        if (hi <= lo)
        {
            canvas.SequentialLegend(labels[0], Step(lo, lo, hi));
        }
        else
        {
            for (var s = 0; s < Steps; s++)
            {
                canvas.SequentialLegend($"{labels[s]}–{labels[s + 1]}", s);
            }
        }
        return canvas;
    }

    /// <summary>Five equal ranges with round bounds (1, 2 or 5 × 10ⁿ apart) that take in every value, so the legend reads "$0–$20K".</summary>
    /// <param name="whole">Counts and other whole numbers: steps of at least 1, so no range reads "1–1".</param>
    public static (double Lo, double Hi) Range(double min, double max, bool whole = false)
    {
        if (max <= min)
        {
            return (min, max);
        }
        var step = RoundStep((max - min) / Steps);
        if (whole)
        {
            step = Math.Max(1, Math.Round(step));
        }
        var first = Math.Floor((min / step) + 1e-9) * step;
        while (first + (Steps * step) < max - 1e-9)
        {
            step = whole ? Math.Max(1, Math.Round(RoundStep(step * 1.01))) : RoundStep(step * 1.01);
            first = Math.Floor((min / step) + 1e-9) * step;
        }
        return (first, first + (Steps * step));
    }

    /// <summary>
    /// The round step nearest above <paramref name="rough"/>, finer than an axis's 1-2-5 (a range of 0–1,450 in
    /// steps of 500 would leave two of the five colours unused): 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ.
    /// </summary>
    private static double RoundStep(double rough)
    {
        if (rough <= 0 || !double.IsFinite(rough))
        {
            return 1;
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var nice = new[] { 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 }.First(m => m * magnitude >= rough * (1 - 1e-9));
        return Math.Round(nice * magnitude, 12);
    }

    /// <summary>The ramp step of a value: which of the five equal ranges from <paramref name="lo"/> to <paramref name="hi"/> holds it.</summary>
    public static int Step(double value, double lo, double hi) =>
        hi <= lo ? Steps - 1 : Math.Clamp((int)Math.Floor((value - lo) / (hi - lo) * Steps), 0, Steps - 1);

    public string Describe(ChartTable table, ChartSpec spec)
    {
        var columns = table.Labels();
        var best = (Row: -1, Column: -1);
        var worst = (Row: -1, Column: -1);
        for (var r = 1; r < table.Columns.Length; r++)
        {
            var cells = table.Values(r);
            for (var c = 0; c < cells.Length; c++)
            {
                if (double.IsNaN(cells[c]))
                {
                    continue;
                }
                if (best.Row < 0 || cells[c] > table.Values(best.Row)[best.Column])
                {
                    best = (r, c);
                }
                if (worst.Row < 0 || cells[c] < table.Values(worst.Row)[worst.Column])
                {
                    worst = (r, c);
                }
            }
        }
        var subject = $"{Noun} of {table.Columns.Length - 1} rows by {Kinds.Describe.Lower(table.Columns[0].Header)}, {columns.Length} columns";
        if (best.Row < 0)
        {
            return $"{subject}: no values.";
        }
        string Name((int Row, int Column) cell) => $"{table.Columns[cell.Row].Header} in {columns[cell.Column]} ({Kinds.Describe.Cell(table, cell.Column, cell.Row)})";
        return $"{subject}: highest {Name(best)}, lowest {Name(worst)}.";
    }
}
