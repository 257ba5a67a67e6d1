using System.Collections.Immutable;
using System.Globalization;
using SalesInsights.Data;
using SalesInsights.Formatting;
using SalesInsights.Site;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SalesInsights.Charts;

/// <summary>
/// Reads a chart block's YAML with YamlDotNet's node model rather than a deserializer, because every key's mark
/// is needed to point errors at the line the writer must fix.
/// </summary>
public static class ChartSpecParser
{
    public static IReadOnlyList<string> Keys { get; } =
    [
        "title", "type", "sql", "data", "x", "y", "group", "aggregate", "where", "x_label", "y_label", "format",
        "target", "target_label", "caption", "alt", "trend", "bins",
    ];

    public static IReadOnlyList<string> Aggregates { get; } = ["sum", "avg", "count", "median", "min", "max"];

    public static ChartSpec? Parse(string yaml, List<ChartProblem> problems)
    {
        // YAML also breaks lines at U+0085, U+2028 and U+2029; Markdown does not. Read them as spaces so a position
        // YAML reports is on the article line Markdown counted (they come from pasted text, never on purpose).
        yaml = yaml.Replace('\u2028', ' ').Replace('\u2029', ' ').Replace('\u0085', ' ');
        YamlMappingNode mapping;
        try
        {
            var stream = BoundedYaml.Load(yaml);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                problems.Add(new ChartProblem("SI302", "A chart block must be YAML keys such as 'title:', 'type:' and 'sql:'.", SpecPosition.Start));
                return null;
            }
            mapping = root;
        }
        catch (YamlException e)
        {
            // The parser notices an unclosed bracket or quote only where it gives up, often the end of the block;
            // the line that opened it is where the writer must look.
            var position = At(e.Start);
            if (OpenedAndNotClosed(yaml) is { } opened && opened.Line < position.Line)
            {
                position = opened;
            }
            problems.Add(new ChartProblem("SI302", $"The chart's YAML is malformed: {Describe(e)}", position));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // Some broken input makes YamlDotNet's scanner fail without a mark.
            problems.Add(new ChartProblem("SI302", "The chart's YAML is malformed: look for an unclosed bracket or quote.", OpenedAndNotClosed(yaml) ?? SpecPosition.Start));
            return null;
        }

        var spec = new ChartSpec();
        var positions = ImmutableDictionary.CreateBuilder<string, SpecPosition>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var position = At(keyNode.Start);
            if (!Keys.Contains(key))
            {
                problems.Add(new ChartProblem("SI303", $"Unknown chart key '{key}'.{NameSuggestions.DidYouMean(key, Keys)}", position));
                continue;
            }
            positions[key] = position;
            if (key == "y" && valueNode is YamlSequenceNode list)
            {
                spec = spec with { Y = [.. list.Children.Select(c => (c as YamlScalarNode)?.Value ?? string.Empty)] };
                continue;
            }
            if (valueNode is not YamlScalarNode scalar)
            {
                problems.Add(new ChartProblem("SI302", $"Chart key '{key}' needs a single value.", position));
                continue;
            }
            var value = scalar.Value ?? string.Empty;
            switch (key)
            {
                case "title": spec = spec with { Title = value.Trim() }; break;
                case "type": spec = spec with { Type = value.Trim().ToLowerInvariant() }; break;
                case "sql": spec = spec with { Sql = value }; break;
                case "data": spec = spec with { Data = value.Trim() }; break;
                case "x": spec = spec with { X = value.Trim() }; break;
                case "y": spec = spec with { Y = [value.Trim()] }; break;
                case "group": spec = spec with { Group = value.Trim() }; break;
                case "where": spec = spec with { Where = value }; break;
                case "x_label": spec = spec with { XLabel = value }; break;
                case "y_label": spec = spec with { YLabel = value }; break;
                case "target_label": spec = spec with { TargetLabel = value }; break;
                case "caption": spec = spec with { Caption = value.Trim() }; break;
                case "alt": spec = spec with { Alt = value.Trim() }; break;
                case "aggregate":
                    var aggregate = value.Trim().ToLowerInvariant();
                    if (!Aggregates.Contains(aggregate))
                    {
                        problems.Add(new ChartProblem("SI303", $"Unknown aggregate '{value}'; use one of {string.Join(", ", Aggregates)}.{NameSuggestions.DidYouMean(value, Aggregates)}", At(scalar.Start)));
                    }
                    spec = spec with { Aggregate = aggregate };
                    break;
                case "format":
                    if (ValueFormatter.TryParse(value, out var format))
                    {
                        spec = spec with { Format = format };
                    }
                    else
                    {
                        problems.Add(new ChartProblem("SI310", $"Unknown format '{value}'; use one of {string.Join(", ", ValueFormatter.Names)}.{NameSuggestions.DidYouMean(value, ValueFormatter.Names)}", At(scalar.Start)));
                    }
                    break;
                case "target":
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var target))
                    {
                        spec = spec with { Target = target };
                    }
                    else
                    {
                        problems.Add(new ChartProblem("SI302", $"'target' must be a number, not '{value}'.", At(scalar.Start)));
                    }
                    break;
                case "bins":
                    if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bins) && bins is > 0 and <= 200)
                    {
                        spec = spec with { Bins = bins };
                    }
                    else
                    {
                        problems.Add(new ChartProblem("SI302", $"'bins' must be a whole number from 1 to 200, not '{value}'.", At(scalar.Start)));
                    }
                    break;
                case "trend":
                    if (bool.TryParse(value, out var trend))
                    {
                        spec = spec with { Trend = trend };
                    }
                    else
                    {
                        problems.Add(new ChartProblem("SI302", $"'trend' must be true or false, not '{value}'.", At(scalar.Start)));
                    }
                    break;
            }
        }
        spec = spec with { Positions = positions.ToImmutable() };

        if (spec.Title.Length == 0)
        {
            problems.Add(new ChartProblem("SI302", "A chart needs a 'title'.", SpecPosition.Start));
        }
        if (spec.Type.Length == 0)
        {
            problems.Add(new ChartProblem("SI302", $"A chart needs a 'type': one of {string.Join(", ", ChartKinds.Names)}.", SpecPosition.Start));
        }
        else if (ChartKinds.Find(spec.Type) is null)
        {
            problems.Add(new ChartProblem("SI304", $"Unknown chart type '{spec.Type}'; use one of {string.Join(", ", ChartKinds.Names)}.{NameSuggestions.DidYouMean(spec.Type, ChartKinds.Names)}", spec.PositionOf("type")));
        }
        if (spec.Sql is null == (spec.Data is null))
        {
            problems.Add(new ChartProblem("SI302", "A chart needs either 'sql:' or 'data:' (a dataset name), not both.", spec.Sql is null ? SpecPosition.Start : spec.PositionOf("data")));
        }
        return spec;
    }

    /// <summary>The first line whose brackets or double quotes do not balance, at the first opening character.</summary>
    private static SpecPosition? OpenedAndNotClosed(string yaml)
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
                return new SpecPosition(i, Math.Max(0, line.IndexOfAny(['[', '{', '"'])));
            }
        }
        return null;
    }

    private static SpecPosition At(Mark mark) => new((int)Math.Max(0, mark.Line - 1), (int)Math.Max(0, mark.Column - 1));

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes its message with the marks, which we already turn into a position.
        var message = e.InnerException?.Message ?? e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && close > 0 ? message[(close + 3)..] : message;
    }
}
