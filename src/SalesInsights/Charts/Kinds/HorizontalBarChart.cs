using SalesInsights.Charts.Drawing;

namespace SalesInsights.Charts.Kinds;

/// <summary>Horizontal bars, first row on top: rankings and long category names.</summary>
public sealed class HorizontalBarChart : IChartKind
{
    public string Name => "hbar";
    public string Noun => "Horizontal bar chart";
    public bool ValuesHorizontal => true;
    public bool SortsByValue => true;

    public ChartTable? Shape(ChartInput input) => Shapes.Categories(input, singleSeries: false);

    public ChartCanvas Draw(ChartTable table, ChartSpec spec) => BarDrawing.Draw(table, spec, horizontal: true, stacked: false);

    public string Describe(ChartTable table, ChartSpec spec) => Kinds.Describe.Extremes(this, table);
}
