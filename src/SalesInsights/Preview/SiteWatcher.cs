using System.Collections.Immutable;
using System.Threading.Channels;

namespace SalesInsights.Preview;

/// <summary>
/// Watches folders of the site (input, theme) and hands out changed paths in batches: a batch closes once the
/// folders have been quiet for the debounce interval, so an editor's save (often several events) is one rebuild.
/// Editor droppings (swap files, backups, dotfiles) are ignored.
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TimeSpan _debounce;

    public SiteWatcher(IEnumerable<string> directories, TimeSpan debounce)
    {
        _debounce = debounce;
        foreach (var directory in directories.Where(Directory.Exists).Distinct(StringComparer.Ordinal))
        {
            var watcher = new FileSystemWatcher(directory)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += (_, e) => Post(e.FullPath);
            watcher.Created += (_, e) => Post(e.FullPath);
            watcher.Deleted += (_, e) => Post(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Post(e.OldFullPath);
                Post(e.FullPath);
            };
            // Lost events (buffer overflow) must not lose a rebuild: report the folder itself as changed.
            watcher.Error += (_, _) => _changes.Writer.TryWrite(directory);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>True for files editors write beside the real one while saving.</summary>
    public static bool IsIgnored(string path)
    {
        var name = Path.GetFileName(path);
        return name.Length == 0 || name[0] == '.' || name[^1] == '~' || name == "4913"
            || name.EndsWith(".swp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".swx", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase);
    }

    private void Post(string path)
    {
        if (!IsIgnored(path))
        {
            _changes.Writer.TryWrite(path);
        }
    }

    /// <summary>Waits for a change, then for quiet, and returns every path that changed in between.</summary>
    public async Task<ImmutableArray<string>> NextBatchAsync(CancellationToken cancellationToken)
    {
        var batch = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        batch.Add(await _changes.Reader.ReadAsync(cancellationToken).ConfigureAwait(false));
        while (true)
        {
            while (_changes.Reader.TryRead(out var more))
            {
                batch.Add(more);
            }
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(_debounce);
            try
            {
                batch.Add(await _changes.Reader.ReadAsync(quiet.Token).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return [.. batch.Order(StringComparer.Ordinal)];
            }
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
        _changes.Writer.TryComplete();
    }
}
