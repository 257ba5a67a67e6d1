using SalesInsights.Charts.Drawing;

namespace SalesInsights.Charts.Kinds;

/// <summary>One line per series over an ordered x: dates, numbers, or categories in the query's order.</summary>
public sealed class LineChart : IChartKind
{
    public string Name => "line";
    public string Noun => "Line chart";

    public bool AllowsLogScale => true;

    public ChartTable? Shape(ChartInput input) =>
        LineDrawing.PositiveForLog(input, LineDrawing.Chronological(input, Shapes.Categories(input, singleSeries: false)), input.Spec.YLog, 1, int.MaxValue, "y_scale");

    public ChartCanvas Draw(ChartTable table, ChartSpec spec) => LineDrawing.Draw(table, spec, filled: false);

    public string Describe(ChartTable table, ChartSpec spec) => Kinds.Describe.Trend(this, table);
}
