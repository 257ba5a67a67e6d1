using System.Collections.Immutable;
using SalesInsights.Html;
using SalesInsights.Modules;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Modules;

public sealed class CheckLinksTests
{
    private static readonly string[] Published = ["index.html", "posts/a/index.html", "posts/b/index.html", "tags/index.html", "assets/css/site.css", "feed.xml", "images/chart.png", "404.html"];

    /// <summary>The output files and the ids of the article page, as a site at <paramref name="basePath"/> would have them.</summary>
    private static string? Check(string url, string page, string basePath = "")
    {
        var files = Published.ToHashSet(StringComparer.Ordinal);
        var pages = new Dictionary<string, HtmlLinks>(StringComparer.Ordinal)
        {
            ["posts/a/index.html"] = new([], ImmutableHashSet.Create(StringComparer.Ordinal, "intro", "the-numbers")),
            ["index.html"] = new([], ImmutableHashSet<string>.Empty),
        };
        return CheckLinks.Check(url, new Uri("https://example.org" + basePath + page), "https://example.org", basePath, files, pages);
    }

    [Theory]
    [InlineData("/posts/a/", "/posts/b/")]
    [InlineData("/posts/a", "/posts/b/")]
    [InlineData("/posts/a/index.html", "/posts/b/")]
    [InlineData("../a/", "/posts/b/")]
    [InlineData("../../", "/posts/b/")]
    [InlineData("./", "/posts/a/")]
    [InlineData("/", "/posts/b/")]
    [InlineData("/posts/a/#intro", "/posts/b/")]
    [InlineData("#the-numbers", "/posts/a/")]
    [InlineData("?ref=home#intro", "/posts/a/")]
    [InlineData("/posts/a/?utm_source=feed", "/posts/b/")]
    [InlineData("../../assets/css/site.css", "/posts/b/")]
    [InlineData("/images/chart.png", "/posts/b/")]
    [InlineData("https://example.org/posts/a/", "/posts/b/")]
    [InlineData("https://other.example/anything", "/posts/b/")]
    [InlineData("//cdn.example/lib.js", "/posts/b/")]
    [InlineData("mailto:someone@example.org", "/posts/b/")]
    [InlineData("#", "/posts/b/")]
    public void Clean_relative_and_fragment_links_that_resolve_raise_no_alarm(string url, string page) =>
        Assert.Null(Check(url, page));

    [Theory]
    [InlineData("/blog/posts/a/", "/posts/b/")]
    [InlineData("/blog/posts/a", "/posts/b/")]
    [InlineData("../a/#intro", "/posts/b/")]
    [InlineData("../../", "/posts/b/")]
    [InlineData("/blog/", "/")]
    [InlineData("https://example.org/blog/posts/a/", "/posts/b/")]
    [InlineData("/blog/feed.xml", "/posts/b/")]
    public void Links_under_a_sub_path_base_url_raise_no_alarm(string url, string page) =>
        Assert.Null(Check(url, page, "/blog"));

    [Theory]
    [InlineData("/posts/c/", "/posts/b/", "", "nothing is published at '/posts/c/'")]
    [InlineData("../c/", "/posts/b/", "", "nothing is published at '/posts/c/'")]
    [InlineData("/posts/a/#nowhere", "/posts/b/", "", "'/posts/a/' has no element with id 'nowhere'")]
    [InlineData("#nowhere", "/posts/a/", "", "has no element with id 'nowhere'")]
    [InlineData("/images/missing.png", "/posts/b/", "", "nothing is published at '/images/missing.png'")]
    [InlineData("", "/posts/b/", "", "the link is empty")]
    [InlineData("/posts/a/", "/posts/b/", "/blog", "outside the site's base path '/blog/'")]
    [InlineData("../../../posts/a/", "/posts/b/", "/blog", "outside the site's base path '/blog/'")]
    [InlineData("https://example.org/blog/posts/gone/", "/posts/b/", "/blog", "nothing is published at '/blog/posts/gone/'")]
    public void A_link_that_does_not_resolve_says_why(string url, string page, string basePath, string why) =>
        Assert.Contains(why, Check(url, page, basePath) ?? "(no problem found)", StringComparison.Ordinal);

    [Fact]
    public async Task A_site_under_a_sub_path_with_relative_and_clean_links_builds_without_a_false_alarm()
    {
        using var site = new TestSite();
        site.Write("input/site.yml", "title: T\nbase_url: https://example.org/blog/\n")
            .Post("a", "A", body: "[b](/posts/b/), [b again](../b/), [b bare](/posts/b), [b's anchor](/posts/b/#section), [home](../../), [feed](/feed.xml)")
            .Post("b", "B", body: "## Section\n\nText.");
        var result = await site.BuildAsync();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task A_broken_link_in_a_page_is_reported_at_the_source_file_and_line_that_wrote_it()
    {
        using var site = new TestSite();
        site.Write("input/pages/about.md", "---\ntitle: About\n---\n\nIntro.\n\nMore text\nand [a dead end](/nowhere/) here.\n");
        var error = Assert.Single((await site.BuildAsync()).Diagnostics);
        Assert.Equal(("input/pages/about.md", 8, "SI0201"), (error.Path, error.Line, error.Code));
        Assert.Contains("broken link '/nowhere/': nothing is published at '/nowhere/'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_link_written_by_a_template_is_reported_once_at_the_template_line()
    {
        using var site = new TestSite();
        var footer = File.ReadAllText(Path.Combine(Repository.Theme, "partials", "footer.html"))
            .Replace("<li><a href=\"{{ url '/archive/' }}\">Archive</a></li>", "<li><a href=\"{{ url '/archive/' }}\">Archive</a></li>\n      <li><a href=\"{{ url '/colophon/' }}\">Colophon</a></li>", StringComparison.Ordinal);
        Assert.Contains("/colophon/", footer, StringComparison.Ordinal);
        site.Write("input/partials/footer.html", footer).Post("a", "A").Post("b", "B");
        var error = Assert.Single((await site.BuildAsync()).Diagnostics);
        var line = Array.FindIndex(footer.Split('\n'), l => l.Contains("/colophon/", StringComparison.Ordinal)) + 1;
        Assert.Equal(("input/partials/footer.html", line, "SI0201"), (error.Path, error.Line, error.Code));
        Assert.Contains("broken link '/colophon/'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_image_in_raw_html_of_an_article_is_reported_at_the_article_line_that_wrote_it()
    {
        using var site = new TestSite();
        site.Post("p", "P", body: "Intro.\n\n<figure>\n<img src=\"/images/quota.png\" alt=\"Quota attainment\">\n</figure>\n");
        var error = Assert.Single((await site.BuildAsync()).Diagnostics);
        Assert.Equal(("input/posts/p.md", 10, "SI0201"), (error.Path, error.Line, error.Code));
        Assert.Contains("broken image '/images/quota.png': nothing is published at '/images/quota.png'", error.Message, StringComparison.Ordinal);
    }

    private static readonly HashSet<string> EscapedFiles = new(StringComparer.Ordinal) { "index.html", "posts/a/index.html", "posts/b c/index.html" };

    private static readonly Dictionary<string, HtmlLinks> EscapedPages = new(StringComparer.Ordinal)
    {
        ["posts/a/index.html"] = HtmlLinks.Read("<h2 id=\"intro\">x</h2><h2 id=\"two words\">y</h2>"),
        ["index.html"] = HtmlLinks.Read("<main id=\"main\"></main>"),
    };

    /// <summary>The fast path that skips building a Uri must agree with one on escapes and dot segments.</summary>
    [Theory]
    [InlineData("/posts/a/#two%20words", null)]
    [InlineData("/posts/b%20c/", null)]
    [InlineData("/posts/x/../a/", null)]
    [InlineData("/posts/x/../missing/", "nothing is published at '/posts/missing/'")]
    [InlineData("/#intro", "'/' has no element with id 'intro'")]
    [InlineData("#nowhere", "'/posts/a/' has no element with id 'nowhere'")]
    [InlineData("https://example.org/posts/gone/", "nothing is published at '/posts/gone/'")]
    public void Escaped_and_dotted_links_resolve_as_a_browser_would(string url, string? problem) =>
        Assert.Equal(problem, CheckLinks.Check(url, new Uri("https://example.org/posts/a/"), "https://example.org", "", EscapedFiles, EscapedPages));
}
