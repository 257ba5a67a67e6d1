using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SalesInsights.Data;

namespace SalesInsights.Dashboard;

/// <summary>
/// One pre-rendered view of the dashboard: a region (or <see cref="AllRegions"/>) and a quarter. Its parameters
/// are substituted into the SQL of the page's blocks as DuckDB literals, so every view is plain, cacheable SQL.
/// </summary>
/// <param name="Region">A region code from the data, or <see cref="AllRegions"/>.</param>
/// <param name="Quarter">The quarter the tiles report.</param>
/// <param name="Quarters">Every complete quarter of the data, oldest first (what <c>$quarters</c> lists).</param>
/// <param name="WindowLength">How many quarters a sparkline shows, ending at <paramref name="Quarter"/>.</param>
/// <param name="FirstDay">The first day of the data.</param>
/// <param name="LastDay">The last day of the data.</param>
/// <param name="Url">Where the view is published, e.g. <c>/dashboard/emea/2026-q3/</c>.</param>
public sealed partial record DashboardView(
    string Region,
    Quarter Quarter,
    ImmutableArray<Quarter> Quarters,
    int WindowLength,
    DateOnly FirstDay,
    DateOnly LastDay,
    string Url)
{
    public const string AllRegions = "all";

    /// <summary>The names writers may use in SQL, each standing for a literal of the view.</summary>
    public static IReadOnlyList<string> ParameterNames { get; } =
    [
        "region", "region_filter", "quarter", "quarter_start", "quarter_end", "previous_quarter", "next_quarter",
        "window_start", "quarters",
    ];

    public bool IsAllRegions => Region == AllRegions;

    public Quarter Latest => Quarters[^1];

    /// <summary>The quarters a sparkline shows: <see cref="WindowLength"/> of them, ending at the view's quarter.</summary>
    public ImmutableArray<Quarter> Window => [.. Quarters.Where(q => q <= Quarter).TakeLast(WindowLength)];

    /// <summary>The literal each parameter stands for in this view.</summary>
    public string? Parameter(string name) => name switch
    {
        "region" => Text(Region),
        "region_filter" => IsAllRegions ? "TRUE" : $"(region = {Text(Region)})",
        "quarter" => Text(Quarter.ToString()),
        "quarter_start" => Date(Quarter.Start),
        "quarter_end" => Date(Quarter.End),
        "previous_quarter" => Text(Quarter.Previous().ToString()),
        "next_quarter" => Text(Quarter.Next().ToString()),
        "window_start" => Date((Window.IsEmpty ? Quarter : Window[0]).Start),
        "quarters" => QuartersTable(),
        _ => null,
    };

    /// <summary>
    /// <paramref name="sql"/> with every <c>$name</c> in its code replaced by this view's literal; inside string
    /// literals, quoted identifiers and comments a <c>$name</c> is text and stays as written. Unknown names are
    /// collected in <paramref name="unknown"/> (with their offsets) and left as written.
    /// </summary>
    public string Substitute(string sql, List<(string Name, int Offset)>? unknown = null)
    {
        var code = SqlText.CodeOnly(sql);
        var result = new StringBuilder(sql.Length);
        var last = 0;
        foreach (Match match in Parameters().Matches(code))
        {
            var name = match.Groups[1].Value;
            if (Parameter(name) is { } literal)
            {
                result.Append(sql, last, match.Index - last).Append(literal);
                last = match.Index + match.Length;
            }
            else
            {
                unknown?.Add((name, match.Index));
            }
        }
        return result.Append(sql, last, sql.Length - last).ToString();
    }

    /// <summary>A SQL string literal: quotes doubled, so a region named <c>O'Brien</c> cannot end the string.</summary>
    public static string Text(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Date(DateOnly date) => "DATE '" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    /// <summary>One line (so substituting it keeps every line number): a VALUES table of the data's complete quarters.</summary>
    private string QuartersTable()
    {
        var sql = new StringBuilder("(VALUES ");
        sql.AppendJoin(", ", Quarters.Select(q => $"({Text(q.ToString())}, {Date(q.Start)}, {Date(q.End)}, {Text(q.Next().ToString())})"));
        return sql.Append(") AS quarters(quarter, quarter_start, quarter_end, next_quarter)").ToString();
    }

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameters();
}
