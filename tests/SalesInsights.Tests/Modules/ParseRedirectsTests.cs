using SalesInsights.Modules;

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
}
