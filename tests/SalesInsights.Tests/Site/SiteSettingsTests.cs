using SalesInsights.Site;

namespace SalesInsights.Tests.Site;

public sealed class SiteSettingsTests
{
    [Theory]
    [InlineData("https://example.org", "")]
    [InlineData("https://example.org/blog", "/blog")]
    [InlineData("https://example.org/blog/", "/blog")]
    [InlineData("not a url", "")]
    public void The_base_path_is_the_path_of_the_base_url(string baseUrl, string basePath) =>
        Assert.Equal(basePath, new SiteSettings { BaseUrl = baseUrl }.BasePath);

    [Fact]
    public void A_copy_with_another_base_url_has_that_urls_base_path()
    {
        var settings = new SiteSettings { BaseUrl = "https://example.org/blog" };

        var moved = settings with { BaseUrl = "https://example.org/insights" };

        Assert.Equal("/insights", moved.BasePath);
        Assert.Equal("/blog", settings.BasePath);
    }

    [Fact]
    public void The_default_base_url_is_served_from_the_root() =>
        Assert.Equal(string.Empty, new SiteSettings().BasePath);
}
