using System.Text;

namespace SalesInsights.Data;

/// <summary>
/// What of an SQL text is code: string literals (<c>'...'</c>, <c>E'...'</c>, <c>$tag$...$tag$</c>), quoted
/// identifiers and comments (nested <c>/* */</c> as DuckDB reads them) are told apart from the rest, so that
/// nothing is looked for, or substituted, inside them.
/// </summary>
public static class SqlText
{
    /// <summary>The SQL with comments and the insides of literals and quoted identifiers blanked to spaces: same length, same positions.</summary>
    public static string CodeOnly(string sql)
    {
        var result = new StringBuilder(sql);
        var i = 0;
        void Blank(int from, int to)
        {
            for (var k = from; k < to; k++)
            {
                if (result[k] != '\n')
                {
                    result[k] = ' ';
                }
            }
        }
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '-' && At(sql, i + 1, '-'))
            {
                var end = sql.IndexOf('\n', i);
                end = end < 0 ? sql.Length : end;
                Blank(i, end);
                i = end;
            }
            else if (c == '/' && At(sql, i + 1, '*'))
            {
                var start = i;
                var depth = 0;
                while (i < sql.Length)
                {
                    if (sql[i] == '/' && At(sql, i + 1, '*'))
                    {
                        depth++;
                        i += 2;
                    }
                    else if (sql[i] == '*' && At(sql, i + 1, '/'))
                    {
                        i += 2;
                        if (--depth == 0)
                        {
                            break;
                        }
                    }
                    else
                    {
                        i++;
                    }
                }
                Blank(start, i);
            }
            else if (c is '\'' or '"')
            {
                // E'...' strings take backslash escapes; the others only a doubled quote.
                var escapes = c == '\'' && i > 0 && sql[i - 1] is 'E' or 'e' && (i == 1 || !IsWordCharacter(sql[i - 2]));
                var start = i++;
                while (i < sql.Length)
                {
                    if (escapes && sql[i] == '\\')
                    {
                        i += 2;
                        continue;
                    }
                    if (sql[i] == c)
                    {
                        if (At(sql, i + 1, c))
                        {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                i = Math.Min(i, sql.Length);
                Blank(start + 1, i);
                i = Math.Min(i + 1, sql.Length);
            }
            else if (c == '$' && DollarTag(sql, i) is { } tag)
            {
                var bodyStart = i + tag.Length;
                var end = sql.IndexOf(tag, bodyStart, StringComparison.Ordinal);
                end = end < 0 ? sql.Length : end;
                Blank(bodyStart, end);
                i = Math.Min(end + tag.Length, sql.Length);
            }
            else
            {
                i++;
            }
        }
        return result.ToString();
    }

    /// <summary>The statement without its closing semicolon, so it can be wrapped as a sub-query.</summary>
    public static string Statement(string sql)
    {
        var code = CodeOnly(sql);
        var end = code.Length - 1;
        while (end >= 0 && char.IsWhiteSpace(code[end]))
        {
            end--;
        }
        return end >= 0 && code[end] == ';' ? (sql[..end] + sql[(end + 1)..]).Trim() : sql.Trim();
    }

    /// <summary>The opening <c>$tag$</c> of a dollar-quoted string at <paramref name="i"/>, or null for a parameter such as <c>$region</c>.</summary>
    private static string? DollarTag(string sql, int i)
    {
        if (i > 0 && IsWordCharacter(sql[i - 1]))
        {
            return null;
        }
        var j = i + 1;
        while (j < sql.Length && (char.IsAsciiLetterOrDigit(sql[j]) || sql[j] == '_'))
        {
            j++;
        }
        return j < sql.Length && sql[j] == '$' && (j == i + 1 || !char.IsAsciiDigit(sql[i + 1])) ? sql[i..(j + 1)] : null;
    }

    private static bool At(string text, int index, char c) => index < text.Length && text[index] == c;

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';
}
