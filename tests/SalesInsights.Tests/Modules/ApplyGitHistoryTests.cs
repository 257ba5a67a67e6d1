using System.Collections.Immutable;
using SalesInsights.Modules;
using SalesInsights.Pipeline;
using SalesInsights.Site;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Modules;

public sealed class ApplyGitHistoryTests : IDisposable
{
    private static readonly DateTimeOffset January = new(2024, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset April = new(2024, 4, 20, 16, 30, 0, TimeSpan.Zero);

    private readonly TestSite _site = new(TestSite.DefaultSettings + "repository_url: https://github.com/example/site\nrepository_branch: main\n"
        + "authors:\n  Ada Lovelace: { email: ada@example.org }\n  Grace Hopper: { email: grace@example.org }\n");

    public void Dispose() => _site.Dispose();

    private static Document Page(BuildResult result, string url) =>
        result.Outputs[SitePipelines.Posts].Single(d => d.Get<string>(Keys.Url) == url);

    private static string File(BuildResult result, string destination) =>
        result.Outputs.Values.SelectMany(d => d).Single(d => d.Destination == destination).Text;

    [Fact]
    public async Task Given_an_article_whose_text_was_revised_after_publication_its_update_date_and_known_contributors_reach_page_sitemap_and_atom()
    {
        _site.InitGit();
        _site.Post("quota", date: "2024-03-01");
        var article = _site.PathOf("input/posts/quota.md");
        _site.Commit("Ada Lovelace", January, "input/posts/quota.md");
        System.IO.File.AppendAllText(article, "A correction.\n");
        _site.Commit("Grace Hopper", April, "input/posts/quota.md");

        var result = await _site.BuildAsync(dryRun: true);

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var page = Page(result, "/posts/quota/");
        Assert.Equal(April, page.Get<DateTimeOffset?>(Keys.Updated));
        Assert.Equal(["Ada Lovelace", "Grace Hopper"], page.Get<ImmutableArray<string>>(Keys.Contributors).ToArray());
        Assert.Equal("https://github.com/example/site/edit/main/input/posts/quota.md", page.Get<string>(Keys.EditUrl));
        Assert.Contains("Contributors: Ada Lovelace, Grace Hopper", page.Text, StringComparison.Ordinal);
        Assert.Contains("Updated <time class=\"dt-updated\" datetime=\"2024-04-20\">", page.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"https://github.com/example/site/edit/main/input/posts/quota.md\"", page.Text, StringComparison.Ordinal);
        Assert.Contains("<lastmod>2024-04-20</lastmod>", File(result, "sitemap.xml"), StringComparison.Ordinal);
        Assert.Contains("<updated>2024-04-20T16:30:00Z</updated>", File(result, "atom.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Committing_an_article_long_after_its_date_is_not_an_update()
    {
        _site.InitGit();
        _site.Post("quota", date: "2023-03-01");
        _site.Commit("Ada Lovelace", April, "input/posts/quota.md");

        var result = await _site.BuildAsync(dryRun: true);

        var page = Page(result, "/posts/quota/");
        Assert.Null(page.Get<DateTimeOffset?>(Keys.Updated));
        Assert.DoesNotContain("Updated", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_later_commit_that_changes_only_the_front_matter_is_not_an_update()
    {
        _site.InitGit();
        _site.Post("quota", date: "2024-03-01", tags: "[a]");
        _site.Commit("Ada Lovelace", January, "input/posts/quota.md");
        _site.Post("quota", date: "2024-03-01", tags: "[a, b]");
        _site.Commit("Grace Hopper", April, "input/posts/quota.md");

        var result = await _site.BuildAsync(dryRun: true);

        Assert.Null(Page(result, "/posts/quota/").Get<DateTimeOffset?>(Keys.Updated));
    }

    [Fact]
    public async Task An_updated_date_in_the_front_matter_wins_over_git()
    {
        _site.InitGit();
        _site.Post("quota", extra: "updated: 2024-06-01\n", date: "2024-03-01");
        _site.Commit("Ada Lovelace", April, "input/posts/quota.md");

        var result = await _site.BuildAsync(dryRun: true);

        var page = Page(result, "/posts/quota/");
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero), page.Get<DateTimeOffset?>(Keys.Updated));
        Assert.Equal(["Ada Lovelace"], page.Get<ImmutableArray<string>>(Keys.Contributors).ToArray());
    }

    [Fact]
    public async Task A_change_committed_before_the_publication_date_is_not_an_update()
    {
        _site.InitGit();
        _site.Post("scheduled", date: "2024-05-01");
        var article = _site.PathOf("input/posts/scheduled.md");
        _site.Commit("Ada Lovelace", January, "input/posts/scheduled.md");
        System.IO.File.AppendAllText(article, "A second draft.\n");
        _site.Commit("Ada Lovelace", April, "input/posts/scheduled.md");

        var result = await _site.BuildAsync(dryRun: true);

        Assert.Null(Page(result, "/posts/scheduled/").Get<DateTimeOffset?>(Keys.Updated));
    }

    [Fact]
    public async Task A_commit_author_neither_site_yml_nor_the_mailmap_names_is_not_shown_as_a_contributor()
    {
        using var site = new TestSite(TestSite.DefaultSettings + "authors:\n  Ada Lovelace: { email: ada@example.org }\n");
        site.InitGit();
        site.Post("quota", date: "2024-03-01");
        site.Commit("CI Robot", January, "input/posts/quota.md");

        var result = await site.BuildAsync(dryRun: true);

        Assert.Empty(result.Outputs[SitePipelines.Posts].Single().Get<ImmutableArray<string>>(Keys.Contributors));
        Assert.DoesNotContain("Contributors:", result.Outputs[SitePipelines.Posts].Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_from_an_address_of_a_site_author_shows_that_author_name_but_not_when_the_byline_already_does()
    {
        using var site = new TestSite(TestSite.DefaultSettings + "authors:\n  Ada King: { email: [ada@example.org, countess@example.org] }\n  Grace Hopper: { email: grace@example.org }\n");
        site.InitGit();
        site.Post("quota", date: "2024-03-01", extra: "author: Grace Hopper\n");
        var article = site.PathOf("input/posts/quota.md");
        site.Commit("Grace Hopper", January, "input/posts/quota.md");
        System.IO.File.AppendAllText(article, "A correction.\n");
        site.Commit("Ada Lovelace", April, "input/posts/quota.md");

        var result = await site.BuildAsync(dryRun: true);

        Assert.Equal(["Ada King"], result.Outputs[SitePipelines.Posts].Single().Get<ImmutableArray<string>>(Keys.Contributors).ToArray());
    }

    [Fact]
    public async Task A_mailmap_line_makes_a_commit_identity_a_known_contributor_under_its_proper_name()
    {
        using var site = new TestSite();
        site.InitGit();
        site.Write(".mailmap", "# people\nAda King <ada@example.org>\n");
        site.Post("quota", date: "2024-03-01");
        site.Commit("Ada Lovelace", January, "input/posts/quota.md");

        var result = await site.BuildAsync(dryRun: true);

        Assert.Equal(["Ada King"], result.Outputs[SitePipelines.Posts].Single().Get<ImmutableArray<string>>(Keys.Contributors).ToArray());
    }

    [Fact]
    public async Task Without_a_repository_the_build_works_with_no_update_date_and_no_contributors_whatever_the_file_date()
    {
        _site.Post("quota", date: "2024-03-01");
        var article = _site.PathOf("input/posts/quota.md");
        System.IO.File.SetLastWriteTimeUtc(article, April.UtcDateTime);

        var result = await _site.BuildAsync(dryRun: true);

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "SI0610");
        var page = Page(result, "/posts/quota/");
        Assert.Null(page.Get<DateTimeOffset?>(Keys.Updated));
        Assert.Empty(page.Get<ImmutableArray<string>>(Keys.Contributors));
        Assert.DoesNotContain("Contributors:", page.Text, StringComparison.Ordinal);
        Assert.Equal("https://github.com/example/site/edit/main/input/posts/quota.md", page.Get<string>(Keys.EditUrl));
    }

    [Fact]
    public async Task An_untracked_article_in_a_repository_has_no_update_date()
    {
        _site.InitGit();
        _site.Post("committed");
        _site.Commit("Ada Lovelace", January, "input/posts/committed.md");
        _site.Post("new-one", date: "2024-03-01");
        System.IO.File.SetLastWriteTimeUtc(_site.PathOf("input/posts/new-one.md"), April.UtcDateTime);

        var result = await _site.BuildAsync(dryRun: true);

        var page = Page(result, "/posts/new-one/");
        Assert.Null(page.Get<DateTimeOffset?>(Keys.Updated));
        Assert.Empty(page.Get<ImmutableArray<string>>(Keys.Contributors));
    }

    [Fact]
    public async Task Without_a_repository_url_there_is_no_edit_link()
    {
        using var site = new TestSite();
        site.Post("quota");

        var result = await site.BuildAsync(dryRun: true);

        var page = result.Outputs[SitePipelines.Posts].Single();
        Assert.Null(page.Get<string>(Keys.EditUrl));
        Assert.DoesNotContain("Edit this page", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://github.com/o/r", "main", "input/posts/a.md", "https://github.com/o/r/edit/main/input/posts/a.md")]
    [InlineData("https://github.com/o/r/", "drafts", "site/input/posts/a b.md", "https://github.com/o/r/edit/drafts/site/input/posts/a%20b.md")]
    public void The_edit_link_is_the_repository_url_then_edit_branch_and_path(string repository, string branch, string path, string expected)
    {
        var settings = new SiteSettings { RepositoryUrl = repository, RepositoryBranch = branch };

        Assert.Equal(expected, ApplyGitHistory.EditUrl(settings, path));
    }
}
