using SalesInsights.Modules;
using SalesInsights.Pipeline;
using SalesInsights.Site;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Site;

public sealed class SiteBuilderTests
{
    [Fact]
    public async Task Malformed_front_matter_is_reported_at_its_line()
    {
        using var site = new TestSite();
        site.Write("input/posts/bad.md", "---\ntitle: Fine\ndate: 2025-01-01\ntags: [a, b\n---\nbody");
        var error = Assert.Single((await site.BuildAsync()).Diagnostics);
        Assert.Equal(("input/posts/bad.md", 4, "SI0101"), (error.Path, error.Line, error.Code));
        Assert.StartsWith("malformed YAML front matter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_title_is_reported_with_what_to_write()
    {
        using var site = new TestSite();
        site.Write("input/posts/untitled.md", "---\ndate: 2025-01-01\n---\nbody");
        var error = Assert.Single((await site.BuildAsync()).Diagnostics);
        Assert.Equal("input/posts/untitled.md:1:1: error SI0102: the front matter has no 'title'; add a line like: title: \"What quota does to a team\"", error.ToString());
    }

    [Fact]
    public async Task An_unknown_layout_is_reported_at_the_layout_line_with_the_known_ones()
    {
        using var site = new TestSite();
        site.Post("p", "P", extra: "layout: fancy\n");
        var error = Assert.Single((await site.BuildAsync()).Diagnostics);
        Assert.Equal(("input/posts/p.md", 5, "SI0104"), (error.Path, error.Line, error.Code));
        Assert.Contains("unknown layout 'fancy'; the theme has: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("post", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_articles_with_the_same_slug_are_both_reported()
    {
        using var site = new TestSite();
        site.Post("one", "One", extra: "slug: same\n").Post("two", "Two", extra: "slug: same\n");
        var errors = (await site.BuildAsync()).Diagnostics;
        Assert.Equal(["input/posts/one.md:5", "input/posts/two.md:5"], errors.Select(e => $"{e.Path}:{e.Line}"));
        Assert.All(errors, e => Assert.Equal("SI0105", e.Code));
        Assert.Contains("also used by input/posts/two.md", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_to_nothing_is_reported_by_name()
    {
        using var site = new TestSite();
        File.CreateSymbolicLink(Path.Combine(site.Input, "posts", "gone.md"), Path.Combine(site.Root, "does-not-exist.md"));
        var error = Assert.Single((await site.BuildAsync()).Diagnostics);
        Assert.Equal(("input/posts/gone.md", "SI0005"), (error.Path, error.Code));
        Assert.Contains("cannot be followed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_of_a_build_is_reported_together()
    {
        using var site = new TestSite();
        site.Write("input/posts/a.md", "---\ndate: 2025-01-01\n---\n")
            .Write("input/posts/b.md", "---\ntitle: [\n---\n")
            .Post("c", "C", date: "someday");
        var errors = (await site.BuildAsync()).Diagnostics;
        Assert.Equal(["input/posts/a.md", "input/posts/b.md", "input/posts/c.md"], errors.Select(e => e.Path));
    }

    [Fact]
    public async Task A_failed_build_leaves_the_previous_output_exactly_as_it_was()
    {
        using var site = new TestSite();
        site.Post("good", "Good");
        Assert.True((await site.BuildAsync()).Succeeded);
        var before = Snapshot(site.Output);

        site.Write("input/posts/good.md", "---\ntitle: Good\ndate: 2025-01-01\n---\nChanged body.\n").Write("input/posts/broken.md", "---\ndate: x\n---\n");
        Assert.False((await site.BuildAsync()).Succeeded);

        Assert.Equal(before, Snapshot(site.Output));
        Assert.DoesNotContain(Directory.EnumerateDirectories(site.Root), d => Path.GetFileName(d).Contains("staging", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_successful_build_replaces_the_output_and_removes_files_no_longer_produced()
    {
        using var site = new TestSite();
        site.Post("first", "First");
        await site.BuildAsync();
        File.Delete(Path.Combine(site.Input, "posts", "first.md"));
        site.Post("second", "Second");
        Assert.True((await site.BuildAsync()).Succeeded);
        Assert.False(site.Exists("posts/first/index.html"));
        Assert.True(site.Exists("posts/second/index.html"));
    }

    [Fact]
    public async Task A_control_character_in_an_article_body_reaches_the_feeds_as_a_replacement_character_not_a_failure()
    {
        using var site = new TestSite();
        site.Post("bell", "Bell", body: "Before\u0007after.");

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Contains("Before\uFFFDafter.", site.Read("feed.xml"), StringComparison.Ordinal);
        Assert.Contains("Before\uFFFDafter.", site.Read("atom.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_and_future_articles_are_left_out_unless_drafts_are_asked_for()
    {
        using var site = new TestSite();
        site.Post("live", "Live").Post("draft", "Draft", extra: "draft: true\n").Post("later", "Later", date: "2030-01-01");
        await site.BuildAsync();
        Assert.Equal([true, false, false], new[] { "live", "draft", "later" }.Select(s => site.Exists($"posts/{s}/index.html")));
        Assert.DoesNotContain("/posts/draft/", site.Read("feed.xml"), StringComparison.Ordinal);

        await site.BuildAsync(drafts: true);
        Assert.True(site.Exists("posts/draft/index.html"));
        Assert.True(site.Exists("posts/later/index.html"));
    }

    [Fact]
    public async Task A_build_writes_pages_as_they_are_laid_out_and_they_equal_the_pages_a_build_in_memory_makes()
    {
        using var site = new TestSite();
        site.Post("first", "First", tags: "[quota, pipeline]", body: "## A heading\n\nSee [the second](/posts/second/#a-heading).")
            .Post("second", "Second", date: "2025-02-01", body: "## A heading\n\nBack to [the first](/posts/first/).");
        var now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

        var written = await SiteBuilder.BuildAsync(site.Options(now: now), CancellationToken.None);
        var inMemory = await SiteBuilder.BuildAsync(site.Options(now: now) with { InMemory = true }, CancellationToken.None);

        Assert.True(written.Succeeded, string.Join('\n', written.Diagnostics));
        Assert.All(written.Outputs[SitePipelines.Posts], p => Assert.IsType<WrittenContent>(p.Content));
        var pages = WriteOutput.FilesOf(inMemory.Outputs.Values.SelectMany(d => d))
            .Where(f => f.Content is TextContent)
            .ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, f => Assert.Equal(((TextContent)f.Content).Text, site.Read(f.Destination)));
        Assert.Equal(Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).Count(), written.FilesWritten);
    }

    [Fact]
    public async Task A_broken_link_in_an_article_is_reported_at_its_markdown_line()
    {
        using var site = new TestSite();
        site.Post("p", "P", body: "Fine.\n\nSee [the missing one](/posts/missing/) and [a bad anchor](/posts/p/#nowhere).");
        var errors = (await site.BuildAsync()).Diagnostics;
        Assert.Equal(2, errors.Length);
        Assert.All(errors, e => Assert.Equal(("input/posts/p.md", 9, "SI0201"), (e.Path, e.Line, e.Code)));
        Assert.Contains(errors, e => e.Message.Contains("nothing is published at '/posts/missing/'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("has no element with id 'nowhere'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_site_under_a_sub_path_links_everything_below_that_path()
    {
        using var site = new TestSite();
        site.Write("input/site.yml", "title: T\nbase_url: https://example.org/blog\n").Post("a", "A", body: "[b](/posts/b/)").Post("b", "B");
        var result = await site.BuildAsync();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var html = site.Read("posts/a/index.html");
        Assert.Contains("href=\"/blog/posts/b/\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/blog/assets/css/site.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/posts/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Front_matter_values_are_escaped_in_the_page()
    {
        using var site = new TestSite();
        site.Post("x", "<script>alert(1)</script>");
        await site.BuildAsync();
        var html = site.Read("posts/x/index.html");
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pagination_splits_the_home_page_by_posts_per_page()
    {
        using var site = new TestSite();
        site.Write("input/site.yml", "title: T\nbase_url: https://example.org\nposts_per_page: 2\n");
        for (var i = 1; i <= 5; i++)
        {
            site.Post($"p{i}", $"Post {i}", date: $"2025-01-0{i}");
        }
        Assert.True((await site.BuildAsync()).Succeeded);
        Assert.True(site.Exists("page/3/index.html"));
        Assert.False(site.Exists("page/4/index.html"));
        Assert.Contains("/posts/p5/", site.Read("index.html"), StringComparison.Ordinal);
        Assert.Contains("/posts/p1/", site.Read("page/3/index.html"), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Snapshot(string directory) => Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllText);
}
