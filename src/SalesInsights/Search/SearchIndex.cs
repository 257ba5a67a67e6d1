using System.Buffers;
using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace SalesInsights.Search;

/// <summary>What the index knows of one article: the fields a reader searches, in the order of the ranking.</summary>
public sealed record SearchDocument(string Url, string Title, string? Date, string? Summary, ImmutableArray<string> Headings, ImmutableArray<string> Tags, string Text);

/// <summary>One file of the index, its path under the site's root and its JSON.</summary>
public sealed record SearchFile(string Path, string Json);

/// <summary>
/// The site's search index as static files the browser fetches piece by piece, so a first search costs a manifest,
/// one shard and the few articles it shows, whatever the number of articles:
/// <list type="bullet">
/// <item><c>search/index.json</c>: the manifest: the number of articles, the limits below, and the term prefix of
/// each shard in shard order (<c>search/shards/N.json</c> holds the terms that start with prefix N).</item>
/// <item>A shard: <c>{"term": [articles with it, id, score, id gap, score, …]}</c>, ids ascending and written as
/// gaps, which gzip packs well. A score orders the ranking: title (256), a heading or tag (128), the summary (64),
/// plus the times the term appears in the text (up to 63).</item>
/// <item><c>search/docs/ID.json</c>: what a result shows: url, title, date, summary, tags and the first
/// <see cref="SnippetLength"/> characters of the text, for the snippet.</item>
/// </list>
/// Ids are the articles' order (newest first), so equal scores list newer articles first. A term keeps its
/// <see cref="MaxPostings"/> best articles only: a word most articles use (and every prefix of it) would otherwise
/// cost a shard as large as the site; its count stays exact, so a reader is told how many matched.
/// </summary>
public static class SearchIndex
{
    public const int MaxPostings = 400;

    /// <summary>Characters of text kept per article for snippets: most articles whole, long ones their first pages.</summary>
    public const int SnippetLength = 6000;

    /// <summary>A shard larger than this (characters of JSON) is split by a longer prefix.</summary>
    public const int ShardBudget = 24_000;

    public const int TitleScore = 256;
    public const int HeadingOrTagScore = 128;
    public const int SummaryScore = 64;
    public const int MaxTextCount = 63;

    /// <summary>Non-ASCII letters as they are (a third of the bytes of escapes); what HTML gives meaning to still escaped.</summary>
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Each term of an article with its score (see the type's summary), ordinal order.</summary>
    public static ImmutableArray<(string Term, int Score)> Score(SearchDocument document)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        void Mark(string? text, int flag)
        {
            foreach (var term in SearchTerms.Of(text))
            {
                scores[term] = scores.GetValueOrDefault(term) | flag;
            }
        }
        Mark(document.Title, TitleScore);
        foreach (var heading in document.Headings)
        {
            Mark(heading, HeadingOrTagScore);
        }
        foreach (var tag in document.Tags)
        {
            Mark(tag, HeadingOrTagScore);
        }
        Mark(document.Summary, SummaryScore);
        foreach (var term in SearchTerms.Of(document.Text))
        {
            var score = scores.GetValueOrDefault(term);
            if ((score & MaxTextCount) < MaxTextCount)
            {
                scores[term] = score + 1;
            }
        }
        return [.. scores.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Key, s.Value))];
    }

    /// <summary>
    /// Every file of the index for <paramref name="documents"/> in id order, each with its terms scored by
    /// <see cref="Score"/> (passed in so a preview can keep an unchanged article's terms between builds).
    /// </summary>
    public static IReadOnlyList<SearchFile> Build(IReadOnlyList<SearchDocument> documents, IReadOnlyList<ImmutableArray<(string Term, int Score)>> scored)
    {
        var postings = new Dictionary<string, List<(int Id, int Score)>>(StringComparer.Ordinal);
        for (var id = 0; id < scored.Count; id++)
        {
            foreach (var (term, score) in scored[id])
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }
                list.Add((id, score));
            }
        }
        var entries = postings
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new Entry(p.Key, Encode(p.Value)))
            .ToList();

        var shards = new List<(string Prefix, List<Entry> Entries)>();
        foreach (var group in entries.GroupBy(e => FirstLetter(e.Term, 0)))
        {
            Split(group.Key, [.. group], shards);
        }

        var files = new List<SearchFile>(shards.Count + documents.Count + 1)
        {
            new("search/index.json", Write(json =>
            {
                json.WriteStartObject();
                json.WriteNumber("docs", documents.Count);
                json.WriteNumber("min", SearchTerms.MinLength);
                json.WriteNumber("max", SearchTerms.MaxLength);
                json.WriteNumber("postings", MaxPostings);
                json.WriteStartArray("shards");
                foreach (var (prefix, _) in shards)
                {
                    json.WriteStringValue(prefix);
                }
                json.WriteEndArray();
                json.WriteEndObject();
            })),
        };
        for (var n = 0; n < shards.Count; n++)
        {
            var shard = shards[n].Entries;
            files.Add(new SearchFile($"search/shards/{n}.json", "{" + string.Join(',', shard.Select(e => e.Json)) + "}"));
        }
        for (var id = 0; id < documents.Count; id++)
        {
            var document = documents[id];
            files.Add(new SearchFile($"search/docs/{id}.json", Write(json =>
            {
                json.WriteStartObject();
                json.WriteString("u", document.Url);
                json.WriteString("t", document.Title);
                if (document.Date is { } date)
                {
                    json.WriteString("d", date);
                }
                if (!string.IsNullOrWhiteSpace(document.Summary))
                {
                    json.WriteString("s", document.Summary);
                }
                json.WriteStartArray("g");
                foreach (var tag in document.Tags)
                {
                    json.WriteStringValue(tag);
                }
                json.WriteEndArray();
                json.WriteString("x", Snippet(document.Text));
                json.WriteEndObject();
            })));
        }
        return files;
    }

    private sealed record Entry(string Term, string Json);

    /// <summary>
    /// A term's entry: <c>"term":[count,id,score,gap,score,…]</c> with its <see cref="MaxPostings"/> best articles
    /// (highest score, then lowest id), in id order.
    /// </summary>
    private static string Encode(List<(int Id, int Score)> postings)
    {
        var kept = postings.Count <= MaxPostings ? postings
            : [.. postings.OrderByDescending(p => p.Score).ThenBy(p => p.Id).Take(MaxPostings).OrderBy(p => p.Id)];
        var values = new List<int>(1 + kept.Count * 2) { postings.Count };
        var previous = 0;
        foreach (var (id, score) in kept)
        {
            values.Add(id - previous);
            values.Add(score);
            previous = id;
        }
        return "[" + string.Join(',', values) + "]";
    }

    /// <summary>
    /// Adds the shards for terms starting with <paramref name="prefix"/>: one if they fit <see cref="ShardBudget"/>,
    /// else the term that is the prefix itself in its own shard and the rest split by one more letter.
    /// </summary>
    private static void Split(string prefix, List<Entry> entries, List<(string, List<Entry>)> shards)
    {
        var size = entries.Sum(e => e.Term.Length + e.Json.Length + 4);
        if (size <= ShardBudget || entries.All(e => e.Term.Length <= prefix.Length))
        {
            shards.Add((prefix, entries.Select(e => e with { Json = JsonText(e.Term) + ":" + e.Json }).ToList()));
            return;
        }
        var exact = entries.Where(e => e.Term.Length == prefix.Length).ToList();
        if (exact.Count > 0)
        {
            shards.Add((prefix, exact.Select(e => e with { Json = JsonText(e.Term) + ":" + e.Json }).ToList()));
        }
        foreach (var group in entries.Where(e => e.Term.Length > prefix.Length).GroupBy(e => FirstLetter(e.Term, prefix.Length)))
        {
            Split(group.Key, [.. group], shards);
        }
    }

    /// <summary>The term up to and including the letter at <paramref name="index"/>, never half a surrogate pair.</summary>
    private static string FirstLetter(string term, int index) =>
        term[..Math.Min(term.Length, index + (char.IsHighSurrogate(term[index]) ? 2 : 1))];

    private static string Snippet(string text)
    {
        if (text.Length <= SnippetLength)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', SnippetLength);
        return text[..(cut > 0 ? cut : SnippetLength)];
    }

    private static string JsonText(string value) => Write(json => json.WriteStringValue(value));

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Json))
        {
            write(json);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
