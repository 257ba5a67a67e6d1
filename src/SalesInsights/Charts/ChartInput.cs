using System.Collections.Immutable;
using SalesInsights.Data;
using SalesInsights.Formatting;

namespace SalesInsights.Charts;

/// <summary>
/// What a chart kind sees while shaping its table: the spec, the query (its columns known, its rows not yet
/// fetched) and a way to run further SQL over it, so binning and quartiles happen inside DuckDB.
/// </summary>
public sealed class ChartInput(ChartSpec spec, IChartKind kind, DataCatalog catalog, string sql, ImmutableArray<QueryColumn> columns, List<ChartProblem> problems)
{
    public ChartSpec Spec { get; } = spec;

    public IChartKind Kind { get; } = kind;

    /// <summary>The chart's query: the writer's <c>sql:</c>, or the one built from <c>data:</c>.</summary>
    public string Sql { get; } = sql;

    public ImmutableArray<QueryColumn> Columns { get; } = columns;

    public List<ChartProblem> Problems { get; } = problems;

    public void Report(string code, string message, string key) =>
        Problems.Add(new ChartProblem(code, message, Spec.PositionOf(key)));

    /// <summary>Reports that the columns do not suit this kind of chart.</summary>
    public void DoesNotFit(string message, string key = "type") =>
        Report("SI307", $"A {Kind.Name} chart does not fit this query: {message} (columns: {string.Join(", ", Columns.Select(c => $"{c.Name} {c.DatabaseType}"))}).", key);

    /// <summary>The column named under <paramref name="key"/>, reporting an unknown name with the closest known one.</summary>
    public QueryColumn? Column(string name, string key)
    {
        var column = Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (column is null)
        {
            Report("SI305", $"Unknown column '{name}' in '{key}'.{NameSuggestions.DidYouMean(name, Columns.Select(c => c.Name))} The query returns: {string.Join(", ", Columns.Select(c => c.Name))}.", key);
        }
        return column;
    }

    /// <summary>Runs SQL (the chart's own query or one derived from it), reporting DuckDB's message on failure.</summary>
    public QueryResult? Run(string sql)
    {
        var outcome = catalog.Query(sql);
        if (outcome.Error is { } error)
        {
            Report("SI306", $"SQL error: {error}", Spec.Sql is null ? "data" : "sql");
        }
        return outcome.Result;
    }

    public NumberFormat FormatOf(QueryColumn column) => Spec.Format ?? ValueFormatter.DefaultFor(column.Type);

    /// <summary>The chart's query wrapped as a sub-query for SQL derived from it.</summary>
    public string Source => $"({Sql}\n)";

    public static string Quote(string name) => DataCatalog.Identifier(name);
}
