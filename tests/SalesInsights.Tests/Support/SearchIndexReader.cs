using System.Text.Json;
using SalesInsights.Search;

namespace SalesInsights.Tests.Support;

/// <summary>
/// Reads a search index as the site's script does (<c>theme/assets/js/search.js</c>): the manifest, then only the
/// shards whose prefix and the typed word start one another, every term that starts with the word, ranked by score
/// then id. Tests ask it what a reader would find.
/// </summary>
public sealed class SearchIndexReader(Func<string, string?> read)
{
    /// <summary>An index built into a site's output folder.</summary>
    public static SearchIndexReader Of(string output) =>
        new(path => File.Exists(Path.Combine(output, path)) ? File.ReadAllText(Path.Combine(output, path)) : null);

    /// <summary>An index as <see cref="SearchIndex.Build"/> returned it.</summary>
    public static SearchIndexReader Of(IReadOnlyList<SearchFile> files) =>
        new(path => files.FirstOrDefault(f => f.Path == path)?.Json);

    /// <summary>The shard files read so far, for tests of what a search costs.</summary>
    public List<string> ShardsRead { get; } = [];

    public JsonElement Manifest => JsonDocument.Parse(read("search/index.json") ?? throw new FileNotFoundException("search/index.json")).RootElement;

    /// <summary>The urls of the articles with a term starting with <paramref name="word"/> (folded first), best first.</summary>
    public IReadOnlyList<string> Find(string word)
    {
        var prefix = SearchTerms.Fold(word);
        var best = new Dictionary<int, double>();
        var shards = Manifest.GetProperty("shards").EnumerateArray().Select(s => s.GetString()!).ToList();
        for (var n = 0; n < shards.Count; n++)
        {
            if (!prefix.StartsWith(shards[n], StringComparison.Ordinal) && !shards[n].StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            var path = $"search/shards/{n}.json";
            ShardsRead.Add(path);
            foreach (var term in JsonDocument.Parse(read(path)!).RootElement.EnumerateObject().Where(t => t.Name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                var values = term.Value.EnumerateArray().Select(v => v.GetInt32()).ToArray();
                var id = 0;
                for (var i = 1; i < values.Length; i += 2)
                {
                    id += values[i];
                    var score = values[i + 1] + (term.Name == prefix ? 0.5 : 0);
                    best[id] = Math.Max(best.GetValueOrDefault(id), score);
                }
            }
        }
        return [.. best.OrderByDescending(b => b.Value).ThenBy(b => b.Key).Select(b => Document(b.Key).GetProperty("u").GetString()!)];
    }

    /// <summary>
    /// Every term that one article only has, and only in its text (not its title, headings, tags or summary), with
    /// that article's url: words a reader can find in a body and nowhere else.
    /// </summary>
    public IEnumerable<(string Term, string Url)> TermsOnlyInOneBody()
    {
        var shards = Manifest.GetProperty("shards").GetArrayLength();
        for (var n = 0; n < shards; n++)
        {
            foreach (var term in JsonDocument.Parse(read($"search/shards/{n}.json")!).RootElement.EnumerateObject())
            {
                var values = term.Value.EnumerateArray().Select(v => v.GetInt32()).ToArray();
                if (values is [1, var id, var score] && score < SearchIndex.SummaryScore)
                {
                    yield return (term.Name, Document(id).GetProperty("u").GetString()!);
                }
            }
        }
    }

    /// <summary>What a result shows of article <paramref name="id"/>.</summary>
    public JsonElement Document(int id) => JsonDocument.Parse(read($"search/docs/{id}.json")!).RootElement;
}
