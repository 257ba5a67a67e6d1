using SalesInsights.Formatting;

namespace SalesInsights.Tests.Formatting;

public sealed class ValueFormatterTests
{
    [Theory]
    [InlineData(0.2341, "percent", "23.4%")]
    [InlineData(1.5, "percent", "150.0%")]
    [InlineData(1234567.891, "currency", "$1,234,568")]
    [InlineData(12.5, "currency", "$12.50")]
    [InlineData(-2500, "currency", "-$2,500")]
    [InlineData(1234567, "currency_compact", "$1.2M")]
    [InlineData(45300, "currency_compact", "$45.3K")]
    [InlineData(950, "currency_compact", "$950")]
    [InlineData(2_500_000_000, "compact", "2.5B")]
    [InlineData(12345, "compact", "12.3K")]
    [InlineData(1234.5, "integer", "1,235")]
    [InlineData(1234.567, "number", "1,234.6")]
    [InlineData(2.6875, "number", "2.69")]
    [InlineData(999999, "compact", "1M")]
    public void Each_format_writes_numbers_the_same_way_everywhere(double value, string format, string expected)
    {
        Assert.True(ValueFormatter.TryParse(format, out var parsed));
        Assert.Equal(expected, ValueFormatter.Format(value, parsed));
    }

    [Fact]
    public void Dates_are_iso_and_null_is_an_en_dash_whatever_the_format()
    {
        Assert.Equal("2026-09-30", ValueFormatter.Format(new DateOnly(2026, 9, 30), ValueFormat.Currency));
        Assert.Equal("–", ValueFormatter.Format(null, ValueFormat.Percent));
    }

    [Fact]
    public void An_unknown_format_name_is_rejected()
    {
        Assert.False(ValueFormatter.TryParse("percentage", out _));
    }

    [Fact]
    public void Integers_default_to_whole_numbers_and_other_numbers_to_two_decimals_at_most()
    {
        Assert.Equal(ValueFormat.Integer, ValueFormatter.DefaultFor(typeof(long)));
        Assert.Equal(ValueFormat.Number, ValueFormatter.DefaultFor(typeof(double)));
    }
}
