using SalesInsights.Charts;

namespace SalesInsights.Tests.Charts;

public sealed class ChartStyleTests
{
    [Fact]
    public void Lowercase_categories_start_with_a_capital()
    {
        Assert.Equal(["Engineering", "Other", "Sales"], ChartStyle.TidyLabels(["engineering", "other", "sales"]));
    }

    [Fact]
    public void Categories_a_writer_capitalised_are_left_as_they_are()
    {
        Assert.Equal(["iPhone", "Android", "web"], ChartStyle.TidyLabels(["iPhone", "Android", "web"]));
    }

    [Fact]
    public void An_ordering_prefix_every_label_carries_is_dropped_and_the_order_kept()
    {
        Assert.Equal(["Under $25K", "$25K to $100K", "$100K and over"], ChartStyle.TidyLabels(["1. under $25K", "2. $25K to $100K", "3. $100K and over"]));
    }

    [Fact]
    public void A_number_that_only_some_labels_start_with_is_part_of_the_label()
    {
        Assert.Equal(["1. Discovery", "Proposal"], ChartStyle.TidyLabels(["1. Discovery", "Proposal"]));
    }

    [Theory]
    [InlineData("2024-10", 2024, 10, 1)]
    [InlineData("2024-10-15", 2024, 10, 15)]
    [InlineData("Oct 2024", 2024, 10, 1)]
    [InlineData("October 2024", 2024, 10, 1)]
    public void Text_that_reads_as_a_date_is_a_date(string label, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), ChartStyle.DateOf(label));
    }

    [Theory]
    [InlineData("2024-Q1")]
    [InlineData("EMEA")]
    [InlineData("2024-13")]
    public void Text_that_is_not_a_calendar_date_is_not_one(string label)
    {
        Assert.Null(ChartStyle.DateOf(label));
    }

    [Theory]
    [InlineData(new[] { "2024-Q1", "2024-Q2" }, true)]
    [InlineData(new[] { "Jan", "Feb", "Mar" }, true)]
    [InlineData(new[] { "1", "2", "13" }, true)]
    [InlineData(new[] { "Week 1", "Week 2" }, true)]
    [InlineData(new[] { "APAC", "EMEA" }, false)]
    public void Dates_quarters_months_and_numbers_have_an_order_of_their_own(string[] labels, bool ordered)
    {
        Assert.Equal(ordered, ChartStyle.IsOrdered(labels));
    }

    [Fact]
    public void A_tooltip_gives_the_full_value_where_axes_are_compact()
    {
        Assert.Equal("EMEA · 2025-Q2: $1,240,000", ChartStyle.Tip("EMEA", "2025-Q2", 1_240_000, SalesInsights.Formatting.ValueFormat.CurrencyCompact));
    }
}
