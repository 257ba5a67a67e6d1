namespace SalesInsights.Data;

/// <summary>
/// Admits only a single read-only statement. Every article shares one in-memory database during a build, so a
/// <c>DROP</c>, <c>INSERT</c> or <c>SET</c> in one article would change what the others see.
/// </summary>
internal static class SqlGuard
{
    private static readonly HashSet<string> ReadOnlyStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "WITH", "FROM", "VALUES", "SUMMARIZE", "DESCRIBE", "PIVOT", "UNPIVOT", "TABLE", "(",
    };

    /// <summary>Null when <paramref name="sql"/> is one read-only statement, else why not.</summary>
    public static string? Check(string sql)
    {
        var code = StripCommentsAndStrings(sql).Trim().TrimEnd(';').Trim();
        if (code.Length == 0)
        {
            return "The query is empty.";
        }
        if (code.Contains(';', StringComparison.Ordinal))
        {
            return "Only one statement is allowed per query.";
        }
        var first = code.StartsWith('(') ? "(" : new string([.. code.TakeWhile(char.IsLetter)]);
        return ReadOnlyStarts.Contains(first)
            ? null
            : $"Only read-only queries (SELECT, WITH, FROM...) are allowed, not '{first.ToUpperInvariant()}'.";
    }

    /// <summary>
    /// The statement without its closing semicolon, so it can be wrapped as a sub-query (<c>SELECT * FROM (...)</c>)
    /// for a schema or a histogram's bins.
    /// </summary>
    public static string Statement(string sql)
    {
        var code = StripCommentsAndStrings(sql);
        var end = code.Length - 1;
        while (end >= 0 && char.IsWhiteSpace(code[end]))
        {
            end--;
        }
        return end >= 0 && code[end] == ';' ? (sql[..end] + sql[(end + 1)..]).Trim() : sql.Trim();
    }

    /// <summary>The SQL with comments and string literals blanked to spaces (same length, same positions), so their contents are not mistaken for code.</summary>
    private static string StripCommentsAndStrings(string sql)
    {
        var result = new System.Text.StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var start = i;
            if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }
                result.Append(' ', i - start);
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
                result.Append(' ', i - start);
            }
            else if (c is '\'' or '"')
            {
                var quote = c;
                i++;
                while (i < sql.Length)
                {
                    if (sql[i] == quote)
                    {
                        if (i + 1 < sql.Length && sql[i + 1] == quote)
                        {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                i = Math.Min(i + 1, sql.Length);
                result.Append(quote).Append(' ', Math.Max(0, i - start - 2)).Append(i - start >= 2 ? quote.ToString() : string.Empty);
            }
            else
            {
                result.Append(c);
                i++;
            }
        }
        return result.ToString();
    }
}
