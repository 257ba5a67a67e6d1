using SalesInsights.Site;

namespace SalesInsights.Tests.Site;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Why Engineers Find Selling Hard", "why-engineers-find-selling-hard")]
    [InlineData("  Quota: 120% — or bust!  ", "quota-120-or-bust")]
    [InlineData("Tomás Okafor", "tomas-okafor")]
    [InlineData("sales-skills", "sales-skills")]
    [InlineData("C# & .NET", "c-net")]
    [InlineData("???", "")]
    public void A_slug_keeps_letters_and_digits_joined_by_single_hyphens(string text, string slug) => Assert.Equal(slug, Slugs.From(text));
}
