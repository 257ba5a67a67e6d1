using System.Buffers;
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

    private int _files;

    public string? Directory { get; } = directory;

    public bool WritesPagesEarly { get; } = writesPagesEarly && directory is not null;

    public int FilesWritten => _files;

    public void Count() => Interlocked.Increment(ref _files);

    /// <summary>Writes <paramref name="text"/> to <paramref name="destination"/> under the output folder (UTF-8, no BOM).</summary>
    public void Write(string destination, string text)
    {
        var path = Path.Combine(Directory ?? throw new InvalidOperationException("This build writes nothing."), destination);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
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
