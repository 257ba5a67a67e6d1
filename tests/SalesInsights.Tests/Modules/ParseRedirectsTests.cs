using SalesInsights.Modules;
using SalesInsights.Pipeline;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Modules;

public sealed class ParseRedirectsTests
{
    [Theory]
    [InlineData("/posts/old-slug/")]
    [InlineData("/2019/05/old.html")]
    [InlineData("/a")]
    public void A_plain_path_of_the_site_is_accepted(string path)
    {
        Assert.Null(ParseRedirects.Problem(path));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("posts/old/", "must be a path on this site")]
    [InlineData("https://example.org/old/", "must be a path on this site")]
    [InlineData("//example.org/old/", "must be a path on this site")]
    [InlineData("/old path/", "must be a plain path")]
    [InlineData("/old/?page=2", "must be a plain path")]
    [InlineData("/old/*", "must be a plain path")]
    [InlineData("/posts/:slug", "must be a plain path")]
    public void A_path_that_cannot_be_an_old_address_is_refused(string path, string problem)
    {
        Assert.StartsWith(problem, ParseRedirects.Problem(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permalink_or_url_another_generator_gave_an_article_redirects_to_its_address_with_a_warning_at_the_value()
    {
        using var site = new TestSite();
        site.Post("quota-math", extra: "permalink: /blog/quota-math.html\nurl: /old/quota/\n");

        var warnings = (await site.BuildAsync()).Diagnostics;

        Assert.Equal(["5:12 SI0113", "6:6 SI0113"], warnings.Select(w => $"{w.Line}:{w.Column} {w.Code}"));
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
        Assert.Contains("it is published at /posts/quota-math/, and /blog/quota-math.html redirects there", warnings.First().Message, StringComparison.Ordinal);
        var redirects = site.Read("_redirects");
        Assert.Contains("/blog/quota-math.html /posts/quota-math/ 301", redirects, StringComparison.Ordinal);
        Assert.Contains("/old/quota/ /posts/quota-math/ 301", redirects, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permalink_pattern_is_only_reported_and_one_equal_to_the_address_is_silent()
    {
        using var site = new TestSite();
        site.Post("pattern", extra: "permalink: /:year/:title/\n");
        site.Post("same", extra: "permalink: /posts/same/\n");

        var warning = Assert.Single((await site.BuildAsync()).Diagnostics);

        Assert.Equal(("input/posts/pattern.md", 5, "SI0113"), (warning.Path, warning.Line, warning.Code));
        Assert.Contains("is not an address this site can keep: this page is published at /posts/pattern/", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/:year/", site.Read("_redirects"), StringComparison.Ordinal);
    }
}
