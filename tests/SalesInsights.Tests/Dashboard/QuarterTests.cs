using SalesInsights.Dashboard;

namespace SalesInsights.Tests.Dashboard;

public sealed class QuarterTests
{
    [Theory]
    [InlineData("2026-09-30", "2026-Q3")]
    [InlineData("2026-09-29", "2026-Q2")]
    [InlineData("2026-10-01", "2026-Q3")]
    [InlineData("2026-12-31", "2026-Q4")]
    [InlineData("2026-01-01", "2025-Q4")]
    public void The_last_complete_quarter_is_the_last_one_that_has_ended_by_a_day(string day, string expected) =>
        Assert.Equal(expected, Quarter.LastCompleteBy(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Fact]
    public void A_quarter_knows_its_days_neighbours_and_url()
    {
        Assert.True(Quarter.TryParse("2026-Q1", out var quarter));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)), (quarter.Start, quarter.End));
        Assert.Equal(("2025-Q4", "2026-Q2", "2026-q1"), (quarter.Previous().ToString(), quarter.Next().ToString(), quarter.Slug));
        Assert.False(Quarter.TryParse("2026-Q5", out _));
        Assert.Equal(5, Quarter.Range(new Quarter(2025, 3), new Quarter(2026, 3)).Count());
    }
}
