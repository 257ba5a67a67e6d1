using System.Globalization;
using SalesInsights.Pipeline;
using SalesInsights.Site;
using Spectre.Console;

namespace SalesInsights.Cli;

/// <summary>
/// Prints diagnostics and the closing summary: colour and a status spinner on a terminal, plain lines when the
/// output is redirected (CI logs, editors), always in the <c>path:line:column: error CODE: message</c> form.
/// </summary>
public sealed class ConsoleReporter(TextWriter output, TextWriter errors, bool interactive)
{
    public static ConsoleReporter ForConsole() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected && !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Ansi);

    public bool Interactive => interactive;

    /// <summary>Runs <paramref name="work"/> under a spinner on a terminal, plainly otherwise.</summary>
    public async Task<T> WithStatusAsync<T>(string message, Func<Task<T>> work)
    {
        if (!interactive)
        {
            return await work().ConfigureAwait(false);
        }
        return await AnsiConsole.Status().Spinner(Spinner.Known.Dots).StartAsync(message, _ => work()).ConfigureAwait(false);
    }

    public void Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (interactive)
            {
                var colour = diagnostic.Severity == Severity.Error ? "red" : "yellow";
                AnsiConsole.MarkupLine($"[{colour}]{Markup.Escape(diagnostic.ToString())}[/]");
            }
            else
            {
                errors.WriteLine(diagnostic.ToString());
            }
        }
    }

    public void Summary(BuildResult result, string verb, string? outputDirectory)
    {
        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var where = outputDirectory is null ? string.Empty : $" into {outputDirectory}";
        var line = result.Succeeded
            ? $"{verb} {result.Pages} pages ({result.FilesWritten} files){where} in {seconds} s"
            : $"{verb} failed: {result.Errors} error(s), {result.Warnings} warning(s) in {seconds} s; the previous output was left as it was";
        if (interactive)
        {
            AnsiConsole.MarkupLine(result.Succeeded ? $"[green]✓[/] {Markup.Escape(line)}" : $"[red]✗[/] {Markup.Escape(line)}");
        }
        else
        {
            output.WriteLine(line);
        }
    }

    public void Line(string text) => output.WriteLine(text);

    public void Error(string text) => errors.WriteLine(text);
}
