using SalesInsights.Site;

namespace SalesInsights.Tests.Site;

public sealed class FrontMatterDatesTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    [Theory]
    [InlineData("2026-03-10", "2026-03-10T00:00:00+00:00")]
    [InlineData("2026-03-10 22:00:00 -0500", "2026-03-10T22:00:00-05:00")]
    [InlineData("2026-03-10T22:00:00-05:00", "2026-03-10T22:00:00-05:00")]
    [InlineData("2026-03-10T22:00:00Z", "2026-03-10T22:00:00+00:00")]
    [InlineData("2026-03-10 22:00", "2026-03-10T22:00:00+00:00")]
    [InlineData("2026-3-9", "2026-03-09T00:00:00+00:00")]
    public void Without_a_site_zone_a_date_keeps_the_day_and_offset_it_was_written_with(string written, string expected)
    {
        var date = FrontMatterDates.Parse(written, zone: null);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, date!.Value.Offset);
    }

    [Fact]
    public void A_moment_written_with_an_offset_is_shown_as_the_site_zones_day()
    {
        var date = FrontMatterDates.Parse("2026-03-10 22:00:00 -0500", Stockholm);

        Assert.Equal(new DateTime(2026, 3, 11, 4, 0, 0), date!.Value.DateTime);
        Assert.Equal(TimeSpan.FromHours(1), date.Value.Offset);
    }

    [Fact]
    public void A_day_without_a_time_is_that_day_in_the_site_zone_never_the_day_before()
    {
        var date = FrontMatterDates.Parse("2026-07-04", NewYork);

        Assert.Equal(new DateTime(2026, 7, 4), date!.Value.DateTime);
        Assert.Equal(TimeSpan.FromHours(-4), date.Value.Offset);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-03-10 25:00")]
    [InlineData("2026-03-10T10:00:00+15:00")]
    [InlineData("soon")]
    public void What_is_not_a_date_is_null(string written)
    {
        Assert.Null(FrontMatterDates.Parse(written, zone: null));
    }
}
