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

    /// <summary>
    /// Where a build's time went: each pipeline's phases and their modules (phases of different pipelines overlap,
    /// so their times add up to more than the wall time), then the slowest documents. Plain text, for logs.
    /// </summary>
    public void Profile(BuildResult result)
    {
        var process = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
        output.WriteLine();
        output.WriteLine($"Profile: build {Ms(result.Elapsed)} of which pipelines {Ms(result.PipelinesElapsed)} (the rest: settings, theme, data catalog, swapping the output in); process so far {Ms(process)} (start-up and JIT included)");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"This build: CPU {Ms(result.ProcessorTime)} on {Environment.ProcessorCount} cores, allocated {result.AllocatedBytes >> 20} MiB"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GC: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, paused {Ms(GC.GetTotalPauseDuration())}, allocated {GC.GetTotalAllocatedBytes() >> 20} MiB, heap now {GC.GetTotalMemory(false) >> 20} MiB; JIT compiled {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {Ms(System.Runtime.JitInfo.GetCompilationTime())}"));
        if (result.Data is { } data)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Data: {data.Datasets} datasets {(data.Load is { } load ? "loaded in " + Ms(load) : data.Loaded ? "loaded by an earlier build" : "not loaded (no query needed them)")}; {data.Queries} queries ran for {Ms(data.QueryTime)}, {data.StoredAnswers} answered from the query store; {data.ChartsDrawn} charts drawn in {Ms(data.DrawTime)} (their queries included), {data.ChartsFromCache} taken from the cache (times summed over threads)"));
        }
        output.WriteLine($"{"pipeline",-10} {"phase",-12} {"module",-22} {"ms",10} {"documents",10}");
        foreach (var pipeline in result.Timings.GroupBy(t => t.Pipeline).OrderByDescending(g => g.Sum(t => t.Elapsed.Ticks)))
        {
            foreach (var phase in pipeline.GroupBy(t => t.Phase).OrderBy(g => g.Key))
            {
                output.WriteLine($"{pipeline.Key,-10} {phase.Key,-12} {"(phase)",-22} {Ms(TimeSpan.FromTicks(phase.Sum(t => t.Elapsed.Ticks))),10} {phase.Last().Documents,10}");
                foreach (var module in phase)
                {
                    output.WriteLine($"{"",-10} {"",-12} {module.Module,-22} {Ms(module.Elapsed),10} {module.Documents,10}");
                }
            }
        }
        if (result.ModuleAllocations.Length > 0)
        {
            output.WriteLine();
            output.WriteLine("Allocated by per-document modules (on the threads doing the work; writing pages and other modules not included):");
            foreach (var module in result.ModuleAllocations)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{module.Module,-22} {module.Bytes >> 20,8} MiB {module.Documents,10} documents {module.Bytes / Math.Max(1, module.Documents) >> 10,8} KiB each"));
            }
        }
        if (result.SlowestDocuments.Length > 0)
        {
            output.WriteLine();
            output.WriteLine("Slowest documents (per-document modules, summed):");
            foreach (var document in result.SlowestDocuments)
            {
                output.WriteLine($"{Ms(document.Elapsed),10}  {document.Document}");
            }
        }
    }

    private static string Ms(TimeSpan elapsed) => elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    public void Line(string text) => output.WriteLine(text);

    public void Error(string text) => errors.WriteLine(text);
}
