using SalesInsights.Charts.Drawing;

namespace SalesInsights.Charts.Kinds;

/// <summary>Shares of a whole, for a handful of categories.</summary>
public sealed class PieChart : IChartKind
{
    public string Name => "pie";
    public string Noun => "Pie chart";
    public bool HasValueAxis => false;
    public bool SortsByValue => true;

    public ChartTable? Shape(ChartInput input) => PieDrawing.Shape(input);

    public ChartCanvas Draw(ChartTable table, ChartSpec spec) => PieDrawing.Draw(table, 0);

    public string Describe(ChartTable table, ChartSpec spec) => PieDrawing.Describe(this, table);
}
