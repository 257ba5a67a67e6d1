using SalesInsights.Formatting;
using SalesInsights.Charts.Drawing;

namespace SalesInsights.Charts.Kinds;

/// <summary>Stages as centred horizontal bars, widest first, so the drop between stages is what the eye sees.</summary>
public sealed class FunnelChart : IChartKind
{
    public string Name => "funnel";
    public string Noun => "Funnel chart";
    public bool ValuesHorizontal => true;
    public bool HasValueAxis => false;

    public ChartTable? Shape(ChartInput input)
    {
        var table = Shapes.Categories(input, singleSeries: true);
        if (table is not null && table.Values(1).Any(v => v < 0))
        {
            input.DoesNotFit("stage values cannot be negative", "y");
            return null;
        }
        return table;
    }

    /// <summary>A stage's row: its label and figures on one line, its bar under them.</summary>
    private const int Row = 46;

    public ChartCanvas Draw(ChartTable table, ChartSpec spec)
    {
        var labels = table.Labels();
        var values = table.Values(1);
        var n = labels.Length;
        var max = values.Where(v => !double.IsNaN(v)).DefaultIfEmpty(1).Max();
        var canvas = new ChartCanvas(n * Row, top: 0) { Bottom = 0 };
        for (var i = 0; i < n; i++)
        {
            var value = double.IsNaN(values[i]) ? 0 : values[i];
            var y = canvas.Top + (i * Row);
            var previous = i > 0 && values[i - 1] > 0 ? values[i - 1] : double.NaN;
            // The text sits above its bar in the text colour, never on the bar: legible on every segment and theme.
            var text = $"{labels[i]} · {ValueLabel(table, i)}" + (double.IsNaN(previous) ? string.Empty : $" · {ValueFormatter.Format(value / previous, ValueFormat.Percent)} of previous");
            canvas.Label(0.5, y + 14, text);
            var half = max > 0 ? value / max / 2 : 0;
            canvas.Bar(0, 0.5 - half, 0.5 + half, y + 20, y + Row - 4, ChartStyle.Tip(null, labels[i], value, table.Columns[1].Format));
        }
        return canvas;
    }

    private static string ValueLabel(ChartTable table, int row) => Kinds.Describe.Cell(table, row, 1);

    public string Describe(ChartTable table, ChartSpec spec)
    {
        var labels = table.Labels();
        var values = table.Values(1);
        if (labels.Length == 0)
        {
            return $"{Noun}: no data.";
        }
        var steps = string.Join(", ", Enumerable.Range(0, labels.Length).Select(i => $"{labels[i]} {Kinds.Describe.Cell(table, i, 1)}"));
        var conversion = values[0] > 0 && !double.IsNaN(values[^1])
            ? $"; {ValueFormatter.Format(values[^1] / values[0], ValueFormat.Percent)} of the first stage reaches the last"
            : string.Empty;
        return $"{Noun} of {Kinds.Describe.Lower(table.Columns[1].Header)} by {Kinds.Describe.Lower(table.Columns[0].Header)}: {steps}{conversion}.";
    }
}
