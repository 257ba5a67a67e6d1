using System.Xml.Linq;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Site;

/// <summary>Every file of the built sample site is valid for the program that reads it: browsers, feed readers, crawlers.</summary>
public sealed class SiteValidityTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [CheckFact]
    public async Task Every_generated_page_passes_the_nu_html_checker_without_errors()
    {
        var site = await SampleSite.GetAsync();
        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).Count();
        var errors = await NuHtmlChecker.ErrorsAsync(site.Output);
        Assert.True(errors.Count == 0, $"the Nu HTML Checker found {errors.Count} errors in {pages} pages:\n" + string.Join('\n', errors.Take(40)));
        Assert.True(pages > 10, $"only {pages} pages were checked");
    }

    [CheckFact]
    public async Task An_invalid_tag_in_an_article_fails_the_html_check_naming_the_page_line_and_element()
    {
        using var site = new TestSite().Post("bad-markup", "Bad markup", body: "Old habits.\n\n<p>A <blink>blinking</blink> word.</p>\n");
        var result = await site.BuildAsync();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var errors = await NuHtmlChecker.ErrorsAsync(site.Output);
        Assert.Contains(errors, e => e.Contains("“blink” element", StringComparison.Ordinal));
        var error = errors.First(e => e.Contains("“blink” element", StringComparison.Ordinal));
        Assert.StartsWith("posts/bad-markup/index.html:", error, StringComparison.Ordinal);
        Assert.Matches(@"^[^:]+:[1-9]\d*:", error);
    }

    [Fact]
    public async Task The_rss_and_atom_feeds_are_well_formed_xml_of_their_formats()
    {
        var site = await SampleSite.GetAsync();
        var rss = File.ReadAllText(Path.Combine(site.Output, "feed.xml"));
        var atom = File.ReadAllText(Path.Combine(site.Output, "atom.xml"));
        Assert.Null(XmlChecks.WellFormednessError(rss));
        Assert.Null(XmlChecks.WellFormednessError(atom));
        var rssRoot = XDocument.Parse(rss).Root!;
        Assert.Equal("rss", rssRoot.Name.LocalName);
        Assert.Equal("2.0", (string?)rssRoot.Attribute("version"));
        Assert.All(rssRoot.Element("channel")!.Elements("item"), item => Assert.All(new[] { "title", "link", "guid", "pubDate" }, name => Assert.NotNull(item.Element(name))));
        var atomRoot = XDocument.Parse(atom).Root!;
        Assert.Equal(Atom + "feed", atomRoot.Name);
        Assert.All(new[] { "id", "title", "updated" }, name => Assert.NotNull(atomRoot.Element(Atom + name)));
        Assert.All(atomRoot.Elements(Atom + "entry"), entry => Assert.All(new[] { "id", "title", "updated" }, name => Assert.NotNull(entry.Element(Atom + name))));
    }

    [Fact]
    public async Task The_sitemap_matches_the_sitemaps_org_schema()
    {
        var site = await SampleSite.GetAsync();
        var errors = XmlChecks.SitemapErrors(File.ReadAllText(Path.Combine(site.Output, "sitemap.xml")));
        Assert.True(errors.Count == 0, "sitemap.xml:\n" + string.Join('\n', errors));
    }

    [Theory]
    [InlineData("<url><loc>https://example.org/</loc><priority>2</priority></url>", "priority")]
    [InlineData("<url><loc>https://example.org/</loc><changefreq>sometimes</changefreq></url>", "changefreq")]
    [InlineData("<url><location>https://example.org/</location></url>", "location")]
    [InlineData("<url><loc>/relative/</loc></url>", "loc")]
    [InlineData("<url><loc>https://example.org/</loc><lastmod>yesterday</lastmod></url>", "lastmod")]
    [InlineData("<url><loc>https://example.org/a/</loc></url><url><loc>https://example.org/a/</loc></url>", "uniqueLoc")]
    public void A_sitemap_that_breaks_the_protocol_fails_the_schema_naming_the_element(string urls, string named)
    {
        var errors = XmlChecks.SitemapErrors($"<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">{urls}</urlset>");
        Assert.Contains(errors, e => e.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_xml_and_svg_file_of_the_site_is_well_formed()
    {
        var site = await SampleSite.GetAsync();
        var files = Directory.EnumerateFiles(site.Output, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".svg", StringComparison.Ordinal) || f.EndsWith(".xsl", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        var broken = files.Select(f => (File: Path.GetRelativePath(site.Output, f), Error: XmlChecks.WellFormednessError(File.ReadAllText(f)))).Where(x => x.Error is not null).ToList();
        Assert.True(broken.Count == 0, string.Join('\n', broken.Select(b => $"{b.File}: {b.Error}")));
    }
}
