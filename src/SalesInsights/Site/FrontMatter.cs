using System.Collections.Immutable;
using System.Globalization;
using SalesInsights.Html;
using SalesInsights.Toml;
using SalesInsights.Yaml;

namespace SalesInsights.Site;

/// <summary>
/// The block at the top of a Markdown file (YAML between <c>---</c> lines, TOML between <c>+++</c> lines, or a JSON
/// object), split from the body with every key's position kept.
/// </summary>
public sealed record FrontMatter(
    ImmutableDictionary<string, object?> Values,
    ImmutableDictionary<string, int> Lines,
    string Body,
    int BodyLine)
{
    /// <summary>The most values TOML and JSON front matter may hold, and their deepest nesting: YAML's bounds.</summary>
    public const int MaxValues = 10_000;

    /// <inheritdoc cref="MaxValues"/>
    public const int MaxDepth = 64;

    /// <summary>How the block was written; <see cref="FrontMatterFormat.None"/> for a file without one.</summary>
    public FrontMatterFormat Format { get; init; } = FrontMatterFormat.Yaml;

    public static FrontMatter Empty(string text) => new(
        ImmutableDictionary<string, object?>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase),
        ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase), text, 0) { Format = FrontMatterFormat.None };

    /// <summary>
    /// Splits <paramref name="text"/> into front matter and body. A file that starts with none of <c>---</c>,
    /// <c>+++</c> or a JSON object has no front matter. Returns an error (1-based line and column in the file) when
    /// the block cannot be read.
    /// </summary>
    public static FrontMatter Parse(string text, out FrontMatterError? error)
    {
        var frontMatter = Read(text, out error);
        if (error is null)
        {
            error = Unpublishable(frontMatter);
        }
        return frontMatter;
    }

    /// <summary>
    /// The first value holding a character no page or feed can carry (a NUL or other control character, written
    /// with an escape such as "\u0000"), at its key's line.
    /// </summary>
    private static FrontMatterError? Unpublishable(FrontMatter frontMatter)
    {
        foreach (var (key, value) in frontMatter.Values.OrderBy(v => frontMatter.Lines.GetValueOrDefault(v.Key)))
        {
            foreach (var text in Strings(value).Prepend(key))
            {
                var index = PublishableText.FirstUnpublishable(text);
                if (index >= 0)
                {
                    return new FrontMatterError(frontMatter.Lines.GetValueOrDefault(key, 1), 1,
                        $"front matter '{PublishableText.Clean(key)}' holds the character {PublishableText.Name(text[index])}, which no page or feed can carry; remove it");
                }
            }
        }
        return null;
    }

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        string text => [text],
        ImmutableArray<object?> list => list.SelectMany(Strings),
        ImmutableDictionary<string, object?> map => map.SelectMany(e => Strings(e.Value).Prepend(e.Key)),
        _ => [],
    };

    private static FrontMatter Read(string text, out FrontMatterError? error)
    {
        error = null;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        if (JsonFrontMatter.Starts(text))
        {
            var json = JsonFrontMatter.Read(text, out var end, out error);
            var lineEnd = text.IndexOf('\n', end);
            var bodyStart = lineEnd < 0 ? text.Length : lineEnd + 1;
            return new FrontMatter(json.Values, json.Lines, text[bodyStart..], text.AsSpan(0, bodyStart).Count('\n')) { Format = FrontMatterFormat.Json };
        }
        var delimiter = text.StartsWith("+++", StringComparison.Ordinal) ? "+++" : "---";
        if (!text.StartsWith(delimiter, StringComparison.Ordinal) || !IsDelimiter(text, 0, delimiter, out var firstLineEnd))
        {
            return Empty(text);
        }

        // Find the closing delimiter line.
        var position = firstLineEnd;
        var line = 1;
        var yamlStart = position;
        while (position < text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            var next = lineEnd < 0 ? text.Length : lineEnd + 1;
            line++;
            if (IsDelimiter(text, position, delimiter, out _))
            {
                var block = text[yamlStart..position];
                var body = next >= text.Length ? string.Empty : text[next..];
                if (delimiter == "+++")
                {
                    var toml = TomlFrontMatter.Read(block, 2, out error);
                    return new FrontMatter(toml.Values, toml.Lines, body, line) { Format = FrontMatterFormat.Toml };
                }
                return FromYaml(block, body, line, out error);
            }
            position = next;
        }
        error = new FrontMatterError(1, 1, $"front matter starts with '{delimiter}' but has no closing '{delimiter}' line");
        return Empty(text);
    }

    private static bool IsDelimiter(string text, int start, string delimiter, out int next)
    {
        var end = text.IndexOf('\n', start);
        next = end < 0 ? text.Length : end + 1;
        var lineText = text.AsSpan(start, (end < 0 ? text.Length : end) - start).TrimEnd('\r').TrimEnd();
        return lineText.SequenceEqual(delimiter);
    }

    private static FrontMatter FromYaml(string yaml, string body, int bodyLine, out FrontMatterError? error)
    {
        error = null;
        var values = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.OrdinalIgnoreCase);
        var lines = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.OrdinalIgnoreCase);
        // YAML lines are 1-based; the YAML starts on the file's second line, after the opening '---'.
        var root = YamlText.Parse(yaml, out var yamlError);
        if (yamlError is not null)
        {
            error = new FrontMatterError(yamlError.Line + 1, yamlError.Column, "malformed YAML front matter: " + yamlError.Message);
        }
        else if (root is not null and not YamlMap)
        {
            error = new FrontMatterError(root.Line + 1, root.Column, "front matter must be a set of 'key: value' lines");
        }
        foreach (var (key, value) in (root as YamlMap)?.Entries ?? [])
        {
            if (key is not YamlScalar { Value: var name })
            {
                error = new FrontMatterError(key.Line + 1, key.Column, "front matter keys must be plain words");
                continue;
            }
            if (values.ContainsKey(name))
            {
                error = new FrontMatterError(key.Line + 1, key.Column, $"front matter key '{name}' is given twice");
            }
            values[name] = ToValue(value);
            lines[name] = key.Line + 1;
        }
        return new FrontMatter(values.ToImmutable(), lines.ToImmutable(), body, bodyLine);
    }

    /// <summary>YAML to plain values: strings, booleans, numbers, lists and maps. Dates stay strings until a module reads them.</summary>
    public static object? ToValue(YamlNode node) => node switch
    {
        YamlScalar scalar => Scalar(scalar),
        YamlList list => list.Items.Select(ToValue).ToImmutableArray(),
        YamlMap map => Map(map),
        _ => null,
    };

    private static ImmutableDictionary<string, object?> Map(YamlMap map)
    {
        // A later key wins, as a YAML reader's would; the front matter's own keys report the repeat.
        var result = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in map.Entries)
        {
            result[(key as YamlScalar)?.Value ?? string.Empty] = ToValue(value);
        }
        return result.ToImmutable();
    }

    private static object? Scalar(YamlScalar scalar)
    {
        var text = scalar.Value;
        if (!scalar.Plain)
        {
            return text;
        }
        return text switch
        {
            "" or "~" or "null" => null,
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            _ when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Any(char.IsDigit) && !text.Contains('-', StringComparison.Ordinal) => d,
            _ => text,
        };
    }
}

/// <summary>How a file's front matter is written.</summary>
public enum FrontMatterFormat
{
    None,
    Yaml,
    Toml,
    Json,
}

/// <summary>Front matter values by key, and the line each key was written on (1-based, in the file).</summary>
public sealed record FrontMatterValues(ImmutableDictionary<string, object?> Values, ImmutableDictionary<string, int> Lines);

/// <summary>Where front matter could not be read (1-based, in the file).</summary>
public sealed record FrontMatterError(int Line, int Column, string Message);
