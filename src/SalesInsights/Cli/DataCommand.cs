using System.CommandLine;
using System.Globalization;
using SalesInsights.Data;
using SalesInsights.Data.Generation;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Cli;

/// <summary>
/// <c>data generate</c>: rewrites the sample datasets from the seeded generator; <c>data snapshot</c>: freezes the
/// datasets into the snapshot a pinned article reads (<c>data_as_of</c>).
/// </summary>
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
        return new Command("data", "Work with the site's datasets") { generate, Snapshot() };
    }

    private static Command Snapshot()
    {
        var date = new Argument<string>("date") { Description = "The day the snapshot stands for, YYYY-MM-DD: articles pin it with data_as_of: DATE" };
        var input = new Option<string>("--input") { Description = "Folder of the site's content; the snapshot is written to its data/snapshots/DATE/", DefaultValueFactory = _ => "input" };
        var from = new Option<string?>("--from") { Description = "Folder of the datasets to freeze (CSV or Parquet); the site's data folder by default" };
        var force = new Option<bool>("--force") { Description = "Replace a snapshot of that day: every article pinned to it may change" };
        var command = new Command("snapshot", "Freeze the datasets as Parquet (zstd) into the snapshot that articles pinned to DATE read")
        {
            date, input, from, force,
        };
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var errors = result.InvocationConfiguration.Error;
            var text = result.GetValue(date)!;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                errors.WriteLine($"error: '{text}' is not a day; write it as YYYY-MM-DD, like 2025-10-14");
                return ExitCodes.Usage;
            }
            var inputDirectory = result.GetValue(input)!;
            var dataDirectory = Path.Combine(inputDirectory, "data");
            var source = result.GetValue(from) ?? dataDirectory;
            if (!Directory.Exists(source))
            {
                errors.WriteLine($"error: the folder of datasets '{source}' does not exist; pass --from DIR or --input DIR");
                return ExitCodes.Usage;
            }
            var target = DataSnapshots.PathOf(dataDirectory, day);
            if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !result.GetValue(force))
            {
                errors.WriteLine($"error: {target} already exists and articles pinned to {DataSnapshots.Name(day)} read it; nothing was written. Pass --force to replace it");
                return ExitCodes.ContentErrors;
            }
            var diagnostics = new DiagnosticBag();
            var settings = SiteSettings.Load(inputDirectory, Path.Combine(inputDirectory, SiteSettings.FileName), diagnostics);
            // Written beside, then swapped in: a failed freeze leaves the snapshot that was there.
            var staging = target + ".partial";
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
            var (written, problems) = DataCatalog.Freeze(source, staging, settings.Data);
            if (problems.Length > 0 || written.Length == 0)
            {
                foreach (var problem in problems)
                {
                    errors.WriteLine(problem.ToString());
                }
                if (problems.Length == 0)
                {
                    errors.WriteLine($"error: '{source}' holds no dataset (CSV or Parquet); nothing was written");
                }
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
                return ExitCodes.ContentErrors;
            }
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
            Directory.Move(staging, target);
            foreach (var (dataset, latest) in written)
            {
                var size = new FileInfo(Path.Combine(target, Path.GetFileName(dataset.FilePath))).Length;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{dataset.Name + ".parquet",-20} {dataset.RowCount,8:N0} rows {size / 1024.0,8:N1} KiB"));
                if (latest > day)
                {
                    errors.WriteLine($"warning: '{dataset.Name}' holds rows dated up to {DataSnapshots.Name(latest.Value)}, after {DataSnapshots.Name(day)}: articles pinned to this snapshot will show them. Freeze the data as it stood that day instead.");
                }
            }
            output.WriteLine($"Wrote the snapshot as of {DataSnapshots.Name(day)} to {target}; pin an article to it with: data_as_of: {DataSnapshots.Name(day)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
