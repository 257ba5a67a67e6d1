using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesInsights.Site;

/// <summary>
/// Reads the dates writers type (<c>2026-03-10</c>, <c>2026-03-10T22:00:00-05:00</c>, Jekyll's
/// <c>2026-03-10 22:00:00 -0500</c>) as moments placed in the site's time zone. Without a zone a date keeps the
/// offset it was written with, so it shows as the day written; a date with no time or no offset is a day or a
/// time in the site's zone, never shifted.
/// </summary>
public static partial class FrontMatterDates
{
    public static DateTimeOffset? Parse(object? value, TimeZoneInfo? zone) => value switch
    {
        DateTimeOffset moment => In(moment, zone),
        DateTime local => Local(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone),
        string text => Parse(text.Trim(), zone),
        _ => null,
    };

    private static DateTimeOffset? Parse(string text, TimeZoneInfo? zone)
    {
        var match = Written().Match(text);
        if (match.Success)
        {
            int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
            DateTime local;
            try
            {
                local = new DateTime(Part("y"), Part("m"), Part("d"), Part("h"), Part("min"), Part("s"), DateTimeKind.Unspecified);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null; // 2026-02-30, 25:00
            }
            if (match.Groups["fraction"].Success)
            {
                local = local.AddTicks((long)(double.Parse("0." + match.Groups["fraction"].Value, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));
            }
            if (!match.Groups["offset"].Success)
            {
                return Local(local, zone);
            }
            var offset = match.Groups["offset"].Value;
            var span = offset is "Z" or "z" ? TimeSpan.Zero : Offset(offset);
            return span is { } known ? In(new DateTimeOffset(local, known), zone) : null;
        }
        // Anything else .NET reads without doubt ("March 10, 2026"), as written.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? In(parsed, zone) : null;
    }

    /// <summary>A day or time without an offset is in the site's zone; without a zone it is taken as UTC and shown as written.</summary>
    private static DateTimeOffset Local(DateTime local, TimeZoneInfo? zone) =>
        new(local, zone?.GetUtcOffset(local) ?? TimeSpan.Zero);

    /// <summary>The same moment as the site's zone sees it; unchanged without a zone.</summary>
    public static DateTimeOffset In(DateTimeOffset moment, TimeZoneInfo? zone) =>
        zone is null ? moment : TimeZoneInfo.ConvertTime(moment, zone);

    private static TimeSpan? Offset(string text)
    {
        var digits = text.Replace(":", string.Empty, StringComparison.Ordinal);
        var hours = int.Parse(digits.AsSpan(1, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(digits.AsSpan(3, 2), CultureInfo.InvariantCulture);
        if (hours > 14 || minutes > 59)
        {
            return null;
        }
        var span = new TimeSpan(hours, minutes, 0);
        return digits[0] == '-' ? -span : span;
    }

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:[Tt ]+(?<h>\d{1,2}):(?<min>\d{2})(?::(?<s>\d{2})(?:\.(?<fraction>\d{1,7})\d*)?)?)?\s*(?<offset>[Zz]|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex Written();
}
