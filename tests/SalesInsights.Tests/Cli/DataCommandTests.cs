using SalesInsights.Cli;

namespace SalesInsights.Tests.Cli;

[Collection("Console")]
public sealed class DataCommandTests
{
    [Fact]
    public async Task Data_generate_writes_the_four_datasets_for_the_given_seed()
    {
        var directory = Path.Combine(Path.GetTempPath(), "si-cli-data-" + Guid.NewGuid().ToString("N"));
        try
        {
            var exit = await CliApp.RunAsync(["data", "generate", "--seed", "42", "--output", directory]);

            Assert.Equal(ExitCodes.Success, exit);
            Assert.Equal(["activities.csv", "deals.csv", "reps.csv", "targets.csv"], Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal(File.ReadAllText(Path.Combine(Support.Repository.Input, "data", "deals.csv")), File.ReadAllText(Path.Combine(directory, "deals.csv")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
