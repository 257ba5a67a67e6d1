using SalesInsights.Site;

namespace SalesInsights.Tests.Site;

public sealed class ListModelTests
{
    private static Pagination PageOf(int page, int pages) =>
        new(page, [.. Enumerable.Range(1, pages).Select(n => n == 1 ? "/" : $"/page/{n}/")]);

    [Theory]
    [InlineData(6, 12, "1 … 4 5 6 7 8 … 12")]
    [InlineData(5, 10, "1 2 3 4 5 6 7 … 10")]
    [InlineData(1, 10, "1 2 3 … 10")]
    [InlineData(10, 10, "1 … 8 9 10")]
    [InlineData(4, 10, "1 2 3 4 5 6 … 10")]
    [InlineData(1, 5, "1 2 3 4 5")]
    [InlineData(1, 1, "1")]
    [InlineData(250, 500, "1 … 248 249 250 251 252 … 500")]
    public void A_pagination_bar_shows_the_first_and_last_pages_and_the_current_one_with_two_neighbours(int page, int pages, string expected)
    {
        var shown = string.Join(' ', PageOf(page, pages).Window().Select(n => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…"));

        Assert.Equal(expected, shown);
    }
}
