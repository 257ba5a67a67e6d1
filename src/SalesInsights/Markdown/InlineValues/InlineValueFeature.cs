using System.Collections.Immutable;
using System.Net;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using SalesInsights.Data;
using SalesInsights.Formatting;
using SalesInsights.Site;

namespace SalesInsights.Markdown.InlineValues;

/// <summary>
/// Numbers in prose that cannot go stale. Queries are named in hidden <c>```sql name=x</c> blocks or in front
/// matter (<c>queries: {x: SQL}</c>); <c>{{ q.x | percent }}</c> becomes the first row's value, formatted exactly as
/// chart labels are and wrapped in <c>&lt;data value="raw"&gt;</c> so tests and scripts can read the raw number.
/// </summary>
/// <param name="catalog">The data to query; by default the build's <see cref="DataCatalog"/> service.</param>
public sealed partial class InlineValueFeature(DataCatalog? catalog = null) : IMarkdownFeature
{
    public void Configure(MarkdownPipelineBuilder builder) => builder.Extensions.AddIfNotAlready<InlineValueExtension>();

    public void Prepare(MarkdownNodes nodes, MarkdownRenderContext context)
    {
        var queries = NamedQueries(nodes, context);
        var values = nodes.Inlines<InlineValue>().ToList();
        if (queries.Count == 0)
        {
            foreach (var value in values)
            {
                Report(value, context); // each is a problem: unreadable, or naming a query there is none of
            }
            return;
        }
        var data = catalog ?? BuildServices.Data(context);
        if (data is null)
        {
            context.Error("SI300", "Inline values need the site's data, but no data catalog was registered with the build.", values.Count > 0 ? values[0].Line : 0);
            return;
        }

        var results = new Dictionary<string, QueryResult?>(StringComparer.Ordinal);
        foreach (var (name, query) in queries)
        {
            var outcome = data.Query(query.Sql);
            if (outcome.Error is { } error)
            {
                context.Error("SI306", $"SQL error in query '{name}': {error}", query.Line, query.Column);
            }
            results[name] = outcome.Result;
        }
        context.QueryResults = results;

        foreach (var value in values)
        {
            Report(value, context);
        }
    }

    /// <summary>Replaces one <c>{{ q... }}</c> with its value, or reports why it has none.</summary>
    private static void Report(InlineValue value, MarkdownRenderContext context)
    {
        if (value.Problem is { } problem)
        {
            context.Error("SI308", problem, value.Line, value.Column);
            return;
        }
        if (NamedValues.Find(context, value.Query, value.ColumnName, value.Row, value.Expression, value.Line, value.Column) is not { } found)
        {
            return;
        }
        NumberFormat format = ValueFormatter.DefaultFor(found.Column.Type);
        if (value.Format is not null && !ValueFormatter.TryParse(value.Format, out format, out var formatProblem))
        {
            context.Error("SI310", formatProblem!, value.Line, value.Column);
            return;
        }
        context.Replace(value, Html(found.Raw, format), ValueFormatter.Format(found.Raw, format));
    }

    /// <summary>The element prose shows: <c>&lt;data value="0.2341" class="figure"&gt;23.4%&lt;/data&gt;</c>.</summary>
    public static string Html(object? raw, NumberFormat format) =>
        $"<data value=\"{WebUtility.HtmlEncode(QueryResult.AsText(raw))}\" class=\"figure\">{WebUtility.HtmlEncode(ValueFormatter.Format(raw, format))}</data>";

    private sealed record NamedQuery(string Sql, int Line, int Column);

    /// <summary>Queries from front matter, then from the document's <c>```sql name=x</c> blocks, which are hidden from readers.</summary>
    private static Dictionary<string, NamedQuery> NamedQueries(MarkdownNodes nodes, MarkdownRenderContext context)
    {
        var queries = new Dictionary<string, NamedQuery>(StringComparer.Ordinal);
        if (context.Metadata[Keys.Queries] is { } declared)
        {
            // Front matter lines are before the body: a negative Markdig line reaches back into them.
            var line = context.Metadata[Keys.FrontMatterLines] is ImmutableDictionary<string, int> lines && lines.TryGetValue(Keys.Queries, out var l)
                ? l - context.LineOffset - 1
                : -context.LineOffset;
            if (declared is IReadOnlyDictionary<string, object?> map)
            {
                foreach (var (name, sql) in map)
                {
                    if (sql is string text && text.Trim().Length > 0)
                    {
                        queries[name] = new NamedQuery(text, line, 0);
                    }
                    else
                    {
                        context.Error("SI311", $"Front matter query '{name}' must be SQL text.", line);
                    }
                }
            }
            else
            {
                context.Error("SI311", "Front matter 'queries:' must map names to SQL, e.g. 'queries: {win_rate: SELECT ...}'.", line);
            }
        }
        foreach (var block in nodes.Blocks<FencedCodeBlock>())
        {
            if (!string.Equals(block.Info?.Trim(), "sql", StringComparison.OrdinalIgnoreCase) || block.Arguments is not { } arguments)
            {
                continue;
            }
            var match = NameArgument().Match(arguments);
            if (!match.Success)
            {
                continue; // an ordinary SQL listing, shown to readers
            }
            var name = match.Groups["name"].Value;
            if (queries.ContainsKey(name))
            {
                context.Error("SI311", $"Query '{name}' is named twice.", block.Line, block.Column);
            }
            queries[name] = new NamedQuery(block.Lines.ToString(), block.Line + 1, block.Column);
            context.Replace(block, string.Empty);
        }
        return queries;
    }

    [GeneratedRegex(@"(?:^|\s)name\s*=\s*""?(?<name>[A-Za-z_][A-Za-z0-9_]*)""?")]
    private static partial Regex NameArgument();
}
