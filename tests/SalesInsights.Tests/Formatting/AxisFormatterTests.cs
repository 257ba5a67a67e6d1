using SalesInsights.Formatting;

namespace SalesInsights.Tests.Formatting;

public sealed class AxisFormatterTests
{
    [Theory]
    [InlineData(ValueFormat.CurrencyCompact, new[] { 0, 500_000d, 1_000_000, 1_500_000 }, new[] { "$0", "$0.5M", "$1.0M", "$1.5M" })]
    [InlineData(ValueFormat.Currency, new[] { 0, 200_000d, 400_000, 600_000 }, new[] { "$0", "$200K", "$400K", "$600K" })]
    [InlineData(ValueFormat.Currency, new[] { 0, 2_500d, 5_000 }, new[] { "$0", "$2.5K", "$5.0K" })]
    [InlineData(ValueFormat.Currency, new[] { 0, 50d, 100 }, new[] { "$0", "$50", "$100" })]
    [InlineData(ValueFormat.Percent, new[] { 0, 0.1, 0.2, 0.3 }, new[] { "0%", "10%", "20%", "30%" })]
    [InlineData(ValueFormat.Percent, new[] { 0.2, 0.205, 0.21 }, new[] { "20.0%", "20.5%", "21.0%" })]
    [InlineData(ValueFormat.Number, new[] { 0, 100_000d, 200_000 }, new[] { "0", "100,000", "200,000" })]
    [InlineData(ValueFormat.Integer, new[] { 0, 2_000d, 4_000, 6_000 }, new[] { "0", "2,000", "4,000", "6,000" })]
    [InlineData(ValueFormat.Compact, new[] { -1_000_000d, 0, 1_000_000 }, new[] { "\u22121M", "0", "1M" })]
    public void An_axis_has_one_unit_and_one_number_of_decimals_for_every_tick(ValueFormat format, double[] ticks, string[] expected)
    {
        Assert.Equal(expected, AxisFormatter.Format(ticks, format));
    }

    [Fact]
    public void Negative_ticks_take_a_true_minus_sign_before_the_currency()
    {
        Assert.Equal(["\u2212$20K", "\u2212$10K", "$0", "$10K"], AxisFormatter.Format([-20_000, -10_000, 0, 10_000], ValueFormat.CurrencyCompact));
    }
}
