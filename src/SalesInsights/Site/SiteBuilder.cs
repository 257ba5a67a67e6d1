using System.Collections.Immutable;
using System.Diagnostics;
using SalesInsights.Charts;
using SalesInsights.Data;
using SalesInsights.Git;
using SalesInsights.Markdown;
using SalesInsights.Pipeline;
using SalesInsights.Templates;

namespace SalesInsights.Site;

/// <summary>
/// Builds the site: loads settings and theme, runs the pipelines, and only when the whole build succeeded swaps
/// the new output in for the old one. A failed build leaves the previous output exactly as it was.
/// </summary>
public static class SiteBuilder
{
    /// <summary>Shared across builds of one process (the preview rebuilds many times): the Markdig pipeline is frozen and thread-safe.</summary>
    private static readonly Lazy<MarkdownRenderer> Markdown = new(() => new MarkdownRenderer(MarkdownFeatures.All));

    /// <summary>Under this key a build session keeps the data catalog, reopened when <see cref="CatalogStamp"/> changes.</summary>
    public const string CatalogKey = "data-catalog";

    /// <summary>Under this key a build session keeps the data's snapshots, reopened when one of them changes.</summary>
    public const string SnapshotsKey = "data-snapshots";

    public static string CatalogStamp(BuildOptions options, DataOptions data) =>
        DataCatalog.StampOf(Path.Combine(options.InputDirectory, "data")) + "|" + options.SiteRoot + "|" + data.Stamp;

    public static Task<BuildResult> BuildAsync(BuildOptions options, CancellationToken cancellationToken) =>
        BuildAsync(options, null, cancellationToken);

    /// <param name="session">Keeps per-document results between builds (the preview); see <see cref="BuildSession"/>.</param>
    public static async Task<BuildResult> BuildAsync(BuildOptions options, BuildSession? session, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var processorTime = Environment.CpuUsage.TotalTime;
        var allocated = GC.GetTotalAllocatedBytes();
        options = options.Resolve();
        var diagnostics = new DiagnosticBag();
        if (!Directory.Exists(options.InputDirectory))
        {
            diagnostics.Report(Diagnostic.Error("SI0003", $"the input folder '{options.InputDirectory}' does not exist; pass --input DIR", options.Relative(options.InputDirectory)));
            return new BuildResult(diagnostics.ToSortedArray(), ImmutableDictionary<string, ImmutableArray<Document>>.Empty, 0, 0, watch.Elapsed, []);
        }

        var dataDirectory = Path.Combine(options.InputDirectory, "data");
        var sandbox = options.Sandbox();
        var settings = SiteSettings.Load(options.InputDirectory, options.Relative(Path.Combine(options.InputDirectory, SiteSettings.FileName)), diagnostics);
        if (options.BaseUrl is { } baseUrl)
        {
            settings = settings with { BaseUrl = baseUrl.TrimEnd('/') };
        }
        // Every figure this build formats, wherever it is drawn, is in the site's currency unless it names its own.
        Formatting.ValueFormatter.SiteCurrency = settings.Currency;
        // Loading the datasets into DuckDB (0.4-0.8 s for the sample site's) starts first and goes on while the
        // theme loads. A preview keeps the catalog open between builds: loading every dataset is most of a small
        // rebuild.
        var opened = false;
        var opening = Task.Run(() =>
        {
            DataCatalog Open()
            {
                opened = true;
                return DataCatalog.Open(dataDirectory, options.SiteRoot, settings.Data, sandbox, options.CacheDirectory);
            }
            return session is null ? Open() : session.Keep(CatalogKey, CatalogStamp(options, settings.Data), Open);
        }, CancellationToken.None);

        // Snapshots of the data that pinned articles read: each is opened when the first article asks for it.
        var snapshotsStamp = DataSnapshots.StampOf(Path.Combine(dataDirectory, DataSnapshots.Folder)) + "|" + options.SiteRoot + "|" + settings.Data.Stamp;
        DataSnapshots OpenSnapshots() => new(dataDirectory, options.SiteRoot, settings.Data, sandbox, options.CacheDirectory);
        var snapshots = session is null ? OpenSnapshots() : session.Keep(SnapshotsKey, snapshotsStamp, OpenSnapshots);

        var theme = Theme.Load(options.ThemeDirectory, options.InputDirectory, options.Relative, diagnostics);
        var catalog = await opening.ConfigureAwait(false);

        // A build that writes holds the output's lock until its folder is swapped in (or thrown away): a second build
        // into the same output waits. Holding it, the build clears what killed builds left beside the output.
        using var outputLock = options.DryRun || options.InMemory ? null : await OutputLock.AcquireAsync(options.OutputDirectory, options.Notice, cancellationToken).ConfigureAwait(false);
        if (outputLock is not null)
        {
            RemoveDebris(options.OutputDirectory);
        }
        var staging = outputLock is null ? null : StagingFolder(options.OutputDirectory);
        var target = new OutputTarget(staging, writesPagesEarly: session is null);
        var charts = new ChartCache(Path.Combine(options.CacheDirectory!, "charts")) { DrawsMisses = session?.Provisional != true };
        var (queriesBefore, queryTimeBefore, storedBefore, loadedBefore) = (catalog.ExecutedQueries, catalog.QueryTime, catalog.StoredAnswers, catalog.IsLoaded);
        var images = new Imaging.ImageVariants(options.CacheDirectory!) { MakesMisses = session?.Provisional != true };
        List<object> services = [options, sandbox, settings, theme, Markdown.Value, target, catalog, snapshots, charts, images, new SourceHistory(options.InputDirectory, cancellationToken)];
        var documentTimings = options.Profile ? new DocumentTimings() : null;
        if (documentTimings is not null)
        {
            services.Add(documentTimings);
        }

        EngineResult result;
        // Ctrl+C stops the queries running now too, instead of letting them run on to their time limit.
        using var interrupt = cancellationToken.Register(() =>
        {
            catalog.InterruptRunning();
            foreach (var pinned in snapshots.Opened)
            {
                pinned.InterruptRunning();
            }
        });
        try
        {
            result = await new Engine(SitePipelines.Create(), services, session).RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await target.CompleteAsync().ConfigureAwait(false); // no writer may still be writing into the folder
            DeleteQuietly(staging);
            throw;
        }
        finally
        {
            foreach (var disposable in services.OfType<IDisposable>().Where(s => session?.Owns(s) != true))
            {
                disposable.Dispose();
            }
        }
        // After the run: a catalog that waited for a query to load its datasets reports what loading found then.
        foreach (var problem in catalog.Problems.Concat(snapshots.Opened.SelectMany(c => c.Problems)))
        {
            diagnostics.Report(problem);
        }
        foreach (var diagnostic in result.Diagnostics.ToSortedArray())
        {
            diagnostics.Report(diagnostic);
        }
        foreach (var problem in await target.CompleteAsync().ConfigureAwait(false))
        {
            diagnostics.Report(Diagnostic.Error("SI0004", problem, options.Relative(options.OutputDirectory)));
        }

        // A query that failed only because its dataset did not load adds nothing to the dataset's own error.
        var sorted = diagnostics.ToSortedArray().RemoveAll(d => catalog.IsFollowOn(d) || snapshots.Opened.Any(c => c.IsFollowOn(d)));
        var pages = result.Outputs.Values.Sum(docs => docs.Count(d => d.Destination?.EndsWith(".html", StringComparison.Ordinal) == true));
        if (staging is not null)
        {
            if (sorted.Any(d => d.Severity == Severity.Error))
            {
                DeleteQuietly(staging);
            }
            else
            {
                SwapIn(staging, options.OutputDirectory);
            }
        }
        return new BuildResult(sorted, result.Outputs, pages, target.FilesWritten, watch.Elapsed, result.Timings)
        {
            SlowestDocuments = documentTimings?.Slowest(10) ?? [],
            ModuleAllocations = documentTimings?.Allocations() ?? [],
            PipelinesElapsed = result.Elapsed,
            ChartsDeferred = charts.Deferred,
            ImagesDeferred = images.Deferred,
            ProcessorTime = Environment.CpuUsage.TotalTime - processorTime,
            AllocatedBytes = GC.GetTotalAllocatedBytes() - allocated,
            Data = new DataActivity(catalog.Datasets.Length, (opened || !loadedBefore) && catalog.IsLoaded ? catalog.LoadTime : null, catalog.ExecutedQueries - queriesBefore,
                catalog.QueryTime - queryTimeBefore, charts.Misses, charts.DrawTime, charts.Hits)
            {
                StoredAnswers = catalog.StoredAnswers - storedBefore,
                Loaded = catalog.IsLoaded,
            },
        };
    }

    /// <summary>
    /// Deletes the staging and old-output folders of earlier builds of <paramref name="output"/> that never finished
    /// (killed, out of power). Called only under the output's lock, so none of them belongs to a running build.
    /// </summary>
    private static void RemoveDebris(string output)
    {
        var full = output.TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(parent))
        {
            return;
        }
        var name = Path.GetFileName(full);
        foreach (var pattern in new[] { $".{name}.staging-*", $".{name}.old-*" })
        {
            foreach (var debris in Directory.EnumerateDirectories(parent, pattern))
            {
                DeleteQuietly(debris);
            }
        }
    }

    private static string StagingFolder(string output)
    {
        var parent = Path.GetDirectoryName(output.TrimEnd(Path.DirectorySeparatorChar))!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(output)}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return staging;
    }

    /// <summary>Two renames on the same volume: readers of the output see the old site or the new one, never half of each.</summary>
    private static void SwapIn(string staging, string output)
    {
        string? old = null;
        if (Directory.Exists(output))
        {
            old = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.old-{Guid.NewGuid():N}");
            Directory.Move(output, old);
        }
        Directory.Move(staging, output);
        DeleteQuietly(old);
    }

    private static void DeleteQuietly(string? directory)
    {
        try
        {
            if (directory is not null && Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover staging folder is harmless (it is hidden and ignored by git); never fail a build over it.
        }
    }
}
