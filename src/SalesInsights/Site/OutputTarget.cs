using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace SalesInsights.Site;

/// <summary>Where this build writes (a staging folder swapped in at the end), or nowhere for a check.</summary>
/// <param name="directory">The staging folder; null when nothing is written.</param>
/// <param name="writesPagesEarly">
/// Pages are written as soon as they are laid out and their text dropped (one-off builds): a preview serves
/// them from memory and a check writes nothing, so both keep the text.
/// </param>
public sealed class OutputTarget(string? directory, bool writesPagesEarly = false)
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>
    /// Threads that write queued pages. Creating a folder and a file costs about a millisecond of waiting here,
    /// which would otherwise idle the cores that lay pages out; a few writers overlap it with that work.
    /// </summary>
    private const int Writers = 4;

    /// <summary>Pages waiting to be written (a few MB): a layout waits when the disk falls this far behind.</summary>
    private const int QueueLength = 256;

    private int _files;
    private BlockingCollection<(string Destination, string Text)>? _queue;
    private Task[] _writers = [];
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly Lock _gate = new();

    public string? Directory { get; } = directory;

    public bool WritesPagesEarly { get; } = writesPagesEarly && directory is not null;

    public int FilesWritten => _files;

    /// <summary>
    /// Queues a page to be written by the writer threads (started on first use); <see cref="CompleteAsync"/> waits
    /// for all of them. Blocks while the queue is full, so memory stays bounded.
    /// </summary>
    public void Enqueue(string destination, string text)
    {
        // Blocking hand-over on both sides, on dedicated threads: an async queue would need thread-pool threads
        // to wake a blocked layout, and the layouts themselves occupy the pool.
        var queue = Volatile.Read(ref _queue);
        if (queue is null)
        {
            lock (_gate)
            {
                if (_queue is null)
                {
                    var pages = new BlockingCollection<(string, string)>(QueueLength);
                    _writers = [.. Enumerable.Range(0, Writers).Select(_ => Task.Factory.StartNew(() => Drain(pages), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))];
                    Volatile.Write(ref _queue, pages);
                }
                queue = _queue;
            }
        }
        queue.Add((destination, text));
    }

    private void Drain(BlockingCollection<(string Destination, string Text)> pages)
    {
        foreach (var page in pages.GetConsumingEnumerable())
        {
            try
            {
                Write(page.Destination, page.Text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _problems.Enqueue($"cannot write '{page.Destination}': {e.Message}");
            }
        }
    }

    /// <summary>Waits until every queued page is written; returns what could not be written.</summary>
    public async Task<IReadOnlyList<string>> CompleteAsync()
    {
        BlockingCollection<(string Destination, string Text)>? queue;
        lock (_gate)
        {
            queue = _queue;
        }
        if (queue is not null)
        {
            queue.CompleteAdding();
            await Task.WhenAll(_writers).ConfigureAwait(false);
            queue.Dispose();
        }
        return [.. _problems];
    }

    private void Count() => Interlocked.Increment(ref _files);

    /// <summary>The path of <paramref name="destination"/> under the output folder, whose parent folder now exists.</summary>
    private string PathOf(string destination)
    {
        var path = Path.Combine(Directory ?? throw new InvalidOperationException("This build writes nothing."), destination);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>Copies the file at <paramref name="source"/> to <paramref name="destination"/> under the output folder, byte for byte.</summary>
    public void Copy(string destination, string source)
    {
        File.Copy(source, PathOf(destination), overwrite: true);
        Count();
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="destination"/> under the output folder (UTF-8, no BOM).</summary>
    public void Write(string destination, string text)
    {
        var path = PathOf(destination);
        // One open, one write, one close: File.WriteAllText also locks, preallocates and seeks, and on a large
        // build those system calls cost more than the writing (BENCHMARKS.md).
        var bytes = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(text.Length));
        try
        {
            var length = Utf8.GetBytes(text, bytes);
            using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.None, FileOptions.None, preallocationSize: 0);
            RandomAccess.Write(handle, bytes.AsSpan(0, length), fileOffset: 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
        Count();
    }
}
