using SalesInsights.Data;
using SalesInsights.Data.Generation;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Data.Generation;

public sealed class SampleDataGeneratorTests
{
    private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> Seed42 = new(() => SampleDataGenerator.Generate(42));

    private static DataCatalog Data => TestData.SampleCatalog;

    private static double Number(string sql) => QueryResult.AsDouble(Data.Query(sql).Result!.Rows[0][0])!.Value;

    [Fact]
    public void The_same_seed_produces_identical_bytes()
    {
        var again = SampleDataGenerator.Generate(42);

        Assert.Equal(Seed42.Value, again);
    }

    [Fact]
    public void A_different_seed_produces_different_data()
    {
        var other = SampleDataGenerator.Generate(7);

        Assert.NotEqual(Seed42.Value.Single(f => f.Name == "deals.csv").Text, other.Single(f => f.Name == "deals.csv").Text);
    }

    [Fact]
    public void The_committed_csv_files_are_exactly_what_the_generator_writes_for_seed_42()
    {
        foreach (var (name, text) in Seed42.Value)
        {
            Assert.Equal(text, File.ReadAllText(Path.Combine(Repository.Input, "data", name)));
        }
    }

    [Fact]
    public void Write_puts_the_four_files_in_the_folder_with_unix_line_endings()
    {
        using var folder = new TemporaryFolder();

        SampleDataGenerator.Write(folder.Root, 3);

        Assert.Equal(["activities.csv", "deals.csv", "reps.csv", "targets.csv"], Directory.GetFiles(folder.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain('\r', File.ReadAllText(folder.PathOf("reps.csv")));
    }

    [Fact]
    public void The_data_covers_2024_to_the_third_quarter_of_2026_with_enough_deals_and_activities()
    {
        Assert.True(Number("SELECT count(*) FROM deals") >= 5_000);
        Assert.True(Number("SELECT count(*) FROM activities") >= 100_000);
        Assert.Equal(new DateOnly(2024, 1, 1), Data.Query("SELECT min(created_date) FROM deals").Result!.Rows[0][0]);
        Assert.Equal(new DateOnly(2026, 9, 30), Data.Query("SELECT max(date) FROM activities").Result!.Rows[0][0]);
        Assert.Equal(0, Number("SELECT count(*) FROM deals WHERE close_date > DATE '2026-09-30'"));
    }

    [Fact]
    public void Open_deals_have_no_close_date_an_open_stage_and_recent_creation()
    {
        Assert.Equal(0, Number("SELECT count(*) FROM deals WHERE status = 'open' AND (close_date IS NOT NULL OR stage NOT IN ('Qualification', 'Discovery', 'Proposal', 'Negotiation'))"));
        Assert.Equal(0, Number("SELECT count(*) FROM deals WHERE status = 'won' AND stage <> 'Closed Won' OR status = 'lost' AND stage <> 'Closed Lost'"));
        Assert.True(Number("SELECT count(*) FROM deals WHERE status = 'open'") >= 100);
        Assert.True(Number("SELECT min(created_date) >= DATE '2026-01-01' FROM deals WHERE status = 'open'") == 1);
    }

    [Fact]
    public void Targets_include_the_quarter_after_the_last_complete_one_so_pipeline_coverage_can_be_computed()
    {
        var coverage = Number("""
            SELECT (SELECT sum(amount) FROM deals WHERE status = 'open') / (SELECT sum(quota) FROM targets WHERE quarter = '2026-Q4')
            """);

        Assert.InRange(coverage, 1.0, 6.0);
    }

    [Fact]
    public void Engineering_reps_win_bigger_deals_but_a_smaller_share_of_them()
    {
        const string Sql = """
            SELECT avg(amount) FILTER (WHERE status = 'won') AS avg_won,
                   avg(CASE WHEN status = 'won' THEN 1.0 ELSE 0 END) FILTER (WHERE status IN ('won', 'lost')) AS win_rate
            FROM deals JOIN reps USING (rep_id) WHERE background = '{0}'
            """;
        var engineers = Data.Query(Sql.Replace("{0}", "engineering", StringComparison.Ordinal)).Result!.Rows[0];
        var sellers = Data.Query(Sql.Replace("{0}", "sales", StringComparison.Ordinal)).Result!.Rows[0];

        Assert.True((double)engineers[0]! > (double)sellers[0]! * 1.3);
        Assert.True((double)engineers[1]! < (double)sellers[1]!);
    }

    [Fact]
    public void Discounts_in_the_last_two_weeks_of_a_quarter_exceed_the_rest()
    {
        const string Sql = """
            SELECT avg(discount_pct) FROM deals
            WHERE status = 'won' AND (last_day(date_trunc('quarter', close_date) + INTERVAL 2 MONTH) - close_date < 14) = {0}
            """;

        Assert.True(Number(Sql.Replace("{0}", "true", StringComparison.Ordinal)) > Number(Sql.Replace("{0}", "false", StringComparison.Ordinal)) + 0.04);
    }

    [Fact]
    public void Larger_deals_take_longer_to_close()
    {
        Assert.True(Number("SELECT corr(amount, close_date - created_date) FROM deals WHERE status = 'won'") > 0.4);
        Assert.True(Number("SELECT median(close_date - created_date) FROM deals WHERE status = 'won' AND segment = 'Enterprise'")
            > 2 * Number("SELECT median(close_date - created_date) FROM deals WHERE status = 'won' AND segment = 'SMB'"));
    }

    [Fact]
    public void Activity_volume_explains_little_of_a_reps_win_rate()
    {
        var r = Number("""
            WITH a AS (SELECT rep_id, count(*) * 1.0 / count(DISTINCT date_trunc('month', date)) AS per_month FROM activities GROUP BY 1),
                 w AS (SELECT rep_id, avg(CASE WHEN status = 'won' THEN 1.0 ELSE 0 END) AS win_rate FROM deals WHERE status IN ('won', 'lost') GROUP BY 1)
            SELECT corr(per_month, win_rate) FROM a JOIN w USING (rep_id)
            """);

        Assert.InRange(r * r, 0, 0.15);
    }

    [Fact]
    public void Quota_attainment_spreads_widely_across_rep_quarters()
    {
        const string Attainment = """
            WITH won AS (SELECT rep_id, concat(year(close_date), '-Q', quarter(close_date)) AS quarter, sum(amount) AS booked
                         FROM deals WHERE status = 'won' GROUP BY 1, 2)
            SELECT {0} FROM (SELECT coalesce(booked, 0) / quota AS a FROM targets LEFT JOIN won USING (rep_id, quarter) WHERE quarter <= '2026-Q3')
            """;

        Assert.True(Number(Attainment.Replace("{0}", "quantile_cont(a, 0.9)", StringComparison.Ordinal)) > 1.5);
        Assert.True(Number(Attainment.Replace("{0}", "quantile_cont(a, 0.25)", StringComparison.Ordinal)) < 0.5);
        Assert.InRange(Number(Attainment.Replace("{0}", "avg(CASE WHEN a >= 1 THEN 1.0 ELSE 0 END)", StringComparison.Ordinal)), 0.15, 0.6);
    }
}
