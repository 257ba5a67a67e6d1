using System.Collections.Immutable;
using System.Globalization;
using SalesInsights.Data;
using SalesInsights.Formatting;
using SalesInsights.Yaml;

namespace SalesInsights.Charts;

/// <summary>
/// Reads a chart block's YAML as nodes rather than with a deserializer, because every key's mark
/// is needed to point errors at the line the writer must fix.
/// </summary>
public static class ChartSpecParser
{
    public static IReadOnlyList<string> Keys { get; } =
    [
        "title", "type", "sql", "data", "x", "y", "group", "aggregate", "where", "x_label", "y_label", "format",
        "target", "target_label", "line_format", "caption", "alt", "trend", "bins", "sort", "labels", "x_scale", "y_scale",
    ];

    public static IReadOnlyList<string> Aggregates { get; } = ["sum", "avg", "count", "median", "min", "max"];

    public static ChartSpec? Parse(string yaml, List<ChartProblem> problems)
    {
        var root = YamlText.Parse(yaml, out var error);
        if (error is not null)
        {
            problems.Add(new ChartProblem("SI302", $"The chart's YAML is malformed: {error.Message}", At(error.Line, error.Column)));
            return null;
        }
        if (root is not YamlMap mapping)
        {
            problems.Add(new ChartProblem("SI302", "A chart block must be YAML keys such as 'title:', 'type:' and 'sql:'.", SpecPosition.Start));
            return null;
        }

        var spec = new ChartSpec();
        var positions = ImmutableDictionary.CreateBuilder<string, SpecPosition>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Entries)
        {
            var key = (keyNode as YamlScalar)?.Value ?? string.Empty;
            var position = At(keyNode);
            if (!Keys.Contains(key))
            {
                problems.Add(new ChartProblem("SI303", $"Unknown chart key '{key}'.{NameSuggestions.DidYouMean(key, Keys)}", position));
                continue;
            }
            positions[key] = position;
            if (key == "y" && valueNode is YamlList list)
            {
                spec = spec with { Y = [.. list.Items.Select(c => (c as YamlScalar)?.Value ?? string.Empty)] };
                continue;
            }
            if (key == "labels")
            {
                if (valueNode is YamlMap renames && renames.Entries.All(e => e.Key is YamlScalar && e.Value is YamlScalar))
                {
                    var labels = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
                    foreach (var entry in renames.Entries)
                    {
                        labels[((YamlScalar)entry.Key).Value] = ((YamlScalar)entry.Value).Value;
                    }
                    spec = spec with { Labels = labels.ToImmutable() };
                }
                else
                {
                    problems.Add(new ChartProblem("SI302", "'labels' must map each category the query gives to the label readers see, e.g. 'labels: {emea: Europe}'.", position));
                }
                continue;
            }
            if (valueNode is not YamlScalar scalar)
            {
                problems.Add(new ChartProblem("SI302", $"Chart key '{key}' needs a single value.", position));
                continue;
            }
            var value = scalar.Value;
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
                case "sort": spec = spec with { Sort = value.Trim() }; break;
                case "x_scale" or "y_scale":
                    var scale = value.Trim().ToLowerInvariant();
                    if (scale is not ("linear" or "log"))
                    {
                        problems.Add(new ChartProblem("SI302", $"'{key}' must be linear or log, not '{value}'.", At(scalar)));
                    }
                    spec = key == "x_scale" ? spec with { XLog = scale == "log" } : spec with { YLog = scale == "log" };
                    break;
                case "aggregate":
                    var aggregate = value.Trim().ToLowerInvariant();
                    if (!Aggregates.Contains(aggregate))
                    {
                        problems.Add(new ChartProblem("SI303", $"Unknown aggregate '{value}'; use one of {string.Join(", ", Aggregates)}.{NameSuggestions.DidYouMean(value, Aggregates)}", At(scalar)));
                    }
                    spec = spec with { Aggregate = aggregate };
                    break;
                case "format" or "line_format":
                    if (ValueFormatter.TryParse(value, out NumberFormat format, out var formatProblem))
                    {
                        spec = key == "format" ? spec with { Format = format } : spec with { LineFormat = format };
                    }
                    else
                    {
                        problems.Add(new ChartProblem("SI310", formatProblem!, At(scalar)));
                    }
                    break;
                case "target":
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var target))
                    {
                        spec = spec with { Target = target };
                    }
                    else
                    {
                        problems.Add(new ChartProblem("SI302", $"'target' must be a number, not '{value}'.", At(scalar)));
                    }
                    break;
                case "bins":
                    if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bins) && bins is > 0 and <= 200)
                    {
                        spec = spec with { Bins = bins };
                    }
                    else
                    {
                        problems.Add(new ChartProblem("SI302", $"'bins' must be a whole number from 1 to 200, not '{value}'.", At(scalar)));
                    }
                    break;
                case "trend":
                    if (bool.TryParse(value, out var trend))
                    {
                        spec = spec with { Trend = trend };
                    }
                    else
                    {
                        problems.Add(new ChartProblem("SI302", $"'trend' must be true or false, not '{value}'.", At(scalar)));
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

    private static SpecPosition At(YamlNode node) => At(node.Line, node.Column);

    private static SpecPosition At(int line, int column) => new(Math.Max(0, line - 1), Math.Max(0, column - 1));
}
