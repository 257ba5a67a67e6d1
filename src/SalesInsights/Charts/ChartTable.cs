using System.Collections.Immutable;
using SalesInsights.Data;
using SalesInsights.Formatting;

namespace SalesInsights.Charts;

/// <summary>A column of the numbers a chart draws: a label column has no format, a value column has one.</summary>
public sealed record TableColumn(string Name, string Header, NumberFormat? Format)
{
    public bool IsValue => Format is not null;
}

/// <summary>
/// Exactly the numbers a chart draws, in the shape it draws them: the data table under the figure, the CSV
/// download and the generated alt text all read this, so none of them can disagree with the picture.
/// </summary>
public sealed record ChartTable(ImmutableArray<TableColumn> Columns, ImmutableArray<ImmutableArray<object?>> Rows)
{
    public int RowCount => Rows.Length;

    /// <summary>The first column as readers see it (renamed by <c>labels:</c>, tidied), where it differs from the query's values, which the CSV keeps.</summary>
    public ImmutableArray<string> Names { get; init; } = [];

    public string[] Labels(int column = 0) =>
        column == 0 && Names.Length == RowCount && RowCount > 0 ? [.. Names] : [.. Rows.Select(r => Text(r[column], Columns[column]))];

    /// <summary>A value column as doubles, NaN where the query gave NULL.</summary>
    public double[] Values(int column) => [.. Rows.Select(r => QueryResult.AsDouble(r[column]) ?? double.NaN)];

    public static string Text(object? value, TableColumn column) =>
        ValueFormatter.Format(value, column.Format ?? ValueFormat.Number);

    /// <summary>The header readers see: an underscored column name as words.</summary>
    public static string Humanize(string name)
    {
        var words = name.Replace('_', ' ').Trim();
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
