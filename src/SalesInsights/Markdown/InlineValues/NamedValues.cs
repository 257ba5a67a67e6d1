using SalesInsights.Data;

namespace SalesInsights.Markdown.InlineValues;

/// <summary>A value read from a named query: the raw cell and the column it came from.</summary>
public readonly record struct NamedValue(object? Raw, QueryColumn Column);

/// <summary>
/// Reads values out of a document's named query results (<see cref="MarkdownRenderContext.QueryResults"/>), the one
/// way inline values and claims find <c>q.name</c>, <c>q.name.column</c> and <c>q.name.column['row']</c>: the row
/// whose first column reads <c>row</c>, so a sentence can quote one bar of the chart drawn from the same query.
/// Every miss is reported once, at the expression, with what to write instead.
/// </summary>
public static class NamedValues
{
    public static NamedValue? Find(MarkdownRenderContext context, string query, string? column, string? row, string expression, int line, int markdownColumn)
    {
        if (Result(context, query, expression, line, markdownColumn) is not { } result)
        {
            return null;
        }
        var index = ColumnIndex(context, result, query, column, line, markdownColumn);
        if (index < 0)
        {
            return null;
        }
        var rowIndex = 0;
        if (row is not null)
        {
            rowIndex = -1;
            for (var i = 0; i < result.Rows.Length && rowIndex < 0; i++)
            {
                rowIndex = string.Equals(QueryResult.AsText(result.Rows[i][0]), row, StringComparison.Ordinal) ? i : -1;
            }
            if (rowIndex < 0)
            {
                context.Error("SI309", $"Query '{query}' has no row '{row}' for '{{{{ {expression} }}}}'; the first column reads {string.Join(", ", result.Rows.Take(20).Select(r => $"'{QueryResult.AsText(r[0])}'"))}.", line, markdownColumn);
                return null;
            }
        }
        return new NamedValue(result.Rows[rowIndex][index], result.Columns[index]);
    }

    /// <summary>Every row's label (its first column) and value in <paramref name="column"/>.</summary>
    public static IReadOnlyList<(string Label, object? Value)>? Column(MarkdownRenderContext context, string query, string? column, string expression, int line, int markdownColumn)
    {
        if (Result(context, query, expression, line, markdownColumn) is not { } result)
        {
            return null;
        }
        var index = ColumnIndex(context, result, query, column, line, markdownColumn);
        return index < 0 ? null : [.. result.Rows.Select(r => (QueryResult.AsText(r[0]), r[index]))];
    }

    /// <summary>A cell as a number, or null for text, dates and NULL.</summary>
    public static double? AsNumber(object? raw) => raw switch
    {
        long l => l,
        int i => i,
        double d when double.IsFinite(d) => d,
        decimal m => (double)m,
        float f when float.IsFinite(f) => f,
        _ => null,
    };

    private static QueryResult? Result(MarkdownRenderContext context, string query, string expression, int line, int markdownColumn)
    {
        var results = context.QueryResults;
        if (!results.TryGetValue(query, out var result))
        {
            context.Error("SI308", $"Unknown query '{query}' in '{{{{ {expression} }}}}'.{NameSuggestions.DidYouMean(query, results.Keys)} Name a query with a ```sql name={query} block or under 'queries:' in the front matter.", line, markdownColumn);
            return null;
        }
        if (result is null)
        {
            return null; // its SQL error is reported once, at the query
        }
        if (result.Rows.IsEmpty)
        {
            context.Error("SI309", $"Query '{query}' returned no rows, so '{{{{ {expression} }}}}' has no value.", line, markdownColumn);
            return null;
        }
        return result;
    }

    private static int ColumnIndex(MarkdownRenderContext context, QueryResult result, string query, string? column, int line, int markdownColumn)
    {
        var index = column is null ? 0 : result.IndexOf(column);
        if (index < 0)
        {
            context.Error("SI305", $"Query '{query}' has no column '{column}'.{NameSuggestions.DidYouMean(column!, result.Columns.Select(c => c.Name))} Its columns: {string.Join(", ", result.Columns.Select(c => c.Name))}.", line, markdownColumn);
        }
        return index;
    }
}
