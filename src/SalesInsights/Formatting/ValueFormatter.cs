using System.Globalization;

namespace SalesInsights.Formatting;

/// <summary>How a number is shown to readers; the names are what writers type after <c>format:</c> or <c>|</c>.</summary>
public enum ValueFormat
{
    Number,
    Integer,
    Currency,
    CurrencyCompact,
    Percent,
    Compact,
}

/// <summary>
/// The one formatter for numbers a reader sees, in prose, chart axes, data tables and alt text alike, so a figure
/// quoted in a sentence reads exactly as it does under the chart. Always invariant culture: a site must not change
/// with the build machine's locale.
/// </summary>
public static class ValueFormatter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<string> Names { get; } = ["number", "integer", "currency", "currency_compact", "percent", "compact"];

    public static bool TryParse(string? name, out ValueFormat format)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "number": format = ValueFormat.Number; return true;
            case "integer": format = ValueFormat.Integer; return true;
            case "currency": format = ValueFormat.Currency; return true;
            case "currency_compact": format = ValueFormat.CurrencyCompact; return true;
            case "percent": format = ValueFormat.Percent; return true;
            case "compact": format = ValueFormat.Compact; return true;
            default: format = ValueFormat.Number; return false;
        }
    }

    /// <summary>A value of any type as text: numbers in <paramref name="format"/>, dates in ISO form, NULL as an en dash.</summary>
    public static string Format(object? value, ValueFormat format) => value switch
    {
        null => "–",
        long l => Format((double)l, format),
        int i => Format((double)i, format),
        double d => Format(d, format),
        decimal m => Format((double)m, format),
        DateOnly date => date.ToString("yyyy-MM-dd", Invariant),
        DateTime time => time.TimeOfDay == TimeSpan.Zero ? time.ToString("yyyy-MM-dd", Invariant) : time.ToString("yyyy-MM-dd HH:mm", Invariant),
        bool b => b ? "yes" : "no",
        _ => value.ToString() ?? string.Empty,
    };

    public static string Format(double value, ValueFormat format)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "–";
        }
        return format switch
        {
            ValueFormat.Integer => Math.Round(value, MidpointRounding.AwayFromZero).ToString("#,##0", Invariant),
            ValueFormat.Currency => Sign(value) + "$" + Math.Abs(value).ToString(Math.Abs(value) >= 100 ? "#,##0" : "#,##0.00", Invariant),
            ValueFormat.CurrencyCompact => Sign(value) + "$" + Compact(Math.Abs(value)),
            ValueFormat.Percent => (value * 100).ToString("0.0", Invariant) + "%",
            ValueFormat.Compact => Sign(value) + Compact(Math.Abs(value)),
            _ => value.ToString(Math.Abs(value) >= 100 ? "#,##0.#" : "#,##0.##", Invariant),
        };
    }

    /// <summary>The default when a writer names no format: whole numbers for integers, two decimals at most otherwise.</summary>
    public static ValueFormat DefaultFor(Type type) => type == typeof(long) ? ValueFormat.Integer : ValueFormat.Number;

    private static string Sign(double value) => value < 0 ? "-" : string.Empty;

    private static readonly string[] Suffixes = ["", "K", "M", "B", "T"];

    /// <summary>One decimal at most, in the largest unit that keeps the number under 1,000 after rounding (999,999 is 1M, not 1000K).</summary>
    private static string Compact(double value)
    {
        var tier = 0;
        while (tier < Suffixes.Length - 1 && Math.Round(value / Math.Pow(1000, tier), 1) >= 1000)
        {
            tier++;
        }
        return (value / Math.Pow(1000, tier)).ToString("0.#", Invariant) + Suffixes[tier];
    }
}
