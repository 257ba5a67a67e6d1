using System.Collections.Immutable;
using SalesInsights.Data;

namespace SalesInsights.Charts.Kinds;

/// <summary>The table shapes several kinds share: categories against one or more numeric series.</summary>
internal static class Shapes
{
    /// <summary>
    /// A label column (x) and numeric series: the y columns, or one series per value of <c>group</c> (the long
    /// result pivoted wide). Missing x/y default to the first column and the remaining numeric ones.
    /// </summary>
    public static ChartTable? Categories(ChartInput input, bool singleSeries)
    {
        var spec = input.Spec;
        var x = spec.X is { } xName ? input.Column(xName, "x") : input.Columns.FirstOrDefault();
        var group = spec.Group is { } groupName ? input.Column(groupName, "group") : null;
        var sortKey = spec.Sort is { } sortName && !IsOrder(sortName) ? input.Column(sortName, "sort") : null;
        if (x is null || (spec.Group is not null && group is null) || (spec.Sort is { } named && !IsOrder(named) && sortKey is null))
        {
            return null;
        }
        var ys = new List<QueryColumn>();
        if (spec.Y.IsEmpty)
        {
            // A sort key orders the rows and is never drawn.
            ys.AddRange(input.Columns.Where(c => c.IsNumeric && c != x && c != group && c != sortKey));
        }
        else
        {
            foreach (var name in spec.Y)
            {
                if (input.Column(name, "y") is { } y)
                {
                    ys.Add(y);
                }
            }
            if (ys.Count < spec.Y.Length)
            {
                return null;
            }
        }
        if (ys.Count == 0)
        {
            input.DoesNotFit("it needs a numeric column for the values besides the labels", spec.Y.IsEmpty ? "type" : "y");
            return null;
        }
        if (ys.FirstOrDefault(y => !y.IsNumeric) is { } text)
        {
            input.DoesNotFit($"the values must be numbers, but '{text.Name}' is {text.DatabaseType}", "y");
            return null;
        }
        if (group is not null && ys.Count > 1)
        {
            input.DoesNotFit("use either 'group' or several 'y' columns, not both", "group");
            return null;
        }
        if (singleSeries && (group is not null || ys.Count > 1))
        {
            input.DoesNotFit($"it shows one series of values, but the chart asks for {(group is not null ? "a group" : $"{ys.Count} value columns")}", group is not null ? "group" : "y");
            return null;
        }

        var result = input.Run(input.Sql);
        if (result is null)
        {
            return null;
        }
        if (sortKey is not null)
        {
            var si = result.IndexOf(sortKey.Name);
            result = result with { Rows = [.. result.Rows.OrderBy(r => r[si] is null).ThenBy(r => r[si], SortKeyOrder.Instance)] };
        }
        var xi = result.IndexOf(x.Name);
        var xColumn = new TableColumn(x.Name, Header(input.Spec.XLabel, x.Name), null);
        if (group is null)
        {
            var indices = ys.Select(y => result.IndexOf(y.Name)).ToArray();
            var columns = ImmutableArray.CreateBuilder<TableColumn>();
            columns.Add(xColumn);
            columns.AddRange(ys.Select(y => new TableColumn(y.Name, ys.Count == 1 ? Header(spec.YLabel, y.Name) : ChartTable.Humanize(y.Name), input.FormatOf(y))));
            var rows = result.Rows.Select(r => ImmutableArray.Create<object?>([r[xi], .. indices.Select(i => r[i])])).ToImmutableArray();
            return Arrange(input, new ChartTable(columns.ToImmutable(), rows));
        }

        // Pivot: one series per group value, in order of first appearance so the writer's ORDER BY is kept.
        var gi = result.IndexOf(group.Name);
        var yi = result.IndexOf(ys[0].Name);
        var xs = new List<object?>();
        var groups = new List<string>();
        var cells = new Dictionary<(string, string), object?>();
        foreach (var row in result.Rows)
        {
            var xKey = QueryResult.AsText(row[xi]);
            var gKey = QueryResult.AsText(row[gi]);
            if (!xs.Any(v => QueryResult.AsText(v) == xKey))
            {
                xs.Add(row[xi]);
            }
            if (!groups.Contains(gKey))
            {
                groups.Add(gKey);
            }
            cells[(xKey, gKey)] = row[yi];
        }
        var format = input.FormatOf(ys[0]);
        var headers = ChartStyle.TidyLabels(groups);
        var pivotColumns = ImmutableArray.Create([xColumn, .. groups.Select((g, i) => new TableColumn(g, g.Length == 0 ? "(none)" : headers[i], format))]);
        var pivotRows = xs.Select(v => ImmutableArray.Create<object?>([v, .. groups.Select(g => cells.GetValueOrDefault((QueryResult.AsText(v), g)))])).ToImmutableArray();
        return Arrange(input, new ChartTable(pivotColumns, pivotRows));
    }

    /// <summary>Whether a <c>sort:</c> value names an order rather than a column.</summary>
    private static bool IsOrder(string sort) => sort is "value" or "none";

    /// <summary>
    /// The editorial defaults for categories: renamed by <c>labels:</c> (a name that matches no category is an
    /// error), else tidied (<see cref="ChartStyle.TidyLabels"/>); then largest first where the kind ranks
    /// (<see cref="IChartKind.SortsByValue"/>) or the writer asks with <c>sort: value</c>.
    /// </summary>
    private static ChartTable? Arrange(ChartInput input, ChartTable table)
    {
        var spec = input.Spec;
        var raw = table.Rows.Select(r => QueryResult.AsText(r[0])).ToArray();
        string[] shown;
        if (spec.Labels.Count > 0)
        {
            if (spec.Labels.Keys.FirstOrDefault(k => !raw.Contains(k, StringComparer.Ordinal)) is { } unknown)
            {
                input.Report("SI305", $"'labels' renames '{unknown}', which is not a category of the chart; its categories are: {string.Join(", ", raw.Distinct().Take(20))}.{NameSuggestions.DidYouMean(unknown, raw)}", "labels");
                return null;
            }
            var labels = table.Labels();
            shown = [.. raw.Select((r, i) => spec.Labels.GetValueOrDefault(r, labels[i]))];
        }
        else
        {
            shown = table.Rows.All(r => r[0] is string or null) ? ChartStyle.TidyLabels(raw) : table.Labels();
        }
        var rows = table.Rows.Select((row, i) => (row, name: shown[i])).ToList();
        if (spec.Sort == "value" || (spec.Sort is null && input.Kind.SortsByValue))
        {
            double Size(ImmutableArray<object?> row) => row.Skip(1).Sum(v => QueryResult.AsDouble(v) is { } d && !double.IsNaN(d) ? d : 0);
            rows = [.. rows.OrderByDescending(r => Size(r.row))];
        }
        return table with { Rows = [.. rows.Select(r => r.row)], Names = [.. rows.Select(r => r.name)] };
    }

    /// <summary>Sort keys of one column: numbers, dates and text in their own order.</summary>
    private sealed class SortKeyOrder : IComparer<object?>
    {
        public static SortKeyOrder Instance { get; } = new();

        public int Compare(object? a, object? b) => (QueryResult.AsDouble(a), QueryResult.AsDouble(b)) switch
        {
            ({ } x, { } y) => x.CompareTo(y),
            _ => a is IComparable ca && b is not null && a.GetType() == b.GetType() ? ca.CompareTo(b) : string.CompareOrdinal(QueryResult.AsText(a), QueryResult.AsText(b)),
        };
    }

    public static string Header(string? label, string column) => string.IsNullOrWhiteSpace(label) ? ChartTable.Humanize(column) : label.Trim();
}
