using System.Globalization;

namespace SalesInsights.Dashboard;

/// <summary>A calendar quarter, written <c>2026-Q3</c> as in <c>targets.csv</c>.</summary>
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public DateOnly Start => new(Year, ((Number - 1) * 3) + 1, 1);

    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    // Methods, not properties: a quarter is hashed by its properties (build sessions), and Next.Next... never ends.
    public Quarter Previous() => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    public Quarter Next() => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);

    /// <summary>The URL segment: <c>2026-q3</c>.</summary>
    public string Slug => ToString().ToLowerInvariant();

    public static Quarter Containing(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    /// <summary>The last quarter that has ended by <paramref name="day"/> (the quarter itself when it is its last day).</summary>
    public static Quarter LastCompleteBy(DateOnly day)
    {
        var quarter = Containing(day);
        return quarter.End <= day ? quarter : quarter.Previous();
    }

    /// <summary>The first quarter that starts on or after <paramref name="day"/>.</summary>
    public static Quarter FirstCompleteFrom(DateOnly day)
    {
        var quarter = Containing(day);
        return quarter.Start >= day ? quarter : quarter.Next();
    }

    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (text is not { Length: 7 } || text[4] != '-' || char.ToUpperInvariant(text[5]) != 'Q'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || text[6] is < '1' or > '4')
        {
            return false;
        }
        quarter = new Quarter(year, text[6] - '0');
        return true;
    }

    /// <summary>Every quarter from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<Quarter> Range(Quarter first, Quarter last)
    {
        for (var q = first; q.CompareTo(last) <= 0; q = q.Next())
        {
            yield return q;
        }
    }

    public int CompareTo(Quarter other) => Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);

    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;
    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;
    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}");
}
