using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SalesInsights.Site;

/// <summary>The YAML block at the top of a Markdown file, split from the body with every key's position kept.</summary>
public sealed record FrontMatter(
    ImmutableDictionary<string, object?> Values,
    ImmutableDictionary<string, int> Lines,
    string Body,
    int BodyLine)
{
    public static FrontMatter Empty(string text) => new(
        ImmutableDictionary<string, object?>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase),
        ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase), text, 0);

    /// <summary>
    /// Splits <paramref name="text"/> into front matter and body. A file without a leading <c>---</c> line has no
    /// front matter. Returns an error (1-based line and column in the file) when the YAML cannot be read.
    /// </summary>
    public static FrontMatter Parse(string text, out FrontMatterError? error)
    {
        error = null;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        if (!text.StartsWith("---", StringComparison.Ordinal) || !IsDelimiter(text, 0, out var firstLineEnd))
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
            if (IsDelimiter(text, position, out _))
            {
                var yaml = text[yamlStart..position];
                var body = next >= text.Length ? string.Empty : text[next..];
                return FromYaml(yaml, body, line, out error);
            }
            position = next;
        }
        error = new FrontMatterError(1, 1, "front matter starts with '---' but has no closing '---' line");
        return Empty(text);
    }

    private static bool IsDelimiter(string text, int start, out int next)
    {
        var end = text.IndexOf('\n', start);
        next = end < 0 ? text.Length : end + 1;
        var lineText = text.AsSpan(start, (end < 0 ? text.Length : end) - start).TrimEnd('\r').TrimEnd();
        return lineText.SequenceEqual("---");
    }

    private static FrontMatter FromYaml(string yaml, string body, int bodyLine, out FrontMatterError? error)
    {
        error = null;
        var values = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.OrdinalIgnoreCase);
        var lines = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var stream = BoundedYaml.Load(yaml);
            if (stream.Documents.Count > 0)
            {
                if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
                {
                    var mark = stream.Documents[0].RootNode.Start;
                    error = new FrontMatterError((int)mark.Line + 1, (int)mark.Column, "front matter must be a set of 'key: value' lines");
                    return new FrontMatter(values.ToImmutable(), lines.ToImmutable(), body, bodyLine);
                }
                foreach (var (key, value) in mapping.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? string.Empty;
                    if (values.ContainsKey(name))
                    {
                        error = new FrontMatterError((int)key.Start.Line + 1, (int)key.Start.Column, $"front matter key '{name}' is given twice");
                    }
                    values[name] = ToValue(value);
                    lines[name] = (int)key.Start.Line + 1; // +1 for the opening '---' line, and Mark lines are 1-based already.
                }
            }
        }
        catch (YamlException e)
        {
            // Mark lines are 1-based within the YAML; the YAML starts on the file's second line. The parser notices an
            // unclosed bracket only where it gives up, so point at the line that opened it when there is one before.
            var line = (int)e.Start.Line;
            var column = (int)e.Start.Column;
            var opened = UnbalancedLine(yaml);
            if (opened > 0 && opened < line)
            {
                (line, column) = (opened, 1);
            }
            error = new FrontMatterError(line + 1, column, "malformed YAML front matter: " + FirstLine(e.Message));
        }
        catch (InvalidCastException)
        {
            error = new FrontMatterError(2, 1, "front matter keys must be plain words");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner can fail without a position on some broken input (an unclosed '[' for one).
            var line = Math.Max(1, UnbalancedLine(yaml));
            error = new FrontMatterError(line + 1, 1, "malformed YAML front matter: check this line for an unclosed bracket or quote");
        }
        return new FrontMatter(values.ToImmutable(), lines.ToImmutable(), body, bodyLine);
    }

    /// <summary>The 1-based YAML line where a bracket or quote opens and never closes, or 0.</summary>
    private static int UnbalancedLine(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Count(c => c == '[') != line.Count(c => c == ']') || line.Count(c => c == '{') != line.Count(c => c == '}')
                || line.Count(c => c == '"') % 2 == 1)
            {
                return i + 1;
            }
        }
        return 0;
    }

    private static string FirstLine(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 2, Col: 3, Idx: ...) - (Line...): "; keep what a writer can act on.
        var text = message;
        var marker = text.LastIndexOf("): ", StringComparison.Ordinal);
        if (marker >= 0)
        {
            text = text[(marker + 3)..];
        }
        var newline = text.IndexOf('\n');
        return (newline < 0 ? text : text[..newline]).Trim();
    }

    /// <summary>YAML to plain values: strings, booleans, numbers, lists and maps. Dates stay strings until a module reads them.</summary>
    public static object? ToValue(YamlNode node) => node switch
    {
        YamlScalarNode scalar => Scalar(scalar),
        YamlSequenceNode sequence => sequence.Children.Select(ToValue).ToImmutableArray(),
        YamlMappingNode mapping => mapping.Children.ToImmutableDictionary(
            kv => ((YamlScalarNode)kv.Key).Value ?? string.Empty, kv => ToValue(kv.Value), StringComparer.OrdinalIgnoreCase),
        _ => null,
    };

    private static object? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value;
        if (text is null || scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
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

/// <summary>Where front matter could not be read (1-based, in the file).</summary>
public sealed record FrontMatterError(int Line, int Column, string Message);
