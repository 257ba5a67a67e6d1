using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace SalesInsights.Data;

/// <summary>
/// Reads a CSV file's shape before DuckDB loads it, because DuckDB's sniffer accepts too much in silence: a file
/// with ragged rows loaded as zero rows, an unclosed quote swallowed the rest of a line, and a file in another
/// encoding failed at a line that was not the bad one. Here each of those is an error at the line to fix, and a
/// file in another encoding is read in the one the site names for it.
/// </summary>
internal static class CsvInspection
{
    private const int Chunk = 1 << 20;

    private static readonly char[] Delimiters = [',', ';', '\t', '|'];

    static CsvInspection()
    {
        // Windows-1252 and the other code pages real exports come in; .NET carries them but does not register them.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>The encoding <paramref name="name"/> names (utf-8, windows-1252, latin1, utf-16...), or null when there is none.</summary>
    public static Encoding? EncodingNamed(string name)
    {
        try
        {
            return Encoding.GetEncoding(name.Trim(), EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The delimiter and the file DuckDB should read (a UTF-8 copy of a file in another encoding, which the caller
    /// deletes), or the first problem with its 1-based line; with the SHA-256 of the bytes DuckDB reads, taken in
    /// the same pass.
    /// </summary>
    public static CsvShape Inspect(string path, Encoding? encoding)
    {
        string? copy = null;
        var utf8Path = path;
        if (encoding is not null && encoding.CodePage != Encoding.UTF8.CodePage)
        {
            copy = Path.Combine(Path.GetTempPath(), $"si-csv-{Guid.NewGuid():N}.csv");
            try
            {
                Transcode(path, copy, encoding);
            }
            catch (DecoderFallbackException e)
            {
                File.Delete(copy);
                return CsvShape.Failed(1, $"the file is not valid {encoding.WebName}: {e.Message}") with { Hash = HashOf(path) };
            }
            utf8Path = copy;
        }
        var shape = Scan(utf8Path, declared: encoding is not null);
        if (shape.Problem is not null && copy is not null)
        {
            File.Delete(copy);
            return shape;
        }
        return shape with { ReadPath = utf8Path, Copy = copy };
    }

    private static void Transcode(string from, string to, Encoding encoding)
    {
        using var reader = new StreamReader(from, encoding, detectEncodingFromByteOrderMarks: true);
        using var writer = new StreamWriter(to, false, new UTF8Encoding(false));
        var buffer = new char[Chunk];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            writer.Write(buffer, 0, read);
        }
    }

    /// <summary>SHA-256 of a file's bytes, hex: what the data's fingerprint is made of.</summary>
    public static string HashOf(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, Chunk, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Validates UTF-8 and the records' shape and hashes the bytes, in one streaming pass (CSV's structure is all ASCII).</summary>
    private static CsvShape Scan(string path, bool declared)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, Chunk, FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var shape = Scan(stream, hash, declared);
        // A file with a problem is hashed to its end all the same: two files that differ after it are different data.
        var rest = new byte[Chunk];
        int more;
        while ((more = stream.Read(rest, 0, rest.Length)) > 0)
        {
            hash.AppendData(rest, 0, more);
        }
        return shape with { Hash = Convert.ToHexStringLower(hash.GetHashAndReset()) };
    }

    private static CsvShape Scan(FileStream stream, IncrementalHash hash, bool declared)
    {
        var buffer = new byte[Chunk + 4];
        var chars = new char[Chunk + 4];
        var carry = 0;
        long offset = 0;
        var state = new Records();
        var first = true;
        int read;
        while ((read = stream.Read(buffer, carry, Chunk)) > 0 || carry > 0)
        {
            hash.AppendData(buffer, carry, read);
            var length = carry + read;
            var final = read == 0;
            var span = buffer.AsSpan(0, length);
            var start = 0;
            if (first && span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                start = 3;
            }
            first = false;
            var status = Utf8.ToUtf16(span[start..], chars, out var valid, out _, replaceInvalidSequences: false, isFinalBlock: final);
            var zero = span[start..(start + valid)].IndexOf((byte)0);
            if (zero >= 0)
            {
                state.Feed(span[start..(start + zero)]);
                return CsvShape.Failed(state.Line, string.Create(CultureInfo.InvariantCulture, $"the file is binary, not CSV text (a zero byte at byte offset {offset + start + zero})"));
            }
            state.Feed(span[start..(start + valid)]);
            if (state.Problem is { } problem)
            {
                return CsvShape.Failed(problem.Line, problem.Message);
            }
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                var bad = span[start + valid];
                return CsvShape.Failed(state.Line, string.Create(CultureInfo.InvariantCulture,
                    $"line {state.Line} is not UTF-8 (byte 0x{bad:X2} at byte offset {offset + start + valid}); ")
                    + (declared ? "the file does not match the encoding set for it in site.yml" : "if the file was exported in another encoding, name it in site.yml (data: datasets: NAME: encoding: windows-1252)"));
            }
            // Bytes of a character cut by the chunk's end go round again at the start of the next chunk.
            carry = length - start - valid;
            span[(start + valid)..].CopyTo(buffer);
            offset += start + valid;
            if (final)
            {
                break;
            }
        }
        return state.Finish();
    }

    /// <summary>RFC 4180 records: quoted fields may hold delimiters, line breaks and doubled quotes.</summary>
    private sealed class Records
    {
        private readonly List<byte> _header = [];
        private bool _inHeader = true;
        private byte _delimiter;
        private int _headerFields;
        private int _fields = 1;
        private bool _inQuotes;
        private bool _fieldStart = true;
        private bool _afterQuote;
        private bool _blank = true;
        private int _quoteLine;
        private int _rows;
        private int _ragged;
        private int _firstRagged;
        private int _firstRaggedFields;

        public int Line { get; private set; } = 1;

        public (int Line, string Message)? Problem { get; private set; }

        public void Feed(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                if (Problem is not null)
                {
                    return;
                }
                if (_inHeader)
                {
                    if (b == '\n')
                    {
                        EndHeader();
                        Line++;
                        continue;
                    }
                    _header.Add(b);
                    continue;
                }
                Step(b);
            }
        }

        private void EndHeader()
        {
            _inHeader = false;
            var text = Encoding.UTF8.GetString([.. _header]).TrimEnd('\r');
            // The delimiter is the candidate the header uses most outside quotes (a comma when it uses none).
            var counts = Delimiters.Select(d => (Delimiter: d, Count: CountOutsideQuotes(text, d))).ToList();
            var best = counts.OrderByDescending(c => c.Count).ThenBy(c => Array.IndexOf(Delimiters, c.Delimiter)).First();
            _delimiter = (byte)(best.Count > 0 ? best.Delimiter : ',');
            _headerFields = best.Count + 1;
            if (text.Trim().Length == 0)
            {
                Problem = (1, "the first line, the header naming the columns, is empty");
            }
        }

        private static int CountOutsideQuotes(string text, char delimiter)
        {
            var count = 0;
            var quoted = false;
            foreach (var c in text)
            {
                if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (c == delimiter && !quoted)
                {
                    count++;
                }
            }
            return count;
        }

        private void Step(byte b)
        {
            if (_inQuotes)
            {
                if (b == '"')
                {
                    _inQuotes = false;
                    _afterQuote = true;
                }
                else if (b == '\n')
                {
                    Line++;
                }
                return;
            }
            if (_afterQuote && b == '"')
            {
                // A doubled quote inside a quoted field.
                _inQuotes = true;
                _afterQuote = false;
                return;
            }
            if (b == '\n')
            {
                EndRecord();
                Line++;
                return;
            }
            if (b == '\r')
            {
                return;
            }
            if (b == _delimiter)
            {
                _fields++;
                _fieldStart = true;
                _afterQuote = false;
                _blank = false;
                return;
            }
            if (b == '"' && _fieldStart)
            {
                _inQuotes = true;
                _quoteLine = Line;
                _fieldStart = false;
                _blank = false;
                return;
            }
            if (_afterQuote && b is not (byte)' ' and not (byte)'\t')
            {
                Problem = (Line, "a quoted value is followed by more text before the next delimiter; double a quote inside a quoted value (\"\")");
                return;
            }
            _fieldStart = false;
            if (b is not (byte)' ' and not (byte)'\t')
            {
                _blank = false;
            }
        }

        private void EndRecord()
        {
            if (!_blank)
            {
                _rows++;
                if (_fields != _headerFields)
                {
                    if (_ragged++ == 0)
                    {
                        _firstRagged = Line;
                        _firstRaggedFields = _fields;
                    }
                }
            }
            _fields = 1;
            _fieldStart = true;
            _afterQuote = false;
            _blank = true;
        }

        public CsvShape Finish()
        {
            if (_inHeader)
            {
                if (_header.Count == 0 || Encoding.UTF8.GetString([.. _header]).Trim().Length == 0)
                {
                    return CsvShape.Failed(1, "the file is empty; a dataset needs a header line and at least one row");
                }
                EndHeader();
            }
            if (_inQuotes)
            {
                return CsvShape.Failed(_quoteLine, "a quote opened on this line is never closed, so the rest of the file would be one value");
            }
            if (!_blank)
            {
                EndRecord();
            }
            if (_ragged > 0)
            {
                var more = _ragged > 1 ? string.Create(CultureInfo.InvariantCulture, $" ({_ragged - 1} more rows do not match either)") : string.Empty;
                return CsvShape.Failed(_firstRagged, string.Create(CultureInfo.InvariantCulture,
                    $"line {_firstRagged} has {_firstRaggedFields} values but the header has {_headerFields}{more}; quote a value that contains '{(char)_delimiter}' and give every row every column"));
            }
            if (_rows == 0)
            {
                return CsvShape.Failed(Math.Max(1, Line - 1), "the file has a header but no rows");
            }
            return new CsvShape((char)_delimiter, null, null);
        }
    }
}

/// <summary>What <see cref="CsvInspection"/> found: the delimiter and the UTF-8 file to load, or the first problem.</summary>
internal sealed record CsvShape(char Delimiter, (int Line, string Message)? Problem, string? Copy)
{
    /// <summary>The file DuckDB reads: the original, or its UTF-8 copy.</summary>
    public string ReadPath { get; init; } = string.Empty;

    /// <summary>SHA-256 of the bytes DuckDB reads (the original file, or its UTF-8 copy), hex.</summary>
    public string Hash { get; init; } = string.Empty;

    public static CsvShape Failed(int line, string message) => new(',', (line, message), null);
}
