using SalesInsights.Preview;

namespace SalesInsights.Tests.Preview;

public sealed class RequestPathsTests
{
    [Theory]
    [InlineData("/", "")]
    [InlineData("/posts/a/", "posts/a/")]
    [InlineData("/posts/a", "posts/a")]
    [InlineData("/posts/a/?utm=x", "posts/a/")]
    [InlineData("/assets/css/site.1a2b3c4d5e.css", "assets/css/site.1a2b3c4d5e.css")]
    [InlineData("/tags/caf%C3%A9/", "tags/café/")]
    [InlineData("/a%20b.html", "a b.html")]
    public void Given_a_site_path_then_it_resolves_to_the_file_path(string target, string expected)
    {
        Assert.Equal(expected, RequestPaths.Resolve(target));
    }

    [Theory]
    [InlineData("/..")]
    [InlineData("/../etc/passwd")]
    [InlineData("/posts/../../etc/passwd")]
    [InlineData("/%2e%2e/etc/passwd")]
    [InlineData("/%2E%2E%2Fetc%2Fpasswd")]
    [InlineData("/posts/%2e%2e%5c%2e%2e%5csite.yml")]
    [InlineData("/a%2fb")]
    [InlineData("/a%5cb")]
    [InlineData("/a\\b")]
    [InlineData("/./index.html")]
    [InlineData("/%2e/index.html")]
    [InlineData("//etc/passwd")]
    [InlineData("/a//b")]
    [InlineData("/C:/Windows/win.ini")]
    [InlineData("/.git/config")]
    [InlineData("/assets/.env")]
    [InlineData("/a%00b")]
    [InlineData("http://evil.example/etc/passwd")]
    [InlineData("*")]
    [InlineData("")]
    public void Given_a_path_that_leaves_the_site_or_shows_a_hidden_file_then_it_is_refused(string target)
    {
        Assert.Null(RequestPaths.Resolve(target));
    }
}
