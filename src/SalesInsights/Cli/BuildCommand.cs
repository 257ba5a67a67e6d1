using System.CommandLine;
using SalesInsights.Site;

namespace SalesInsights.Cli;

/// <summary><c>build</c>: the whole site into the output folder, or nothing at all when there are errors.</summary>
public static class BuildCommand
{
    public static readonly Option<string> Input = new("--input") { Description = "Folder of the site's content", DefaultValueFactory = _ => "input" };
    public static readonly Option<string> Theme = new("--theme") { Description = "Folder of the theme", DefaultValueFactory = _ => "theme" };
    public static readonly Option<string> Output = new("--output") { Description = "Folder to write the site into", DefaultValueFactory = _ => "output" };
    public static readonly Option<bool> Drafts = new("--drafts") { Description = "Include drafts and future-dated articles" };
    public static readonly Option<string?> BaseUrl = new("--base-url") { Description = "Absolute URL the site is served from (overrides site.yml)" };
    public static readonly Option<bool> CheckExternal = new("--check-external") { Description = "Also check links to other sites (slow; answers are cached in .cache/ for a week)" };
    public static readonly Option<bool> Profile = new("--profile") { Description = "Print where the build's time went: per pipeline, phase and module, and the slowest documents" };

    public static Command Create()
    {
        var command = new Command("build", "Build the site into the output folder (the default command)")
        {
            Input, Theme, Output, Drafts, BaseUrl, CheckExternal, Profile,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result, cancellationToken));
        return command;
    }

    public static BuildOptions OptionsFrom(ParseResult result) => new()
    {
        InputDirectory = result.GetValue(Input)!,
        ThemeDirectory = result.GetValue(Theme)!,
        OutputDirectory = result.GetValue(Output)!,
        IncludeDrafts = result.GetValue(Drafts),
        BaseUrl = result.GetValue(BaseUrl),
        CheckExternalLinks = result.GetValue(CheckExternal),
        Profile = result.GetValue(Profile),
    };

    public static Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        RunAsync(OptionsFrom(parseResult), ConsoleReporter.ForConsole(), cancellationToken);

    /// <summary>Builds, prints the diagnostics and the summary, and returns the exit code.</summary>
    public static async Task<int> RunAsync(BuildOptions options, ConsoleReporter reporter, CancellationToken cancellationToken)
    {
        options = options with { Notice = reporter.Line };
        var result = await reporter.WithStatusAsync("Building the site…", () => SiteBuilder.BuildAsync(options, cancellationToken)).ConfigureAwait(false);
        reporter.Diagnostics(result.Diagnostics);
        reporter.Summary(result, "Built", options.OutputDirectory);
        if (options.Profile)
        {
            reporter.Profile(result);
        }
        return result.Succeeded ? ExitCodes.Success : ExitCodes.ContentErrors;
    }
}
