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
    [InlineData(5.3125, "ratio", "5.3×")]
    [InlineData(0, "currency", "$0")]
    [InlineData(5000, "currency", "$5,000")]
    [InlineData(-0.0004, "percent", "0.0%")]
    [InlineData(0.1553, "percent(0)", "16%")]
    [InlineData(0.1553, "percent(2)", "15.53%")]
    [InlineData(5.3125, "ratio(0)", "5×")]
    [InlineData(5.3125, "ratio(2)", "5.31×")]
    [InlineData(5.3125, "number(2 sig)", "5.3")]
    [InlineData(119_612, "number(2 sig)", "120,000")]
    [InlineData(119_612, "currency(3 sig)", "$120,000")]
    [InlineData(2_361_040, "currency_compact(2 sig)", "$2.4M")]
    [InlineData(2_361_040, "currency_compact(2)", "$2.36M")]
    [InlineData(0.1553, "percent(1 sig)", "20%")]
    [InlineData(1234.5, "currency(EUR)", "€1,235")]
    [InlineData(-1_400_000, "currency_compact(GBP, 1)", "-£1.4M")]
    [InlineData(1200, "currency(CHF)", "CHF 1,200")]
    [InlineData(1234.5678, "number(3)", "1,234.568")]
    public void Each_format_writes_numbers_the_same_way_everywhere(double value, string format, string expected)
    {
        Assert.True(ValueFormatter.TryParse(format, out NumberFormat parsed, out var problem), problem);
        Assert.Equal(expected, ValueFormatter.Format(value, parsed));
    }

    [Theory]
    [InlineData("percent(x)", "not a number of decimals (2) or of significant figures (2 sig)")]
    [InlineData("percent(EUR)", "not a number of decimals")]
    [InlineData("currency(eur)", "or a currency code (EUR)")]
    [InlineData("number(9)", "more than 6 digits")]
    [InlineData("number(0 sig)", "at least one significant figure")]
    [InlineData("number(2, 2 sig)", "both decimals and significant figures")]
    [InlineData("percentage(0)", "Did you mean 'percent'?")]
    [InlineData("percent(0", "Cannot read the format")]
    public void A_format_argument_that_cannot_be_honoured_is_a_problem_saying_what_to_write(string format, string expected)
    {
        Assert.False(ValueFormatter.TryParse(format, out NumberFormat _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("currency", new[] { 0.0, 5000, 10000 }, new[] { "$0", "$5,000", "$10,000" })]
    [InlineData("currency", new[] { 0.0, 2.5, 5 }, new[] { "$0", "$2.50", "$5.00" })]
    [InlineData("currency_compact", new[] { 0.0, 500_000, 1_000_000, 1_500_000 }, new[] { "$0", "$0.5M", "$1.0M", "$1.5M" })]
    [InlineData("compact", new[] { 0.0, 200_000, 400_000, 600_000 }, new[] { "0", "200K", "400K", "600K" })]
    [InlineData("percent", new[] { 0.0, 0.25, 0.5, 0.75 }, new[] { "0%", "25%", "50%", "75%" })]
    [InlineData("percent", new[] { 0.1, 0.125, 0.15 }, new[] { "10.0%", "12.5%", "15.0%" })]
    [InlineData("number", new[] { 0.0, 2.5, 5 }, new[] { "0", "2.5", "5.0" })]
    [InlineData("percent(1)", new[] { 0.0, 0.25 }, new[] { "0%", "25.0%" })]
    public void Numbers_shown_side_by_side_share_one_unit_and_one_precision_and_zero_is_a_bare_zero(string format, double[] values, string[] expected)
    {
        Assert.True(ValueFormatter.TryParse(format, out NumberFormat parsed, out _));
        Assert.Equal(expected, ValueFormatter.FormatAll(values, parsed));
    }

    [Theory]
    [InlineData("currency_compact", new[] { 0, 500_000d, 1_000_000, 1_500_000 }, new[] { "$0", "$0.5M", "$1.0M", "$1.5M" })]
    [InlineData("currency", new[] { 0, 200_000d, 400_000, 600_000 }, new[] { "$0", "$200K", "$400K", "$600K" })]
    [InlineData("currency", new[] { 0, 2_500d, 5_000 }, new[] { "$0", "$2.5K", "$5.0K" })]
    [InlineData("currency", new[] { 0, 50d, 100 }, new[] { "$0", "$50", "$100" })]
    [InlineData("currency(EUR)", new[] { 0, 200_000d, 400_000 }, new[] { "€0", "€200K", "€400K" })]
    [InlineData("currency(2)", new[] { 0, 200_000d, 400_000 }, new[] { "$0", "$200K", "$400K" })]
    [InlineData("percent", new[] { 0, 0.1, 0.2, 0.3 }, new[] { "0%", "10%", "20%", "30%" })]
    [InlineData("percent(1)", new[] { 0, 0.1, 0.2, 0.3 }, new[] { "0%", "10%", "20%", "30%" })]
    [InlineData("percent(0)", new[] { 0.2, 0.205, 0.21 }, new[] { "20.0%", "20.5%", "21.0%" })]
    [InlineData("number", new[] { 0, 100_000d, 200_000 }, new[] { "0", "100,000", "200,000" })]
    [InlineData("integer", new[] { 0, 2_000d, 4_000, 6_000 }, new[] { "0", "2,000", "4,000", "6,000" })]
    [InlineData("compact", new[] { -1_000_000d, 0, 1_000_000 }, new[] { "\u22121M", "0", "1M" })]
    [InlineData("currency_compact", new[] { -20_000d, -10_000, 0, 10_000 }, new[] { "\u2212$20K", "\u2212$10K", "$0", "$10K" })]
    public void An_axis_keeps_the_charts_format_with_compact_money_the_ticks_own_decimals_and_a_true_minus(string format, double[] ticks, string[] expected)
    {
        Assert.True(ValueFormatter.TryParse(format, out NumberFormat parsed, out var problem), problem);
        Assert.Equal(expected, ValueFormatter.FormatAxis(ticks, parsed));
    }

    [Fact]
    public async Task Money_without_a_currency_of_its_own_is_in_the_site_currency_of_the_flow_that_formats_it()
    {
        Assert.True(ValueFormatter.TryParse("currency", out NumberFormat money, out _));
        var other = Task.Run(() =>
        {
            ValueFormatter.SiteCurrency = "EUR";
            return ValueFormatter.Format(1200, money);
        });

        Assert.Equal("€1,200", await other);
        Assert.Equal("$1,200", ValueFormatter.Format(1200, money));
    }

    [Theory]
    [InlineData("currency_compact(EUR, 1)")]
    [InlineData("number(2 sig)")]
    [InlineData("percent")]
    public void A_format_reads_back_as_written(string format)
    {
        Assert.True(ValueFormatter.TryParse(format, out NumberFormat parsed, out _));
        Assert.Equal(format, parsed.ToString());
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
