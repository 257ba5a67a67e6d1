using System.Collections.Immutable;
using System.Net;
using System.Text;
using SalesInsights.Data;
using ScottPlot;
using SkiaSharp;

namespace SalesInsights.Charts;

/// <summary>Where a chart goes: its element id, and the CSV's path in the output and its URL from the page.</summary>
public sealed record ChartPlacement(string Id, string CsvPath, string CsvHref);

/// <summary>A rendered chart, or the problems that stopped it (positions inside the block's YAML).</summary>
public sealed record ChartOutcome(ChartFigure? Figure, ImmutableArray<ChartProblem> Problems, bool FromCache)
{
    /// <summary>Not drawn yet (the cache does not draw misses): <see cref="Figure"/> is a stand-in with no numbers.</summary>
    public bool Pending { get; init; }
}

/// <summary>
/// The door to the Charts folder: from a parsed spec to a finished, accessible figure. Queries the catalog, lets
/// the kind validate and shape the numbers, draws them with ScottPlot, and writes the figure HTML and its CSV.
/// Safe to call from many threads: nothing here is shared but the catalog and the cache, which are.
/// </summary>
public static class ChartRenderer
{
    private static int _drawn;

    /// <summary>How many charts this process has drawn (cache hits are not drawn): lets tests see the cache work.</summary>
    public static int DrawCount => Volatile.Read(ref _drawn);

    public static ChartOutcome Render(ChartSpec spec, string yaml, ChartPlacement placement, DataCatalog catalog, ChartCache? cache)
    {
        var key = ChartCache.Key(yaml, placement.Id, placement.CsvHref, catalog.Fingerprint);
        if (cache is null)
        {
            return RenderUncached(spec, placement, catalog);
        }
        return cache.CanServe(key)
            ? cache.GetOrRender(key, () => RenderUncached(spec, placement, catalog))
            : new ChartOutcome(new ChartFigure(PendingHtml(spec, placement), string.Empty), [], FromCache: false) { Pending = true };
    }

    /// <summary>What stands in a page for a chart that is still being drawn: its title, and a box of its size that says so.</summary>
    private static string PendingHtml(ChartSpec spec, ChartPlacement placement) =>
        $"<figure class=\"chart chart-pending\" id=\"{placement.Id}\">\n<figcaption><strong class=\"chart-title\">{Encode(spec.Title)}</strong></figcaption>\n" +
        "<p class=\"chart-pending-note\" role=\"status\">Drawing this chart; the page reloads when it is ready.</p>\n</figure>\n";

    private static ChartOutcome RenderUncached(ChartSpec spec, ChartPlacement placement, DataCatalog catalog)
    {
        var problems = new List<ChartProblem>();
        var kind = ChartKinds.Find(spec.Type) ?? throw new ArgumentException($"Unknown chart type '{spec.Type}': the parser should have reported it.", nameof(spec));
        var table = Shape(spec, kind, catalog, problems);
        if (table is null || problems.Count > 0)
        {
            return new ChartOutcome(null, [.. problems], FromCache: false);
        }
        if (table.RowCount == 0)
        {
            problems.Add(new ChartProblem("SI309", "The chart's query returned no rows, so there is nothing to draw.", spec.PositionOf(spec.Sql is null ? "data" : "sql")));
            return new ChartOutcome(null, [.. problems], FromCache: false);
        }
        if (spec.Target is not null && !kind.HasValueAxis)
        {
            problems.Add(new ChartProblem("SI307", $"A {kind.Name} chart has no value axis to draw a 'target' line on.", spec.PositionOf("target")));
            return new ChartOutcome(null, [.. problems], FromCache: false);
        }

        var description = string.IsNullOrWhiteSpace(spec.Alt) ? kind.Describe(table, spec) : spec.Alt;
        var svg = Draw(spec, kind, table, placement.Id, description);
        return new ChartOutcome(new ChartFigure(FigureHtml(spec, kind, table, placement, svg), Csv(table)), [], FromCache: false);
    }

    private static ChartTable? Shape(ChartSpec spec, IChartKind kind, DataCatalog catalog, List<ChartProblem> problems)
    {
        var sql = spec.Sql is { } written ? DataCatalog.Statement(written) : DatasetQuery.Build(spec, kind, catalog, problems);
        if (sql is null)
        {
            return null;
        }
        var schema = catalog.Schema(sql);
        if (schema.Error is { } error)
        {
            problems.Add(new ChartProblem("SI306", $"SQL error: {error}", spec.PositionOf(spec.Sql is null ? "data" : "sql")));
            return null;
        }
        var effective = spec.Sql is null ? DatasetQuery.Effective(spec) : spec;
        return kind.Shape(new ChartInput(effective, kind, catalog, sql, schema.Result!.Columns, problems));
    }

    private static string Draw(ChartSpec spec, IChartKind kind, ChartTable table, string id, string description)
    {
        using var plot = ChartStyle.NewPlot();
        kind.Draw(plot, table, spec);
        if (spec.Target is { } target)
        {
            var color = ChartStyle.TargetLine;
            if (kind.ValuesHorizontal || kind.TargetOnCategoryAxis)
            {
                plot.Add.VerticalLine(target, 2, color, LinePattern.Dashed);
            }
            else
            {
                plot.Add.HorizontalLine(target, 2, color, LinePattern.Dashed);
            }
            if (!string.IsNullOrWhiteSpace(spec.TargetLabel))
            {
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = spec.TargetLabel, LineColor = color, LineWidth = 2, LinePattern = LinePattern.Dashed, LabelFontSize = ChartStyle.FontSize });
                ChartStyle.ShowLegend(plot);
            }
        }
        var (x, y) = AxisLabels(spec, kind, table);
        if (kind.HasValueAxis || kind is Kinds.FunnelChart)
        {
            var categoryLabel = x ?? string.Empty;
            var valueLabel = y ?? string.Empty;
            if (kind.ValuesHorizontal)
            {
                plot.Axes.Left.Label.Text = kind.HasValueAxis ? categoryLabel : string.Empty;
                plot.Axes.Bottom.Label.Text = kind.HasValueAxis ? valueLabel : string.Empty;
            }
            else
            {
                plot.Axes.Bottom.Label.Text = categoryLabel;
                plot.Axes.Left.Label.Text = valueLabel;
            }
        }
        Interlocked.Increment(ref _drawn);
        // The same plot twice: a phone shrinks a 720-px drawing to half, and its 14-px labels with it, so narrow
        // screens get their own drawing where the labels keep their size; CSS shows one of the two.
        var wide = SvgOf(plot, ChartStyle.Width, ChartStyle.Height);
        var narrow = SvgOf(plot, ChartStyle.NarrowWidth, ChartStyle.NarrowHeight);
        return SvgAccessibility.Rewrite(wide, id, spec.Title, description, ChartStyle.Width, ChartStyle.Height, "chart-svg chart-svg-wide")
            + "\n" + SvgAccessibility.Rewrite(narrow, id + "-narrow", spec.Title, description, ChartStyle.NarrowWidth, ChartStyle.NarrowHeight, "chart-svg chart-svg-narrow");
    }

    /// <summary>
    /// The plot as SVG. ScottPlot's own <c>GetSvgXml</c> first draws the whole plot into a full-size bitmap so the
    /// layout (tick labels, legend, margins) is measured before the SVG pass; measuring needs only the fonts, so a
    /// canvas that draws nothing gives the same layout, and the same SVG, without painting 288,000 pixels.
    /// </summary>
    private static string SvgOf(Plot plot, int width, int height)
    {
        using (var layout = new SKNoDrawCanvas(width, height))
        {
            plot.Render(layout, width, height);
        }
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
        {
            plot.RenderManager.ClearCanvasBeforeEachRender = false;
            plot.Render(canvas, width, height);
        }
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Labels for the category (or x) axis and the value axis: the writer's, else the columns' names.</summary>
    private static (string? X, string? Y) AxisLabels(ChartSpec spec, IChartKind kind, ChartTable table) => kind switch
    {
        Kinds.HistogramChart => (spec.XLabel ?? ChartTable.Humanize(spec.X ?? spec.Y.FirstOrDefault() ?? string.Empty), spec.YLabel ?? "Count"),
        Kinds.BoxChart => (spec.X is null ? spec.XLabel : table.Columns[0].Header, spec.YLabel ?? ChartTable.Humanize(spec.Y.FirstOrDefault() ?? string.Empty)),
        _ => (table.Columns[0].Header, table.Columns.Length == 2 || kind is Kinds.ScatterChart ? table.Columns[1].Header : spec.YLabel),
    };

    private static string FigureHtml(ChartSpec spec, IChartKind kind, ChartTable table, ChartPlacement placement, string svg)
    {
        var html = new StringBuilder();
        html.Append("<figure class=\"chart chart-").Append(kind.Name).Append("\" id=\"").Append(placement.Id).Append("\">\n");
        html.Append("<figcaption><strong class=\"chart-title\">").Append(Encode(spec.Title)).Append("</strong>");
        if (!string.IsNullOrWhiteSpace(spec.Caption))
        {
            html.Append(' ').Append("<span class=\"chart-caption\">").Append(Encode(spec.Caption)).Append("</span>");
        }
        html.Append("</figcaption>\n");
        html.Append(svg).Append('\n');
        html.Append("<details class=\"chart-data\"><summary>Data table</summary>\n<table>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th scope=\"col\">").Append(Encode(column.Header)).Append("</th>");
        }
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var c = 0; c < table.Columns.Length; c++)
            {
                var column = table.Columns[c];
                var text = Encode(ChartTable.Text(row[c], column));
                var raw = Encode(QueryResult.AsText(row[c]));
                if (c == 0 && !column.IsValue)
                {
                    html.Append("<th scope=\"row\" data-value=\"").Append(raw).Append("\">").Append(text).Append("</th>");
                }
                else
                {
                    html.Append("<td data-value=\"").Append(raw).Append("\">").Append(text).Append("</td>");
                }
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        html.Append("<p><a class=\"chart-download\" href=\"").Append(Encode(placement.CsvHref)).Append("\" download>Download these numbers (CSV)</a></p>\n");
        html.Append("</details>\n</figure>\n");
        return html.ToString();
    }

    /// <summary>The drawn numbers as RFC 4180 CSV with raw, invariant values.</summary>
    public static string Csv(ChartTable table)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', table.Columns.Select(c => CsvField(c.Name))).Append('\n');
        foreach (var row in table.Rows)
        {
            csv.AppendJoin(',', row.Select(v => CsvField(QueryResult.AsText(v)))).Append('\n');
        }
        return csv.ToString();
    }

    private static string CsvField(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
