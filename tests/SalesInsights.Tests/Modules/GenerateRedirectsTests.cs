using SalesInsights.Modules;
using SalesInsights.Site;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Modules;

public sealed class GenerateRedirectsTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private static string Redirects(BuildResult result) =>
        result.Outputs[SitePipelines.Redirects].Single(d => d.Destination == GenerateRedirects.FileName).Text;

    [Fact]
    public async Task Old_paths_given_as_a_string_or_a_list_become_permanent_redirects_to_the_article()
    {
        _site.Post("new-slug", extra: "redirect_from: /posts/old-slug/\n");
        _site.Post("other", extra: "redirect_from:\n  - /2019/05/other.html\n  - /blog/other/\n");

        var result = await _site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var lines = File.ReadAllLines(Path.Combine(_site.Output, "_redirects")).Where(l => !l.StartsWith('#')).ToArray();
        Assert.Equal(
        [
            "/2019/05/other.html /posts/other/ 301",
            "/blog/other/ /posts/other/ 301",
            "/posts/old-slug/ /posts/new-slug/ 301",
        ], lines);
    }

    [Fact]
    public async Task Without_any_redirect_the_file_holds_only_its_comment()
    {
        _site.Post("plain");

        var result = await _site.BuildAsync(dryRun: true);

        Assert.All(Redirects(result).Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.StartsWith("#", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_site_served_under_a_base_path_redirects_within_it()
    {
        using var site = new TestSite("title: Test\nbase_url: https://example.org/blog\n");
        site.Post("new-slug", extra: "redirect_from: /posts/old-slug/\n");

        var result = await site.BuildAsync(dryRun: true);

        Assert.Contains("/blog/posts/old-slug/ /blog/posts/new-slug/ 301\n", Redirects(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_not_starting_with_a_slash_is_reported_where_it_was_typed()
    {
        _site.Post("a", extra: "redirect_from:\n  - /fine/\n  - posts/old/\n");

        var result = await _site.BuildAsync(dryRun: true);

        var error = Assert.Single(result.Diagnostics, d => d.Code == "SI0601");
        Assert.Equal(("input/posts/a.md", 7, 5), (error.Path, error.Line, error.Column));
        Assert.Contains("'posts/old/'", error.Message, StringComparison.Ordinal);
        Assert.Contains("/fine/ /posts/a/ 301", Redirects(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_that_is_the_address_of_a_real_page_is_reported()
    {
        _site.Post("kept");
        _site.Post("b", extra: "redirect_from: [/posts/kept/, /tags]\n");

        var result = await _site.BuildAsync(dryRun: true);

        var errors = result.Diagnostics.Where(d => d.Code == "SI0602").ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal(("input/posts/b.md", 5, 17), (errors[0].Path, errors[0].Line, errors[0].Column));
        Assert.Contains("input/posts/kept.md", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(("input/posts/b.md", 5, 31), (errors[1].Path, errors[1].Line, errors[1].Column));
        Assert.DoesNotContain("/posts/kept/ ", Redirects(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_old_path_claimed_by_two_articles_is_reported_at_both()
    {
        _site.Post("first", extra: "redirect_from: /old/\n");
        _site.Post("second", tags: "[x]", extra: "redirect_from:\n- /old\n");

        var result = await _site.BuildAsync(dryRun: true);

        var errors = result.Diagnostics.Where(d => d.Code == "SI0603").ToList();
        Assert.Equal(
            [("input/posts/first.md", 5, 16), ("input/posts/second.md", 6, 3)],
            errors.Select(e => (e.Path, e.Line, e.Column)).ToArray());
        Assert.Contains("input/posts/second.md", errors[0].Message, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task An_article_listing_its_own_address_is_reported()
    {
        _site.Post("self", extra: "redirect_from: /posts/self\n");

        var result = await _site.BuildAsync(dryRun: true);

        var error = Assert.Single(result.Diagnostics, d => d.Code == "SI0602");
        Assert.Contains("own address", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/posts/old/", "/posts/old")]
    [InlineData("/posts/old/index.html", "/posts/old")]
    [InlineData("/", "/")]
    [InlineData("/index.html", "/")]
    [InlineData("/feed.xml", "/feed.xml")]
    public void Paths_are_compared_as_netlify_matches_them(string path, string normalized)
    {
        Assert.Equal(normalized, GenerateRedirects.Normalize(path));
    }
}
