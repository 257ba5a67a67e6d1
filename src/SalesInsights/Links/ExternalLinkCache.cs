using System.Text.Json;

namespace SalesInsights.Links;

/// <summary>
/// External URLs that answered OK recently, kept in <c>.cache/external-links.json</c> so repeated builds do not ask
/// every site again. Only good answers are kept: a broken or unconfirmed link is asked again on the next build.
/// A missing or unreadable cache file is an empty cache.
/// </summary>
public sealed class ExternalLinkCache
{
    public const string FileName = "external-links.json";
    private readonly string _path;
    private readonly Dictionary<string, DateTimeOffset> _checked;

    private ExternalLinkCache(string path, Dictionary<string, DateTimeOffset> entries)
    {
        _path = path;
        _checked = entries;
    }

    /// <summary>How long an OK answer is trusted.</summary>
    public static TimeSpan MaxAge { get; } = TimeSpan.FromDays(7);

    public static async Task<ExternalLinkCache> LoadAsync(string cacheDirectory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(cacheDirectory, FileName);
        try
        {
            await using var stream = File.OpenRead(path);
            var entries = await JsonSerializer.DeserializeAsync(stream, ExternalLinkCacheJson.Default.DictionaryStringDateTimeOffset, cancellationToken).ConfigureAwait(false);
            return new ExternalLinkCache(path, new Dictionary<string, DateTimeOffset>(entries ?? [], StringComparer.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return new ExternalLinkCache(path, new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal));
        }
    }

    public bool IsFresh(string url, DateTimeOffset now) => _checked.TryGetValue(url, out var at) && now - at < MaxAge && at <= now;

    public void RememberOk(string url, DateTimeOffset now) => _checked[url] = now;

    /// <summary>Drops stale entries and writes the file through a temporary one, so a reader never sees half of it.</summary>
    public async Task SaveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var fresh = _checked.Where(e => now - e.Value < MaxAge).OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var temporary = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, fresh, ExternalLinkCacheJson.Default.DictionaryStringDateTimeOffset, cancellationToken).ConfigureAwait(false);
        }
        File.Move(temporary, _path, overwrite: true);
    }
}
