using System.CommandLine;
using SalesInsights.Import;
using SalesInsights.Site;

namespace SalesInsights.Cli;

/// <summary>
/// <c>import hugo DIR</c> and <c>import jekyll DIR</c>: an existing site's content, pictures, static files, CSV data
/// and settings brought into the input folder, with every file or setting that could not be carried over named at
/// its file and line, then the imported site checked as a build would, so what the writer must look at is listed
/// at once. Writes nothing outside the input folder, and nothing at all when a file is in the way, unless --force.
/// </summary>
public static class ImportCommand
{
    public const string Hugo = "hugo";
    public const string Jekyll = "jekyll";

    public static Command Create()
    {
        var command = new Command("import", "Bring an existing Hugo or Jekyll site's content into the input folder");
        foreach (var generator in new[] { Hugo, Jekyll })
        {
            var site = new Argument<string>("dir") { Description = $"The {generator} site's folder (the one holding {(generator == Hugo ? "content/ and hugo.toml" : "_posts/ and _config.yml")})" };
            var input = new Option<string>("--input") { Description = "Folder of this site's content to import into", DefaultValueFactory = _ => "input" };
            var theme = new Option<string>("--theme") { Description = "Folder of the theme, for checking the result", DefaultValueFactory = _ => "theme" };
            var force = new Option<bool>("--force") { Description = "Overwrite files already in the input folder (site.yml: only the keys imported)" };
            var sub = new Command(generator, $"Import a {(generator == Hugo ? "Hugo" : "Jekyll")} site") { site, input, theme, force };
            sub.SetAction((result, cancellationToken) => RunAsync(
                new ImportOptions(generator, result.GetValue(site)!, result.GetValue(input)!, result.GetValue(theme)!, result.GetValue(force)),
                ConsoleReporter.ForConsole(), cancellationToken));
            command.Subcommands.Add(sub);
        }
        return command;
    }

    public static async Task<int> RunAsync(ImportOptions options, ConsoleReporter reporter, CancellationToken cancellationToken)
    {
        var oldSite = Path.GetFullPath(options.SiteDirectory);
        if (!Directory.Exists(oldSite))
        {
            reporter.Error($"error: the folder '{options.SiteDirectory}' does not exist");
            return ExitCodes.Usage;
        }
        var input = Path.GetFullPath(options.InputDirectory);
        if (input.StartsWith(oldSite.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || input == oldSite)
        {
            reporter.Error($"error: the input folder '{options.InputDirectory}' is inside the site being imported; import into a folder of its own");
            return ExitCodes.Usage;
        }
        var shown = options.SiteDirectory.Replace('\\', '/').TrimEnd('/');
        var plan = options.Generator == Hugo ? HugoImport.Plan(oldSite, shown) : JekyllImport.Plan(oldSite, shown);
        var outcome = await WriteImport.RunAsync(plan, input, options.Force, cancellationToken).ConfigureAwait(false);
        if (!outcome.InTheWay.IsEmpty)
        {
            foreach (var path in outcome.InTheWay)
            {
                reporter.Error($"error: {options.InputDirectory.TrimEnd('/')}/{path} already exists");
            }
            reporter.Error($"Nothing was written: {outcome.InTheWay.Length} file(s) of the import are already there. Import into an empty folder (--input DIR), or pass --force to overwrite them");
            return ExitCodes.ContentErrors;
        }
        reporter.Diagnostics(plan.Notes);
        foreach (var problem in outcome.Problems)
        {
            reporter.Error("error: " + problem);
        }
        var articles = plan.Files.Count(f => f.Target.StartsWith("posts/", StringComparison.Ordinal) && PlanBuilder.IsMarkdown(f.Target));
        var pages = plan.Files.Count(f => f.Target.StartsWith("pages/", StringComparison.Ordinal) && PlanBuilder.IsMarkdown(f.Target));
        reporter.Line($"Imported {articles} article(s), {pages} page(s) and {plan.Files.Length - articles - pages} other file(s) into {options.InputDirectory}" +
            (plan.Settings.IsEmpty ? string.Empty : $", and {plan.Settings.Length} setting(s) into site.yml") + $"; {plan.Notes.Length} thing(s) not carried over are listed above");

        // What the build will say about the imported files (shortcodes, unknown keys, missing dates) is listed now, at their new lines.
        if (!Directory.Exists(options.ThemeDirectory))
        {
            reporter.Line($"Run 'check --input {options.InputDirectory}' to see what the build will say about the imported files");
            return outcome.Problems.IsEmpty ? ExitCodes.Success : ExitCodes.ContentErrors;
        }
        var check = await SiteBuilder.BuildAsync(new BuildOptions { InputDirectory = input, ThemeDirectory = options.ThemeDirectory, DryRun = true, IncludeDrafts = true }, cancellationToken).ConfigureAwait(false);
        reporter.Diagnostics(check.Diagnostics);
        reporter.Line(check.Succeeded
            ? $"Checked the site with drafts: {check.Pages} pages, no errors, {check.Warnings} warning(s)"
            : $"Checked the site with drafts: {check.Errors} error(s) to fix before it builds, {check.Warnings} warning(s)");
        return outcome.Problems.IsEmpty ? ExitCodes.Success : ExitCodes.ContentErrors;
    }
}

/// <summary>What <c>import</c> was asked for.</summary>
public sealed record ImportOptions(string Generator, string SiteDirectory, string InputDirectory, string ThemeDirectory, bool Force);
