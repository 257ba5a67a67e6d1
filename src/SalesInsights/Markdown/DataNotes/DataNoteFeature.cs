using System.Globalization;
using System.Net;
using System.Text;
using Markdig;
using Markdig.Syntax;
using SalesInsights.Dashboard;
using SalesInsights.Data;
using SalesInsights.Formatting;
using SalesInsights.Site;
using SalesInsights.Yaml;

namespace SalesInsights.Markdown.DataNotes;

/// <summary>
/// <c>```datasets</c> blocks: a note on where the page's numbers come from: when the site was built, the days the
/// data covers, and every dataset with its rows, columns and a link to download it. The body is optional YAML:
/// <c>period: SQL</c> returning the first and last day (a dashboard view already knows them).
/// </summary>
/// <param name="catalog">The datasets; by default the build's <see cref="DataCatalog"/> service.</param>
public sealed class DataNoteFeature(DataCatalog? catalog = null) : IMarkdownFeature
{
    public const string Language = "datasets";

    public void Configure(MarkdownPipelineBuilder builder)
    {
    }

    public void Prepare(MarkdownNodes nodes, MarkdownRenderContext context)
    {
        foreach (var block in nodes.Blocks<FencedCodeBlock>().Where(b => string.Equals(b.Info?.Trim(), Language, StringComparison.OrdinalIgnoreCase)))
        {
            var data = catalog ?? BuildServices.Find<DataCatalog>(context);
            if (data is null)
            {
                context.Error("SI300", "A data note needs the site's data, but no data catalog was registered with the build.", block.Line, block.Column);
                continue;
            }
            var period = Period(block, data, context);
            if (period is null && context.HasErrors)
            {
                continue;
            }
            var builtAt = BuildServices.Find<BuildOptions>(context)?.Now;
            context.Replace(block, Html(data, period, builtAt, context.BasePath));
        }
    }

    private static (DateOnly First, DateOnly Last)? Period(FencedCodeBlock block, DataCatalog data, MarkdownRenderContext context)
    {
        var yaml = block.Lines.ToString();
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return context.Metadata.Get<DashboardView>(Keys.DashboardView) is { } view ? (view.FirstDay, view.LastDay) : null;
        }
        string? sql = null;
        var line = 0;
        var root = YamlText.Parse(yaml, out var yamlError);
        if (yamlError is not null)
        {
            context.Error("SI503", $"The datasets block's YAML is malformed: {yamlError.Message}", block.Line + yamlError.Line, yamlError.Column - 1);
            return null;
        }
        foreach (var (key, value) in (root as YamlMap)?.Entries ?? [])
        {
            if (key is YamlScalar { Value: "period" } && value is YamlScalar scalar)
            {
                sql = scalar.Value;
                line = key.Line - 1;
            }
            else
            {
                context.Error("SI503", $"A datasets block knows only 'period: SQL', not '{(key as YamlScalar)?.Value}'.", block.Line + key.Line, key.Column - 1);
            }
        }
        if (sql is null)
        {
            return null;
        }
        var outcome = data.Query(sql);
        if (outcome.Error is { } error)
        {
            context.Error("SI306", $"SQL error in the data note's 'period': {error}", block.Line + 1 + line);
            return null;
        }
        var row = outcome.Result!.Rows.FirstOrDefault();
        if (row.IsDefault || row.Length < 2 || AsDate(row[0]) is not { } first || AsDate(row[1]) is not { } last)
        {
            context.Error("SI305", "The data note's 'period' must return one row of two dates: the first and last day.", block.Line + 1 + line);
            return null;
        }
        return (first, last);
    }

    private static string Html(DataCatalog data, (DateOnly First, DateOnly Last)? period, DateTimeOffset? builtAt, string basePath)
    {
        var html = new StringBuilder("<section class=\"data-note\" aria-label=\"About the data\">\n<p>");
        if (builtAt is { } at)
        {
            var utc = at.ToUniversalTime();
            html.Append("Built <time datetime=\"").Append(utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("\">")
                .Append(utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append("</time>");
        }
        else
        {
            html.Append("Computed");
        }
        html.Append(" from ").Append(data.Datasets.Length.ToString(CultureInfo.InvariantCulture)).Append(data.Datasets.Length == 1 ? " dataset" : " datasets");
        if (period is var (first, last))
        {
            html.Append(" covering ").Append(Time(first)).Append(" to ").Append(Time(last));
        }
        html.Append(". Every number on this page is computed from them at build time.</p>\n");
        html.Append("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Datasets\"><table>\n");
        // The download link comes first: on a phone the table scrolls sideways, and the link must not be off screen.
        html.Append("<thead><tr><th scope=\"col\">Dataset (download)</th><th scope=\"col\">Rows</th><th scope=\"col\">Columns</th></tr></thead>\n<tbody>\n");
        foreach (var dataset in data.Datasets)
        {
            var file = Path.GetFileName(dataset.FilePath);
            html.Append("<tr><td><a href=\"").Append(Encode($"{basePath}/{DataCatalog.PublishedFolder}/{file}")).Append("\" download>").Append(Encode(file)).Append("</a></td>")
                .Append("<td data-value=\"").Append(dataset.RowCount.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(ValueFormatter.Format(dataset.RowCount, ValueFormat.Integer)).Append("</td>")
                .Append("<td>").Append(Encode(string.Join(", ", dataset.Columns.Select(c => c.Name)))).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n</section>\n");
        return html.ToString();
    }

    private static string Time(DateOnly day)
    {
        var iso = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"<time datetime=\"{iso}\">{iso}</time>";
    }

    private static DateOnly? AsDate(object? value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => null,
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
