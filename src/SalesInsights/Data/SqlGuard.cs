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

    /// <summary>The SQL with comments removed and string literals blanked, so their contents are not mistaken for code.</summary>
    private static string StripCommentsAndStrings(string sql)
    {
        var result = new System.Text.StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
                result.Append(' ');
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
                i++;
                result.Append(quote).Append(quote);
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
