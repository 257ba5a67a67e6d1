using System.Globalization;
using System.Text;

namespace SalesInsights.Data.Generation;

/// <summary>
/// Writes the sample sales datasets the site's articles query: reps, deals, activities and quarterly targets over
/// 2024-01-01 .. 2026-09-30. Everything flows from one seeded <see cref="Random"/> consumed in a fixed order and
/// is written with invariant formatting and <c>\n</c> line endings, so a seed always gives the same bytes.
/// </summary>
/// <remarks>
/// The data carries patterns worth writing about, each from a single cause so an article can explain it: a rep's
/// latent skill (not their activity) drives win rate, which spreads quota attainment widely; deals closing in the
/// last two weeks of a quarter get deeper discounts; cycle length grows with deal size; engineering-background
/// reps are steered to technical products and larger deals but close a smaller share of them.
/// </remarks>
public static class SampleDataGenerator
{
    public static readonly DateOnly Start = new(2024, 1, 1);
    public static readonly DateOnly End = new(2026, 9, 30);

    private static readonly string[] Regions = ["NA", "EMEA", "APAC", "LATAM"];
    private static readonly double[] RegionWeights = [0.42, 0.30, 0.18, 0.10];
    private static readonly string[] Segments = ["SMB", "Mid-Market", "Enterprise"];
    private static readonly double[] SegmentWeights = [0.40, 0.35, 0.25];
    private static readonly string[] Backgrounds = ["engineering", "sales", "other"];
    private static readonly double[] BackgroundWeights = [0.28, 0.50, 0.22];

    // Technical products are where an engineer's credibility counts; the others sell on price and relationship.
    private static readonly (string Name, bool Technical, double PriceFactor)[] Products =
    [
        ("Core CRM", false, 0.8), ("Sales Analytics", false, 1.0), ("Forecasting", false, 1.1),
        ("Data Platform", true, 1.6), ("API Suite", true, 1.3), ("Security Add-on", true, 1.2),
    ];

    private static readonly string[] OpenStages = ["Qualification", "Discovery", "Proposal", "Negotiation"];
    private static readonly string[] ActivityTypes = ["call", "email", "meeting", "demo"];

    private static readonly string[] FirstNames =
    [
        "Avel", "Brin", "Cato", "Dara", "Elio", "Fenna", "Garet", "Hale", "Ines", "Jory", "Kesia", "Lorn", "Mira",
        "Niko", "Orla", "Pell", "Quin", "Rhea", "Soren", "Tamsin", "Ulla", "Vero", "Wren", "Xavi", "Yara", "Zeno",
    ];

    private static readonly string[] SurnameStarts = ["Ash", "Brom", "Cal", "Dun", "Eld", "Fair", "Gald", "Hol", "Ivo", "Kerr", "Lind", "Mor", "Nor", "Pem", "Rav", "Stav", "Thorn", "Vas", "Wil"];
    private static readonly string[] SurnameEnds = ["by", "den", "ford", "holt", "ley", "mere", "ric", "ston", "well", "wick"];
    private static readonly string[] AccountStarts = ["Zan", "Quor", "Vel", "Brix", "Tal", "Oru", "Nex", "Pyra", "Cor", "Lum", "Stra", "Kel", "Fyn", "Alto", "Mira", "Dex", "Ovi", "Tess"];
    private static readonly string[] AccountEnds = ["vex", "dyn", "ora", "lith", "ium", "ant", "eta", "ix", "wave", "field", "mont", "sys"];
    private static readonly string[] AccountKinds = ["Logistics", "Foods", "Health", "Energy", "Retail", "Labs", "Foundry", "Freight", "Textiles", "Media", "Partners", "Works"];

    /// <summary>Writes <c>reps.csv</c>, <c>deals.csv</c>, <c>activities.csv</c> and <c>targets.csv</c> into <paramref name="directory"/>.</summary>
    public static void Write(string directory, int seed)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, text) in Generate(seed))
        {
            File.WriteAllText(Path.Combine(directory, name), text, new UTF8Encoding(false));
        }
    }

    /// <summary>The files' names and contents, for callers that want them in memory (tests, previews).</summary>
    public static IReadOnlyList<(string Name, string Text)> Generate(int seed)
    {
        var random = new Random(seed);
        var accounts = MakeAccounts(random, 900);
        var reps = MakeReps(random, 64);
        var deals = MakeDeals(random, reps, accounts);
        var activities = MakeActivities(random, reps, deals);
        var targets = MakeTargets(random, reps);
        return
        [
            ("reps.csv", WriteReps(reps)),
            ("deals.csv", WriteDeals(deals)),
            ("activities.csv", WriteActivities(activities)),
            ("targets.csv", WriteTargets(targets)),
        ];
    }

    private sealed record Rep(string Id, string Name, string Region, string Segment, string Background, DateOnly HireDate, double Skill, double Activity);

    private sealed record Deal(string Id, Rep Rep, string Account, string Product, string Stage, double Amount, double Discount, DateOnly Created, DateOnly? Closed, string Status, DateOnly ExpectedClose);

    private sealed record Activity(string Id, string RepId, DateOnly Date, string Type, string? DealId);

    private static List<string> MakeAccounts(Random random, int count)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var accounts = new List<string>(count);
        while (accounts.Count < count)
        {
            var name = $"{Pick(random, AccountStarts)}{Pick(random, AccountEnds)} {Pick(random, AccountKinds)}";
            if (seen.Add(name))
            {
                accounts.Add(name);
            }
        }
        return accounts;
    }

    private static List<Rep> MakeReps(Random random, int count)
    {
        var reps = new List<Rep>(count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            string name;
            do
            {
                name = $"{Pick(random, FirstNames)} {Pick(random, SurnameStarts)}{Pick(random, SurnameEnds)}";
            }
            while (!names.Add(name));
            // Two thirds were on the team before the data starts; the rest join during it and ramp up.
            var hire = random.NextDouble() < 0.66
                ? new DateOnly(2019, 1, 1).AddDays(random.Next(0, 1800))
                : Start.AddDays(random.Next(0, 760));
            // Skill is log-normal: most reps are near the middle, a few are far better or worse.
            var skill = Math.Exp(Normal(random) * 0.35);
            // Activity habit is independent of skill: that is why activity counts predict win rate poorly.
            var activity = Math.Exp(Normal(random) * 0.4);
            reps.Add(new Rep(
                $"R{i + 1:000}", name,
                Weighted(random, Regions, RegionWeights),
                Weighted(random, Segments, SegmentWeights),
                Weighted(random, Backgrounds, BackgroundWeights),
                hire, skill, activity));
        }
        return reps;
    }

    private static double BaseAmount(string segment) => segment switch
    {
        "SMB" => 9_000,
        "Mid-Market" => 38_000,
        _ => 140_000,
    };

    private static double DealsPerMonth(string segment) => segment switch
    {
        "SMB" => 5.0,
        "Mid-Market" => 3.0,
        _ => 1.6,
    };

    private static List<Deal> MakeDeals(Random random, List<Rep> reps, List<string> accounts)
    {
        var deals = new List<Deal>();
        foreach (var rep in reps)
        {
            var first = rep.HireDate > Start ? rep.HireDate : Start;
            var perDay = DealsPerMonth(rep.Segment) / 30.4;
            for (var day = first; day <= End; day = day.AddDays(1))
            {
                if (random.NextDouble() >= perDay)
                {
                    continue;
                }
                var engineer = rep.Background == "engineering";
                // Engineers are handed the technical products more often.
                var technicalShare = engineer ? 0.7 : 0.3;
                var technical = random.NextDouble() < technicalShare;
                var candidates = Products.Where(p => p.Technical == technical).ToArray();
                var product = candidates[random.Next(candidates.Length)];
                var amount = BaseAmount(rep.Segment) * product.PriceFactor * Math.Exp(Normal(random) * 0.55) * (engineer && technical ? 1.45 : 1.0);
                amount = Math.Round(Math.Max(1_000, amount), 2);

                // Bigger deals take longer: cycle grows with the log of the amount.
                var cycle = (int)Math.Round(Math.Max(7, (12 + 22 * Math.Log(amount / 4_000)) * Math.Exp(Normal(random) * 0.3)));

                var ramp = Math.Clamp((day.DayNumber - rep.HireDate.DayNumber) / 180.0, 0.5, 1.0);
                var baseWin = rep.Segment switch { "SMB" => 0.30, "Mid-Market" => 0.26, _ => 0.22 };
                var win = baseWin * rep.Skill * ramp * (engineer ? 0.78 : 1.0) * (amount > BaseAmount(rep.Segment) * 2 ? 0.85 : 1.0);
                var won = random.NextDouble() < Math.Clamp(win, 0.03, 0.85);
                // Lost deals die earlier than won ones close.
                var days = won ? cycle : (int)Math.Round(cycle * (0.4 + 0.6 * random.NextDouble()));
                var close = day.AddDays(days);

                var discount = 0.04 + 0.06 * random.NextDouble();
                if (DaysToQuarterEnd(close) < 14)
                {
                    // The end-of-quarter push: deals are pulled in with a deeper discount.
                    discount += 0.05 + 0.07 * random.NextDouble();
                }
                if (rep.Segment == "Enterprise")
                {
                    discount += 0.03;
                }
                discount = Math.Round(discount, 3);

                var id = string.Empty; // numbered once all reps' deals are sorted by date
                var account = accounts[random.Next(accounts.Count)];
                if (close > End)
                {
                    // Still open at the end of the data: its stage reflects how far through the cycle it is.
                    var progress = (End.DayNumber - day.DayNumber) / (double)Math.Max(1, cycle);
                    var stage = OpenStages[Math.Clamp((int)(progress * OpenStages.Length), 0, OpenStages.Length - 1)];
                    deals.Add(new Deal(id, rep, account, product.Name, stage, amount, discount, day, null, "open", day.AddDays(cycle)));
                }
                else
                {
                    deals.Add(new Deal(id, rep, account, product.Name, won ? "Closed Won" : "Closed Lost", amount, discount, day, close, won ? "won" : "lost", close));
                }
            }
        }
        // Ids in creation order read more naturally than ids grouped by rep.
        var ordered = deals.OrderBy(d => d.Created).ThenBy(d => d.Rep.Id, StringComparer.Ordinal).ToList();
        return [.. ordered.Select((d, i) => d with { Id = string.Create(CultureInfo.InvariantCulture, $"D{i + 1:00000}") })];
    }

    private static int DaysToQuarterEnd(DateOnly date)
    {
        var quarterEndMonth = ((date.Month - 1) / 3 * 3) + 3;
        var end = new DateOnly(date.Year, quarterEndMonth, DateTime.DaysInMonth(date.Year, quarterEndMonth));
        return end.DayNumber - date.DayNumber;
    }

    private static List<Activity> MakeActivities(Random random, List<Rep> reps, List<Deal> deals)
    {
        var activities = new List<Activity>();
        var byRep = deals.GroupBy(d => d.Rep.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var rep in reps)
        {
            var repDeals = byRep.TryGetValue(rep.Id, out var list) ? list : [];
            var first = rep.HireDate > Start ? rep.HireDate : Start;
            var cursor = 0;
            var active = new List<Deal>();
            for (var day = first; day <= End; day = day.AddDays(1))
            {
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }
                while (cursor < repDeals.Count && repDeals[cursor].Created <= day)
                {
                    active.Add(repDeals[cursor++]);
                }
                active.RemoveAll(d => (d.Closed ?? End) < day);
                var count = Poisson(random, 3.4 * rep.Activity);
                for (var k = 0; k < count; k++)
                {
                    var roll = random.NextDouble();
                    var type = roll < 0.38 ? "call" : roll < 0.78 ? "email" : roll < 0.93 ? "meeting" : "demo";
                    string? dealId = null;
                    if (active.Count > 0 && random.NextDouble() < 0.6)
                    {
                        dealId = active[random.Next(active.Count)].Id;
                    }
                    activities.Add(new Activity("", rep.Id, day, type, dealId));
                }
            }
        }
        var ordered = activities.OrderBy(a => a.Date).ThenBy(a => a.RepId, StringComparer.Ordinal).ToList();
        return [.. ordered.Select((a, i) => a with { Id = string.Create(CultureInfo.InvariantCulture, $"A{i + 1:000000}") })];
    }

    private static List<(string RepId, string Quarter, double Quota)> MakeTargets(Random random, List<Rep> reps)
    {
        var targets = new List<(string, string, double)>();
        foreach (var rep in reps)
        {
            // Quotas follow the segment's expected bookings, not the rep's skill, so attainment spreads widely.
            var expected = DealsPerMonth(rep.Segment) * 3 * BaseAmount(rep.Segment) * 1.35 * 0.27;
            for (var year = 2024; year <= 2026; year++)
            {
                for (var q = 1; q <= 4; q++)
                {
                    var quarterEnd = new DateOnly(year, q * 3, DateTime.DaysInMonth(year, q * 3));
                    if (rep.HireDate > quarterEnd)
                    {
                        continue;
                    }
                    var growth = 1 + (0.06 * (year - 2024));
                    var ramp = rep.HireDate > quarterEnd.AddDays(-180) ? 0.5 : 1.0;
                    var quota = Math.Round(expected * growth * ramp * (0.9 + 0.2 * random.NextDouble()) / 1000) * 1000;
                    targets.Add((rep.Id, string.Create(CultureInfo.InvariantCulture, $"{year}-Q{q}"), quota));
                }
            }
        }
        return targets;
    }

    private static string WriteReps(List<Rep> reps)
    {
        var text = new StringBuilder("rep_id,name,region,segment,background,hire_date\n");
        foreach (var r in reps)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Id},{r.Name},{r.Region},{r.Segment},{r.Background},{Date(r.HireDate)}\n");
        }
        return text.ToString();
    }

    private static string WriteDeals(List<Deal> deals)
    {
        var text = new StringBuilder("deal_id,rep_id,account,region,segment,product,stage,amount,discount_pct,created_date,close_date,expected_close_date,status\n");
        foreach (var d in deals)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{d.Id},{d.Rep.Id},{d.Account},{d.Rep.Region},{d.Rep.Segment},{d.Product},{d.Stage},{d.Amount:0.00},{d.Discount:0.000},{Date(d.Created)},{(d.Closed is { } c ? Date(c) : "")},{Date(d.ExpectedClose)},{d.Status}\n");
        }
        return text.ToString();
    }

    private static string WriteActivities(List<Activity> activities)
    {
        var text = new StringBuilder("activity_id,rep_id,date,type,deal_id\n", activities.Count * 40);
        foreach (var a in activities)
        {
            text.Append(CultureInfo.InvariantCulture, $"{a.Id},{a.RepId},{Date(a.Date)},{a.Type},{a.DealId}\n");
        }
        return text.ToString();
    }

    private static string WriteTargets(List<(string RepId, string Quarter, double Quota)> targets)
    {
        var text = new StringBuilder("rep_id,quarter,quota\n");
        foreach (var (repId, quarter, quota) in targets)
        {
            text.Append(CultureInfo.InvariantCulture, $"{repId},{quarter},{quota:0.00}\n");
        }
        return text.ToString();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static string Weighted(Random random, string[] items, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < items.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return items[i];
            }
        }
        return items[^1];
    }

    /// <summary>A standard normal draw (Box-Muller), so the generator needs nothing beyond <see cref="Random"/>.</summary>
    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            product *= random.NextDouble();
            count++;
        }
        return count;
    }
}
