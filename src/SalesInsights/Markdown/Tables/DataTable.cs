using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using SalesInsights.Charts;
using SalesInsights.Data;
using SalesInsights.Formatting;

namespace SalesInsights.Markdown.Tables;

/// <summary>
/// A query result as a table for readers: a real <c>&lt;table&gt;</c> with its caption, formatted cells carrying
/// their raw values (<c>data-value</c>) for the theme's sorting script, a totals row computed here from the rows,
/// emphasis spelled out for screen readers, and the rows as CSV. Rows after the first page are in the HTML but
/// <c>hidden</c>: without script a reader sees the first page and the CSV link; the script pages and filters.
/// </summary>
public static class DataTable
{
    /// <summary>More rows than a reader can scan on a page; a longer result belongs in SQL that aggregates it, or a chart.</summary>
    public const int MaxRows = 1_000;

    private sealed record Shown(TableColumnSpec Spec, int Index, bool Numeric, NumberFormat Format, string Header, int? BelowIndex, int? AboveIndex);

    /// <summary>The table's HTML and CSV, or null after adding the problems that stop it.</summary>
    public static (string Html, string Csv)? Render(TableSpec spec, QueryResult result, string id, string csvHref, List<ChartProblem> problems)
    {
        var columns = Resolve(spec, result, problems);
        if (columns is null)
        {
            return null;
        }
        if (result.Rows.Length > MaxRows)
        {
            problems.Add(new ChartProblem("SI332", $"The table's query returned {result.Rows.Length:N0} rows; a table shows at most {MaxRows:N0}. Aggregate in SQL, or draw a chart.", spec.PositionOf(spec.Sql is null ? "data" : "sql")));
            return null;
        }
        var html = new StringBuilder();
        var long_ = result.Rows.Length > spec.PageSize;
        html.Append("<div class=\"data-table\" id=\"").Append(id).Append("\" data-page-size=\"").Append(spec.PageSize.ToString(CultureInfo.InvariantCulture)).Append("\">\n");
        // The caption is shown above the scrolling box, so a wide table on a phone does not scroll its title away;
        // the table's own caption says the same to assistive technology.
        var caption = new StringBuilder("<strong class=\"table-title\">").Append(Encode(spec.Title)).Append("</strong>");
        if (!string.IsNullOrWhiteSpace(spec.Caption))
        {
            caption.Append(" <span class=\"table-caption\">").Append(Encode(spec.Caption)).Append("</span>");
        }
        html.Append("<p class=\"table-heading\" aria-hidden=\"true\">").Append(caption).Append("</p>\n");
        html.Append("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"").Append(id).Append("-caption\">\n<table>\n");
        html.Append("<caption class=\"visually-hidden\" id=\"").Append(id).Append("-caption\">").Append(caption).Append("</caption>\n<thead><tr>");
        foreach (var column in columns)
        {
            html.Append("<th scope=\"col\" class=\"").Append(AlignClass(column)).Append("\" data-type=\"").Append(column.Numeric ? "number" : "text").Append("\">")
                .Append(Encode(column.Header)).Append("</th>");
        }
        html.Append("</tr></thead>\n<tbody>\n");

        var texts = columns.Select(c => Texts(c, result.Rows)).ToList();
        var barMax = columns.Select(c => c.Spec.Bar ? result.Rows.Select(r => QueryResult.AsDouble(r[c.Index]) ?? 0).DefaultIfEmpty(0).Max() : 0).ToList();
        for (var r = 0; r < result.Rows.Length; r++)
        {
            var row = result.Rows[r];
            html.Append(r >= spec.PageSize ? "<tr hidden>" : "<tr>");
            for (var c = 0; c < columns.Count; c++)
            {
                var column = columns[c];
                var header = c == 0 && !column.Numeric;
                html.Append(header ? "<th scope=\"row\"" : "<td").Append(" class=\"").Append(AlignClass(column));
                var emphasis = Emphasis(column, row);
                if (emphasis is not null)
                {
                    html.Append(" emphasis");
                }
                html.Append("\" data-value=\"").Append(Encode(QueryResult.AsText(row[column.Index]))).Append("\">");
                if (column.Spec.Bar)
                {
                    var value = QueryResult.AsDouble(row[column.Index]) ?? 0;
                    var width = barMax[c] > 0 && value > 0 ? value / barMax[c] * 100 : 0;
                    html.Append("<svg class=\"cell-bar\" viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect width=\"")
                        .Append(width.ToString("0.##", CultureInfo.InvariantCulture)).Append("\" height=\"8\"/></svg>");
                }
                if (emphasis is not null)
                {
                    html.Append("<strong>").Append(Encode(texts[c][r])).Append("</strong><span class=\"visually-hidden\"> (").Append(Encode(emphasis)).Append(")</span>");
                }
                else
                {
                    html.Append(Encode(texts[c][r]));
                }
                html.Append(header ? "</th>" : "</td>");
            }
            html.Append("</tr>\n");
        }
        if (result.Rows.IsEmpty)
        {
            html.Append("<tr><td colspan=\"").Append(columns.Count.ToString(CultureInfo.InvariantCulture)).Append("\">No rows.</td></tr>\n");
        }
        html.Append("</tbody>\n");
        if (columns.Any(c => c.Spec.Total is not null) && !result.Rows.IsEmpty)
        {
            html.Append("<tfoot><tr>");
            for (var c = 0; c < columns.Count; c++)
            {
                var column = columns[c];
                if (column.Spec.Total is { } total)
                {
                    html.Append("<td class=\"").Append(AlignClass(column)).Append("\">").Append(Encode(Total(column, total, result.Rows))).Append("</td>");
                }
                else if (c == 0)
                {
                    html.Append("<th scope=\"row\">").Append(Encode(spec.TotalLabel)).Append("</th>");
                }
                else
                {
                    html.Append("<td></td>");
                }
            }
            html.Append("</tr></tfoot>\n");
        }
        html.Append("</table>\n</div>\n<p class=\"table-notes\">");
        if (long_)
        {
            html.Append("<span class=\"table-status\">").Append(result.Rows.Length.ToString("N0", CultureInfo.InvariantCulture)).Append(" rows; the first ")
                .Append(spec.PageSize.ToString(CultureInfo.InvariantCulture)).Append(" are shown.</span> ");
        }
        html.Append("<a class=\"table-download\" href=\"").Append(Encode(csvHref)).Append("\" download>Download ").Append(long_ ? "all rows" : "these rows").Append(" (CSV)</a></p>\n</div>\n");

        var csv = ChartRenderer.Csv(new ChartTable(
            [.. columns.Select(c => new TableColumn(result.Columns[c.Index].Name, c.Header, null))],
            [.. result.Rows.Select(row => columns.Select(c => row[c.Index]).ToImmutableArray())]));
        return (html.ToString(), csv);
    }

    private static List<Shown>? Resolve(TableSpec spec, QueryResult result, List<ChartProblem> problems)
    {
        var names = result.Columns.Select(c => c.Name).ToList();
        var specs = spec.Columns.IsEmpty
            ? result.Columns.Select(c => new TableColumnSpec(c.Name, spec.PositionOf(spec.Sql is null ? "data" : "sql"))).ToList()
            : [.. spec.Columns];
        var shown = new List<Shown>();
        var ok = true;
        int? Find(string name, SpecPosition at)
        {
            var index = result.IndexOf(name);
            if (index >= 0)
            {
                return index;
            }
            problems.Add(new ChartProblem("SI331", $"The query gives no column '{name}'.{NameSuggestions.DidYouMean(name, names)} Columns: {string.Join(", ", names)}.", at));
            ok = false;
            return null;
        }
        foreach (var column in specs)
        {
            if (Find(column.Name, column.Position) is not { } index)
            {
                continue;
            }
            var numeric = IsNumeric(result.Columns[index]);
            if (!numeric && (column.Total is { } and not "count" || column.Bar || column.Below is not null || column.Above is not null || column.Format is not null))
            {
                problems.Add(new ChartProblem("SI330", $"Column '{column.Name}' is not numeric ({result.Columns[index].DatabaseType}): a format, bar, sum or comparison needs numbers.", column.Position));
                ok = false;
                continue;
            }
            int? Threshold(Threshold? threshold) => threshold is { Column: { } other } ? Find(other, column.Position) : null;
            var below = Threshold(column.Below);
            var above = Threshold(column.Above);
            var format = column.Format ?? ValueFormatter.DefaultFor(result.Columns[index].Type);
            shown.Add(new Shown(column, index, numeric, format, column.Label ?? ChartTable.Humanize(column.Name), below, above));
        }
        return ok ? shown : null;
    }

    private static bool IsNumeric(QueryColumn column) => column.IsNumeric || column.Type == typeof(decimal) || column.Type == typeof(int);

    /// <summary>
    /// Each cell in full, as tables and tooltips show figures ($1,234,500, or $1.2M when the writer asks for compact):
    /// unlike an axis, a column of measured values has no round numbers to share one precision.
    /// </summary>
    private static string[] Texts(Shown column, ImmutableArray<ImmutableArray<object?>> rows) =>
        [.. rows.Select(r => ValueFormatter.Format(r[column.Index], column.Format))];

    private static string Total(Shown column, string total, ImmutableArray<ImmutableArray<object?>> rows)
    {
        if (total == "count")
        {
            return ValueFormatter.Format(rows.Count(r => r[column.Index] is not null), ValueFormat.Integer);
        }
        var values = rows.Select(r => QueryResult.AsDouble(r[column.Index])).OfType<double>().ToList();
        if (values.Count == 0)
        {
            return "–";
        }
        var value = total switch
        {
            "sum" => values.Sum(),
            "avg" => values.Average(),
            "min" => values.Min(),
            _ => values.Max(),
        };
        return ValueFormatter.Format(value, column.Format);
    }

    /// <summary>Why a cell is emphasised, in words for readers who do not see bold ("below quota"), or null.</summary>
    private static string? Emphasis(Shown column, ImmutableArray<object?> row)
    {
        if (QueryResult.AsDouble(row[column.Index]) is not { } value)
        {
            return null;
        }
        double? Limit(Threshold? threshold, int? index) =>
            threshold is null ? null : threshold.Number ?? (index is { } i ? QueryResult.AsDouble(row[i]) : null);
        if (Limit(column.Spec.Below, column.BelowIndex) is { } below && value < below)
        {
            return "below " + Words(column.Spec.Below!, column.Format);
        }
        if (Limit(column.Spec.Above, column.AboveIndex) is { } above && value > above)
        {
            return "above " + Words(column.Spec.Above!, column.Format);
        }
        return null;
    }

    /// <summary>"100%" for <c>below: 1</c> on a percent column, "quota" for <c>below: quota</c>.</summary>
    private static string Words(Threshold threshold, NumberFormat format) =>
        threshold.Number is { } number ? ValueFormatter.Format(number, format) : threshold.Written.Replace('_', ' ');

    private static string AlignClass(Shown column) => "align-" + (column.Spec.Align ?? (column.Numeric ? "right" : "left"));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
