using SalesInsights.Pipeline;
using SalesInsights.Site;
using SalesInsights.Tests.Support;

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

    [Fact]
    public void Authors_map_each_name_to_one_address_or_a_list_of_them()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.PathOf("site.yml"), "authors:\n  Maya Lindqvist: { email: maya@example.org }\n  Tomás Okafor: { email: [tomas@example.org, t@example.org] }\n");
        var diagnostics = new DiagnosticBag();

        var settings = SiteSettings.Load(folder.Root, "input/site.yml", diagnostics);

        Assert.False(diagnostics.HasErrors);
        Assert.Equal(["Maya Lindqvist", "Tomás Okafor"], settings.Authors.Select(a => a.Name).ToArray());
        Assert.Equal(["tomas@example.org", "t@example.org"], settings.Authors[1].Emails.ToArray());
    }

    [Fact]
    public void An_author_without_an_email_address_is_an_error_at_the_authors_line()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.PathOf("site.yml"), "title: T\nauthors:\n  Maya Lindqvist: { twitter: maya }\n");
        var diagnostics = new DiagnosticBag();

        SiteSettings.Load(folder.Root, "input/site.yml", diagnostics);

        var error = Assert.Single(diagnostics.ToSortedArray());
        Assert.Equal(("SI0012", 2), (error.Code, error.Line));
        Assert.Contains("'authors: Maya Lindqvist'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("currency: EUR\n", "EUR", false)]
    [InlineData("title: T\n", "USD", false)]
    [InlineData("currency: euros\n", "USD", true)]
    public void The_site_currency_is_a_currency_code_and_dollars_by_default(string yaml, string expected, bool error)
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.PathOf("site.yml"), yaml);
        var diagnostics = new DiagnosticBag();

        var settings = SiteSettings.Load(folder.Root, "input/site.yml", diagnostics);

        Assert.Equal(expected, settings.Currency);
        Assert.Equal(error, diagnostics.HasErrors);
    }
}
