using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using SalesInsights.Cli;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Preview;

/// <summary>
/// Keeps the preview's site built: one <see cref="BuildSession"/> for the life of the preview, so each rebuild
/// redoes only the documents whose inputs changed; the last good snapshot is served until a build succeeds again;
/// browsers are told what changed (reload, swap a stylesheet, show or hide the error overlay).
/// </summary>
public sealed class PreviewSite(BuildOptions options, ReloadHub hub, ConsoleReporter reporter) : IDisposable
{
    /// <summary>Above this many changed files every open page reloads, without a file list.</summary>
    private const int MaxListedChanges = 200;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource _firstBuild = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private State _state = new(SiteSnapshot.Empty, []);

    /// <summary>Tells a page of this server from a page of an earlier one (after a restart, pages reload).</summary>
    public string SessionId { get; } = Guid.NewGuid().ToString("N")[..12];

    public BuildOptions Options { get; } = options;

    public BuildSession Session { get; } = new();

    /// <summary>The last good build.</summary>
    public SiteSnapshot Snapshot => Volatile.Read(ref _state).Snapshot;

    /// <summary>The errors of the last build when it failed; empty when it succeeded.</summary>
    public ImmutableArray<Diagnostic> Errors => Volatile.Read(ref _state).Errors;

    /// <summary>Completes once the first build is over, whatever its outcome.</summary>
    public Task FirstBuild => _firstBuild.Task;

    /// <summary>How long the last build took, from the start of the build to the new snapshot being served.</summary>
    public TimeSpan LastBuildTime { get; private set; }

    /// <summary>The events a browser gets when it connects: who we are, and the errors if the last build failed.</summary>
    public IEnumerable<PreviewEvent> Greeting()
    {
        var state = Volatile.Read(ref _state);
        yield return new PreviewEvent("hello", PreviewMessages.Serialize(new HelloMessage(SessionId, state.Snapshot.Generation)));
        if (!state.Errors.IsEmpty)
        {
            yield return ErrorsEvent(state.Errors);
        }
    }

    /// <summary>
    /// Builds the site and publishes the outcome. <paramref name="changedFiles"/> (absolute paths) is what the watcher
    /// saw change since the last build, or null when nobody knows (the first build): files it does not name are
    /// taken from the last build without being looked at, and it shapes the browser event (a stylesheet swap).
    /// A change to a folder (a move, or the watcher losing events) makes the build look at every file again.
    /// </summary>
    public async Task RebuildAsync(IReadOnlyCollection<string>? changedFiles, CancellationToken cancellationToken) =>
        await RebuildAsync(changedFiles, announce: true, provisional: false, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The first build, quick rather than complete: charts the chart cache does not have yet stand as notes that
    /// they are being drawn, and pictures not resized yet are shown as they are, so pages are served within moments
    /// of starting. True when it left any chart or picture size out: then
    /// <see cref="RebuildAsync(IReadOnlyCollection{string}?, CancellationToken)"/> must follow, and open pages
    /// reload with them.
    /// </summary>
    public async Task<bool> StartAsync(CancellationToken cancellationToken) =>
        (await RebuildAsync(null, announce: true, provisional: true, cancellationToken).ConfigureAwait(false)) is { } first && (first.ChartsDeferred > 0 || first.ImagesDeferred > 0);

    /// <summary>
    /// Two throwaway rebuilds after the first: they run the code paths of a rebuild often enough for the runtime to
    /// compile them optimised, so the first save is as fast as the later ones. Their results are not published
    /// (a file saved meanwhile is the watcher's next rebuild, compared with what browsers have).
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < 2; i++)
        {
            await RebuildAsync([], announce: false, provisional: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <param name="announce">False for a warm-up: build, but publish nothing.</param>
    /// <param name="provisional">True for the quick first build (<see cref="BuildSession.Provisional"/>).</param>
    private async Task<BuildResult?> RebuildAsync(IReadOnlyCollection<string>? changedFiles, bool announce, bool provisional, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var watch = Stopwatch.StartNew();
            Session.ChangedPaths = changedFiles is null || changedFiles.Any(Directory.Exists) ? null : changedFiles.ToHashSet(StringComparer.Ordinal);
            Session.Provisional = provisional;
            changedFiles ??= [];
            BuildResult result;
            try
            {
                result = await SiteBuilder.BuildAsync(Options, Session, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Broken I/O (a file vanished mid-build): report it like a content error and keep serving.
                result = new BuildResult([Diagnostic.Error(DiagnosticBag.ModuleFailure, $"the build stopped: {e.Message}", "(build)")],
                    ImmutableDictionary<string, ImmutableArray<Document>>.Empty, 0, 0, watch.Elapsed, []);
            }
            if (announce)
            {
                Publish(result, changedFiles, watch);
            }
            return result;
        }
        finally
        {
            _gate.Release();
            _firstBuild.TrySetResult();
        }
    }

    private void Publish(BuildResult result, IReadOnlyCollection<string> changedFiles, Stopwatch watch)
    {
        var previous = Volatile.Read(ref _state);
        reporter.Diagnostics(result.Diagnostics);
        if (Options.Profile)
        {
            reporter.Profile(result);
        }
        if (!result.Succeeded)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToImmutableArray();
            Volatile.Write(ref _state, previous with { Errors = errors });
            LastBuildTime = watch.Elapsed;
            reporter.Line($"✗ Build failed with {errors.Length} error(s) in {Milliseconds(watch.Elapsed)}; still serving the last good build");
            hub.Publish(ErrorsEvent(errors));
            return;
        }

        var snapshot = SiteSnapshot.From(result, previous.Snapshot);
        Volatile.Write(ref _state, new State(snapshot, []));
        LastBuildTime = watch.Elapsed;
        var activity = Session.LastBuild;
        var waiting = (result.ChartsDeferred, result.ImagesDeferred) switch
        {
            (0, 0) => string.Empty,
            (var charts, 0) => string.Create(CultureInfo.InvariantCulture, $"; serving it while {charts} chart(s) are drawn"),
            (0, var images) => string.Create(CultureInfo.InvariantCulture, $"; serving it while {images} picture(s) are resized"),
            var (charts, images) => string.Create(CultureInfo.InvariantCulture, $"; serving it while {charts} chart(s) are drawn and {images} picture(s) resized"),
        };
        reporter.Line(string.Create(CultureInfo.InvariantCulture,
            $"✓ Built in {Milliseconds(watch.Elapsed)}: {(ReferenceEquals(snapshot, previous.Snapshot) ? 0 : snapshot.Changed.Length)} file(s) changed; " +
            $"rendered {activity.Executed("RenderMarkdown")} article(s) and laid out {activity.Executed("ApplyLayout")} page(s), reused {activity.Reused("RenderMarkdown")} and {activity.Reused("ApplyLayout")}{waiting}"));

        if (ReferenceEquals(snapshot, previous.Snapshot))
        {
            if (!previous.Errors.IsEmpty)
            {
                hub.Publish(new PreviewEvent("ok", "{}"));
            }
            return;
        }
        var swaps = changedFiles.Count > 0 && changedFiles.All(f => f.EndsWith(".css", StringComparison.OrdinalIgnoreCase))
            ? CssSwaps(previous.Snapshot, snapshot)
            : [];
        if (swaps.Count > 0)
        {
            hub.Publish(new PreviewEvent("css", PreviewMessages.Serialize(new CssMessage(snapshot.Generation, [.. swaps]))));
            return;
        }
        var all = snapshot.Changed.Length > MaxListedChanges;
        hub.Publish(new PreviewEvent("reload", PreviewMessages.Serialize(new ReloadMessage(snapshot.Generation, all, all ? [] : snapshot.Changed))));
    }

    /// <summary>For each stylesheet that changed, its old URL and the URL to load instead.</summary>
    private static List<CssSwap> CssSwaps(SiteSnapshot before, SiteSnapshot after)
    {
        var swaps = new List<CssSwap>();
        foreach (var (logical, url) in after.Assets.Where(a => a.Key.EndsWith(".css", StringComparison.OrdinalIgnoreCase)))
        {
            if (!before.Assets.TryGetValue(logical, out var old))
            {
                continue;
            }
            if (old != url)
            {
                swaps.Add(new CssSwap(old, url));
            }
            else if (after.Changed.Contains(url.TrimStart('/')))
            {
                swaps.Add(new CssSwap(old, $"{url}?v={after.Generation.ToString(CultureInfo.InvariantCulture)}"));
            }
        }
        return swaps;
    }

    private static PreviewEvent ErrorsEvent(ImmutableArray<Diagnostic> errors) =>
        new("errors", PreviewMessages.Serialize(new ErrorsMessage(ErrorOverlay.Render(errors))));

    private static string Milliseconds(TimeSpan elapsed) => elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    public void Dispose()
    {
        _gate.Dispose();
        Session.Dispose();
    }

    private sealed record State(SiteSnapshot Snapshot, ImmutableArray<Diagnostic> Errors);
}
