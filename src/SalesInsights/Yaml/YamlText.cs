using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SalesInsights.Yaml;

/// <summary>
/// The one way YAML is read: bounded (<see cref="BoundedYaml"/>), into <see cref="YamlNode"/>s with positions, every
/// failure of the library turned into one <see cref="YamlError"/> at the line a writer must fix. YamlDotNet stays in
/// this folder.
/// </summary>
public static class YamlText
{
    /// <summary>The first document's root, or null for an empty text or when <paramref name="error"/> says why not.</summary>
    public static YamlNode? Parse(string yaml, out YamlError? error)
    {
        error = null;
        // YAML also breaks lines at U+0085, U+2028 and U+2029; Markdown does not. Read them as spaces so a position
        // YAML reports is on the line Markdown counted (they come from pasted text, never on purpose).
        yaml = yaml.Replace('\u2028', ' ').Replace('\u2029', ' ').Replace('\u0085', ' ');
        try
        {
            var stream = BoundedYaml.Load(yaml);
            return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
        }
        catch (YamlException e)
        {
            // The parser notices an unclosed bracket or quote only where it gives up, often the end of the text; the
            // line that opened it is where the writer must look.
            var (line, column) = ((int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column));
            if (OpenedAndNotClosed(yaml) is { } opened && opened.Line < line)
            {
                (line, column) = opened;
            }
            error = new YamlError(line, column, Describe(e));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // Some broken input makes YamlDotNet's scanner fail without a mark.
            var (line, column) = OpenedAndNotClosed(yaml) ?? (1, 1);
            error = new YamlError(line, column, "look for an unclosed bracket or quote");
        }
        return null;
    }

    private static YamlNode Convert(YamlDotNet.RepresentationModel.YamlNode node)
    {
        var (line, column) = ((int)node.Start.Line, (int)node.Start.Column);
        return node switch
        {
            YamlScalarNode scalar => new YamlScalar(scalar.Value ?? string.Empty, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any, line, column),
            YamlSequenceNode sequence => new YamlList([.. sequence.Children.Select(Convert)], line, column),
            YamlMappingNode mapping => new YamlMap([.. mapping.Children.Select(e => new YamlEntry(Convert(e.Key), Convert(e.Value)))], line, column),
            // An alias is resolved by the node model; anything else has no value a reader could use.
            _ => new YamlScalar(string.Empty, true, line, column),
        };
    }

    /// <summary>The first line whose brackets or double quotes do not balance, at the first opening character (1-based).</summary>
    private static (int Line, int Column)? OpenedAndNotClosed(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var square = line.Count(c => c == '[') - line.Count(c => c == ']');
            var curly = line.Count(c => c == '{') - line.Count(c => c == '}');
            var quotes = line.Count(c => c == '"') % 2;
            if (square > 0 || curly > 0 || quotes == 1)
            {
                return (i + 1, Math.Max(0, line.IndexOfAny(['[', '{', '"'])) + 1);
            }
        }
        return null;
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes its message with the marks ("(Line: 2, Col: 3, Idx: ...) - (...): "), which are already
        // the position; keep the first line of what a writer can act on.
        var message = e.InnerException?.Message ?? e.Message;
        var close = message.LastIndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && close > 0)
        {
            message = message[(close + 3)..];
        }
        var newline = message.IndexOf('\n');
        return (newline < 0 ? message : message[..newline]).Trim();
    }
}
