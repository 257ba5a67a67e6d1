using SalesInsights.Formatting;
using ScottPlot;

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

    public void Draw(Plot plot, ChartTable table, ChartSpec spec)
    {
        var labels = table.Labels();
        var values = table.Values(1);
        var n = labels.Length;
        var max = values.Where(v => !double.IsNaN(v)).DefaultIfEmpty(1).Max();
        var bars = new List<Bar>();
        for (var i = 0; i < n; i++)
        {
            var half = (double.IsNaN(values[i]) ? 0 : values[i]) / 2;
            bars.Add(new Bar
            {
                Position = n - 1 - i,
                ValueBase = -half,
                Value = half,
                Size = 0.8,
                FillColor = ChartStyle.Series(0).WithAlpha(1 - (0.5 * i / Math.Max(1, n))),
                LineWidth = 0,
                Orientation = Orientation.Horizontal,
                Label = ValueLabel(table, i),
                CenterLabel = true,
            });
        }
        var plottable = plot.Add.Bars(bars);
        plottable.ValueLabelStyle.FontSize = ChartStyle.FontSize;
        plottable.ValueLabelStyle.ForeColor = Colors.White;
        plottable.ValueLabelStyle.Bold = true;
        ChartStyle.CategoryTicks(plot.Axes.Left, labels, [.. Enumerable.Range(0, n).Select(i => (double)(n - 1 - i))], 16);
        plot.Axes.Bottom.TickLabelStyle.IsVisible = false;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.HideGrid();
        plot.Axes.SetLimits(-max * 0.52, max * 0.52, -0.6, n - 0.4);
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
