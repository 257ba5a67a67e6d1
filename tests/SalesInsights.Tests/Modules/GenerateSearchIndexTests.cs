using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Modules;

public sealed class GenerateSearchIndexTests
{
    [Fact]
    public async Task A_word_only_in_one_articles_body_finds_that_article()
    {
        using var site = new TestSite();
        site.Post("first", "First", body: "Our quarterly zeitgeist survey asked every rep.\n\nMore text.");
        site.Post("second", "Second", body: "Nothing unusual here.");

        Assert.Empty((await site.BuildAsync()).Diagnostics);

        Assert.Equal(["/posts/first/"], SearchIndexReader.Of(site.Output).Find("zeitgeist"));
    }

    [Fact]
    public async Task Drafts_and_scheduled_articles_are_never_indexed_even_in_a_build_that_shows_them()
    {
        using var site = new TestSite();
        site.Post("published", "Published", body: "The renewal playbook.");
        site.Post("draft", "Draft", body: "The renewal secretdraftword.", extra: "draft: true\n");
        site.Post("scheduled", "Scheduled", date: "2030-01-01", body: "The renewal secretfutureword.");

        Assert.Empty((await site.BuildAsync(drafts: true)).Diagnostics.Where(d => d.Severity == SalesInsights.Pipeline.Severity.Error));

        var reader = SearchIndexReader.Of(site.Output);
        Assert.Equal(["/posts/published/"], reader.Find("renewal"));
        Assert.Empty(reader.Find("secretdraftword"));
        Assert.Empty(reader.Find("secretfutureword"));
        Assert.Equal(1, reader.Manifest.GetProperty("docs").GetInt32());
    }

    [Fact]
    public async Task Titles_headings_tags_and_summaries_are_indexed_and_found_by_their_start()
    {
        using var site = new TestSite();
        site.Post("a", "Territory Planning", tags: "[Forecasting]", extra: "summary: \"Why Ångström-level precision misleads.\"\n",
            body: "Intro.\n\n## Commission Plans\n\nText.");

        Assert.Empty((await site.BuildAsync()).Diagnostics);

        var reader = SearchIndexReader.Of(site.Output);
        Assert.All(new[] { "territ", "forecast", "angstr", "ÅNGSTRÖM", "commiss", "plans" }, word => Assert.Equal(["/posts/a/"], reader.Find(word)));
        var shown = reader.Document(0);
        Assert.Equal("Territory Planning", shown.GetProperty("t").GetString());
        Assert.StartsWith("Intro. Commission Plans Text.", shown.GetProperty("x").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_blocks_and_the_data_behind_charts_are_not_searchable()
    {
        using var site = new TestSite();
        site.Post("a", "Code", body: "Prose.\n\n```sql\nSELECT codeonlyword FROM deals\n```\n");

        Assert.Empty((await site.BuildAsync()).Diagnostics);

        Assert.Empty(SearchIndexReader.Of(site.Output).Find("codeonlyword"));
    }

    [Fact]
    public async Task The_search_page_is_built_with_a_form_for_the_script_and_a_link_to_the_archive_without_it()
    {
        using var site = new TestSite();
        site.Post("a", "A");

        Assert.Empty((await site.BuildAsync()).Diagnostics);

        var page = site.Read("search/index.html");
        Assert.Contains("data-index=\"/search/index.json\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/archive/\"", page, StringComparison.Ordinal);
        Assert.Matches("<script src=\"/assets/js/search\\.[0-9a-f]+\\.js\" defer></script>", page);
    }

    [Fact]
    public async Task Urls_in_the_index_carry_the_sites_sub_path()
    {
        using var site = new TestSite(TestSite.DefaultSettings.Replace("https://example.org", "https://example.org/blog", StringComparison.Ordinal));
        site.Post("a", "A", body: "Subpathword.");

        Assert.Empty((await site.BuildAsync()).Diagnostics);

        Assert.Equal(["/blog/posts/a/"], SearchIndexReader.Of(site.Output).Find("subpathword"));
        Assert.Contains("data-index=\"/blog/search/index.json\"", site.Read("search/index.html"), StringComparison.Ordinal);
    }
}
