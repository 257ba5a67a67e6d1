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
}
