using SalesInsights.Pipeline;
using SalesInsights.Tests.Support;
using SkiaSharp;

namespace SalesInsights.Tests.Markdown.Images;

public sealed class ResponsiveImageFeatureTests
{
    [Fact]
    public async Task A_bundle_picture_is_published_in_widths_with_srcset_sizes_and_dimensions()
    {
        using var site = new TestSite();
        site.Write("input/posts/quota-math/index.md", "---\ntitle: Quota math\ndate: 2025-01-01\n---\n\n![Win rate by quarter](chart.jpg)\n\nText.\n\n![The team at work](/images/team.png)\n");
        File.WriteAllBytes(site.PathOf("input/posts/quota-math/chart.jpg"), TestPictures.Gradient(1200, 600, SKEncodedImageFormat.Jpeg));
        site.Write("input/static/images/.keep", string.Empty);
        File.WriteAllBytes(site.PathOf("input/static/images/team.png"), TestPictures.Gradient(800, 400));

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        var html = site.Read("posts/quota-math/index.html");
        var first = System.Text.RegularExpressions.Regex.Match(html, "<picture>.*?</picture>").Value;
        Assert.Matches("<source type=\"image/webp\" srcset=\"/img/[0-9a-f]{16}/chart-480.webp 480w, /img/[0-9a-f]{16}/chart-960.webp 960w, /img/[0-9a-f]{16}/chart-1200.webp 1200w\" sizes=\"\\(min-width: 42rem\\) 40rem, 100vw\">", first);
        Assert.Contains("<img src=\"chart.jpg\"", first, StringComparison.Ordinal);
        Assert.Contains("width=\"1200\" height=\"600\" alt=\"Win rate by quarter\"", first, StringComparison.Ordinal);
        Assert.Contains("</picture></p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("loading=\"lazy\"", first, StringComparison.Ordinal);
        Assert.Contains("alt=\"The team at work\" loading=\"lazy\"", html, StringComparison.Ordinal);
        var published = System.Text.RegularExpressions.Regex.Matches(html, "/img/[0-9a-f]{16}/[a-z]+-[0-9]+\\.(webp|jpg|png)").Select(m => m.Value).Distinct().ToList();
        Assert.Equal(10, published.Count);
        Assert.All(published, url => Assert.True(site.Exists(url.TrimStart('/')), url));
        Assert.True(site.Exists("posts/quota-math/chart.jpg"));
    }

    [Fact]
    public async Task An_image_without_alt_text_is_a_warning_at_its_position()
    {
        using var site = new TestSite();
        site.Post("a", body: "Text.\n\nSee ![](https://images.example.com/a.png) here.");

        var warning = Assert.Single((await site.BuildAsync()).Diagnostics);

        Assert.Equal(("SI0705", Severity.Warning, "input/posts/a.md", 9, 5), (warning.Code, warning.Severity, warning.Path, warning.Line, warning.Column));
    }

    [Fact]
    public async Task A_picture_that_does_not_decode_is_published_as_it_is_with_a_warning()
    {
        using var site = new TestSite();
        site.Write("input/posts/a/index.md", "---\ntitle: A\ndate: 2025-01-01\n---\n\n![A broken picture](broken.png)\n");
        site.Write("input/posts/a/broken.png", "not a picture");

        var warning = Assert.Single((await site.BuildAsync()).Diagnostics);

        Assert.Equal(("SI0706", 6), (warning.Code, warning.Line));
        var html = site.Read("posts/a/index.html");
        Assert.Contains("<img src=\"broken.png\"", html, StringComparison.Ordinal);
    }
}
