using SalesInsights.Cli;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Cli;

[Collection("Console")]
public sealed class DataCommandTests
{
    [Fact]
    public async Task Data_generate_writes_the_four_datasets_for_the_given_seed()
    {
        using var folder = new TemporaryFolder();

        var exit = await CliApp.RunAsync(["data", "generate", "--seed", "42", "--output", folder.Root]);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(["activities.csv", "deals.csv", "reps.csv", "targets.csv"], Directory.GetFiles(folder.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Input, "data", "deals.csv")), File.ReadAllText(folder.PathOf("deals.csv")));
    }
    [Fact]
    public async Task Data_snapshot_freezes_the_sites_datasets_as_parquet_under_the_day_and_refuses_to_overwrite_it()
    {
        using var site = new TestSite();
        site.Write("input/data/deals.csv", "deal_id,amount,created_date\nD1,100,2025-01-05\n");

        var exit = await CliApp.RunAsync(["data", "snapshot", "2025-03-31", "--input", site.Input]);
        var again = await CliApp.RunAsync(["data", "snapshot", "2025-03-31", "--input", site.Input]);

        Assert.Equal((ExitCodes.Success, ExitCodes.ContentErrors), (exit, again));
        Assert.Equal(["deals.parquet"], Directory.GetFiles(site.PathOf("input/data/snapshots/2025-03-31")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Data_snapshot_from_another_folder_replaces_a_snapshot_with_force()
    {
        using var site = new TestSite();
        using var asOf = new TemporaryFolder();
        site.Write("input/data/deals.csv", "deal_id,amount\nD1,100\n");
        File.WriteAllText(asOf.PathOf("reps.csv"), "rep_id,name\nR1,Ann\n");
        await CliApp.RunAsync(["data", "snapshot", "2025-03-31", "--input", site.Input]);

        var exit = await CliApp.RunAsync(["data", "snapshot", "2025-03-31", "--input", site.Input, "--from", asOf.Root, "--force"]);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(["reps.parquet"], Directory.GetFiles(site.PathOf("input/data/snapshots/2025-03-31")).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("2025-3-31")]
    [InlineData("today")]
    public async Task Data_snapshot_of_something_that_is_not_a_day_is_a_usage_error(string day)
    {
        using var site = new TestSite();

        Assert.Equal(ExitCodes.Usage, await CliApp.RunAsync(["data", "snapshot", day, "--input", site.Input]));
        Assert.False(Directory.Exists(site.PathOf("input/data/snapshots")));
    }
}
