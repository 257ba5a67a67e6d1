using ScottPlot;

namespace SalesInsights.Charts.Kinds;

/// <summary>A line filled down to zero, for volumes over time.</summary>
public sealed class AreaChart : IChartKind
{
    public string Name => "area";
    public string Noun => "Area chart";

    public ChartTable? Shape(ChartInput input) => Shapes.Categories(input, singleSeries: false);

    public void Draw(Plot plot, ChartTable table, ChartSpec spec) => LineDrawing.Draw(plot, table, filled: true);

    public string Describe(ChartTable table, ChartSpec spec) => Kinds.Describe.Trend(this, table);
}
