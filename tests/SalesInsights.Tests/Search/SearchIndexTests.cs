using System.Collections.Immutable;
using System.Text.Json;
using SalesInsights.Search;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Search;

public sealed class SearchIndexTests
{
    private static SearchDocument Article(string slug, string title = "An article", string text = "Some text.", string? summary = null,
        string[]? headings = null, string[]? tags = null) =>
        new($"/posts/{slug}/", title, "1 May 2026", summary, [.. headings ?? []], [.. tags ?? []], text);

    private static IReadOnlyList<SearchFile> Build(params SearchDocument[] documents) =>
        SearchIndex.Build(documents, [.. documents.Select(SearchIndex.Score)]);

    [Fact]
    public void A_title_match_ranks_before_a_heading_or_tag_which_rank_before_the_summary_before_the_text()
    {
        var reader = SearchIndexReader.Of(Build(
            Article("text", text: "churn churn churn churn churn"),
            Article("summary", summary: "Why churn matters."),
            Article("heading", headings: ["Churn by region"]),
            Article("tag", tags: ["churn"]),
            Article("title", title: "Churn")));

        Assert.Equal(["/posts/title/", "/posts/heading/", "/posts/tag/", "/posts/summary/", "/posts/text/"], reader.Find("churn"));
    }

    [Fact]
    public void More_mentions_in_the_text_rank_higher_and_equal_scores_keep_the_articles_order()
    {
        var reader = SearchIndexReader.Of(Build(
            Article("once", text: "pipeline"),
            Article("twice", text: "pipeline pipeline"),
            Article("once-too", text: "pipeline")));

        Assert.Equal(["/posts/twice/", "/posts/once/", "/posts/once-too/"], reader.Find("pipeline"));
    }

    [Fact]
    public void A_word_finds_every_term_it_starts_and_a_whole_word_ranks_above_a_longer_one()
    {
        var reader = SearchIndexReader.Of(Build(
            Article("quotas", text: "quotas"),
            Article("quota", text: "quota"),
            Article("quote", text: "quote")));

        Assert.Equal(["/posts/quota/", "/posts/quotas/"], reader.Find("quota"));
        Assert.Equal(["/posts/quotas/", "/posts/quota/", "/posts/quote/"], reader.Find("quo"));
        Assert.Empty(reader.Find("quotation"));
    }

    [Fact]
    public void A_term_keeps_its_best_articles_only_and_its_exact_count()
    {
        var documents = Enumerable.Range(0, SearchIndex.MaxPostings + 5)
            .Select(i => Article($"a{i}", title: i == SearchIndex.MaxPostings + 4 ? "Revenue" : "An article", text: "revenue"))
            .ToArray();
        var files = Build(documents);
        var reader = SearchIndexReader.Of(files);

        var found = reader.Find("revenue");

        Assert.Equal(SearchIndex.MaxPostings, found.Count);
        Assert.Equal($"/posts/a{SearchIndex.MaxPostings + 4}/", found[0]);
        var shard = files.Single(f => f.Path.StartsWith("search/shards/", StringComparison.Ordinal) && f.Json.Contains("\"revenue\"", StringComparison.Ordinal));
        Assert.Equal(SearchIndex.MaxPostings + 5, JsonDocument.Parse(shard.Json).RootElement.GetProperty("revenue")[0].GetInt32());
    }

    [Fact]
    public void A_large_shard_is_split_by_longer_prefixes_so_a_search_reads_a_small_part_of_the_index()
    {
        // 2,000 articles, each with its own words: far more than one shard per first letter holds.
        var documents = Enumerable.Range(0, 2000)
            .Select(i => Article($"a{i}", text: $"market{i:x} margin{i:x} metric{i:x} quota"))
            .ToArray();
        var files = Build(documents);
        var reader = SearchIndexReader.Of(files);

        Assert.Equal(["/posts/a1234/"], reader.Find($"margin{1234:x}"));
        var shards = files.Where(f => f.Path.StartsWith("search/shards/", StringComparison.Ordinal)).ToList();
        Assert.All(shards, s => Assert.True(s.Json.Length <= SearchIndex.ShardBudget * 1.5, $"{s.Path} has {s.Json.Length} characters"));
        Assert.True(reader.ShardsRead.Count <= 2, string.Join(", ", reader.ShardsRead));
        Assert.Contains(reader.Manifest.GetProperty("shards").EnumerateArray(), s => s.GetString()!.Length > 2);
    }

    [Fact]
    public void A_result_shows_the_title_url_date_summary_tags_and_the_start_of_the_text()
    {
        var text = string.Join(' ', Enumerable.Repeat("words", SearchIndex.SnippetLength));
        var reader = SearchIndexReader.Of(Build(Article("a", "Deals <b>& Quotas</b>", text, "The summary.", tags: ["quota"])));

        var shown = reader.Document(0);

        Assert.Equal("/posts/a/", shown.GetProperty("u").GetString());
        Assert.Equal("Deals <b>& Quotas</b>", shown.GetProperty("t").GetString());
        Assert.Equal("1 May 2026", shown.GetProperty("d").GetString());
        Assert.Equal("The summary.", shown.GetProperty("s").GetString());
        Assert.Equal(["quota"], shown.GetProperty("g").EnumerateArray().Select(t => t.GetString()));
        var snippet = shown.GetProperty("x").GetString()!;
        Assert.InRange(snippet.Length, SearchIndex.SnippetLength - 6, SearchIndex.SnippetLength);
        Assert.EndsWith("words", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_in_a_title_is_escaped_in_the_json_not_trusted()
    {
        var files = Build(Article("a", "<script>alert(1)</script>"));

        Assert.DoesNotContain("<script>", files.Single(f => f.Path == "search/docs/0.json").Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_hold_the_fields_as_bits_and_the_mentions_up_to_their_cap()
    {
        var scores = SearchIndex.Score(Article("a", "Forecast", string.Join(' ', Enumerable.Repeat("forecast", 100)), headings: ["Forecast"])).ToImmutableDictionary(s => s.Term, s => s.Score);

        Assert.Equal(SearchIndex.TitleScore | SearchIndex.HeadingOrTagScore | SearchIndex.MaxTextCount, scores["forecast"]);
    }
}
