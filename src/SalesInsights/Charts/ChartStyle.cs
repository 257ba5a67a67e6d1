using SalesInsights.Formatting;

namespace SalesInsights.Charts;

/// <summary>
/// The editorial defaults every chart kind draws with, in one place: sizes, the palette and the number of ticks.
/// Colours here are the light theme's; the theme's stylesheet maps each series class to its <c>--chart-N</c>
/// custom property, re-lit for dark mode, so these hex values are only what a page without the stylesheet shows.
/// </summary>
public static class ChartStyle
{
    /// <summary>The plot's height in CSS pixels for charts with a vertical value axis: about five round ticks, 50 px apart.</summary>
    public const int PlotHeight = 240;

    /// <summary>One horizontal bar (funnel stage, ranking row): the bar and the band padding around it.</summary>
    public const int RowHeight = 30;

    /// <summary>The share of a band a bar fills; 0.75 keeps bars apart at phone widths (padding 0.25).</summary>
    public const double BarFill = 0.75;

    /// <summary>Measured by <see cref="Drawing.TextWidth"/> with DejaVu Sans, shown in the theme's sans where it sets one.</summary>
    public const string FontStack = "'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif";

    /// <summary>
    /// Okabe–Ito hues re-lit to reach 3:1 on white (and, in the theme's dark variants, on its dark background):
    /// the first five stay apart for deutan and protan readers.
    /// </summary>
    public static IReadOnlyList<string> Palette { get; } =
        ["#1a57ad", "#cc7502", "#0c7b60", "#c4588d", "#4097bd", "#af2c1f", "#9372c8", "#615608"];

    /// <summary>A value axis's extent widened to take in the writer's <c>target:</c>, so its line is never drawn off the plot.</summary>
    public static (double Min, double Max) WithTarget(double min, double max, ChartSpec spec) =>
        spec.Target is { } target ? (Math.Min(min, target), Math.Max(max, target)) : (min, max);

    /// <summary>A value as a tooltip gives it: in full ("$1,234,500"), where axes and tables may be compact.</summary>
    public static string Exact(double value, ValueFormat? format) => ValueFormatter.Format(value, format switch
    {
        ValueFormat.CurrencyCompact => ValueFormat.Currency,
        ValueFormat.Compact => ValueFormat.Number,
        { } f => f,
        null => ValueFormat.Number,
    });

    /// <summary>"EMEA · 2025-Q2: $1,240,000": a mark's tooltip, with the series named only where there are several.</summary>
    public static string Tip(string? series, string x, double value, ValueFormat? format) =>
        (string.IsNullOrEmpty(series) ? string.Empty : series + " · ") + x + ": " + Exact(value, format);
}
