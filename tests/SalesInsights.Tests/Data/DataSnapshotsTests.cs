using DuckDB.NET.Data;
using SalesInsights.Data;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Data;

public sealed class DataSnapshotsTests
{
    private const string Deals = "deal_id,amount,created_date\nD1,100,2025-01-05\nD2,250,2025-02-10\n";

    private static TemporaryFolder DataFolder(string deals = Deals)
    {
        var folder = new TemporaryFolder("si-snap-");
        File.WriteAllText(folder.PathOf("deals.csv"), deals);
        File.WriteAllText(folder.PathOf("reps.csv"), "rep_id,name\nR1,Ann\n");
        return folder;
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Freezing_writes_each_dataset_as_zstd_parquet_with_its_rows_and_latest_date()
    {
        using var data = DataFolder();
        var target = DataSnapshots.PathOf(data.Root, Day("2025-03-01"));

        var (written, problems) = DataCatalog.Freeze(data.Root, target);

        Assert.Empty(problems);
        Assert.Equal(["deals.parquet", "reps.parquet"], Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal((2L, Day("2025-02-10")), written.Where(w => w.Dataset.Name == "deals").Select(w => (w.Dataset.RowCount, w.Latest!.Value)).Single());
        Assert.Null(written.Single(w => w.Dataset.Name == "reps").Latest);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT DISTINCT compression FROM parquet_metadata('{Path.Combine(target, "deals.parquet")}')";
        Assert.Equal("ZSTD", command.ExecuteScalar());
    }

    [Fact]
    public void A_snapshot_reads_what_was_frozen_after_the_live_data_grows()
    {
        using var data = DataFolder();
        DataCatalog.Freeze(data.Root, DataSnapshots.PathOf(data.Root, Day("2025-03-01")));
        File.AppendAllText(data.PathOf("deals.csv"), "D3,900,2025-04-02\n");
        using var live = DataCatalog.Open(data.Root, data.Root);
        using var snapshots = new DataSnapshots(data.Root, data.Root);

        var pinned = snapshots.Catalog(Day("2025-03-01"))!;

        Assert.Equal(1250.0, QueryResult.AsDouble(live.Query("SELECT sum(amount) FROM deals").Result!.Rows[0][0]));
        Assert.Equal(350.0, QueryResult.AsDouble(pinned.Query("SELECT sum(amount) FROM deals").Result!.Rows[0][0]));
        Assert.Equal("2025-03-01", pinned.Snapshot);
        Assert.Null(live.Snapshot);
    }

    [Fact]
    public void The_live_catalog_does_not_read_the_snapshots_folder_as_datasets()
    {
        using var data = DataFolder();
        DataCatalog.Freeze(data.Root, DataSnapshots.PathOf(data.Root, Day("2025-03-01")));

        using var live = DataCatalog.Open(data.Root, data.Root);

        Assert.Equal(["deals", "reps"], live.Datasets.Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.Empty(live.Problems);
    }

    [Fact]
    public void A_missing_snapshot_has_no_catalog_and_the_dates_list_only_snapshots_that_hold_data()
    {
        using var data = DataFolder();
        DataCatalog.Freeze(data.Root, DataSnapshots.PathOf(data.Root, Day("2025-03-01")));
        Directory.CreateDirectory(DataSnapshots.PathOf(data.Root, Day("2025-04-01")));
        using var snapshots = new DataSnapshots(data.Root, data.Root);

        Assert.Null(snapshots.Catalog(Day("2025-05-01")));
        Assert.False(snapshots.Exists(Day("2025-04-01")));
        Assert.Equal([Day("2025-03-01")], snapshots.Dates);
    }

    [Theory]
    [InlineData("COPY deals TO '/tmp/si-snapshot-escape.parquet' (FORMAT parquet)")]
    [InlineData("CREATE TABLE extra AS SELECT * FROM deals")]
    [InlineData("SELECT * FROM read_parquet('deals.parquet')")]
    public void A_snapshot_refuses_writes_and_file_reads_like_the_live_data(string sql)
    {
        using var data = DataFolder();
        DataCatalog.Freeze(data.Root, DataSnapshots.PathOf(data.Root, Day("2025-03-01")));
        using var snapshots = new DataSnapshots(data.Root, data.Root);

        var outcome = snapshots.Catalog(Day("2025-03-01"))!.Query(sql);

        Assert.False(outcome.Succeeded);
        Assert.False(File.Exists("/tmp/si-snapshot-escape.parquet"));
    }

    [Fact]
    public void Stored_answers_of_a_snapshot_are_kept_apart_from_the_live_datas_even_for_the_same_bytes()
    {
        using var data = DataFolder();
        using var cache = new TemporaryFolder("si-cache-");
        DataCatalog.Freeze(data.Root, DataSnapshots.PathOf(data.Root, Day("2025-03-01")));
        DataCatalog.Freeze(data.Root, DataSnapshots.PathOf(data.Root, Day("2025-03-02")));
        using var snapshots = new DataSnapshots(data.Root, data.Root, cacheDirectory: cache.Root);
        var first = snapshots.Catalog(Day("2025-03-01"))!;
        first.Query("SELECT count(*) FROM deals");
        File.AppendAllText(data.PathOf("deals.csv"), "D3,900,2025-04-02\n");
        using var live = DataCatalog.Open(data.Root, data.Root, cacheDirectory: cache.Root);

        var second = snapshots.Catalog(Day("2025-03-02"))!;
        second.Query("SELECT count(*) FROM deals");

        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
        Assert.NotEqual(first.Fingerprint, live.Fingerprint);
        Assert.Equal(3L, live.Query("SELECT count(*) FROM deals").Result!.Rows[0][0]);
        Assert.Equal(0, second.StoredAnswers);
    }
}
