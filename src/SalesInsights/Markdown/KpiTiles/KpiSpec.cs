using System.Collections.Immutable;
using SalesInsights.Data;
using SalesInsights.Formatting;
using SalesInsights.Yaml;

namespace SalesInsights.Markdown.KpiTiles;

/// <summary>How a tile states its change against the previous period.</summary>
public enum KpiChange
{
    /// <summary>As a share of the previous value: "12.5% vs 2026-Q2".</summary>
    Relative,

    /// <summary>As a difference in the tile's format; percentages become points: "2.1 pts vs 2026-Q2".</summary>
    Absolute,
}

/// <summary>
/// What a writer asked for in a <c>```kpi</c> block. The SQL returns one row per period (first column the period,
/// e.g. <c>2026-Q3</c>; second the value), so a tile shows its period's value, the change against the period
/// before and a sparkline of the last ones.
/// </summary>
public sealed record KpiSpec
{
    public string Name { get; init; } = string.Empty;
    public string Label { get; init; } = string.Empty;
    public NumberFormat Format { get; init; } = ValueFormat.Number;
    public string Sql { get; init; } = string.Empty;
    public KpiChange Change { get; init; } = KpiChange.Relative;

    /// <summary>Whether a rise is good news (true, the default) or bad news (cycle length, discounts).</summary>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>0-based line and column of each key inside the block, for diagnostics.</summary>
    public ImmutableDictionary<string, (int Line, int Column)> Positions { get; init; } = ImmutableDictionary<string, (int Line, int Column)>.Empty;

    public (int Line, int Column) PositionOf(string key) => Positions.TryGetValue(key, out var p) ? p : (-1, 0);
}

/// <summary>Reads a kpi block's YAML, keeping where each key was written.</summary>
public static class KpiSpecParser
{
    public static IReadOnlyList<string> Keys { get; } = ["name", "label", "format", "sql", "change", "better"];

    /// <summary>The spec, or null with the problems (code, message, 0-based line and column inside the block; -1 is the fence).</summary>
    public static KpiSpec? Parse(string yaml, List<(string Code, string Message, int Line, int Column)> problems)
    {
        var root = YamlText.Parse(yaml, out var error);
        if (error is not null)
        {
            problems.Add(("SI503", $"The kpi block's YAML is malformed: {error.Message}", error.Line - 1, error.Column - 1));
            return null;
        }
        if (root is not YamlMap mapping)
        {
            problems.Add(("SI503", "A kpi block must be YAML keys: 'name:', 'label:', 'format:' and 'sql:'.", -1, 0));
            return null;
        }

        var spec = new KpiSpec();
        var positions = ImmutableDictionary.CreateBuilder<string, (int, int)>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Entries)
        {
            var key = (keyNode as YamlScalar)?.Value ?? string.Empty;
            var at = (keyNode.Line - 1, keyNode.Column - 1);
            if (!Keys.Contains(key))
            {
                problems.Add(("SI503", $"Unknown kpi key '{key}'.{NameSuggestions.DidYouMean(key, Keys)}", at.Item1, at.Item2));
                continue;
            }
            positions[key] = at;
            if (valueNode is not YamlScalar { Value: var value })
            {
                problems.Add(("SI503", $"Kpi key '{key}' needs a single value.", at.Item1, at.Item2));
                continue;
            }
            switch (key)
            {
                case "name": spec = spec with { Name = value.Trim() }; break;
                case "label": spec = spec with { Label = value.Trim() }; break;
                case "sql": spec = spec with { Sql = value }; break;
                case "format":
                    if (ValueFormatter.TryParse(value, out NumberFormat format, out var formatProblem))
                    {
                        spec = spec with { Format = format };
                    }
                    else
                    {
                        problems.Add(("SI310", formatProblem!, at.Item1, at.Item2));
                    }
                    break;
                case "change":
                    if (Enum.TryParse<KpiChange>(value.Trim(), ignoreCase: true, out var change))
                    {
                        spec = spec with { Change = change };
                    }
                    else
                    {
                        problems.Add(("SI503", $"'change' must be 'relative' or 'absolute', not '{value}'.", at.Item1, at.Item2));
                    }
                    break;
                case "better":
                    if (value.Trim() is "up" or "down")
                    {
                        spec = spec with { HigherIsBetter = value.Trim() == "up" };
                    }
                    else
                    {
                        problems.Add(("SI503", $"'better' must be 'up' or 'down', not '{value}'.", at.Item1, at.Item2));
                    }
                    break;
            }
        }
        // A percentage's change reads best in points; other values' as a share of the last one.
        if (!positions.ContainsKey("change") && spec.Format.Kind == ValueFormat.Percent)
        {
            spec = spec with { Change = KpiChange.Absolute };
        }
        spec = spec with { Positions = positions.ToImmutable() };
        if (spec.Name.Length == 0 || !spec.Name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
        {
            problems.Add(("SI503", "A kpi needs a 'name' of lower-case letters, digits and underscores, e.g. name: win_rate.", spec.PositionOf("name").Line, spec.PositionOf("name").Column));
        }
        if (string.IsNullOrWhiteSpace(spec.Sql))
        {
            problems.Add(("SI503", "A kpi needs 'sql:' returning one row per period: the period (e.g. 2026-Q3), then the value.", -1, 0));
        }
        if (spec.Label.Length == 0)
        {
            spec = spec with { Label = spec.Name.Replace('_', ' ') };
        }
        return spec;
    }
}
