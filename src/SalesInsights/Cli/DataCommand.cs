using System.CommandLine;
using System.Globalization;
using SalesInsights.Data.Generation;

namespace SalesInsights.Cli;

/// <summary><c>data generate</c>: rewrites the sample datasets from the seeded generator.</summary>
public static class DataCommand
{
    public static readonly Option<int> Seed = new("--seed") { Description = "Seed of the generator: the same seed always writes the same bytes", DefaultValueFactory = _ => 42 };
    public static readonly Option<string> Output = new("--output") { Description = "Folder to write the CSV files into", DefaultValueFactory = _ => "input/data" };

    public static Command Create()
    {
        var generate = new Command("generate", "Write the sample sales datasets (reps, deals, activities, targets) as CSV")
        {
            Seed, Output,
        };
        generate.SetAction(result =>
        {
            var output = result.GetValue(Output)!;
            var seed = result.GetValue(Seed);
            SampleDataGenerator.Write(output, seed);
            foreach (var file in Directory.EnumerateFiles(output, "*.csv").Order(StringComparer.Ordinal))
            {
                var lines = File.ReadLines(file).Count() - 1;
                result.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file),-16} {lines,8:N0} rows"));
            }
            return ExitCodes.Success;
        });
        return new Command("data", "Work with the site's datasets") { generate };
    }
}
