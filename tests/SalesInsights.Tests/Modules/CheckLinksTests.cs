using SalesInsights.Html;
using SalesInsights.Modules;

namespace SalesInsights.Tests.Modules;

public sealed class CheckLinksTests
{
    private static readonly HashSet<string> Files = new(StringComparer.Ordinal)
    {
        "index.html", "posts/a/index.html", "posts/b c/index.html", "assets/site.css", "404.html",
    };

    private static readonly Dictionary<string, HtmlLinks> Pages = new(StringComparer.Ordinal)
    {
        ["posts/a/index.html"] = HtmlLinks.Read("<h2 id=\"intro\">x</h2><h2 id=\"two words\">y</h2>"),
        ["index.html"] = HtmlLinks.Read("<main id=\"main\"></main>"),
    };

    [Theory]
    [InlineData("/posts/a/")]
    [InlineData("/posts/a")]
    [InlineData("/posts/a/?utm=x")]
    [InlineData("/posts/a/#intro")]
    [InlineData("/posts/a/#two%20words")]
    [InlineData("/posts/b%20c/")]
    [InlineData("/posts/x/../a/")]
    [InlineData("./")]
    [InlineData("../../")]
    [InlineData("#intro")]
    [InlineData("#")]
    [InlineData("/assets/site.css")]
    [InlineData("https://example.org/posts/a/")]
    [InlineData("https://elsewhere.example/")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("//cdn.example/x.js")]
    public void A_link_that_resolves_to_a_published_file_and_id_passes(string url) =>
        Assert.Null(CheckLinks.Check(url, new Uri("https://example.org/posts/a/"), "https://example.org", "", Files, Pages));

    [Theory]
    [InlineData("", "the link is empty")]
    [InlineData("/posts/missing/", "nothing is published at '/posts/missing/'")]
    [InlineData("/posts/a/#nowhere", "'/posts/a/' has no element with id 'nowhere'")]
    [InlineData("#nowhere", "'/posts/a/' has no element with id 'nowhere'")]
    [InlineData("/posts/x/../missing/", "nothing is published at '/posts/missing/'")]
    [InlineData("/#intro", "'/' has no element with id 'intro'")]
    [InlineData("https://example.org/posts/gone/", "nothing is published at '/posts/gone/'")]
    public void A_link_that_does_not_resolve_says_why(string url, string problem) =>
        Assert.Equal(problem, CheckLinks.Check(url, new Uri("https://example.org/posts/a/"), "https://example.org", "", Files, Pages));

    [Theory]
    [InlineData("/blog/posts/a/", null)]
    [InlineData("/posts/a/", "it points outside the site's base path '/blog/'")]
    [InlineData("#intro", null)]
    public void Under_a_sub_path_links_must_stay_below_it(string url, string? problem) =>
        Assert.Equal(problem, CheckLinks.Check(url, new Uri("https://example.org/blog/posts/a/"), "https://example.org", "/blog", Files, Pages));
}
