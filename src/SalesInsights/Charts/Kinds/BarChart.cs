using SalesInsights.Charts.Drawing;

namespace SalesInsights.Charts.Kinds;

/// <summary>Vertical bars, one per row; several y columns or a group give side-by-side bars.</summary>
public sealed class BarChart : IChartKind
{
    public string Name => "bar";
    public string Noun => "Bar chart";

    public ChartTable? Shape(ChartInput input) => Shapes.Categories(input, singleSeries: false);

    public ChartCanvas Draw(ChartTable table, ChartSpec spec) => BarDrawing.Draw(table, spec, horizontal: false, stacked: false);

    public string Describe(ChartTable table, ChartSpec spec) => Kinds.Describe.Extremes(this, table);
}
