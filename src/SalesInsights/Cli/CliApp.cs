using System.CommandLine;

namespace SalesInsights.Cli;

/// <summary>The command line: <c>build</c> (also what runs with no command), and the writer and preview commands.</summary>
public static class CliApp
{
    public static RootCommand Create()
    {
        var build = BuildCommand.Create();
        var root = new RootCommand("SalesInsights: a static blog whose charts and numbers are computed from sales data at build time.")
        {
            build,
            PreviewCommand.Create(),
            DataCommand.Create(),
            NewCommand.Create(),
            CheckCommand.Create(),
            ImportCommand.Create(),
        };
        // With no command, build: the options of 'build' are accepted at the root too.
        foreach (var option in build.Options)
        {
            root.Options.Add(option);
        }
        root.SetAction((result, cancellationToken) => BuildCommand.RunAsync(result, cancellationToken));
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parseResult = Create().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }
            await Console.Error.WriteLineAsync("Run with --help to see the commands and options.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        // Ctrl+C (or SIGTERM) cancels the command's token; a build then stops its queries and removes its half-built
        // folder, which takes longer than System.CommandLine's default two seconds of grace on a busy machine.
        return await parseResult.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(15) }).ConfigureAwait(false);
    }
}
