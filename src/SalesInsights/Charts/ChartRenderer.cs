using System.Collections.Immutable;
using System.Net;
using System.Text;
using SalesInsights.Data;
using SalesInsights.Charts.Drawing;
using SalesInsights.Formatting;

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
/// the kind validate and shape the numbers, draws them on its canvas (<c>Drawing/</c>), and writes the figure HTML and its CSV.
/// Safe to call from many threads: nothing here is shared but the catalog and the cache, which are.
/// </summary>
public static class ChartRenderer
{
    private static int _drawn;

    /// <summary>How many charts this process has drawn (cache hits are not drawn): lets tests see the cache work.</summary>
    public static int DrawCount => Volatile.Read(ref _drawn);

    public static ChartOutcome Render(ChartSpec spec, string yaml, ChartPlacement placement, DataCatalog catalog, ChartCache? cache)
    {
        var key = ChartCache.Key(yaml, placement.Id, placement.CsvHref, catalog.Fingerprint, Formatting.ValueFormatter.SiteCurrency);
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
        if ((spec.XLog || spec.YLog) && !kind.AllowsLogScale)
        {
            problems.Add(new ChartProblem("SI307", $"A {kind.Name} chart cannot use a log scale: its marks start at zero, which a log scale does not have; use a line or scatter chart.", spec.PositionOf(spec.YLog ? "y_scale" : "x_scale")));
            return new ChartOutcome(null, [.. problems], FromCache: false);
        }
        if (spec.XLog && kind is not Kinds.ScatterChart)
        {
            problems.Add(new ChartProblem("SI307", $"A {kind.Name} chart's x axis is categories or time: 'x_scale: log' is for scatter charts.", spec.PositionOf("x_scale")));
            return new ChartOutcome(null, [.. problems], FromCache: false);
        }
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
        var canvas = kind.Draw(table, spec);
        if (spec.Target is { } target)
        {
            var format = table.Columns.FirstOrDefault(c => c.IsValue)?.Format;
            // "Target $1.2M": the writer's name for the line, with its value unless the name already gives a number.
            var name = string.IsNullOrWhiteSpace(spec.TargetLabel) ? "Target" : spec.TargetLabel.Trim();
            var label = name.Any(char.IsDigit) ? name : $"{name} {ValueFormatter.FormatAxis([target], format ?? ValueFormat.Number)[0]}";
            if (kind.ValuesHorizontal || kind.TargetOnCategoryAxis)
            {
                var x = canvas.X(target);
                canvas.Segment(ChartCanvas.Reference, x, canvas.Top, x, canvas.PlotBottom, dashed: true);
                canvas.Label(x, canvas.Top + 12, label, x > 0.5 ? "end" : "start", "chart-note", x > 0.5 ? -4 : 4);
            }
            else
            {
                var y = canvas.Y(target);
                canvas.Segment(ChartCanvas.Reference, 0, y, 1, y, dashed: true);
                // At the line's end, above it; below it or at its start where a bar stands there (13-px note text).
                var (lx, ly, anchor) = canvas.Clear(TextWidth.Of(label, 13), (1, y - 5, "end"), (1, y + 15, "end"), (0, y - 5, "start"), (0, y + 15, "start"));
                canvas.Label(lx, ly, label, anchor, "chart-note");
            }
        }
        Interlocked.Increment(ref _drawn);
        return canvas.Html(id, description);
    }

    private static string FigureHtml(ChartSpec spec, IChartKind kind, ChartTable table, ChartPlacement placement, string svg)
    {
        var html = new StringBuilder();
        html.Append("<figure class=\"chart chart-").Append(kind.Name).Append("\" id=\"").Append(placement.Id).Append("\">\n");
        html.Append("<figcaption><strong class=\"chart-title\" id=\"").Append(placement.Id).Append("-title\">").Append(Encode(spec.Title)).Append("</strong>");
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
        var names = table.Labels();
        var shown = Math.Min(table.RowCount, ChartStyle.MaxTableRows);
        for (var r = 0; r < shown; r++)
        {
            var row = table.Rows[r];
            html.Append("<tr>");
            for (var c = 0; c < table.Columns.Length; c++)
            {
                var column = table.Columns[c];
                var text = Encode(c == 0 ? names[r] : ChartTable.Text(row[c], column));
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
        if (shown < table.RowCount)
        {
            html.Append("<p class=\"chart-table-note\">The first ").Append(ValueFormatter.Format(shown, ValueFormat.Integer)).Append(" of ")
                .Append(ValueFormatter.Format(table.RowCount, ValueFormat.Integer)).Append(" rows, in the chart's order; the CSV has every row.</p>\n");
        }
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
