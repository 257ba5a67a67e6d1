using SalesInsights.Markdown.Shortcodes;

namespace SalesInsights.Tests.Markdown.Shortcodes;

public sealed class ContentReferenceTests
{
    [Theory]
    [InlineData("_posts/2026-03-10-quota-math.markdown", "/posts/quota-math/")]
    [InlineData("/posts/quota-math/index.md", "/posts/quota-math/")]
    [InlineData("content/posts/quota-math.md", "/posts/quota-math/")]
    [InlineData("\"about.md\"", "/about/")]
    [InlineData("about", "/about/")]
    [InlineData("assets/report.pdf", "/assets/report.pdf")]
    [InlineData("posts/quota-math.md#the-math", "/posts/quota-math/#the-math")]
    public void A_reference_is_the_address_this_site_publishes_it_at(string reference, string url)
    {
        Assert.Equal(url, ContentReference.Url(reference));
    }

    [Fact]
    public void A_post_url_names_a_post_by_its_dated_file_name()
    {
        Assert.Equal("/posts/quota-math/", ContentReference.PostUrl("2026-03-10-quota-math"));
    }
}
