using System.Collections.Immutable;
using System.Globalization;

namespace SalesInsights.Data;

/// <summary>A result column: its name and the .NET type of its values (<see cref="long"/>, <see cref="double"/>, <see cref="string"/>, <see cref="DateOnly"/>, <see cref="DateTime"/>, <see cref="bool"/>).</summary>
public sealed record QueryColumn(string Name, Type Type, string DatabaseType)
{
    public bool IsNumeric => Type == typeof(long) || Type == typeof(double);

    public bool IsTemporal => Type == typeof(DateOnly) || Type == typeof(DateTime);
}

/// <summary>The typed rows a query returned, held in memory only because they are few (see <see cref="DataCatalog.MaxRows"/>).</summary>
public sealed record QueryResult(ImmutableArray<QueryColumn> Columns, ImmutableArray<ImmutableArray<object?>> Rows)
{
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Length; i++)
        {
            if (string.Equals(Columns[i].Name, column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>A numeric cell as a double; null for NULL or non-numbers.</summary>
    public static double? AsDouble(object? value) => value switch
    {
        long l => l,
        double d => d,
        int i => i,
        decimal m => (double)m,
        bool b => b ? 1 : 0,
        _ => null,
    };

    /// <summary>A cell as text for labels and CSV: ISO dates, invariant numbers, empty for NULL.</summary>
    public static string AsText(object? value) => value switch
    {
        null => string.Empty,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>What running a query gave: a result, or DuckDB's error message for the writer.</summary>
public sealed record QueryOutcome(QueryResult? Result, string? Error)
{
    public bool Succeeded => Result is not null;

    public static QueryOutcome Failure(string error) => new(null, error);
}

/// <summary>A registered dataset: the table name articles use, the file it came from and its columns.</summary>
public sealed record Dataset(string Name, string FilePath, ImmutableArray<QueryColumn> Columns, long RowCount);
