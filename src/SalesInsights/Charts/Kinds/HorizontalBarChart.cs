using ScottPlot;

namespace SalesInsights.Charts.Kinds;

/// <summary>Horizontal bars, first row on top: rankings and long category names.</summary>
public sealed class HorizontalBarChart : IChartKind
{
    public string Name => "hbar";
    public string Noun => "Horizontal bar chart";
    public bool ValuesHorizontal => true;

    public ChartTable? Shape(ChartInput input) => Shapes.Categories(input, singleSeries: false);

    public void Draw(Plot plot, ChartTable table, ChartSpec spec) => BarDrawing.Draw(plot, table, horizontal: true, stacked: false);

    public string Describe(ChartTable table, ChartSpec spec) => Kinds.Describe.Extremes(this, table);
}
