using System.Globalization;
using System.Text.RegularExpressions;
using SalesInsights.Formatting;

namespace SalesInsights.Charts;

/// <summary>
/// The editorial defaults every chart kind draws with, in one place: sizes, the palette and the number of ticks.
/// Colours here are the light theme's; the theme's stylesheet maps each series class to its <c>--chart-N</c>
/// custom property, re-lit for dark mode, so these hex values are only what a page without the stylesheet shows.
/// </summary>
public static partial class ChartStyle
{
    /// <summary>The plot's height in CSS pixels for charts with a vertical value axis: about five round ticks, 50 px apart.</summary>
    public const int PlotHeight = 240;

    /// <summary>One horizontal bar (funnel stage, ranking row): the bar and the band padding around it.</summary>
    public const int RowHeight = 30;

    /// <summary>The share of a band a bar fills; 0.75 keeps bars apart at phone widths (padding 0.25).</summary>
    public const double BarFill = 0.75;

    /// <summary>
    /// Rows a figure's data table shows in the page and feeds; the CSV download keeps every row. A 1,100-point
    /// scatter's full table weighed about 150 KB in every feed item and page.
    /// </summary>
    public const int MaxTableRows = 50;

    /// <summary>Measured by <see cref="Drawing.TextWidth"/> with DejaVu Sans, shown in the theme's sans where it sets one.</summary>
    public const string FontStack = "'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif";

    /// <summary>
    /// Okabe–Ito hues re-lit to reach 3:1 on white (and, in the theme's dark variants, on its dark background):
    /// the first five stay apart for deutan and protan readers.
    /// </summary>
    public static IReadOnlyList<string> Palette { get; } =
        ["#1a57ad", "#cc7502", "#0c7b60", "#c4588d", "#4097bd", "#af2c1f", "#9372c8", "#615608"];

    /// <summary>The light sequential ramp, least to most (a heatmap's five steps); the theme re-lights it for dark mode so "more" stays more contrast.</summary>
    public static IReadOnlyList<string> Sequential { get; } = ["#e4f0fe", "#b1cdf2", "#6ea1e2", "#3475c4", "#0b4c92"];

    /// <summary>A value axis's extent widened to take in the writer's <c>target:</c>, so its line is never drawn off the plot.</summary>
    public static (double Min, double Max) WithTarget(double min, double max, ChartSpec spec) =>
        spec.Target is { } target ? (Math.Min(min, target), Math.Max(max, target)) : (min, max);

    /// <summary>A value as a tooltip gives it: in full ("$1,234,500"), where axes and tables may be compact.</summary>
    public static string Exact(double value, NumberFormat? format) => ValueFormatter.Format(value, format switch
    {
        { Kind: ValueFormat.CurrencyCompact } f => f with { Kind = ValueFormat.Currency, Decimals = null, Significant = null },
        { Kind: ValueFormat.Compact } f => f with { Kind = ValueFormat.Number, Decimals = null, Significant = null },
        { } f => f,
        null => ValueFormat.Number,
    });

    /// <summary>"EMEA · 2025-Q2: $1,240,000": a mark's tooltip, with the series named only where there are several.</summary>
    public static string Tip(string? series, string x, double value, NumberFormat? format) =>
        (string.IsNullOrEmpty(series) ? string.Empty : series + " · ") + x + ": " + Exact(value, format);

    /// <summary>
    /// Category labels as a desk would print them: "1. under $25K" loses the ordering prefix every label carries
    /// (the order stays), and values written all in lower case ("engineering") start with a capital.
    /// </summary>
    public static string[] TidyLabels(IReadOnlyList<string> labels)
    {
        var tidy = labels.ToArray();
        if (tidy.Length > 1 && tidy.All(l => OrderPrefix().IsMatch(l)))
        {
            tidy = [.. tidy.Select(l => OrderPrefix().Replace(l, string.Empty, 1))];
        }
        // Lower case at the start of every label is how the data was typed, not a name ("iPhone" is left alone).
        static bool Lower(string l) => l.Length > 0 && char.IsLower(l[0]) && !(l.Length > 1 && char.IsUpper(l[1]));
        if (tidy.Any(Lower) && tidy.All(l => l.Length == 0 || !char.IsLetter(l[0]) || Lower(l)))
        {
            tidy = [.. tidy.Select(l => Lower(l) ? char.ToUpperInvariant(l[0]) + l[1..] : l)];
        }
        return tidy;
    }

    [GeneratedRegex(@"^\d{1,2}[.)]\s+")]
    private static partial Regex OrderPrefix();

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM", "yyyy/MM/dd", "yyyy/MM", "MMM yyyy", "MMMM yyyy", "MMM-yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>A text label read as a calendar date ("2024-10", "Oct 2024", "2024-10-01"), or null.</summary>
    public static DateOnly? DateOf(string label) =>
        DateTime.TryParseExact(label.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? DateOnly.FromDateTime(date) : null;

    /// <summary>Whether categories have a natural order of their own (dates, quarters, months, numbers), so an axis may skip some like ticks.</summary>
    public static bool IsOrdered(IReadOnlyList<string> labels) =>
        labels.Count > 0 && labels.All(l => DateOf(l) is not null || OrderedLabel().IsMatch(l.Trim()));

    [GeneratedRegex(@"^([-+−]?\d[\d,.]*%?|\d{4}[- ]?Q[1-4]|Q[1-4][ -]'?\d{2,4}|(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*( '?\d{2,4})?|(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*|(week|wk|day|month|quarter|year|q) ?\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex OrderedLabel();
}
