using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace SalesInsights.Pipeline;

/// <summary>
/// Reads a source file the writer edits (an article, a page, site.yml, a template) as text, refusing what is not
/// text rather than guessing: a file larger than <see cref="MaxBytes"/>, a binary file, or bytes that are not
/// UTF-8, each named with the line and byte offset to look at. A byte-order mark picks UTF-8 or UTF-16.
/// </summary>
public static class SourceText
{
    /// <summary>The largest source file read (8 MiB): a hundred times a long article, and a bound on what one file can cost.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>The file's text, or null with <paramref name="problem"/> saying why it was refused.</summary>
    public static string? Read(string path, string relative, out Diagnostic? problem)
    {
        problem = TooLarge(path, relative);
        return problem is null ? Decode(File.ReadAllBytes(path), relative, out problem) : null;
    }

    public static async Task<(string? Text, Diagnostic? Problem)> ReadAsync(string path, string relative, CancellationToken cancellationToken)
    {
        if (TooLarge(path, relative) is { } large)
        {
            return (null, large);
        }
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var text = Decode(bytes, relative, out var problem);
        return (text, problem);
    }

    private static Diagnostic? TooLarge(string path, string relative)
    {
        var length = new FileInfo(path).Length;
        return length <= MaxBytes ? null : Diagnostic.Error("SI0007", string.Create(CultureInfo.InvariantCulture,
            $"the file is {length / (1024.0 * 1024):0.#} MiB; a source file may be at most {MaxBytes / (1024 * 1024)} MiB (split it, or move data into input/data/)"), relative);
    }

    /// <summary>Decodes <paramref name="bytes"/> as a source file; null with a positioned <paramref name="problem"/> when they are not text.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string relative, out Diagnostic? problem)
    {
        problem = null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            try
            {
                return new UnicodeEncoding(bigEndian: bytes[0] == 0xFE, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]);
            }
            catch (DecoderFallbackException)
            {
                problem = Diagnostic.Error("SI0006", "the file starts with a UTF-16 byte-order mark but is not valid UTF-16; save it as UTF-8", relative);
                return null;
            }
        }
        var body = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        var skipped = bytes.Length - body.Length;
        var zero = body.IndexOf((byte)0);
        if (zero >= 0)
        {
            problem = At(body, zero, skipped, relative, "the file is binary, not text (a zero byte at byte offset {0}); only UTF-8 text files are read here");
            return null;
        }
        var chars = ArrayPool<char>.Shared.Rent(body.Length);
        try
        {
            var status = Utf8.ToUtf16(body, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                problem = At(body, read, skipped, relative,
                    $"the file is not UTF-8: byte 0x{body[read]:X2} at byte offset {{0}} starts no UTF-8 character; save the file as UTF-8 (it may be Windows-1252 or Latin-1)");
                return null;
            }
            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>A diagnostic at the line and column of byte <paramref name="offset"/> (columns count bytes on that line).</summary>
    private static Diagnostic At(ReadOnlySpan<byte> body, int offset, int skipped, string relative, string format)
    {
        var before = body[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return Diagnostic.Error("SI0006", string.Format(CultureInfo.InvariantCulture, format, offset + skipped), relative, line, offset - lineStart + 1);
    }
}
