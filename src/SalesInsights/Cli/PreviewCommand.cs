using System.CommandLine;
using System.Globalization;
using SalesInsights.Preview;

namespace SalesInsights.Cli;

/// <summary>
/// <c>preview</c>: builds the site with drafts and future posts, serves it at http://127.0.0.1:5080 and rebuilds
/// on every save. Exit codes: 0 after Ctrl+C, 2 when the address cannot be used (port taken, bad host).
/// </summary>
public static class PreviewCommand
{
    public static readonly Option<int> Port = new("--port") { Description = "Port to serve on", DefaultValueFactory = _ => PreviewOptions.DefaultPort };
    public static readonly Option<string> Host = new("--host") { Description = "Address to listen on; anything but loopback shows your drafts to the network", DefaultValueFactory = _ => PreviewOptions.DefaultHost };
    public static readonly Option<string[]> AllowHost = new("--allow-host") { Description = "Another host name the preview answers to (requests naming any other host are refused)", AllowMultipleArgumentsPerToken = false };
    public static readonly Option<bool> NoOpen = new("--no-open") { Description = "Do not open a browser" };

    public static Command Create()
    {
        var command = new Command("preview", "Serve the site locally with drafts, rebuild on every save and reload the browser")
        {
            BuildCommand.Input, BuildCommand.Theme, Port, Host, AllowHost, NoOpen, BuildCommand.Profile,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var options = new PreviewOptions
        {
            InputDirectory = parseResult.GetValue(BuildCommand.Input)!,
            ThemeDirectory = parseResult.GetValue(BuildCommand.Theme)!,
            Port = parseResult.GetValue(Port),
            Host = parseResult.GetValue(Host)!,
            AllowedHosts = parseResult.GetValue(AllowHost) ?? [],
            OpenBrowser = !parseResult.GetValue(NoOpen),
            Profile = parseResult.GetValue(BuildCommand.Profile),
        };
        var reporter = ConsoleReporter.ForConsole();
        if (options.Port is < 0 or > 65535)
        {
            reporter.Error($"error: --port must be between 0 and 65535, not {options.Port.ToString(CultureInfo.InvariantCulture)}");
            return ExitCodes.Usage;
        }
        if (!PreviewServer.IsLoopback(options.Host))
        {
            reporter.Error($"warning: serving on {options.Host}: anyone who can reach this machine can read your drafts");
        }

        await using var server = new PreviewServer(options, reporter);
        try
        {
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PreviewUnavailableException e)
        {
            reporter.Error("error: " + e.Message);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Success;
        }
        reporter.Line($"Serving {server.Address} (drafts and future posts included). Watching {server.Site.Options.InputDirectory} and {server.Site.Options.ThemeDirectory}. Ctrl+C stops.");
        if (options.OpenBrowser && !BrowserLauncher.TryOpen(server.Address))
        {
            reporter.Line("Could not open a browser: open the address above yourself.");
        }
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            reporter.Line("Stopping the preview.");
        }
        return ExitCodes.Success;
    }
}
