using System.Collections;
using System.Collections.Immutable;
using System.Globalization;

namespace SalesInsights.Pipeline;

/// <summary>An immutable, case-insensitive bag of values; every change returns a new bag.</summary>
public sealed class Metadata : IReadOnlyDictionary<string, object?>
{
    private readonly ImmutableDictionary<string, object?> _values;

    public static Metadata Empty { get; } = new(ImmutableDictionary.Create<string, object?>(StringComparer.OrdinalIgnoreCase));

    private Metadata(ImmutableDictionary<string, object?> values) => _values = values;

    public Metadata With(string key, object? value) => new(_values.SetItem(key, value));

    public Metadata WithMany(IEnumerable<KeyValuePair<string, object?>> values) => new(_values.SetItems(values));

    public Metadata Without(string key) => new(_values.Remove(key));

    /// <summary>The value under <paramref name="key"/> converted to <typeparamref name="T"/>, or default when absent or unconvertible.</summary>
    public T? Get<T>(string key)
    {
        if (!_values.TryGetValue(key, out var value) || value is null)
        {
            return default;
        }
        if (value is T typed)
        {
            return typed;
        }
        try
        {
            var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
            return value is IConvertible ? (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture) : default;
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            return default;
        }
    }

    public string? GetString(string key) => _values.TryGetValue(key, out var v) ? v?.ToString() : null;

    public object? this[string key] => _values.TryGetValue(key, out var v) ? v : null;
    public IEnumerable<string> Keys => _values.Keys;
    public IEnumerable<object?> Values => _values.Values;
    public int Count => _values.Count;
    public bool ContainsKey(string key) => _values.ContainsKey(key);
    public bool TryGetValue(string key, out object? value) => _values.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
