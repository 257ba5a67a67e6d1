using System.Collections.Immutable;
using System.Globalization;
using SalesInsights.Site;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace SalesInsights.Toml;

/// <summary>
/// Hugo's TOML front matter (between <c>+++</c> lines), read with Tomlyn's syntax parser so every key keeps its
/// line. Values become the same plain values as YAML's: strings, booleans, numbers, lists and maps; dates stay the
/// text as written, like YAML's, until a module reads them.
/// </summary>
public static class TomlFrontMatter
{
    /// <summary>Reads <paramref name="toml"/>, which starts on line <paramref name="firstLine"/> of the file.</summary>
    public static FrontMatterValues Read(string toml, int firstLine, out FrontMatterError? error)
    {
        error = null;
        var values = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.OrdinalIgnoreCase);
        var lines = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.OrdinalIgnoreCase);
        var document = SyntaxParser.Parse(toml, "front matter");
        if (document.HasErrors)
        {
            var first = document.Diagnostics.First(d => d.Kind == DiagnosticMessageKind.Error);
            error = new FrontMatterError(first.Span.Start.Line + firstLine, first.Span.Start.Column + 1, "malformed TOML front matter: " + first.Message);
            return new FrontMatterValues(values.ToImmutable(), lines.ToImmutable());
        }
        var nodes = 0;
        foreach (var item in document.KeyValues)
        {
            Add(values, lines, item, firstLine, ref nodes, ref error);
        }
        // [table] and [[array of tables]] after the top-level keys become maps and lists of maps.
        foreach (var table in document.Tables)
        {
            var name = KeyText(table.Name);
            var map = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.OrdinalIgnoreCase);
            var ignored = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in table.Items)
            {
                Add(map, ignored, item, firstLine, ref nodes, ref error);
            }
            var line = table.Span.Start.Line + firstLine;
            if (table is TableArraySyntax)
            {
                var list = values.TryGetValue(name, out var existing) && existing is ImmutableArray<object?> earlier ? earlier : [];
                values[name] = list.Add(map.ToImmutable());
            }
            else if (values.ContainsKey(name))
            {
                error ??= new FrontMatterError(line, 1, $"front matter key '{name}' is given twice");
            }
            else
            {
                values[name] = map.ToImmutable();
            }
            lines.TryAdd(name, line);
        }
        return new FrontMatterValues(values.ToImmutable(), lines.ToImmutable());
    }

    private static void Add(ImmutableDictionary<string, object?>.Builder values, ImmutableDictionary<string, int>.Builder lines, KeyValueSyntax item, int firstLine, ref int nodes, ref FrontMatterError? error)
    {
        var name = KeyText(item.Key);
        var line = item.Span.Start.Line + firstLine;
        if (values.ContainsKey(name))
        {
            error ??= new FrontMatterError(line, item.Span.Start.Column + 1, $"front matter key '{name}' is given twice");
        }
        var value = ToValue(item.Value, 0, ref nodes);
        if (value is Refused refused)
        {
            error ??= new FrontMatterError(line, item.Span.Start.Column + 1, refused.Message);
            return;
        }
        values[name] = value;
        lines[name] = line;
    }

    /// <summary>Marks a value refused for its size, so the error can name the key it belongs to.</summary>
    private sealed record Refused(string Message);

    private static object? ToValue(ValueSyntax? value, int depth, ref int nodes)
    {
        if (++nodes > FrontMatter.MaxValues)
        {
            return new Refused($"the front matter holds more than {FrontMatter.MaxValues.ToString("N0", CultureInfo.InvariantCulture)} values");
        }
        if (depth > FrontMatter.MaxDepth)
        {
            return new Refused($"lists and tables nest deeper than {FrontMatter.MaxDepth} levels");
        }
        switch (value)
        {
            case StringValueSyntax text:
                return text.Value;
            case BooleanValueSyntax boolean:
                return boolean.Value;
            case IntegerValueSyntax integer:
                return integer.Value;
            case FloatValueSyntax number:
                return number.Value;
            case DateTimeValueSyntax date:
                return date.Token?.Text;
            case ArraySyntax array:
                var items = ImmutableArray.CreateBuilder<object?>();
                foreach (var item in array.Items)
                {
                    var converted = ToValue(item.Value, depth + 1, ref nodes);
                    if (converted is Refused)
                    {
                        return converted;
                    }
                    items.Add(converted);
                }
                return items.ToImmutable();
            case InlineTableSyntax table:
                var map = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (var item in table.Items)
                {
                    var converted = ToValue(item.KeyValue?.Value, depth + 1, ref nodes);
                    if (converted is Refused)
                    {
                        return converted;
                    }
                    map[KeyText(item.KeyValue?.Key)] = converted;
                }
                return map.ToImmutable();
            default:
                return null;
        }
    }

    /// <summary>A TOML key as one dotted name (<c>headers.values</c>), quoted parts unquoted; also read by the preview for netlify.toml.</summary>
    public static string KeyText(KeySyntax? key)
    {
        if (key?.Key is null)
        {
            return string.Empty;
        }
        var parts = new List<string> { Part(key.Key) };
        parts.AddRange(key.DotKeys.Select(d => Part(d.Key)));
        return string.Join('.', parts);
    }

    private static string Part(BareKeyOrStringValueSyntax? part) => part switch
    {
        StringValueSyntax text => text.Value ?? string.Empty,
        BareKeySyntax bare => bare.Key?.Text ?? string.Empty,
        _ => string.Empty,
    };
}
