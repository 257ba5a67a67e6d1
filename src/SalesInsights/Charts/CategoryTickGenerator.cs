using ScottPlot;

namespace SalesInsights.Charts;

/// <summary>
/// Category labels on an axis, fitted to the drawing being made. The wide and the narrow drawing of a chart share
/// one plot, and labels thinned for 720 px ran into each other at 400 ("Smallest fifthSecond"). So at every render
/// a label too wide for its slot is first broken over two lines at a space, and only if it still does not fit are
/// labels left out: every second one kept, then every third, and so on. The data table always has them all.
/// </summary>
internal sealed class CategoryTickGenerator(IReadOnlyList<string> labels, IReadOnlyList<double> positions, int maxLabels) : ITickGenerator
{
    /// <summary>Room kept between two neighbouring labels, in pixels.</summary>
    private const float Gap = 8;

    public Tick[] Ticks { get; private set; } = [];

    public int MaxTickCount { get; set; } = int.MaxValue;

    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
    {
        var count = labels.Count;
        var step = Math.Max(1, (int)Math.Ceiling(count / (double)Math.Max(1, maxLabels)));
        var slot = Slot(range, size);
        var texts = labels;
        if (slot > 0)
        {
            var horizontal = edge is Edge.Bottom or Edge.Top;
            float Extent(IReadOnlyList<string> candidates) => horizontal
                ? candidates.Max(text => labelStyle.Measure(text, paint).Width)
                : candidates.Max(text => labelStyle.Measure(text, paint).Height);
            var extent = Extent(texts);
            if (horizontal && extent + Gap > slot * step && labels.Any(l => l.Contains(' ', StringComparison.Ordinal)))
            {
                var wrapped = labels.Select(TwoLines).ToArray();
                var wrappedExtent = Extent(wrapped);
                if (wrappedExtent < extent)
                {
                    (texts, extent) = (wrapped, wrappedExtent);
                }
            }
            while (step < count && extent + Gap > slot * step)
            {
                step++;
            }
        }
        var ticks = new List<Tick>();
        for (var i = 0; i < count; i += step)
        {
            ticks.Add(new Tick(positions[i], texts[i], true));
        }
        Ticks = [.. ticks];
    }

    /// <summary>Pixels between two neighbouring categories on an axis of <paramref name="size"/> showing <paramref name="range"/>.</summary>
    private float Slot(CoordinateRange range, PixelLength size)
    {
        if (positions.Count < 2 || range.Span == 0)
        {
            return 0;
        }
        var spacing = double.MaxValue;
        for (var i = 1; i < positions.Count; i++)
        {
            spacing = Math.Min(spacing, Math.Abs(positions[i] - positions[i - 1]));
        }
        return (float)(spacing * size.Length / Math.Abs(range.Span));
    }

    /// <summary>The label over two lines, broken at the space nearest its middle.</summary>
    private static string TwoLines(string label)
    {
        var middle = label.Length / 2;
        var before = label.LastIndexOf(' ', middle);
        var after = label.IndexOf(' ', middle);
        var at = before < 0 ? after : after < 0 ? before : middle - before <= after - middle ? before : after;
        return at <= 0 ? label : label[..at] + "\n" + label[(at + 1)..];
    }
}
