namespace SalesInsights.Charts.Drawing;

/// <summary>
/// Round tick values for a value axis: steps of 1, 2 or 5 × 10ⁿ, about <c>count</c> of them, with the axis
/// widened to the ticks on either side of the data so the top gridline is labelled.
/// </summary>
public static class NiceTicks
{
    /// <summary>Ticks covering [<paramref name="min"/>, <paramref name="max"/>], at least three, about <paramref name="count"/>.</summary>
    public static double[] Linear(double min, double max, int count = 5)
    {
        if (double.IsNaN(min) || double.IsNaN(max))
        {
            return [0, 1];
        }
        if (max < min)
        {
            (min, max) = (max, min);
        }
        if (max == min)
        {
            // One value: an axis from zero to it (or a unit either side of zero).
            (min, max) = max > 0 ? (0.0, max) : max < 0 ? (max, 0.0) : (0.0, 1.0);
        }
        var step = Step((max - min) / Math.Max(2, count - 1));
        var first = Math.Floor((min / step) + 1e-9) * step;
        var last = Math.Ceiling((max / step) - 1e-9) * step;
        var ticks = new List<double>();
        for (var i = 0; first + (i * step) <= last + (step / 2); i++)
        {
            ticks.Add(Clean(first + (i * step)));
        }
        return [.. ticks];
    }

    /// <summary>Powers of ten (with 2 and 5 between them when there are few decades) covering a positive range.</summary>
    public static double[] Log(double min, double max)
    {
        var lo = Math.Floor(Math.Log10(min));
        var hi = Math.Ceiling(Math.Log10(max));
        var ticks = new List<double>();
        for (var e = lo; e <= hi; e++)
        {
            ticks.Add(Clean(Math.Pow(10, e)));
            if (hi - lo <= 2 && e < hi)
            {
                ticks.Add(Clean(2 * Math.Pow(10, e)));
                ticks.Add(Clean(5 * Math.Pow(10, e)));
            }
        }
        return [.. ticks];
    }

    /// <summary>The round step (1, 2 or 5 × 10ⁿ) nearest above <paramref name="rough"/>.</summary>
    public static double Step(double rough)
    {
        if (rough <= 0 || double.IsNaN(rough) || double.IsInfinity(rough))
        {
            return 1;
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /// <summary>Removes the binary noise of repeated additions (0.30000000000000004).</summary>
    private static double Clean(double value) => Math.Round(value, 10);
}
