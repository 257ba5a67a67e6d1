using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SalesInsights.Data;

/// <summary>
/// Query answers kept on disk between builds (<c>.cache/queries/</c> beside the chart cache), so a build runs no query
/// whose SQL and data did not change. An answer is keyed by a hash of the statement, whether only its columns
/// were asked for, and the data's fingerprint (every data file's bytes and the data options), so a changed file
/// or setting is a miss, never a stale answer. Only successful answers are kept. The folder is safe to delete.
/// Written by hand with <see cref="Utf8JsonWriter"/> and read with <see cref="JsonDocument"/>: no reflection,
/// so the native executable reads what the JIT build wrote.
/// </summary>
internal sealed class QueryStore(string directory)
{
    /// <summary>Bump when what a stored answer means changes (the guard, the value types), so old answers are not served.</summary>
    public const string Version = "queries-1";

    public string Directory { get; } = Path.GetFullPath(directory);

    public static string Key(string fingerprint, string statement, bool schemaOnly) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Version}\n{fingerprint}\n{(schemaOnly ? "schema" : "rows")}\n{statement}")));

    /// <summary>The answer stored under <paramref name="key"/>, or null when there is none or it cannot be read.</summary>
    public QueryResult? TryGet(string key)
    {
        var path = PathOf(key);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return Read(document.RootElement);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
        {
            // A damaged or half-written entry is a miss: the query runs and writes it again.
            return null;
        }
    }

    /// <summary>Keeps <paramref name="result"/>; a value of a type the store does not know is left unstored (it runs again next time).</summary>
    public void Put(string key, QueryResult result)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (!Write(writer, result))
            {
                return;
            }
        }
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var path = PathOf(key);
            // Write beside, then rename: a build running at the same time never reads half an entry.
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temporary, buffer.WrittenSpan.ToArray());
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The store only saves time; a full disk must not fail the build.
        }
    }

    private string PathOf(string key) => Path.Combine(Directory, key + ".json");

    private static bool Write(Utf8JsonWriter writer, QueryResult result)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("columns");
        foreach (var column in result.Columns)
        {
            writer.WriteStartObject();
            writer.WriteString("name", column.Name);
            writer.WriteString("type", TypeName(column.Type));
            writer.WriteString("database_type", column.DatabaseType);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("rows");
        foreach (var row in result.Rows)
        {
            writer.WriteStartArray();
            for (var i = 0; i < row.Length; i++)
            {
                if (!WriteValue(writer, row[i], result.Columns[i].Type))
                {
                    return false;
                }
            }
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        return true;
    }

    /// <summary>Each value as its column's type reads it back; a value of another type is not stored.</summary>
    private static bool WriteValue(Utf8JsonWriter writer, object? value, Type type)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return true;
            case long l when type == typeof(long):
                writer.WriteNumberValue(l);
                return true;
            // As text, so NaN and infinities survive and the value round-trips exactly.
            case double d when type == typeof(double):
                writer.WriteStringValue(d.ToString("R", CultureInfo.InvariantCulture));
                return true;
            case string s when type == typeof(string):
                writer.WriteStringValue(s);
                return true;
            case DateOnly date when type == typeof(DateOnly):
                writer.WriteNumberValue(date.DayNumber);
                return true;
            case DateTime time when type == typeof(DateTime):
                writer.WriteStringValue(time.Ticks.ToString(CultureInfo.InvariantCulture) + ":" + ((int)time.Kind).ToString(CultureInfo.InvariantCulture));
                return true;
            case bool b when type == typeof(bool):
                writer.WriteBooleanValue(b);
                return true;
            default:
                return false;
        }
    }

    private static QueryResult Read(JsonElement root)
    {
        var columns = ImmutableArray.CreateBuilder<QueryColumn>();
        foreach (var column in root.GetProperty("columns").EnumerateArray())
        {
            columns.Add(new QueryColumn(column.GetProperty("name").GetString()!, TypeNamed(column.GetProperty("type").GetString()!), column.GetProperty("database_type").GetString()!));
        }
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<object?>>();
        foreach (var row in root.GetProperty("rows").EnumerateArray())
        {
            var values = new object?[columns.Count];
            var i = 0;
            foreach (var cell in row.EnumerateArray())
            {
                values[i] = ReadValue(cell, columns[i].Type);
                i++;
            }
            if (i != values.Length)
            {
                throw new FormatException("A stored row does not have one value per column.");
            }
            rows.Add([.. values]);
        }
        return new QueryResult(columns.ToImmutable(), rows.ToImmutable());
    }

    private static object? ReadValue(JsonElement cell, Type type)
    {
        if (cell.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (type == typeof(long))
        {
            return cell.GetInt64();
        }
        if (type == typeof(double))
        {
            return double.Parse(cell.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        if (type == typeof(DateOnly))
        {
            return DateOnly.FromDayNumber(cell.GetInt32());
        }
        if (type == typeof(DateTime))
        {
            var parts = cell.GetString()!.Split(':');
            return new DateTime(long.Parse(parts[0], CultureInfo.InvariantCulture), (DateTimeKind)int.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        if (type == typeof(bool))
        {
            return cell.GetBoolean();
        }
        return cell.GetString();
    }

    private static string TypeName(Type type) =>
        type == typeof(long) ? "long" : type == typeof(double) ? "double" : type == typeof(DateOnly) ? "date"
        : type == typeof(DateTime) ? "timestamp" : type == typeof(bool) ? "bool" : "string";

    private static Type TypeNamed(string name) => name switch
    {
        "long" => typeof(long),
        "double" => typeof(double),
        "date" => typeof(DateOnly),
        "timestamp" => typeof(DateTime),
        "bool" => typeof(bool),
        "string" => typeof(string),
        _ => throw new FormatException($"Unknown stored column type '{name}'."),
    };
}
