using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SalesInsights.Modules;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Preview;

/// <summary>
/// One successful build of the site as the preview serves it: every output file by its path, held in memory
/// (or, for copied assets, by the path of the source file). Nothing is written to disk, so the live-reload
/// script and draft pages can never leak into the real output. Immutable: a rebuild makes a new snapshot.
/// </summary>
public sealed class SiteSnapshot
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private SiteSnapshot(int generation, FrozenDictionary<string, SnapshotFile> files, FrozenDictionary<string, string> assets, ImmutableArray<string> changed)
    {
        Generation = generation;
        Files = files;
        Assets = assets;
        Changed = changed;
    }

    public static SiteSnapshot Empty { get; } = new(0, FrozenDictionary<string, SnapshotFile>.Empty, FrozenDictionary<string, string>.Empty, []);

    /// <summary>Counts the snapshots that changed something, from 1.</summary>
    public int Generation { get; }

    /// <summary>Every file by its path inside the site, e.g. <c>posts/a/index.html</c>.</summary>
    public FrozenDictionary<string, SnapshotFile> Files { get; }

    /// <summary>The URL of each theme asset by its logical path (<c>css/site.css</c> → <c>/assets/css/site.1a2b.css</c>).</summary>
    public FrozenDictionary<string, string> Assets { get; }

    /// <summary>Paths added, removed or changed since the previous snapshot, sorted.</summary>
    public ImmutableArray<string> Changed { get; }

    public SnapshotFile? Find(string path) => Files.GetValueOrDefault(path);

    /// <summary>
    /// The snapshot of a build's outputs. Files whose content did not change keep the previous snapshot's bytes
    /// and ETag, so browsers revalidate them for free and only real changes count as changes.
    /// </summary>
    public static SiteSnapshot From(BuildResult result, SiteSnapshot previous)
    {
        var generation = previous.Generation + 1;
        var files = new Dictionary<string, SnapshotFile>(StringComparer.Ordinal);
        var serial = 0;
        foreach (var (destination, content) in WriteOutput.FilesOf(result.Outputs.Values.SelectMany(d => d)))
        {
            var path = destination.Replace('\\', '/');
            var old = previous.Find(path);
            files[path] = content switch
            {
                TextContent text when old?.Text is { } oldText && (ReferenceEquals(oldText, text.Text) || oldText == text.Text) => old,
                TextContent text => SnapshotFile.FromText(path, text.Text, Utf8.GetBytes(text.Text), $"\"{generation.ToString(CultureInfo.InvariantCulture)}-{(++serial).ToString(CultureInfo.InvariantCulture)}\""),
                FileContent file => SnapshotFile.FromDisk(path, file.Path),
                _ => throw new InvalidOperationException($"unknown content {content.GetType().Name}"),
            };
        }
        var assets = result.Outputs.GetValueOrDefault(SitePipelines.Assets, [])
            .Where(a => a.Get<string>(FingerprintAssets.LogicalPath) is not null && a.Destination is not null)
            .ToFrozenDictionary(a => a.Get<string>(FingerprintAssets.LogicalPath)!, a => "/" + a.Destination, StringComparer.Ordinal);

        var changed = files
            .Where(f => !previous.Files.TryGetValue(f.Key, out var old) || old.ETag != f.Value.ETag)
            .Select(f => f.Key)
            .Concat(previous.Files.Keys.Where(k => !files.ContainsKey(k)))
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
        return changed.IsEmpty && previous.Generation > 0
            ? previous
            : new SiteSnapshot(generation, files.ToFrozenDictionary(StringComparer.Ordinal), assets, changed);
    }
}

/// <summary>One file of a snapshot: text rendered by the build, or a file copied as is from the source tree.</summary>
public sealed class SnapshotFile
{
    private SnapshotFile(string path, string? text, byte[]? bytes, string? diskPath, string etag)
    {
        Path = path;
        Text = text;
        Bytes = bytes;
        DiskPath = diskPath;
        ETag = etag;
    }

    public string Path { get; }

    /// <summary>The text of a rendered file (null for copied files).</summary>
    public string? Text { get; }

    /// <summary>The UTF-8 bytes of <see cref="Text"/>.</summary>
    public byte[]? Bytes { get; }

    /// <summary>Where a copied file is read from at request time.</summary>
    public string? DiskPath { get; }

    public string ETag { get; }

    public bool IsHtml => Path.EndsWith(".html", StringComparison.OrdinalIgnoreCase);

    internal static SnapshotFile FromText(string path, string text, byte[] bytes, string etag) => new(path, text, bytes, null, etag);

    internal static SnapshotFile FromDisk(string path, string diskPath)
    {
        var info = new FileInfo(diskPath);
        var etag = info.Exists
            ? $"\"f{info.Length.ToString("x", CultureInfo.InvariantCulture)}-{info.LastWriteTimeUtc.Ticks.ToString("x", CultureInfo.InvariantCulture)}\""
            : "\"missing\"";
        return new(path, null, null, diskPath, etag);
    }
}
