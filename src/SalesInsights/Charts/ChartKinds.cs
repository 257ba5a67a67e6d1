using SalesInsights.Charts.Kinds;

namespace SalesInsights.Charts;

/// <summary>Every chart kind, by the name writers type. Adding a kind is a class in <c>Kinds/</c> plus one line here.</summary>
public static class ChartKinds
{
    public static IReadOnlyList<IChartKind> All { get; } =
    [
        new LineChart(),
        new AreaChart(),
        new BarChart(),
        new HorizontalBarChart(),
        new StackedBarChart(),
        new ScatterChart(),
        new HistogramChart(),
        new BoxChart(),
        new PieChart(),
        new DonutChart(),
        new FunnelChart(),
        new HeatmapChart(),
        new BarLineChart(),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(k => k.Name)];

    public static IChartKind? Find(string name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));
}
