using SalesInsights.Site;

namespace SalesInsights.Tests.Site;

public sealed class LeadingHeadingTests
{
    [Fact]
    public void A_first_level_heading_on_the_first_line_is_the_title_and_its_line_is_left_blank()
    {
        var heading = LeadingHeading.Of("\n# Quota math #\n\nBody.\n");

        Assert.Equal("Quota math", heading?.Title);
        Assert.Equal("\n\n\nBody.\n", heading?.BodyWithout);
    }

    [Theory]
    [InlineData("Some prose first.\n\n# Later\n")]
    [InlineData("## A second-level heading\n")]
    [InlineData("#hashtag, not a heading\n")]
    [InlineData("")]
    public void Anything_else_on_the_first_line_gives_no_title(string body)
    {
        Assert.Null(LeadingHeading.Of(body));
    }
}
