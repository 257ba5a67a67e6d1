using System.Collections.Immutable;
using System.Globalization;
using SalesInsights.Charts;
using SalesInsights.Data;
using SalesInsights.Formatting;
using SalesInsights.Yaml;

namespace SalesInsights.Markdown.Tables;

/// <summary>Reads a table block's YAML as nodes, so every problem points at the line and column of its key.</summary>
public static class TableSpecParser
{
    public static IReadOnlyList<string> Keys { get; } = ["title", "caption", "sql", "data", "where", "columns", "total_label", "page_size"];

    public static IReadOnlyList<string> ColumnKeys { get; } = ["label", "format", "align", "total", "bar", "below", "above"];

    public static IReadOnlyList<string> Totals { get; } = ["sum", "avg", "min", "max", "count"];

    private static readonly string[] Alignments = ["left", "center", "right"];

    public static TableSpec? Parse(string yaml, List<ChartProblem> problems)
    {
        var root = YamlText.Parse(yaml, out var error);
        if (error is not null)
        {
            problems.Add(new ChartProblem("SI330", $"The table's YAML is malformed: {error.Message}", At(error.Line, error.Column)));
            return null;
        }
        if (root is not YamlMap mapping)
        {
            problems.Add(new ChartProblem("SI330", "A table block must be YAML keys such as 'title:', 'sql:' and 'columns:'.", SpecPosition.Start));
            return null;
        }
        var spec = new TableSpec();
        var positions = ImmutableDictionary.CreateBuilder<string, SpecPosition>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Entries)
        {
            var key = (keyNode as YamlScalar)?.Value ?? string.Empty;
            var position = At(keyNode);
            if (!Keys.Contains(key))
            {
                problems.Add(new ChartProblem("SI331", $"Unknown table key '{key}'.{NameSuggestions.DidYouMean(key, Keys)} Keys: {string.Join(", ", Keys)}.", position));
                continue;
            }
            positions[key] = position;
            if (key == "columns")
            {
                spec = spec with { Columns = ReadColumns(valueNode, problems) };
                continue;
            }
            if (valueNode is not YamlScalar scalar)
            {
                problems.Add(new ChartProblem("SI330", $"Table key '{key}' needs a single value.", position));
                continue;
            }
            var value = scalar.Value;
            switch (key)
            {
                case "title": spec = spec with { Title = value.Trim() }; break;
                case "caption": spec = spec with { Caption = value.Trim() }; break;
                case "sql": spec = spec with { Sql = value }; break;
                case "data": spec = spec with { Data = value.Trim() }; break;
                case "where": spec = spec with { Where = value }; break;
                case "total_label": spec = spec with { TotalLabel = value.Trim() }; break;
                case "page_size":
                    if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) && size is >= 5 and <= 500)
                    {
                        spec = spec with { PageSize = size };
                    }
                    else
                    {
                        problems.Add(new ChartProblem("SI330", $"'page_size' must be a whole number from 5 to 500, not '{value}'.", At(scalar)));
                    }
                    break;
            }
        }
        spec = spec with { Positions = positions.ToImmutable() };
        if (spec.Title.Length == 0)
        {
            problems.Add(new ChartProblem("SI330", "A table needs a 'title': it is the table's caption.", SpecPosition.Start));
        }
        if (spec.Sql is null == (spec.Data is null))
        {
            problems.Add(new ChartProblem("SI330", "A table needs either 'sql:' or 'data:' (a dataset name), not both.", spec.Sql is null ? SpecPosition.Start : spec.PositionOf("data")));
        }
        if (spec.Where is not null && spec.Data is null)
        {
            problems.Add(new ChartProblem("SI330", "'where:' filters a dataset named by 'data:'; with 'sql:', write the WHERE in the query.", spec.PositionOf("where")));
        }
        return spec;
    }

    /// <summary>
    /// <c>columns:</c> maps each query column to its label (<c>rep: Rep</c>) or to its settings
    /// (<c>bookings: {label: Bookings, format: currency, total: sum}</c>); a list of names shows those columns as they are.
    /// </summary>
    private static ImmutableArray<TableColumnSpec> ReadColumns(YamlNode node, List<ChartProblem> problems)
    {
        var columns = ImmutableArray.CreateBuilder<TableColumnSpec>();
        if (node is YamlList list && list.Items.All(i => i is YamlScalar))
        {
            foreach (YamlScalar item in list.Items)
            {
                columns.Add(new TableColumnSpec(item.Value.Trim(), At(item)));
            }
            return columns.ToImmutable();
        }
        if (node is not YamlMap map)
        {
            problems.Add(new ChartProblem("SI330", "'columns' must map each query column to its label or settings, e.g. 'columns: {rep: Rep, bookings: {format: currency, total: sum}}'.", At(node)));
            return [];
        }
        foreach (var (keyNode, valueNode) in map.Entries)
        {
            var column = new TableColumnSpec((keyNode as YamlScalar)?.Value.Trim() ?? string.Empty, At(keyNode));
            switch (valueNode)
            {
                case YamlScalar { Value.Length: 0 }:
                    break;
                case YamlScalar label:
                    column = column with { Label = label.Value.Trim() };
                    break;
                case YamlMap settings:
                    column = ReadColumn(column, settings, problems);
                    break;
                default:
                    problems.Add(new ChartProblem("SI330", $"Column '{column.Name}' needs a label or settings such as '{{label: Bookings, format: currency}}'.", At(valueNode)));
                    break;
            }
            columns.Add(column);
        }
        return columns.ToImmutable();
    }

    private static TableColumnSpec ReadColumn(TableColumnSpec column, YamlMap settings, List<ChartProblem> problems)
    {
        foreach (var (keyNode, valueNode) in settings.Entries)
        {
            var key = (keyNode as YamlScalar)?.Value ?? string.Empty;
            if (!ColumnKeys.Contains(key))
            {
                problems.Add(new ChartProblem("SI331", $"Unknown column setting '{key}'.{NameSuggestions.DidYouMean(key, ColumnKeys)} Settings: {string.Join(", ", ColumnKeys)}.", At(keyNode)));
                continue;
            }
            if (valueNode is not YamlScalar scalar)
            {
                problems.Add(new ChartProblem("SI330", $"Column setting '{key}' needs a single value.", At(keyNode)));
                continue;
            }
            var value = scalar.Value.Trim();
            switch (key)
            {
                case "label":
                    column = column with { Label = value };
                    break;
                case "format":
                    if (ValueFormatter.TryParse(value, out NumberFormat format, out var problem))
                    {
                        column = column with { Format = format };
                    }
                    else
                    {
                        problems.Add(new ChartProblem("SI310", problem!, At(scalar)));
                    }
                    break;
                case "align":
                    if (Alignments.Contains(value.ToLowerInvariant()))
                    {
                        column = column with { Align = value.ToLowerInvariant() };
                    }
                    else
                    {
                        problems.Add(new ChartProblem("SI330", $"'align' must be left, center or right, not '{value}'.", At(scalar)));
                    }
                    break;
                case "total":
                    if (Totals.Contains(value.ToLowerInvariant()))
                    {
                        column = column with { Total = value.ToLowerInvariant() };
                    }
                    else
                    {
                        problems.Add(new ChartProblem("SI330", $"'total' must be one of {string.Join(", ", Totals)}, not '{value}'.{NameSuggestions.DidYouMean(value, Totals)}", At(scalar)));
                    }
                    break;
                case "bar":
                    if (bool.TryParse(value, out var bar))
                    {
                        column = column with { Bar = bar };
                    }
                    else
                    {
                        problems.Add(new ChartProblem("SI330", $"'bar' must be true or false, not '{value}'.", At(scalar)));
                    }
                    break;
                case "below" or "above":
                    var threshold = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        ? new Threshold(number, null, value)
                        : new Threshold(null, value, value);
                    column = key == "below" ? column with { Below = threshold } : column with { Above = threshold };
                    break;
            }
        }
        return column;
    }

    private static SpecPosition At(YamlNode node) => At(node.Line, node.Column);

    private static SpecPosition At(int line, int column) => new(Math.Max(0, line - 1), Math.Max(0, column - 1));
}
