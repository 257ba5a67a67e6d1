using System.Globalization;

namespace SalesInsights.Tests.Support;

/// <summary>
/// The sample CSVs read with plain C#, and the dashboard's KPIs computed from them by hand: an independent check
/// of the SQL in <c>input/pages/dashboard.md</c>, sharing no code with the build.
/// </summary>
public sealed class SalesRows
{
    public sealed record Deal(string RepId, string Region, decimal Amount, DateOnly Created, DateOnly? Closed, string Status);

    public sealed record Target(string RepId, string Quarter, decimal Quota);

    private SalesRows(List<Deal> deals, List<Target> targets, Dictionary<string, string> repRegions, DateOnly lastActivity)
    {
        Deals = deals;
        Targets = targets;
        RepRegions = repRegions;
        LastActivity = lastActivity;
    }

    public IReadOnlyList<Deal> Deals { get; }
    public IReadOnlyList<Target> Targets { get; }
    public IReadOnlyDictionary<string, string> RepRegions { get; }
    public DateOnly LastActivity { get; }

    public static SalesRows Sample { get; } = Read(Path.Combine(Repository.Input, "data"));

    public static SalesRows Read(string folder)
    {
        static IEnumerable<Dictionary<string, string>> Rows(string path)
        {
            var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
            var header = lines[0].Split(',');
            // The sample data has no quoted fields (a test below would fail on a comma in a value).
            return lines.Skip(1).Select(l => l.Split(',')).Select(cells =>
            {
                Assert.Equal(header.Length, cells.Length);
                return header.Zip(cells).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            });
        }
        static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        static decimal Money(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

        var deals = Rows(Path.Combine(folder, "deals.csv"))
            .Select(r => new Deal(r["rep_id"], r["region"], Money(r["amount"]), Day(r["created_date"]), r["close_date"].Length == 0 ? null : Day(r["close_date"]), r["status"]))
            .ToList();
        var targets = Rows(Path.Combine(folder, "targets.csv")).Select(r => new Target(r["rep_id"], r["quarter"], Money(r["quota"]))).ToList();
        var reps = Rows(Path.Combine(folder, "reps.csv")).ToDictionary(r => r["rep_id"], r => r["region"], StringComparer.Ordinal);
        var lastActivity = Rows(Path.Combine(folder, "activities.csv")).Max(r => Day(r["date"]));
        return new SalesRows(deals, targets, reps, lastActivity);
    }

    /// <summary>The last day of the data: the latest close or activity.</summary>
    public DateOnly LastDay => new[] { Deals.Where(d => d.Closed is not null).Max(d => d.Closed!.Value), LastActivity }.Max();

    public static (DateOnly Start, DateOnly End) Bounds(string quarter)
    {
        var year = int.Parse(quarter[..4], CultureInfo.InvariantCulture);
        var number = quarter[6] - '0';
        var start = new DateOnly(year, ((number - 1) * 3) + 1, 1);
        return (start, start.AddMonths(3).AddDays(-1));
    }

    public static string Name(DateOnly day) => $"{day.Year}-Q{((day.Month - 1) / 3) + 1}";

    public static string Shift(string quarter, int quarters) => Name(Bounds(quarter).Start.AddMonths(3 * quarters));

    /// <summary>The last quarter whose final day is on or before the data's last day.</summary>
    public string LatestCompleteQuarter => Bounds(Name(LastDay)).End <= LastDay ? Name(LastDay) : Shift(Name(LastDay), -1);

    private bool InRegion(string region, string? wanted) => wanted is null || region == wanted;

    private IEnumerable<Deal> ClosedIn(string quarter, string? region, params string[] statuses)
    {
        var (start, end) = Bounds(quarter);
        return Deals.Where(d => statuses.Contains(d.Status) && d.Closed is { } c && c >= start && c <= end && InRegion(d.Region, region));
    }

    /// <summary>Every KPI of the dashboard for one quarter and region (null: all regions); null where there is no value.</summary>
    public IReadOnlyDictionary<string, double?> Kpis(string quarter, string? region)
    {
        var won = ClosedIn(quarter, region, "won").ToList();
        var closed = ClosedIn(quarter, region, "won", "lost").ToList();
        var cycles = won.Select(d => d.Closed!.Value.DayNumber - d.Created.DayNumber).Order().ToList();
        double? median = cycles.Count == 0 ? null
            : cycles.Count % 2 == 1 ? cycles[cycles.Count / 2]
            : (cycles[(cycles.Count / 2) - 1] + cycles[cycles.Count / 2]) / 2.0;

        var (start, end) = Bounds(quarter);
        var quotas = Targets.Where(t => t.Quarter == quarter && InRegion(RepRegions[t.RepId], region)).ToList();
        var atQuota = quotas.Count(t => Deals
            .Where(d => d.RepId == t.RepId && d.Status == "won" && d.Closed is { } c && c >= start && c <= end)
            .Sum(d => d.Amount) >= t.Quota);

        var open = Deals.Where(d => d.Created <= end && (d.Closed is null || d.Closed > end) && InRegion(d.Region, region)).Sum(d => d.Amount);
        var nextQuota = Targets.Where(t => t.Quarter == Shift(quarter, 1) && InRegion(RepRegions[t.RepId], region)).Sum(t => t.Quota);

        return new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["bookings"] = (double)won.Sum(d => d.Amount),
            ["win_rate"] = closed.Count == 0 ? null : won.Count / (double)closed.Count,
            ["avg_deal_size"] = won.Count == 0 ? null : (double)(won.Sum(d => d.Amount) / won.Count),
            ["median_cycle_days"] = median,
            ["quota_attainment"] = quotas.Count == 0 ? null : atQuota / (double)quotas.Count,
            ["pipeline_coverage"] = nextQuota == 0 ? null : (double)(open / nextQuota),
        };
    }
}
