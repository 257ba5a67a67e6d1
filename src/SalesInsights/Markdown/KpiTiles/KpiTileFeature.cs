using System.Globalization;
using System.Net;
using System.Text;
using Markdig;
using Markdig.Syntax;
using SalesInsights.Dashboard;
using SalesInsights.Data;
using SalesInsights.Formatting;
using SalesInsights.Site;

namespace SalesInsights.Markdown.KpiTiles;

/// <summary>
/// <c>```kpi</c> blocks: a headline number for one period with its change against the period before and a
/// sparkline of the last ones, computed at build time. Consecutive blocks share one <c>.kpi-grid</c>. On a
/// dashboard view the period is the view's quarter; elsewhere it is the query's last row.
/// </summary>
/// <param name="catalog">The data to query; by default the build's <see cref="DataCatalog"/> service.</param>
public sealed class KpiTileFeature(DataCatalog? catalog = null) : IMarkdownFeature
{
    public const string Language = "kpi";

    /// <summary>Periods a sparkline shows when the page is not a dashboard view.</summary>
    public const int DefaultWindow = 8;

    public void Configure(MarkdownPipelineBuilder builder)
    {
    }

    public void Prepare(MarkdownNodes nodes, MarkdownRenderContext context)
    {
        var blocks = nodes.Blocks<FencedCodeBlock>().Where(IsKpi).ToList();
        if (blocks.Count == 0)
        {
            return;
        }
        var data = catalog ?? BuildServices.Data(context);
        if (data is null)
        {
            foreach (var block in blocks)
            {
                context.Error("SI300", "KPI tiles need the site's data, but no data catalog was registered with the build.", block.Line, block.Column);
            }
            return;
        }
        var view = context.Metadata.Get<DashboardView>(Keys.DashboardView);
        foreach (var block in blocks)
        {
            var tile = Tile(block, data, view, context) ?? string.Empty;
            var opens = !IsKpi(Sibling(block, -1));
            var closes = !IsKpi(Sibling(block, +1));
            context.Replace(block, (opens ? "<div class=\"kpi-grid\">\n" : string.Empty) + tile + (closes ? "</div>\n" : string.Empty));
        }
    }

    private static bool IsKpi(Block? block) =>
        block is FencedCodeBlock fenced && string.Equals(fenced.Info?.Trim(), Language, StringComparison.OrdinalIgnoreCase);

    private static Block? Sibling(Block block, int step)
    {
        if (block.Parent is not { } parent)
        {
            return null;
        }
        var index = parent.IndexOf(block) + step;
        return index >= 0 && index < parent.Count ? parent[index] : null;
    }

    private static string? Tile(FencedCodeBlock block, DataCatalog data, DashboardView? view, MarkdownRenderContext context)
    {
        // YAML positions count from the line after the fence.
        void Error(string code, string message, (int Line, int Column) at) =>
            context.Error(code, message, block.Line + 1 + at.Line, block.Column + at.Column);

        var problems = new List<(string Code, string Message, int Line, int Column)>();
        var spec = KpiSpecParser.Parse(block.Lines.ToString(), problems);
        foreach (var (code, message, line, column) in problems)
        {
            Error(code, message, (line, column));
        }
        if (spec is null || problems.Count > 0)
        {
            return null;
        }
        var outcome = data.Query(spec.Sql);
        if (outcome.Error is { } error)
        {
            Error("SI306", $"SQL error in kpi '{spec.Name}': {error}", spec.PositionOf("sql"));
            return null;
        }
        var result = outcome.Result!;
        if (result.Columns.Length < 2 || !result.Columns[1].IsNumeric)
        {
            var columns = string.Join(", ", result.Columns.Select(c => $"{c.Name} ({c.DatabaseType})"));
            Error("SI305", $"Kpi '{spec.Name}' needs two columns, the period then a number; its query returns {columns}.", spec.PositionOf("sql"));
            return null;
        }
        var series = new List<(string Period, double? Value)>();
        foreach (var row in result.Rows)
        {
            series.Add((QueryResult.AsText(row[0]), QueryResult.AsDouble(row[1])));
        }
        if (series.Select(s => s.Period).Distinct(StringComparer.Ordinal).Count() != series.Count)
        {
            Error("SI305", $"Kpi '{spec.Name}' returns a period twice; group its query by period.", spec.PositionOf("sql"));
            return null;
        }
        return KpiTileHtml.Render(spec, Select(series, view), view?.Region ?? DashboardView.AllRegions);
    }

    /// <summary>The period shown, the one before it and the sparkline's periods, from the view or else the query's order.</summary>
    private static KpiValues Select(List<(string Period, double? Value)> series, DashboardView? view)
    {
        var byPeriod = series.ToDictionary(s => s.Period, s => s.Value, StringComparer.Ordinal);
        double? ValueOf(string? period) => period is not null && byPeriod.TryGetValue(period, out var v) ? v : null;
        if (view is not null)
        {
            var period = view.Quarter.ToString();
            var previous = view.Quarter.Previous().ToString();
            return new KpiValues(period, ValueOf(period), previous, ValueOf(previous), [.. view.Window.Select(q => (q.ToString(), ValueOf(q.ToString())))]);
        }
        if (series.Count == 0)
        {
            return new KpiValues(string.Empty, null, null, null, []);
        }
        var last = series[^1];
        var before = series.Count > 1 ? series[^2] : default;
        return new KpiValues(last.Period, last.Value, before.Period, before.Value, [.. series.TakeLast(DefaultWindow)]);
    }
}

/// <summary>The numbers one tile shows.</summary>
internal sealed record KpiValues(string Period, double? Value, string? PreviousPeriod, double? Previous, IReadOnlyList<(string Period, double? Value)> Sparkline);

/// <summary>A tile's HTML: label, value, change and sparkline, with the raw numbers in <c>data-</c> attributes for scripts and tests.</summary>
internal static class KpiTileHtml
{
    private const double Width = 100;
    private const double Height = 30;

    /// <summary>The lengths the stylesheet has a <c>kpi-chars-N</c> rule for: shorter values take the tile's full size, longer ones the smallest.</summary>
    public const int MinChars = 4;

    public const int MaxChars = 16;

    public static string Render(KpiSpec spec, KpiValues values, string region)
    {
        var html = new StringBuilder();
        html.Append("<div class=\"kpi\" data-kpi=\"").Append(Encode(spec.Name))
            .Append("\" data-value=\"").Append(Raw(values.Value))
            .Append("\" data-previous=\"").Append(Raw(values.Previous))
            .Append("\" data-period=\"").Append(Encode(values.Period))
            .Append("\" data-region=\"").Append(Encode(region))
            .Append("\" data-format=\"").Append(FormatName(spec.Format))
            .Append("\">\n");
        html.Append("<p class=\"kpi-label\">").Append(Encode(spec.Label)).Append("</p>\n");
        var value = values.Value is { } v ? ValueFormatter.Format(v, spec.Format) : "No data";
        // The stylesheet sizes the value to its tile by its length (kpi-chars-N), so it never breaks across lines.
        html.Append("<p class=\"kpi-value kpi-chars-").Append(Math.Clamp(value.Length, MinChars, MaxChars).ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append(Encode(value)).Append("</p>\n");
        html.Append(Delta(spec, values));
        html.Append(Sparkline(spec, values));
        html.Append("</div>\n");
        return html.ToString();
    }

    private static string Delta(KpiSpec spec, KpiValues values)
    {
        if (values.Value is not { } current || values.Previous is not { } previous || values.PreviousPeriod is null)
        {
            return values.PreviousPeriod is null ? string.Empty : $"<p class=\"kpi-delta\">No value for {Encode(values.PreviousPeriod)}</p>\n";
        }
        var difference = current - previous;
        var versus = " vs " + Encode(values.PreviousPeriod);
        if (difference == 0)
        {
            return $"<p class=\"kpi-delta\" data-change=\"0\">No change{versus}</p>\n";
        }
        string text;
        double change;
        bool tiny;
        if (spec.Change == KpiChange.Relative)
        {
            if (previous == 0)
            {
                return $"<p class=\"kpi-delta\">Up from zero{versus}</p>\n";
            }
            change = difference / Math.Abs(previous);
            tiny = Math.Abs(change) < 0.0005;
            text = tiny ? "less than 0.1%" : ValueFormatter.Format(Math.Abs(change), ValueFormat.Percent);
        }
        else
        {
            change = difference;
            (tiny, text) = spec.Format.Kind switch
            {
                ValueFormat.Percent when Math.Abs(difference) < 0.0005 => (true, "less than 0.1 pts"),
                ValueFormat.Percent => (false, (Math.Abs(difference) * 100).ToString("0.0", CultureInfo.InvariantCulture) + " pts"),
                // A ratio such as coverage moves in hundredths: "0.00" would hide that it moved at all.
                ValueFormat.Number when Math.Abs(difference) < 0.005 => (true, "less than 0.01"),
                _ => Shown(ValueFormatter.Format(Math.Abs(difference), spec.Format)),
            };
        }
        if (tiny)
        {
            // A change too small to show a digit is no news: neither an arrow nor good or bad news's colour.
            return $"<p class=\"kpi-delta flat\" data-change=\"{change.ToString("R", CultureInfo.InvariantCulture)}\">{text}{versus}</p>\n";
        }
        var up = difference > 0;
        var good = up == spec.HigherIsBetter;
        // The direction is the class (CSS draws the arrow and says "up"/"down" to screen readers); whether it is
        // good news is a second class, so a longer sales cycle is not coloured like more bookings.
        return $"<p class=\"kpi-delta {(up ? "up" : "down")} {(good ? "better" : "worse")}\" data-change=\"{change.ToString("R", CultureInfo.InvariantCulture)}\">{text}{versus}</p>\n";
    }

    /// <summary>A formatted difference, tiny when none of its digits is above zero ("$0", "0.0").</summary>
    private static (bool Tiny, string Text) Shown(string text) => (!text.Any(c => c is >= '1' and <= '9'), text);

    private static string Sparkline(KpiSpec spec, KpiValues values)
    {
        var points = values.Sparkline;
        var known = points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        if (known.Count < 2)
        {
            return string.Empty;
        }
        var lo = known.Min();
        var hi = known.Max();
        var coordinates = new List<string>();
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is not { } value)
            {
                continue;
            }
            var x = points.Count == 1 ? Width / 2 : i * Width / (points.Count - 1);
            var y = hi == lo ? Height / 2 : Height - 2 - ((value - lo) / (hi - lo) * (Height - 4));
            coordinates.Add(string.Create(CultureInfo.InvariantCulture, $"{x:0.##},{y:0.##}"));
        }
        var compact = spec.Format.Kind switch
        {
            ValueFormat.Currency => spec.Format with { Kind = ValueFormat.CurrencyCompact, Decimals = null },
            ValueFormat.Integer or ValueFormat.Number when known.Max(Math.Abs) >= 10_000 => new NumberFormat(ValueFormat.Compact),
            _ => spec.Format,
        };
        var description = $"{spec.Label}, {points[0].Period} to {points[^1].Period}: " +
            string.Join(", ", points.Select(p => p.Value is { } v ? ValueFormatter.Format(v, compact) : "no data"));
        return $"<svg class=\"sparkline\" viewBox=\"0 0 {Width.ToString(CultureInfo.InvariantCulture)} {Height.ToString(CultureInfo.InvariantCulture)}\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{Encode(description)}\" focusable=\"false\">" +
            $"<polyline points=\"{string.Join(' ', coordinates)}\" stroke=\"currentColor\" fill=\"none\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\" vector-effect=\"non-scaling-stroke\"/></svg>\n";
    }

    /// <summary>The name writers type for a format: the formatter lists them in the enum's order.</summary>
    private static string FormatName(NumberFormat format) => ValueFormatter.Names[(int)format.Kind];

    private static string Raw(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
