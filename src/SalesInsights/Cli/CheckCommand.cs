using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Cli;

/// <summary>
/// <c>check</c>: everything a build validates (front matter, layouts, charts and their SQL, inline values, links,
/// redirects), without writing anything. It checks the site twice, as production builds it and with drafts as
/// deploy previews build it, so neither a published page nor a draft under review can fail on Netlify after
/// passing here.
/// </summary>
public static class CheckCommand
{
    public const string Text = "text";
    public const string Json = "json";

    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Folder of the site's content", DefaultValueFactory = _ => "input" };
        var theme = new Option<string>("--theme") { Description = "Folder of the theme", DefaultValueFactory = _ => "theme" };
        var format = new Option<string>("--format") { Description = "text: path:line:column: error CODE: message lines; json: an array for tools", DefaultValueFactory = _ => Text };
        format.AcceptOnlyFromAmong(Text, Json);
        var command = new Command("check", "Validate the site as a build would, writing nothing; exits 1 when there are errors")
        {
            input, theme, format,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var options = new CheckOptions(result.GetValue(input)!, result.GetValue(theme)!, result.GetValue(format)!);
            var reporter = options.Format == Json ? new ConsoleReporter(Console.Out, Console.Error, interactive: false) : ConsoleReporter.ForConsole();
            return RunAsync(options, reporter, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(CheckOptions options, ConsoleReporter reporter, CancellationToken cancellationToken)
    {
        var published = new BuildOptions { InputDirectory = options.InputDirectory, ThemeDirectory = options.ThemeDirectory, DryRun = true };
        // One session for both passes: the datasets are loaded once, and work whose inputs match is done once.
        using var session = new BuildSession();
        var (production, withDrafts) = await reporter.WithStatusAsync("Checking the site…", async () => (
            await SiteBuilder.BuildAsync(published, session, cancellationToken).ConfigureAwait(false),
            await SiteBuilder.BuildAsync(published with { IncludeDrafts = true }, session, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);

        var bag = new DiagnosticBag();
        foreach (var diagnostic in production.Diagnostics.Concat(withDrafts.Diagnostics))
        {
            bag.Report(diagnostic);
        }
        var diagnostics = bag.ToSortedArray();
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        if (options.Format == Json)
        {
            reporter.Line(ToJson(diagnostics));
        }
        else
        {
            reporter.Diagnostics(diagnostics);
            foreach (var claim in Claims(withDrafts))
            {
                reporter.Line($"{claim.Path}:{claim.Line}:{claim.Column}: claim holds: {claim.Text} ({claim.Values})");
            }
            var warnings = diagnostics.Length - errors;
            var seconds = (production.Elapsed + withDrafts.Elapsed).TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
            reporter.Line(errors == 0
                ? $"Checked {withDrafts.Pages} pages, drafts included: no errors, {warnings} warning(s) in {seconds} s"
                : $"Check failed: {errors} error(s), {warnings} warning(s) in {seconds} s");
        }
        return errors == 0 ? ExitCodes.Success : ExitCodes.ContentErrors;
    }

    /// <summary>Every claim that was checked and holds, in file and line order (one that fails is an error above).</summary>
    public static IEnumerable<Markdown.Claims.ClaimOutcome> Claims(BuildResult result) => result.Outputs.Values
        .SelectMany(documents => documents)
        .SelectMany(d => d.Get<Markdown.Claims.ClaimOutcome[]>(Keys.Claims) ?? [])
        .Where(c => c.Holds)
        .Distinct()
        .OrderBy(c => c.Path, StringComparer.Ordinal).ThenBy(c => c.Line).ThenBy(c => c.Column);

    /// <summary>The diagnostics as a JSON array of <c>{path, line, column, severity, code, message}</c>.</summary>
    public static string ToJson(IEnumerable<Diagnostic> diagnostics)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("path", d.Path);
                json.WriteNumber("line", d.Line);
                json.WriteNumber("column", d.Column);
                json.WriteString("severity", d.Severity == Severity.Error ? "error" : "warning");
                json.WriteString("code", d.Code);
                json.WriteString("message", d.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>What <c>check</c> was asked for.</summary>
public sealed record CheckOptions(string InputDirectory, string ThemeDirectory, string Format = CheckCommand.Text);
