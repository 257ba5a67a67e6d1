using SalesInsights.Charts.Drawing;

namespace SalesInsights.Charts.Kinds;

/// <summary>A pie with its centre cut out, which makes slices easier to compare by arc length.</summary>
public sealed class DonutChart : IChartKind
{
    public string Name => "donut";
    public string Noun => "Donut chart";
    public bool HasValueAxis => false;
    public bool SortsByValue => true;

    public ChartTable? Shape(ChartInput input) => PieDrawing.Shape(input);

    public ChartCanvas Draw(ChartTable table, ChartSpec spec) => PieDrawing.Draw(table, 0.55);

    public string Describe(ChartTable table, ChartSpec spec) => PieDrawing.Describe(this, table);
}
