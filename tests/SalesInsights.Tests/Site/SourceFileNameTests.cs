using SalesInsights.Site;

namespace SalesInsights.Tests.Site;

public sealed class SourceFileNameTests
{
    [Theory]
    [InlineData("input/posts/2026-03-10-quota-math.markdown", "quota-math", "2026-03-10")]
    [InlineData("input/posts/quota-math.md", "quota-math", null)]
    [InlineData("input/posts/2026-03-10.md", "2026-03-10", null)]
    public void A_jekyll_name_gives_the_date_and_the_slug_without_it(string path, string slug, string? date)
    {
        Assert.Equal(new SourceFileName(slug, date), SourceFileName.Of(path));
    }

    [Fact]
    public void The_title_made_from_a_name_is_its_words_with_a_capital()
    {
        Assert.Equal("Why engineers find sales hard", SourceFileName.Of("notes/2026-01-02-why-engineers_find-sales-hard.md").Title);
    }
}
