using System.Text.Json;
using DuckDB.NET.Data;

namespace SalesInsights.Data;

/// <summary>
/// Admits only a single read-only query, as DuckDB's own parser reads it: every article shares one database
/// during a build, so a statement that writes (an <c>UPDATE</c> behind a <c>WITH</c>, a <c>CREATE</c>, a
/// <c>SET</c>) in one article would change what the others see. DuckDB serializes only SELECT statements to JSON,
/// so the statement's kind comes from the parser, not from keywords.
/// </summary>
internal static class SqlGuard
{
    /// <summary>Null when <paramref name="sql"/> is one read-only query, else why it is refused.</summary>
    public static string? Check(DuckDBConnection connection, string sql)
    {
        var code = SqlText.CodeOnly(sql).Trim().TrimEnd(';').Trim();
        if (code.Length == 0)
        {
            return "The query is empty.";
        }
        // Wrapped as a sub-query, DESCRIBE, SUMMARIZE and the other read-only forms DuckDB rewrites read as one
        // SELECT too, and nothing that writes can stand inside the parentheses. (DuckDB's PIVOT statement does not
        // serialize: the SQL-standard form, FROM t PIVOT (...), does.)
        if (Serialize(connection, "SELECT * FROM (\n" + sql + "\n)") is { Error: false, Statements: 1 })
        {
            return null;
        }
        return Serialize(connection, sql) switch
        {
            // DuckDB parses the whole text before it runs any of it: running it gives the writer DuckDB's own message.
            { Error: true, ErrorType: "parser" } => null,
            _ when code.Contains(';', StringComparison.Ordinal) => "Only one statement is allowed per query.",
            _ => $"Only read-only queries (SELECT, WITH, FROM, VALUES, SUMMARIZE, DESCRIBE...) are allowed; DuckDB reads '{Opening(code)}…' as a statement that changes the database or its settings.",
        };
    }

    private static string Opening(string code) => string.Join(' ', code.Split((char[])[' ', '\n', '\r', '\t'], 4, StringSplitOptions.RemoveEmptyEntries).Take(3));

    private static (bool Error, string? ErrorType, int Statements) Serialize(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        // A literal, not a parameter: the function wants a constant. Plain DuckDB strings know no backslash escapes,
        // so doubling the quotes is the whole of quoting.
        command.CommandText = "SELECT json_serialize_sql('" + sql.Replace("'", "''", StringComparison.Ordinal) + "')";
        var json = command.ExecuteScalar() as string ?? "{}";
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.True;
        var type = root.TryGetProperty("error_type", out var t) ? t.GetString() : null;
        var statements = root.TryGetProperty("statements", out var s) && s.ValueKind == JsonValueKind.Array ? s.GetArrayLength() : 0;
        return (error, type, statements);
    }
}
