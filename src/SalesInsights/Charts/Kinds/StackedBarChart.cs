using SalesInsights.Charts.Drawing;

namespace SalesInsights.Charts.Kinds;

/// <summary>Bars whose series are stacked, so each bar's height is the total and its segments the parts.</summary>
public sealed class StackedBarChart : IChartKind
{
    public string Name => "stacked-bar";
    public string Noun => "Stacked bar chart";

    public ChartTable? Shape(ChartInput input)
    {
        var table = Shapes.Categories(input, singleSeries: false);
        if (table is not null && table.Columns.Length < 3)
        {
            input.DoesNotFit("stacking needs several series: add a 'group' column or list several 'y' columns", input.Spec.Group is null ? "y" : "group");
            return null;
        }
        return table;
    }

    public ChartCanvas Draw(ChartTable table, ChartSpec spec) => BarDrawing.Draw(table, spec, horizontal: false, stacked: true);

    public string Describe(ChartTable table, ChartSpec spec) => Kinds.Describe.Extremes(this, table);
}
