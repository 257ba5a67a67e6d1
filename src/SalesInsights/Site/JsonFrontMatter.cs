using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SalesInsights.Site;

/// <summary>
/// Hugo's JSON front matter: a JSON object at the very top of the file, the body after its closing brace. Read
/// with <see cref="Utf8JsonReader"/> so each top-level key keeps its line, within the same bounds as YAML (values
/// and depth).
/// </summary>
public static class JsonFrontMatter
{
    /// <summary>Whether <paramref name="text"/> opens with a JSON object: <c>{</c> alone on the first line, or <c>{"</c>.</summary>
    public static bool Starts(string text)
    {
        if (text.Length == 0 || text[0] != '{')
        {
            return false;
        }
        var rest = text.AsSpan(1).TrimStart(" \t");
        return rest.Length == 0 || rest[0] is '\r' or '\n' or '"' or '}';
    }

    /// <summary>Reads the object at the start of <paramref name="text"/>; <paramref name="end"/> is the index just past its closing brace.</summary>
    public static FrontMatterValues Read(string text, out int end, out FrontMatterError? error)
    {
        error = null;
        end = 0;
        var values = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.OrdinalIgnoreCase);
        var lines = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.OrdinalIgnoreCase);
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = FrontMatter.MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var nodes = 0;
        try
        {
            reader.Read(); // the opening brace
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString() ?? string.Empty;
                var line = LineAt(bytes, (int)reader.TokenStartIndex);
                if (values.ContainsKey(name))
                {
                    error ??= new FrontMatterError(line, 1, $"front matter key '{name}' is given twice");
                }
                reader.Read();
                values[name] = ToValue(ref reader, ref nodes);
                lines[name] = line;
            }
            if (reader.TokenType != JsonTokenType.EndObject)
            {
                throw new JsonException("the front matter object does not close");
            }
            end = Encoding.UTF8.GetCharCount(bytes.AsSpan(0, (int)reader.BytesConsumed));
        }
        catch (JsonException e)
        {
            // The reader stops at the first token that is not JSON, which for a body read as JSON is the body's first line.
            var line = e.LineNumber is { } l ? (int)l + 1 : LineAt(bytes, (int)reader.BytesConsumed);
            var column = e.BytePositionInLine is { } c ? (int)c + 1 : 1;
            error = new FrontMatterError(line, column, "malformed JSON front matter: " + FirstSentence(e.Message));
        }
        return new FrontMatterValues(values.ToImmutable(), lines.ToImmutable());
    }

    private static object? ToValue(ref Utf8JsonReader reader, ref int nodes)
    {
        if (++nodes > FrontMatter.MaxValues)
        {
            throw new JsonException($"the front matter holds more than {FrontMatter.MaxValues.ToString("N0", CultureInfo.InvariantCulture)} values");
        }
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var whole) ? whole : reader.GetDouble();
            case JsonTokenType.StartArray:
                var items = ImmutableArray.CreateBuilder<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ToValue(ref reader, ref nodes));
                }
                return items.ToImmutable();
            case JsonTokenType.StartObject:
                var map = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.OrdinalIgnoreCase);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString() ?? string.Empty;
                    reader.Read();
                    map[name] = ToValue(ref reader, ref nodes);
                }
                return map.ToImmutable();
            default:
                return null;
        }
    }

    private static int LineAt(byte[] bytes, int offset) => bytes.AsSpan(0, Math.Min(offset, bytes.Length)).Count((byte)'\n') + 1;

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
