using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace SalesInsights.Pipeline;

/// <summary>
/// A SHA-256 over a canonical encoding of values: text, numbers, dates, lists, maps, tuples, records and documents.
/// Two values with the same hash are equal in everything a template or module can read from them. A value the
/// hasher cannot see into (a service, a delegate, a file on disk) makes the whole hash unavailable, so a cache
/// keyed on it is skipped rather than served stale.
/// </summary>
public static class ContentHash
{
    /// <summary>Long strings (page text) are hashed once per instance: unchanged documents share their strings between builds.</summary>
    private const int MemoizedLength = 2048;

    private const int MaxDepth = 32;

    private static readonly ConditionalWeakTable<string, byte[]> StringHashes = [];

    /// <summary>
    /// A document's own digest, once per instance: documents are immutable, and a build session hands the same
    /// instances from build to build, so an unchanged document is not walked again (null: it is opaque).
    /// </summary>
    private static readonly ConditionalWeakTable<Document, byte[]?> DocumentHashes = [];
    /// <summary>
    /// Metadata and records are immutable values too, and most of them outlive a build unchanged (a cached module
    /// hands back the same instances): a new document made by one <c>With</c> then costs a walk over its keys, not
    /// over everything under them.
    /// </summary>
    private static readonly ConditionalWeakTable<object, byte[]?> ValueHashes = [];

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]?> RecordProperties = new();

    /// <summary>The hash of <paramref name="values"/> in order, or null when one of them is opaque.</summary>
    public static string? Of(params ReadOnlySpan<object?> values)
    {
        using var writer = new Writer();
        foreach (var value in values)
        {
            if (!writer.Add(value, 0))
            {
                return null;
            }
        }
        return writer.Finish();
    }

    private static byte[]? DigestOf(Document document)
    {
        using var writer = new Writer();
        return writer.Add(document.Source, 1) && writer.Add(document.Destination, 1) && writer.Add(document.Content, 1) && writer.Add(document.Metadata, 1)
            ? writer.FinishBytes()
            : null;
    }

    private static byte[]? DigestOfMetadata(Metadata metadata)
    {
        using var writer = new Writer();
        return writer.Map(metadata.Select(kv => (kv.Key, kv.Value)), metadata.Count, 1) ? writer.FinishBytes() : null;
    }

    private static byte[]? DigestOfRecord(object record, PropertyInfo[] properties)
    {
        using var writer = new Writer();
        return writer.RecordFields(record, properties, 1) ? writer.FinishBytes() : null;
    }

    private sealed class Writer : IDisposable
    {
        /// <summary>
        /// Hash contexts are reused per thread: creating one is a native allocation with a finalizer, and a preview
        /// rebuild hashes a few thousand small keys (a third of its time went into creating contexts). A stack
        /// because digests of nested values are computed while an outer one is open.
        /// </summary>
        [ThreadStatic]
        private static Stack<IncrementalHash>? t_spare;

        private readonly IncrementalHash _hash = t_spare is { Count: > 0 } spare ? spare.Pop() : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        // Small writes are gathered here: one AppendData per few kilobytes instead of one per value.
        private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(8192);
        private int _length;
        private bool _finished;

        public string Finish() => Convert.ToHexStringLower(FinishBytes());

        public byte[] FinishBytes()
        {
            Flush();
            _finished = true;
            return _hash.GetHashAndReset();
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            // Unfinished (an opaque value ended the walk): reset it before the next writer on this thread uses it.
            if (!_finished)
            {
                _hash.GetHashAndReset();
            }
            if ((t_spare ??= new Stack<IncrementalHash>()).Count < 8)
            {
                t_spare.Push(_hash);
            }
            else
            {
                _hash.Dispose();
            }
        }

        private void Flush()
        {
            _hash.AppendData(_buffer, 0, _length);
            _length = 0;
        }

        private void Append(ReadOnlySpan<byte> bytes)
        {
            if (_length + bytes.Length > _buffer.Length)
            {
                Flush();
                if (bytes.Length > _buffer.Length)
                {
                    _hash.AppendData(bytes);
                    return;
                }
            }
            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
        }

        private void Tag(char tag, long number = 0)
        {
            Span<byte> bytes = stackalloc byte[9];
            bytes[0] = (byte)tag;
            BinaryPrimitives.WriteInt64LittleEndian(bytes[1..], number);
            Append(bytes);
        }

        private void Text(string text)
        {
            if (text.Length >= MemoizedLength)
            {
                Tag('H', text.Length);
                Append(StringHashes.GetValue(text, static t => SHA256.HashData(MemoryMarshal.AsBytes(t.AsSpan()))));
                return;
            }
            Tag('s', text.Length);
            Append(MemoryMarshal.AsBytes(text.AsSpan()));
        }

        /// <returns>False when the value is opaque.</returns>
        public bool Add(object? value, int depth)
        {
            if (depth > MaxDepth)
            {
                return false;
            }
            switch (value)
            {
                case null:
                    Tag('0');
                    return true;
                case string s:
                    Text(s);
                    return true;
                case bool b:
                    Tag(b ? 'T' : 'F');
                    return true;
                case long or int or short or byte or sbyte or ushort or uint or ulong or char:
                    Tag('i');
                    Text(value.GetType().Name);
                    Text(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
                    return true;
                case double or float or decimal or Half or Guid or DateOnly or TimeOnly:
                    Tag('n');
                    Text(value.GetType().Name);
                    Text(((IFormattable)value).ToString(value is DateOnly or TimeOnly ? "O" : null, System.Globalization.CultureInfo.InvariantCulture));
                    return true;
                case DateTimeOffset d:
                    Tag('d', d.UtcTicks);
                    Tag('o', d.Offset.Ticks);
                    return true;
                case DateTime d:
                    Tag('t', d.Ticks);
                    Tag('k', (long)d.Kind);
                    return true;
                case TimeSpan t:
                    Tag('p', t.Ticks);
                    return true;
                case Enum e:
                    Text(e.GetType().FullName!);
                    Tag('e', Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture));
                    return true;
                case Document document:
                    if (DocumentHashes.GetValue(document, static d => DigestOf(d)) is not { } digest)
                    {
                        return false;
                    }
                    Tag('D');
                    Append(digest);
                    return true;
                case TextContent text:
                    Tag('C');
                    Text(text.Text);
                    return true;
                case FileContent:
                    return false; // the bytes on disk may change under the same path
                case Metadata metadata:
                    if (ValueHashes.GetValue(metadata, static m => DigestOfMetadata((Metadata)m)) is not { } metadataDigest)
                    {
                        return false;
                    }
                    Tag('M');
                    Append(metadataDigest);
                    return true;
                case IDictionary dictionary:
                    return AddDictionary(dictionary, depth);
                case ITuple tuple:
                    Tag('u', tuple.Length);
                    for (var i = 0; i < tuple.Length; i++)
                    {
                        if (!Add(tuple[i], depth + 1))
                        {
                            return false;
                        }
                    }
                    return true;
                case IEnumerable sequence:
                    return AddSequence(sequence, depth);
                default:
                    return AddRecord(value, depth);
            }
        }

        private bool AddDictionary(IDictionary dictionary, int depth)
        {
            var entries = new List<(string, object?)>(dictionary.Count);
            foreach (DictionaryEntry entry in dictionary)
            {
                if (entry.Key is not string key)
                {
                    return false;
                }
                entries.Add((key, entry.Value));
            }
            return Map(entries, entries.Count, depth);
        }

        /// <summary>Entries sorted by key, so two maps with the same entries hash alike whatever their insertion order.</summary>
        public bool Map(IEnumerable<(string Key, object? Value)> entries, int count, int depth)
        {
            Tag('m', count);
            foreach (var (key, value) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                Text(key);
                if (!Add(value, depth + 1))
                {
                    return false;
                }
            }
            return true;
        }

        private bool AddSequence(IEnumerable sequence, int depth)
        {
            IEnumerator enumerator;
            try
            {
                enumerator = sequence.GetEnumerator();
            }
            catch (InvalidOperationException)
            {
                Tag('x'); // a default ImmutableArray: distinct from an empty one
                return true;
            }
            Text(sequence.GetType().Name);
            Tag('[');
            while (enumerator.MoveNext())
            {
                if (!Add(enumerator.Current, depth + 1))
                {
                    return false;
                }
            }
            Tag(']');
            return true;
        }

        /// <summary>Records are values by contract: every public property is hashed. Anything else is opaque.</summary>
        [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The records hashed are the build's own, and native builds keep this assembly whole (TrimmerRootAssembly in the csproj). A type whose members were trimmed away would not look like a record, and an opaque value is never reused, only rebuilt.")]
        private bool AddRecord(object value, int depth)
        {
            var properties = RecordProperties.GetOrAdd(value.GetType(), static t => IsRecord(t)
                ? [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
                    .OrderBy(p => p.Name, StringComparer.Ordinal)]
                : null);
            if (properties is null)
            {
                return false;
            }
            if (value.GetType().IsValueType)
            {
                return RecordFields(value, properties, depth);
            }
            if (ValueHashes.GetValue(value, static v => DigestOfRecord(v, RecordProperties[v.GetType()]!)) is not { } digest)
            {
                return false;
            }
            Tag('R');
            Append(digest);
            return true;
        }

        public bool RecordFields(object value, PropertyInfo[] properties, int depth)
        {
            Text(value.GetType().FullName!);
            foreach (var property in properties)
            {
                Text(property.Name);
                if (!Add(property.GetValue(value), depth + 1))
                {
                    return false;
                }
            }
            return true;
        }

        [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "As for AddRecord: a trimmed method makes the type opaque, which is safe.")]
        private static bool IsRecord(Type type) =>
            type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null
            || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance, [typeof(StringBuilder)]) is not null);
    }
}
