using SalesInsights.Formatting;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace SalesInsights.Charts;

/// <summary>
/// The look every chart shares. Charts sit on a light plate in both site themes, so the palette is saturated,
/// colour-blind-distinguishable hues dark enough for white, with near-black text (the theme's <c>--chart-fg</c>,
/// which <see cref="SvgAccessibility"/> writes as <c>currentColor</c>).
/// Sizes are in the SVG's logical pixels: phones get a second, narrow drawing (<see cref="NarrowWidth"/>) so 14 px text stays readable there.
/// </summary>
public static class ChartStyle
{
    public const int Width = 720;
    public const int Height = 400;
    public const float FontSize = 14;

    /// <summary>The drawing shown on phones: about the width of the column, so labels stay near their 14 px.</summary>
    public const int NarrowWidth = 400;
    public const int NarrowHeight = 340;

    /// <summary>DejaVu Sans is what SkiaSharp measures with here; browsers fall back along the SVG's font list.</summary>
    public const string MeasureFont = "DejaVu Sans";
    public const string FontStack = "'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif";

    public static IReadOnlyList<string> Palette { get; } =
        ["#2563eb", "#d97706", "#059669", "#dc2626", "#7c3aed", "#0e7490", "#db2777", "#4b5563", "#65a30d", "#9a3412", "#1e3a8a", "#a21caf"];

    /// <summary>How many palette colours carry a <c>series-N</c> class for stylesheets to hook.</summary>
    public const int ThemedSeries = 12;

    public static Color Text { get; } = Color.FromHex("#1f2937");
    public static Color Grid { get; } = Color.FromHex("#d1d5db");
    public static Color TargetLine { get; } = Color.FromHex("#b91c1c");

    public static Color Series(int index) => Color.FromHex(Palette[index % Palette.Count]);

    /// <summary>A plot with our fonts, colours and a transparent background so the card shows through.</summary>
    public static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(MeasureFont);
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.Transparent;
        plot.Axes.Color(Text);
        plot.Grid.MajorLineColor = Grid;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = FontSize;
            axis.Label.FontSize = FontSize + 1;
            axis.Label.Bold = false;
            axis.FrameLineStyle.Color = Grid;
        }
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Legend.FontSize = FontSize;
        plot.Legend.FontName = MeasureFont;
        plot.Legend.OutlineColor = Colors.Transparent;
        plot.Legend.BackgroundColor = Colors.White;
        plot.Legend.FontColor = Text;
        plot.Legend.ShadowColor = Colors.Transparent;
        return plot;
    }

    /// <summary>Value ticks written by the same formatter as the data table and the prose.</summary>
    public static void FormatTicks(IAxis axis, ValueFormat format) =>
        axis.TickGenerator = new NumericAutomatic { LabelFormatter = v => ValueFormatter.Format(v, format), TickDensity = 0.5 };

    /// <summary>A calendar axis labelled "Jan 2025" rather than in the build machine's or ScottPlot's date order.</summary>
    public static void DateTicks(Plot plot)
    {
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Bottom.TickGenerator = new DateTimeAutomatic { LabelFormatter = d => d.ToString(d.Day == 1 ? "MMM yyyy" : "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        plot.Axes.Bottom.TickLabelStyle.FontSize = FontSize;
    }

    /// <summary>One tick per category, at most <paramref name="maxLabels"/>, fewer or wrapped where they would collide.</summary>
    public static void CategoryTicks(IAxis axis, IReadOnlyList<string> labels, IReadOnlyList<double> positions, int maxLabels) =>
        axis.TickGenerator = new CategoryTickGenerator(labels, positions, maxLabels);

    public static void Legend(Plot plot, IEnumerable<(string Label, Color Color)> items)
    {
        foreach (var (label, color) in items)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, FillColor = color, LineColor = color, LabelFontSize = FontSize });
        }
        ShowLegend(plot);
    }

    /// <summary>
    /// The legend goes under the plot, outside the data: in the corner of the data area it covered the points
    /// that end there (the last months of a line chart, the tallest bar on the right). Out there it needs no box
    /// of its own to stay readable, so the plate shows through.
    /// </summary>
    public static void ShowLegend(Plot plot)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.BackgroundColor = Colors.Transparent;
    }
}
