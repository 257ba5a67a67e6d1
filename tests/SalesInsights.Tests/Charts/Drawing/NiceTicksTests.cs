using SalesInsights.Charts.Drawing;

namespace SalesInsights.Tests.Charts.Drawing;

public sealed class NiceTicksTests
{
    [Theory]
    [InlineData(0, 52_900, new[] { 0, 20_000d, 40_000, 60_000 })]
    [InlineData(0, 0.31, new[] { 0, 0.1, 0.2, 0.3, 0.4 })]
    [InlineData(-30, 70, new[] { -50d, 0, 50, 100 })]
    [InlineData(3_310, 5_200, new[] { 3_000d, 3_500, 4_000, 4_500, 5_000, 5_500 })]
    public void Ticks_are_round_steps_that_cover_the_data(double min, double max, double[] expected)
    {
        Assert.Equal(expected, NiceTicks.Linear(min, max, 5));
    }

    [Fact]
    public void A_single_value_gets_an_axis_from_zero_to_it()
    {
        Assert.Equal([0, 2, 4, 6, 8], NiceTicks.Linear(7, 7, 5));
    }

    [Fact]
    public void A_log_axis_has_powers_of_ten_and_in_a_short_range_the_2s_and_5s_between()
    {
        Assert.Equal([1, 10, 100, 1_000, 10_000], NiceTicks.Log(3, 9_000));
        Assert.Equal([10, 20, 50, 100, 200, 500, 1_000], NiceTicks.Log(12, 900));
    }
}
