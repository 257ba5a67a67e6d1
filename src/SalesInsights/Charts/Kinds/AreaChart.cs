using SalesInsights.Charts.Drawing;

namespace SalesInsights.Charts.Kinds;

/// <summary>A line filled down to zero, for volumes over time.</summary>
public sealed class AreaChart : IChartKind
{
    public string Name => "area";
    public string Noun => "Area chart";

    public ChartTable? Shape(ChartInput input) => LineDrawing.Chronological(input, Shapes.Categories(input, singleSeries: false));

    public ChartCanvas Draw(ChartTable table, ChartSpec spec) => LineDrawing.Draw(table, spec, filled: true);

    public string Describe(ChartTable table, ChartSpec spec) => Kinds.Describe.Trend(this, table);
}
