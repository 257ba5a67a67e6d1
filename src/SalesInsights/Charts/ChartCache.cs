using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using SalesInsights.Pipeline;

namespace SalesInsights.Charts;

/// <summary>
/// Finished figures on disk, keyed by a hash of everything that shapes them (spec, data files' hash, page folder,
/// renderer version), so an unchanged chart is neither queried nor drawn again on the next build. The folder is
/// safe to delete; it lives outside the output.
/// </summary>
public sealed class ChartCache(string directory) : IStamped
{
    /// <summary>Bump when drawing changes, so old figures are not served after an upgrade.</summary>
    public const string RendererVersion = "charts-8";

    private readonly ConcurrentDictionary<string, Lazy<(ChartOutcome Outcome, int Creator)>> _thisRun = new(StringComparer.Ordinal);
    private int _hits;
    private int _misses;
    private int _deferred;
    private long _drawTicks;

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The cache only saves work, never changes a figure: any two caches of the same folder and version are interchangeable.</summary>
    string IStamped.Stamp => RendererVersion + "|" + Directory;

    public int Hits => Volatile.Read(ref _hits);

    public int Misses => Volatile.Read(ref _misses);

    /// <summary>
    /// False for a build that must be quick rather than complete (the preview's first, see
    /// <see cref="BuildSession.Provisional"/>): a chart not in the cache is then left for the next build, shown as
    /// being drawn, instead of drawn. Not part of the stamp: a page that
    /// waits for a chart says so itself (<see cref="Pipeline.IExecutionContext.MarkIncomplete"/>), and every other
    /// page is what a full build makes.
    /// </summary>
    public bool DrawsMisses { get; init; } = true;

    /// <summary>How many charts were left for the next build because <see cref="DrawsMisses"/> is false.</summary>
    public int Deferred => Volatile.Read(ref _deferred);

    /// <summary>The time spent drawing (querying and rendering) the charts missed, summed over threads: every miss is drawn.</summary>
    public TimeSpan DrawTime => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _drawTicks));

    public static string Key(params string[] parts)
    {
        var text = RendererVersion + "\n" + string.Join("\n\u001f", parts);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// The outcome for <paramref name="key"/>: from this run's memory, else from disk, else rendered by
    /// <paramref name="render"/> once, however many pages ask for the same chart at the same time.
    /// </summary>
    public ChartOutcome GetOrRender(string key, Func<ChartOutcome> render)
    {
        var entry = _thisRun.GetOrAdd(key, k => new Lazy<(ChartOutcome, int)>(() =>
        {
            var outcome = TryGet(k) is { } stored ? new ChartOutcome(stored, [], FromCache: true) : Draw(render);
            if (!outcome.FromCache && outcome.Figure is { } figure)
            {
                Put(k, figure);
            }
            return (outcome, Environment.CurrentManagedThreadId);
        }));
        // Whoever did not create the entry (it was there, or another thread was making it) got it from the cache.
        var wasThere = entry.IsValueCreated;
        var (outcome, creator) = entry.Value;
        if ((wasThere || creator != Environment.CurrentManagedThreadId) && outcome.Figure is not null)
        {
            Interlocked.Increment(ref _hits);
            return outcome with { FromCache = true };
        }
        return outcome;
    }

    private ChartOutcome Draw(Func<ChartOutcome> render)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return render();
        }
        finally
        {
            Interlocked.Add(ref _drawTicks, Stopwatch.GetTimestamp() - started);
        }
    }

    /// <summary>
    /// True when the figure for <paramref name="key"/> can be had without drawing it: made this run, or on disk.
    /// False, when misses are not drawn, counts the chart as deferred.
    /// </summary>
    public bool CanServe(string key)
    {
        if (DrawsMisses || _thisRun.ContainsKey(key) || File.Exists(Path.Combine(Directory, key + ".html")))
        {
            return true;
        }
        Interlocked.Increment(ref _deferred);
        return false;
    }

    public ChartFigure? TryGet(string key)
    {
        var html = Path.Combine(Directory, key + ".html");
        var csv = Path.Combine(Directory, key + ".csv");
        try
        {
            if (File.Exists(html) && File.Exists(csv))
            {
                var figure = new ChartFigure(File.ReadAllText(html), File.ReadAllText(csv));
                Interlocked.Increment(ref _hits);
                return figure;
            }
        }
        catch (IOException)
        {
            // A half-deleted cache entry is a miss, not a failure.
        }
        Interlocked.Increment(ref _misses);
        return null;
    }

    public void Put(string key, ChartFigure figure)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            Write(Path.Combine(Directory, key + ".csv"), figure.Csv);
            // The HTML goes last: its presence is what marks an entry complete.
            Write(Path.Combine(Directory, key + ".html"), figure.Html);
        }
        catch (IOException)
        {
            // The cache only saves time; a full disk must not fail the build.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Write beside, then rename: a build running in parallel never reads half a file.</summary>
    private static void Write(string path, string text)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>A chart ready for the page: the figure's HTML and the CSV of its numbers.</summary>
public sealed record ChartFigure(string Html, string Csv);
