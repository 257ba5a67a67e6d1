using SalesInsights.Html;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Html;

public sealed class HtmlLinksTests
{
    [Theory]
    [InlineData("<a href=\"/a/\">x</a>", "a", "/a/")]
    [InlineData("<A HREF='/b/'>x</A>", "a", "/b/")]
    [InlineData("<a href=/c/>x</a>", "a", "/c/")]
    [InlineData("<a class=\"x\" href = \" /d/ \" >x</a>", "a", "/d/")]
    [InlineData("<a href=\"/e/?x=1&amp;y=2\">x</a>", "a", "/e/?x=1&y=2")]
    [InlineData("<a href=\"/first/\" href=\"/second/\">x</a>", "a", "/first/")]
    [InlineData("<img src=\"/i.png\" alt=\"a > b\">", "img", "/i.png")]
    [InlineData("<link rel=\"stylesheet\" href=\"/s.css\"/>", "link", "/s.css")]
    [InlineData("<script src=\"/s.js\"></script>", "script", "/s.js")]
    public void A_link_attribute_is_read_as_the_html_parser_reads_it(string html, string element, string url)
    {
        var link = Assert.Single(HtmlLinks.Read(html).Links);
        Assert.Equal((element, url), (link.Element, link.Url));
    }

    [Theory]
    [InlineData("<!-- <a href=\"/commented/\"> -->")]
    [InlineData("<script>var s = '<a href=\"/in-script/\">';</script>")]
    [InlineData("<style>a[href=\"/x\"] { }</style>")]
    [InlineData("<textarea><a href=\"/typed/\"></textarea>")]
    [InlineData("<p>1 < 2 and <span data-href=\"/not-a-link/\">x</span></p>")]
    [InlineData("<![CDATA[ <a href=\"/cdata/\"> ]]>")]
    public void Markup_that_is_not_a_link_is_not_read_as_one(string html) =>
        Assert.Empty(HtmlLinks.Read(html).Links);

    [Fact]
    public void Ids_and_anchor_names_are_offered_as_fragments()
    {
        var ids = HtmlLinks.Read("<h2 id=\"intro\">x</h2><a name=\"old\"></a><div ID='caps'></div><span name=\"no\"></span>").Ids;
        Assert.Equal(["caps", "intro", "old"], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Srcset_gives_one_link_per_candidate()
    {
        var links = HtmlLinks.Read("<img srcset=\"/a.png 1x, /b.png 2x\" src=\"/c.png\">").Links;
        Assert.Equal(["/c.png", "/a.png", "/b.png"], links.Select(l => l.Url));
    }

    [Fact]
    public void Positions_are_the_line_and_column_of_the_tag()
    {
        var links = HtmlLinks.Read("<p>\n  <a href=\"/x/\">x</a>\n<p><img src=\"/y.png\">").Links;
        Assert.Equal([(2, 3), (3, 4)], links.Select(l => (l.Line, l.Column)));
    }

    [Fact]
    public async Task Every_page_of_the_sample_site_reads_the_same_as_through_a_full_dom()
    {
        var site = await SampleSite.GetAsync();
        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            var fast = HtmlLinks.Read(html);
            var dom = HtmlDomLinks.Read(html);
            Assert.Equal(Sorted(dom), Sorted(fast));
            Assert.Equal(dom.Ids.Order(StringComparer.Ordinal), fast.Ids.Order(StringComparer.Ordinal));
        }
    }

    private static List<string> Sorted(HtmlLinks links) =>
        [.. links.Links.Select(l => $"{l.Element} {l.Url} {l.Line}:{l.Column}").Order(StringComparer.Ordinal)];
}
