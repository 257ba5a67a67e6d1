using SalesInsights.Data;

namespace SalesInsights.Charts;

/// <summary>
/// The SQL behind a chart (or table) written with <c>data:</c> instead of <c>sql:</c>: columns of one dataset, filtered by
/// <c>where</c>, aggregated per x (and group) inside DuckDB when <c>aggregate</c> is given.
/// </summary>
public static class DatasetQuery
{
    public static string? Build(ChartSpec spec, IChartKind kind, DataCatalog catalog, List<ChartProblem> problems)
    {
        var named = new[] { (spec.X, spec.PositionOf("x")), (spec.Group, spec.PositionOf("group")) }
            .Concat(spec.Y.Select(y => ((string?)y, spec.PositionOf("y"))));
        if (Find(catalog, spec.Data!, spec.PositionOf("data"), named, problems) is not { } dataset)
        {
            return null;
        }
        if (spec.X is null && spec.Y.IsEmpty)
        {
            problems.Add(new ChartProblem("SI302", "A chart over a dataset needs 'x' and/or 'y' columns.", spec.PositionOf("data")));
            return null;
        }

        var from = From(dataset, spec.Where);
        if (spec.Aggregate is null)
        {
            var columns = new[] { spec.X, spec.Group }.Concat(spec.Y.Select(y => (string?)y)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);
            // Only axes with an order of their own are sorted; bars, slices and funnel stages keep the file's order.
            var order = spec.X is not null && kind is Kinds.LineChart or Kinds.AreaChart or Kinds.ScatterChart ? $" ORDER BY {DataCatalog.Identifier(spec.X)}" : string.Empty;
            return $"SELECT {string.Join(", ", columns.Select(DataCatalog.Identifier))} {from}{order}";
        }
        var keys = new[] { spec.X, spec.Group }.OfType<string>().Select(DataCatalog.Identifier).ToList();
        var values = spec.Y.IsEmpty
            ? [$"count(*) AS {DataCatalog.Identifier(Alias(spec.Aggregate, null, 0))}"]
            : spec.Y.Select(y => $"{Function(spec.Aggregate, y)} AS {DataCatalog.Identifier(Alias(spec.Aggregate, y, spec.Y.Length))}").ToList();
        var groupBy = keys.Count > 0 ? $" GROUP BY {string.Join(", ", keys)} ORDER BY {string.Join(", ", keys)}" : string.Empty;
        return $"SELECT {string.Join(", ", keys.Concat(values))} {from}{groupBy}";
    }

    /// <summary>
    /// The dataset a block names with <c>data:</c>, with every column the block names checked against it (each
    /// reported at its own position); null after reporting what is unknown. Tables read datasets through this too.
    /// </summary>
    public static Dataset? Find(DataCatalog catalog, string name, SpecPosition at, IEnumerable<(string? Column, SpecPosition At)> columns, List<ChartProblem> problems)
    {
        var dataset = catalog.Find(name);
        if (dataset is null)
        {
            problems.Add(new ChartProblem("SI305", $"Unknown dataset '{name}'.{NameSuggestions.DidYouMean(name, catalog.Datasets.Select(d => d.Name))} Datasets: {string.Join(", ", catalog.Datasets.Select(d => d.Name))}.", at));
            return null;
        }
        var known = dataset.Columns.Select(c => c.Name).ToList();
        var ok = true;
        foreach (var (column, position) in columns)
        {
            if (column is not null && !known.Contains(column, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(new ChartProblem("SI305", $"Unknown column '{column}' in dataset '{dataset.Name}'.{NameSuggestions.DidYouMean(column, known)}", position));
                ok = false;
            }
        }
        return ok ? dataset : null;
    }

    /// <summary>The FROM clause of a query over <paramref name="dataset"/>, filtered by a block's <c>where:</c>.</summary>
    public static string From(Dataset dataset, string? where) =>
        $"FROM {DataCatalog.Identifier(dataset.Name)}{(string.IsNullOrWhiteSpace(where) ? string.Empty : $"\nWHERE {where}")}";

    /// <summary>The spec as the query's columns name things: aggregated y columns take their aliases.</summary>
    public static ChartSpec Effective(ChartSpec spec) => spec.Aggregate is null
        ? spec
        : spec with { Y = spec.Y.IsEmpty ? [Alias(spec.Aggregate, null, 0)] : [.. spec.Y.Select(y => Alias(spec.Aggregate, y, spec.Y.Length))] };

    private static string Function(string aggregate, string column)
    {
        var quoted = DataCatalog.Identifier(column);
        return aggregate == "count" ? $"count({quoted})" : $"{aggregate}({quoted})";
    }

    /// <summary>A count is a count whatever column it counts; other aggregates keep the column's name (<c>avg_amount</c>).</summary>
    private static string Alias(string aggregate, string? column, int columns) =>
        column is null || (aggregate == "count" && columns == 1) ? aggregate : $"{aggregate}_{column}";
}
