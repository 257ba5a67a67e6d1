using System.Globalization;

namespace SalesInsights.Formatting;

/// <summary>
/// Tick labels for one chart axis: one unit and one number of decimals for every tick, so an axis reads
/// "$0 $0.5M $1.0M $1.5M" rather than "$0.00 $500K $1M $1.5M". Currency and compact axes share the largest tick's
/// unit (K, M, B); percents are whole unless the ticks are closer than one point; negatives take a true minus sign.
/// </summary>
public static class AxisFormatter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] Suffixes = ["", "K", "M", "B", "T"];

    /// <summary>The labels of <paramref name="ticks"/> (evenly spaced, ascending) on an axis of values in <paramref name="format"/>.</summary>
    public static string[] Format(IReadOnlyList<double> ticks, ValueFormat format)
    {
        if (ticks.Count == 0)
        {
            return [];
        }
        var step = ticks.Count > 1 ? Math.Abs(ticks[1] - ticks[0]) : Math.Abs(ticks[0]);
        var largest = ticks.Max(Math.Abs);
        return format switch
        {
            ValueFormat.Percent => Labels(ticks, v => v * 100, Decimals(step * 100), string.Empty, "%"),
            ValueFormat.Currency or ValueFormat.CurrencyCompact => Scaled(ticks, step, largest, "$"),
            ValueFormat.Compact => Scaled(ticks, step, largest, string.Empty),
            // Plain numbers keep their digits with thousands separators: "12,480" reads better than "12.5K" here.
            _ => Labels(ticks, v => v, Decimals(step), string.Empty, string.Empty, grouped: true),
        };
    }

    /// <summary>Currency and compact axes: the largest tick's unit for all, "$0" for zero; small currency amounts stay whole dollars.</summary>
    private static string[] Scaled(IReadOnlyList<double> ticks, double step, double largest, string prefix)
    {
        var tier = 0;
        while (tier < Suffixes.Length - 1 && largest >= Math.Pow(1000, tier + 1))
        {
            tier++;
        }
        var unit = Math.Pow(1000, tier);
        return Labels(ticks, v => v / unit, Decimals(step / unit), prefix, Suffixes[tier], grouped: tier == 0);
    }

    private static string[] Labels(IReadOnlyList<double> ticks, Func<double, double> scale, int decimals, string prefix, string suffix, bool grouped = false)
    {
        var pattern = (grouped ? "#,##0" : "0") + (decimals > 0 ? "." + new string('0', decimals) : string.Empty);
        return [.. ticks.Select(tick =>
        {
            var value = scale(tick);
            if (Math.Abs(value) < Math.Pow(10, -decimals) / 2)
            {
                // Zero is written bare ("$0", "0%"): its decimals and its K or M add nothing.
                return prefix + "0" + (suffix == "%" ? suffix : string.Empty);
            }
            var text = Math.Abs(value).ToString(pattern, Invariant);
            return (value < 0 ? "\u2212" : string.Empty) + prefix + text + suffix;
        })];
    }

    /// <summary>The fewest decimals that keep ticks <paramref name="step"/> apart distinct: 0 for a step of 5, 1 for 0.5, 2 for 0.25.</summary>
    private static int Decimals(double step)
    {
        if (step <= 0 || double.IsNaN(step) || double.IsInfinity(step))
        {
            return 0;
        }
        for (var decimals = 0; decimals < 6; decimals++)
        {
            var scaled = step * Math.Pow(10, decimals);
            if (Math.Abs(scaled - Math.Round(scaled)) < 1e-6 * Math.Max(1, scaled))
            {
                return decimals;
            }
        }
        return 6;
    }
}
