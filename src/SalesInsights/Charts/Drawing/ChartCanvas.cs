using System.Globalization;
using System.Net;
using System.Text;
using SalesInsights.Formatting;

namespace SalesInsights.Charts.Drawing;

/// <summary>The shape of a legend key: the mark it stands for.</summary>
public enum Swatch
{
    Bar,
    Line,
    Dash,
    Dot,
}

/// <summary>
/// One drawing of a chart that fits every width it is shown at, with text at a fixed CSS size. Vertical positions
/// are CSS pixels (the drawing has a fixed height); horizontal positions are fractions of the plot's width,
/// written as percentages, so the plot stretches with its column while its 12-px text does not. The value or
/// category labels on the left sit in a gutter of fixed width beside the plot; lines and areas are drawn in a
/// nested SVG stretched horizontally with strokes that do not scale. Colours are classes the theme's stylesheet
/// maps to its <c>--chart-*</c> custom properties; the light palette's hex values ride along on the groups as
/// presentation attributes, which any stylesheet rule overrides, so a feed reader without the stylesheet still
/// shows a coloured chart.
/// </summary>
public sealed class ChartCanvas
{
    public const int TextSize = 12;
    public const int LineHeight = 15;

    /// <summary>The narrowest plot the drawing must fit: a 320-px phone less the figure's padding and a gutter.</summary>
    public const double NarrowPlot = 250;

    /// <summary>Container widths at which alternate x labels give way (the theme has one rule per width).</summary>
    public static IReadOnlyList<int> FitWidths { get; } = [360, 420, 480, 560, 640, 720, 800, 960, 1120];

    private readonly StringBuilder _grid = new();
    private readonly StringBuilder _stretch = new();
    private readonly StringBuilder _below = new();
    private readonly Dictionary<string, StringBuilder> _groups = new(StringComparer.Ordinal);
    private readonly List<string> _groupOrder = [];
    private readonly StringBuilder _above = new();
    private readonly StringBuilder _labels = new();
    private readonly StringBuilder _gutter = new();
    private readonly StringBuilder _rightGutter = new();
    private readonly List<(string Label, string Css, Swatch Swatch)> _legend = [];
    private readonly List<(double X0, double X1, double Y0, double Y1)> _bars = [];
    private double _gutterWidth;
    private double _rightGutterWidth;
    private Func<double, double>? _y2;
    private int _fit;
    private Func<double, double>? _y;
    private Func<double, double>? _x;

    public ChartCanvas(int plotHeight, int top = 12)
    {
        PlotHeight = plotHeight;
        Top = top;
    }

    public int Top { get; }

    public int PlotHeight { get; }

    public double PlotBottom => Top + PlotHeight;

    /// <summary>Room under the plot for the x labels: one or two lines, or none.</summary>
    public int Bottom { get; set; }

    public int Height => Top + PlotHeight + Bottom;

    /// <summary>A value's vertical position in pixels, once a vertical value axis is set.</summary>
    public double Y(double value) => (_y ?? throw new InvalidOperationException("No vertical axis yet."))(value);

    /// <summary>A value's vertical position on the second (right-hand) axis, once <see cref="ValueAxisYRight"/> set it.</summary>
    public double Y2(double value) => (_y2 ?? throw new InvalidOperationException("No right-hand axis yet."))(value);

    /// <summary>A value's horizontal position as a fraction of the plot, once a horizontal value axis is set.</summary>
    public double X(double value) => (_x ?? throw new InvalidOperationException("No horizontal axis yet."))(value);

    /// <summary>
    /// A vertical value axis: round ticks with gridlines across the plot and labels in the gutter, one format
    /// for all. Bars and areas include zero; lines and points may crop to their data.
    /// </summary>
    public void ValueAxisY(double min, double max, NumberFormat format, bool includeZero, bool log = false)
    {
        if (includeZero && !log)
        {
            (min, max) = (Math.Min(0, min), Math.Max(0, max));
        }
        var ticks = log ? NiceTicks.Log(min, max) : NiceTicks.Linear(min, max, Math.Max(3, PlotHeight / 50));
        var lo = ticks[0];
        var hi = ticks[^1];
        _y = log
            ? v => PlotBottom - ((Math.Log10(v) - Math.Log10(lo)) / (Math.Log10(hi) - Math.Log10(lo)) * PlotHeight)
            : v => PlotBottom - ((v - lo) / (hi - lo) * PlotHeight);
        _yTicks = ticks;
        var labels = Labels(ticks, format, log);
        for (var i = 0; i < ticks.Length; i++)
        {
            var y = Y(ticks[i]);
            var isZero = ticks[i] == 0 || (i == 0 && !log && lo > 0 && includeZero);
            (isZero ? _above : _grid).Append(isZero ? "<line class=\"chart-baseline\" stroke=\"#6e757f\"" : "<line").Append(" x1=\"0\" x2=\"100%\" y1=\"").Append(Px(y)).Append("\" y2=\"").Append(Px(y)).Append("\"/>");
            GutterText(labels[i], y + 4);
        }
    }

    private double[] _yTicks = [];

    /// <summary>
    /// A second value axis on the right whose round ticks sit on the left axis's gridlines (the same count, zero on
    /// the same line), labelled in a gutter on the right: a second measure never gets gridlines of its own.
    /// </summary>
    public void ValueAxisYRight(double min, double max, NumberFormat format)
    {
        var ticks = _yTicks.Length > 1 ? _yTicks : throw new InvalidOperationException("Set the left axis first.");
        var k = ticks.Length - 1;
        var zero = Array.FindIndex(ticks, t => t == 0);
        double step;
        double first;
        if (zero >= 0)
        {
            min = Math.Min(0, min);
            max = Math.Max(0, max);
            var up = k - zero > 0 ? max / (k - zero) : 0;
            var down = zero > 0 ? -min / zero : 0;
            step = NiceTicks.Step(Math.Max(Math.Max(up, down), 1e-12));
            first = -zero * step;
        }
        else
        {
            step = NiceTicks.Step(Math.Max((max - min) / k, 1e-12));
            first = Math.Floor((min / step) + 1e-9) * step;
            if (first + (k * step) < max - 1e-9)
            {
                step = NiceTicks.Step((max - first) / k * 1.0001);
                first = Math.Floor((min / step) + 1e-9) * step;
            }
        }
        var right = Enumerable.Range(0, k + 1).Select(i => Math.Round(first + (i * step), 10)).ToArray();
        var (lo, hi) = (right[0], right[^1]);
        var (yLo, yHi) = (Y(ticks[0]), Y(ticks[^1]));
        _y2 = v => yLo + ((v - lo) / (hi - lo) * (yHi - yLo));
        var labels = Labels(right, format, log: false);
        for (var i = 0; i < right.Length; i++)
        {
            _rightGutterWidth = Math.Max(_rightGutterWidth, TextWidth.Of(labels[i]) + 10);
            _rightGutter.Append("<text x=\"6\" y=\"").Append(Px(Y2(right[i]) + 4)).Append("\">").Append(Encode(labels[i])).Append("</text>");
        }
    }

    /// <summary>A horizontal value axis (scatter, histogram): round ticks with labels under the plot.</summary>
    public void ValueAxisX(double min, double max, NumberFormat format, bool log = false, bool widen = true, Func<double, string>? label = null)
    {
        var ticks = log ? NiceTicks.Log(min, max) : NiceTicks.Linear(min, max, 5);
        var (lo, hi) = widen || max <= min ? (ticks[0], ticks[^1]) : (min, max);
        _x = log
            ? v => (Math.Log10(v) - Math.Log10(lo)) / (Math.Log10(hi) - Math.Log10(lo))
            : v => (v - lo) / (hi - lo);
        var shown = ticks.Where(t => t >= lo - 1e-9 && t <= hi + 1e-9).ToArray();
        var labels = label is null ? Labels(shown, format, log) : [.. shown.Select(label)];
        XTicks(shown.Select(X).ToArray(), labels);
    }

    /// <summary>One format for a linear axis; on a log axis, where steps grow tenfold, each tick in its own unit ("$1", "$10", "$1K").</summary>
    private static string[] Labels(double[] ticks, NumberFormat format, bool log) =>
        log ? [.. ticks.Select(t => ValueFormatter.FormatAxis([t], format)[0])] : [.. ValueFormatter.FormatAxis(ticks, format)];

    /// <summary>A horizontal axis of dates (days since 0001-01-01): months, quarters or years by the span, the year written where it starts or changes.</summary>
    public void DateAxisX(DateOnly first, DateOnly last)
    {
        double Day(DateOnly d) => d.DayNumber;
        var lo = Day(first);
        var hi = Math.Max(lo + 1, Day(last));
        _x = v => (v - lo) / (hi - lo);
        var months = ((last.Year - first.Year) * 12) + last.Month - first.Month;
        var step = new[] { 1, 2, 3, 6, 12, 24, 60, 120 }.First(s => months / s <= 6 || s == 120);
        var tick = new DateOnly(first.Year, first.Month, 1);
        if (tick < first)
        {
            tick = tick.AddMonths(1);
        }
        while ((tick.Month - 1) % Math.Min(step, 12) != 0)
        {
            tick = tick.AddMonths(1);
        }
        var positions = new List<double>();
        var labels = new List<string>();
        var previousYear = -1;
        for (; tick <= last; tick = tick.AddMonths(step))
        {
            positions.Add(X(Day(tick)));
            labels.Add(step >= 12 ? tick.Year.ToString(CultureInfo.InvariantCulture)
                : tick.ToString(tick.Year != previousYear ? "MMM yyyy" : "MMM", CultureInfo.InvariantCulture));
            previousYear = tick.Year;
        }
        XTicks([.. positions], [.. labels]);
    }

    /// <summary>Tick labels under the plot, the end ones kept inside it; no gridlines across, the value axis has those.</summary>
    private void XTicks(double[] positions, string[] labels)
    {
        Bottom = Math.Max(Bottom, 22);
        var lines = labels.Select(l => new[] { l }).ToArray();
        var css = Thin(lines);
        for (var i = 0; i < positions.Length; i++)
        {
            if (css[i] != "gone")
            {
                var anchor = positions[i] < 0.04 ? "start" : positions[i] > 0.96 ? "end" : null;
                Text(_labels, positions[i], PlotBottom + 16, lines[i], anchor, css[i]);
            }
        }
    }

    /// <summary>
    /// Categories across the plot, one band each, labelled over two lines where a label is long. Where the labels
    /// need more room than the column gives, only every k-th stays below the width they all need (a theme rule
    /// per width, <see cref="FitWidths"/>); the data table has them all.
    /// </summary>
    public double[] CategoryAxisX(IReadOnlyList<string> labels)
    {
        var n = labels.Count;
        var centres = Enumerable.Range(0, n).Select(i => (i + 0.5) / n).ToArray();
        var lines = labels.Select(l => Wrap(l, 80)).ToArray();
        Bottom = Math.Max(Bottom, lines.Any(l => l.Length > 1) ? 22 + LineHeight : 22);
        var css = Thin(lines);
        for (var i = 0; i < n; i++)
        {
            if (css[i] != "gone")
            {
                Text(_labels, centres[i], PlotBottom + 16, lines[i], null, css[i]);
            }
        }
        return centres;
    }

    /// <summary>
    /// Which x labels show at which width: null for always, "xo" for "only where the column is wide enough for all"
    /// (sets the frame's <c>fit-N</c> class), "gone" for a label that fits no column (past the widest rule).
    /// </summary>
    private string?[] Thin(IReadOnlyList<string[]> lines)
    {
        var n = lines.Count;
        var css = new string?[n];
        var slot = lines.SelectMany(l => l).Select(l => TextWidth.Of(l)).DefaultIfEmpty(0).Max() + 12;
        int Every(double plot) => Math.Max(1, (int)Math.Ceiling(n * slot / plot));
        var wide = Every(FitWidths[^1] - _gutterWidth - 40);
        var narrow = Math.Max(wide, Every(NarrowPlot));
        narrow = (int)Math.Ceiling(narrow / (double)wide) * wide;
        if (narrow > wide)
        {
            var needed = _gutterWidth + 40 + (Math.Ceiling(n / (double)wide) * slot);
            _fit = FitWidths.FirstOrDefault(w => w >= needed, FitWidths[^1]);
        }
        for (var i = 0; i < n; i++)
        {
            css[i] = i % wide != 0 ? "gone" : i % narrow != 0 ? "xo" : null;
        }
        return css;
    }

    /// <summary>Categories down the plot (horizontal bars): labels in the gutter, right-aligned, over two lines where long.</summary>
    public void CategoryAxisY(IReadOnlyList<string> labels, IReadOnlyList<double> centres)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            var lines = Wrap(labels[i], 140);
            var first = centres[i] + 4 - ((lines.Length - 1) * LineHeight / 2.0);
            for (var l = 0; l < lines.Length; l++)
            {
                GutterText(lines[l], first + (l * LineHeight));
            }
        }
    }

    /// <summary>A value axis for horizontal bars that are labelled at their tips: no ticks, room kept right of the longest bar for its label.</summary>
    public void TipAxisX(double min, double max, double widestLabel)
    {
        min = Math.Min(0, min);
        max = Math.Max(0, max);
        var room = Math.Min(0.6, (widestLabel + 8) / NarrowPlot);
        var span = (max - min) / (1 - room);
        var lo = min < 0 ? min - (span * room * (max > 0 ? 0.5 : 1)) : 0;
        var hi = lo + span + (min < 0 && max > 0 ? span * room * 0.5 : 0);
        _x = v => (v - lo) / (hi - lo);
        var zero = X(0);
        _above.Append("<line class=\"chart-baseline\" stroke=\"#6e757f\" x1=\"").Append(Pct(zero)).Append("\" x2=\"").Append(Pct(zero)).Append("\" y1=\"").Append(Px(Top)).Append("\" y2=\"").Append(Px(PlotBottom)).Append("\"/>");
    }

    public void Bar(int series, double x0, double x1, double y0, double y1, string title, bool gap = false)
    {
        var (left, right) = x0 <= x1 ? (x0, x1) : (x1, x0);
        var (top, bottom) = y0 <= y1 ? (y0, y1) : (y1, y0);
        _bars.Add((left, right, top, bottom));
        Group(series, gap ? "fill gap" : "fill")
            .Append("<rect x=\"").Append(Pct(left)).Append("\" y=\"").Append(Px(top))
            .Append("\" width=\"").Append(Pct(right - left)).Append("\" height=\"").Append(Px(bottom - top)).Append("\">")
            .Append(Title(title)).Append("</rect>");
    }

    /// <summary>One cell of a heatmap in step <paramref name="step"/> (0 to 4) of the sequential ramp, kept apart from its neighbours by a line of the background.</summary>
    public void Cell(int step, double x0, double x1, double y0, double y1, string title)
    {
        var key = "seq|" + step.ToString(CultureInfo.InvariantCulture);
        if (!_groups.TryGetValue(key, out var group))
        {
            group = new StringBuilder().Append("<g class=\"fill gap ").Append(SequentialClass(step)).Append("\" fill=\"").Append(ChartStyle.Sequential[step])
                .Append("\" stroke=\"#ffffff\" stroke-width=\"1\">");
            _groups[key] = group;
            _groupOrder.Add(key);
        }
        group.Append("<rect x=\"").Append(Pct(x0)).Append("\" y=\"").Append(Px(y0)).Append("\" width=\"").Append(Pct(x1 - x0)).Append("\" height=\"").Append(Px(y1 - y0)).Append("\">")
            .Append(Title(title)).Append("</rect>");
    }

    /// <summary>The class of a sequential step, which the theme maps to its ramp for light and dark.</summary>
    public static string SequentialClass(int step) => string.Create(CultureInfo.InvariantCulture, $"seq{step + 1}");

    /// <summary>
    /// Where a label of <paramref name="width"/> pixels may go in the plot without covering a bar: the first of
    /// <paramref name="candidates"/> (anchor point as fraction and pixel, and anchor) whose box, in the narrowest
    /// plot, meets no bar; the first candidate when every one does.
    /// </summary>
    public (double X, double Y, string Anchor) Clear(double width, params (double X, double Y, string Anchor)[] candidates)
    {
        var fraction = width / NarrowPlot;
        foreach (var c in candidates)
        {
            var (left, right) = c.Anchor == "end" ? (c.X - fraction, c.X) : c.Anchor == "start" ? (c.X, c.X + fraction) : (c.X - (fraction / 2), c.X + (fraction / 2));
            var (top, bottom) = (c.Y - TextSize, c.Y + 3);
            if (!_bars.Any(b => b.X0 < right && b.X1 > left && b.Y0 < bottom && b.Y1 > top))
            {
                return c;
            }
        }
        return candidates[0];
    }

    /// <summary>A line through (fraction, pixel) points in the stretched layer; dashed for a trend or target.</summary>
    public void Line(int series, IReadOnlyList<(double X, double Y)> points, bool dashed = false, double width = 2)
    {
        if (points.Count == 0)
        {
            return;
        }
        _stretch.Append("<path class=\"line ").Append(SeriesClass(series)).Append("\" stroke=\"").Append(Light(series))
            .Append("\" fill=\"none\" stroke-width=\"").Append(Num(width)).Append("\" stroke-linejoin=\"round\" vector-effect=\"non-scaling-stroke\"")
            .Append(dashed ? " stroke-dasharray=\"4 3\"" : string.Empty).Append(" d=\"").Append(PathData(points)).Append("\"/>");
    }

    /// <summary>A translucent fill between a line and the baseline, in the stretched layer.</summary>
    public void Area(int series, IReadOnlyList<(double X, double Y)> points, double baseline, double opacity)
    {
        if (points.Count == 0)
        {
            return;
        }
        _stretch.Append("<path class=\"fill ").Append(SeriesClass(series)).Append("\" fill=\"").Append(Light(series))
            .Append("\" fill-opacity=\"").Append(Num(opacity)).Append("\" d=\"").Append(PathData(points))
            .Append('L').Append(Num(points[^1].X * 1000)).Append(' ').Append(Px(baseline))
            .Append('L').Append(Num(points[0].X * 1000)).Append(' ').Append(Px(baseline)).Append("Z\"/>");
    }

    public void Dot(int series, double x, double y, double radius, string? title, double opacity = 1)
    {
        var group = Group(series, opacity < 1 ? "fill dots" + Num(opacity * 10) : "fill dot", opacity);
        group.Append("<circle cx=\"").Append(Pct(x)).Append("\" cy=\"").Append(Px(y)).Append("\" r=\"").Append(Num(radius)).Append('"');
        group.Append(title is null ? "/>" : ">" + Title(title) + "</circle>");
    }

    /// <summary>An invisible target around a point of a line, so hovering or a long press shows its value.</summary>
    public void Hit(double x, double y, string title) =>
        Group(-1, "chart-hit").Append("<circle cx=\"").Append(Pct(x)).Append("\" cy=\"").Append(Px(y)).Append("\" r=\"8\">").Append(Title(title)).Append("</circle>");

    /// <summary>
    /// A straight segment between two (fraction, pixel) points: in a series colour, or for a negative
    /// <paramref name="series"/> a reference line (<see cref="Reference"/>) or ink in the text colour (<see cref="Ink"/>).
    /// </summary>
    public void Segment(int series, double x1, double y1, double x2, double y2, double width = 1.5, bool dashed = false)
    {
        var css = series == Reference ? "chart-ref" : series == Ink ? "chart-ink" : "line " + SeriesClass(series);
        var stroke = series == Reference ? "#6e757f" : series == Ink ? "#1f2328" : Light(series);
        _above.Append("<line class=\"").Append(css).Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(Num(width)).Append('"')
            .Append(dashed ? " stroke-dasharray=\"4 3\"" : string.Empty)
            .Append(" x1=\"").Append(Pct(x1)).Append("\" y1=\"").Append(Px(y1)).Append("\" x2=\"").Append(Pct(x2)).Append("\" y2=\"").Append(Px(y2)).Append("\"/>");
    }

    /// <summary>The "series" of reference lines (targets, trends): the axis colour.</summary>
    public const int Reference = -1;

    /// <summary>The "series" of ink in the text colour (a box plot's whiskers and median).</summary>
    public const int Ink = -2;

    /// <summary>A path in pixels around a centre at <paramref name="cx"/> (a fraction of the width): pie slices keep their shape at any width.</summary>
    public void Shape(int series, double cx, string pixelPath, string title)
    {
        Group(series, "fill gap").Append("<path d=\"").Append(pixelPath).Append("\">").Append(Title(title)).Append("</path>");
        _centre = cx;
    }

    private double? _centre;

    /// <summary>Text in the plot at (fraction, pixel), in the chart's text colour or a class of the theme's.</summary>
    public void Label(double x, double y, string text, string? anchor = null, string? css = null, double dx = 0) =>
        Text(_labels, x, y, [text], anchor, css, dx);

    public void Legend(string label, int series, Swatch swatch) => _legend.Add((label, series < 0 ? "cref" : SeriesClass(series), swatch));

    /// <summary>A legend key of a sequential step (a heatmap's ranges).</summary>
    public void SequentialLegend(string label, int step) => _legend.Add((label, SequentialClass(step), Swatch.Bar));

    /// <summary>The drawing as HTML: the legend, then the gutter and the plot side by side.</summary>
    public string Html(string id, string description)
    {
        var html = new StringBuilder();
        if (_legend.Count > 0)
        {
            html.Append("<ul class=\"chart-legend\">");
            foreach (var (label, css, swatch) in _legend)
            {
                html.Append("<li><span class=\"key key-").Append(swatch.ToString().ToLowerInvariant()).Append(' ').Append(css)
                    .Append("\" aria-hidden=\"true\"></span>").Append(Encode(label)).Append("</li>");
            }
            html.Append("</ul>\n");
        }
        html.Append("<div class=\"chart-frame").Append(_fit > 0 ? string.Create(CultureInfo.InvariantCulture, $" fit-{_fit}") : string.Empty).Append("\">");
        var gutter = Math.Ceiling(_gutterWidth);
        if (gutter > 0)
        {
            html.Append("<svg class=\"chart-gutter\" width=\"").Append(Num(gutter)).Append("\" height=\"").Append(Height)
                .Append("\" aria-hidden=\"true\" font-family=\"").Append(ChartStyle.FontStack).Append("\" font-size=\"").Append(TextSize)
                .Append("\"><g class=\"chart-tick\" fill=\"#5b616b\" text-anchor=\"end\">");
            html.Append(_gutter.Replace("{gutter}", Num(gutter - 6)));
            html.Append("</g></svg>");
        }
        html.Append("<svg class=\"chart-area\" width=\"100%\" height=\"").Append(Height).Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-title\" aria-describedby=\"")
            .Append(id).Append("-desc\" font-family=\"").Append(ChartStyle.FontStack).Append("\" font-size=\"").Append(TextSize).Append("\">");
        html.Append("<desc id=\"").Append(id).Append("-desc\">").Append(Encode(description)).Append("</desc>");
        if (_grid.Length > 0)
        {
            html.Append("<g class=\"chart-grid\" stroke=\"#e4e6e9\">").Append(_grid).Append("</g>");
        }
        html.Append(_below);
        if (_stretch.Length > 0)
        {
            html.Append("<svg class=\"chart-stretch\" width=\"100%\" height=\"").Append(Height).Append("\" viewBox=\"0 0 1000 ").Append(Height)
                .Append("\" preserveAspectRatio=\"none\" overflow=\"visible\">").Append(_stretch).Append("</svg>");
        }
        var inner = new StringBuilder();
        foreach (var key in _groupOrder)
        {
            inner.Append(_groups[key]).Append("</g>");
        }
        if (_centre is { } centre)
        {
            html.Append("<svg x=\"").Append(Pct(centre)).Append("\" overflow=\"visible\">").Append(inner).Append("</svg>");
        }
        else
        {
            html.Append(inner);
        }
        html.Append(_above);
        if (_labels.Length > 0)
        {
            html.Append("<g class=\"chart-tick\" fill=\"#5b616b\" text-anchor=\"middle\">").Append(_labels).Append("</g>");
        }
        html.Append("</svg>");
        if (_rightGutter.Length > 0)
        {
            html.Append("<svg class=\"chart-gutter\" width=\"").Append(Num(Math.Ceiling(_rightGutterWidth))).Append("\" height=\"").Append(Height)
                .Append("\" aria-hidden=\"true\" font-family=\"").Append(ChartStyle.FontStack).Append("\" font-size=\"").Append(TextSize)
                .Append("\"><g class=\"chart-tick\" fill=\"#5b616b\">").Append(_rightGutter).Append("</g></svg>");
        }
        html.Append("</div>");
        return html.ToString();
    }

    private StringBuilder Group(int series, string css, double opacity = 1)
    {
        var key = series + "|" + css;
        if (!_groups.TryGetValue(key, out var group))
        {
            group = new StringBuilder();
            group.Append("<g class=\"").Append(css);
            if (series >= 0)
            {
                group.Append(' ').Append(SeriesClass(series)).Append("\" fill=\"").Append(Light(series)).Append('"');
            }
            else
            {
                group.Append("\" fill=\"transparent\"");
            }
            if (opacity < 1)
            {
                group.Append(" fill-opacity=\"").Append(Num(opacity)).Append('"');
            }
            if (css.Contains("gap", StringComparison.Ordinal))
            {
                group.Append(" stroke=\"#ffffff\" stroke-width=\"1\"");
            }
            group.Append('>');
            _groups[key] = group;
            _groupOrder.Add(key);
        }
        return group;
    }

    private void GutterText(string text, double y)
    {
        _gutterWidth = Math.Max(_gutterWidth, TextWidth.Of(text) + 10);
        _gutter.Append("<text x=\"{gutter}\" y=\"").Append(Px(y)).Append("\">").Append(Encode(text)).Append("</text>");
    }

    private static void Text(StringBuilder into, double x, double y, IReadOnlyList<string> lines, string? anchor = null, string? css = null, double dx = 0)
    {
        into.Append("<text x=\"").Append(Pct(x)).Append("\" y=\"").Append(Px(y)).Append('"');
        if (dx != 0)
        {
            into.Append(" dx=\"").Append(Num(dx)).Append('"');
        }
        if (anchor is not null)
        {
            into.Append(" text-anchor=\"").Append(anchor).Append('"');
        }
        if (css is not null)
        {
            into.Append(" class=\"").Append(css).Append('"');
        }
        into.Append('>');
        if (lines.Count == 1)
        {
            into.Append(Encode(lines[0]));
        }
        else
        {
            for (var i = 0; i < lines.Count; i++)
            {
                into.Append("<tspan x=\"").Append(Pct(x)).Append('"').Append(i > 0 ? string.Create(CultureInfo.InvariantCulture, $" dy=\"{LineHeight}\"") : string.Empty)
                    .Append('>').Append(Encode(lines[i])).Append("</tspan>");
            }
        }
        into.Append("</text>");
    }

    /// <summary>A label broken over two lines at the space nearest its middle when it is wider than <paramref name="width"/> pixels.</summary>
    public static string[] Wrap(string label, double width)
    {
        if (TextWidth.Of(label) <= width || !label.Contains(' ', StringComparison.Ordinal))
        {
            return [label];
        }
        var middle = label.Length / 2;
        var before = label.LastIndexOf(' ', middle);
        var after = label.IndexOf(' ', middle);
        var at = before < 0 ? after : after < 0 ? before : middle - before <= after - middle ? before : after;
        return at <= 0 ? [label] : [label[..at], label[(at + 1)..]];
    }

    private static string PathData(IReadOnlyList<(double X, double Y)> points)
    {
        var d = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            d.Append(i == 0 ? 'M' : 'L').Append(Num(points[i].X * 1000)).Append(' ').Append(Px(points[i].Y));
        }
        return d.ToString();
    }

    private static string Title(string title) => "<title>" + Encode(title) + "</title>";

    public static string SeriesClass(int series) => string.Create(CultureInfo.InvariantCulture, $"c{(series % ChartStyle.Palette.Count) + 1}");

    private static string Light(int series) => ChartStyle.Palette[series % ChartStyle.Palette.Count];

    private static string Pct(double fraction) => Num(Math.Round(fraction * 100, 2)) + "%";

    private static string Px(double pixels) => Num(Math.Round(pixels, 1));

    private static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
