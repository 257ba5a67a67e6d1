using SalesInsights.Charts;
using SalesInsights.Formatting;

namespace SalesInsights.Tests.Charts;

public sealed class ChartSpecParserTests
{
    [Fact]
    public void Every_key_is_read_into_the_spec()
    {
        var problems = new List<ChartProblem>();
        var spec = ChartSpecParser.Parse("""
            title: Win rate
            type: scatter
            data: deals
            x: amount
            y: [a, b]
            group: segment
            aggregate: avg
            where: status = 'won'
            x_label: Amount
            y_label: Rate
            format: currency_compact
            target: 0.25
            target_label: Plan
            caption: A caption.
            alt: Some text.
            trend: true
            bins: 12
            """, problems)!;

        Assert.Empty(problems);
        Assert.Equal(("Win rate", "scatter", "deals", "amount", "segment", "avg"), (spec.Title, spec.Type, spec.Data, spec.X, spec.Group, spec.Aggregate));
        Assert.Equal(new[] { "a", "b" }, spec.Y.ToArray());
        Assert.Equal(ValueFormat.CurrencyCompact, spec.Format);
        Assert.Equal((0.25, "Plan", true, 12), (spec.Target!.Value, spec.TargetLabel, spec.Trend, spec.Bins!.Value));
        Assert.Equal(new SpecPosition(3, 0), spec.PositionOf("x"));
    }

    [Theory]
    [InlineData("percent(0)", ValueFormat.Percent, 0, null)]
    [InlineData("currency(EUR)", ValueFormat.Currency, null, "EUR")]
    [InlineData("currency_compact(GBP, 1)", ValueFormat.CurrencyCompact, 1, "GBP")]
    public void A_format_takes_the_arguments_prose_takes(string format, ValueFormat kind, int? decimals, string? currency)
    {
        var problems = new List<ChartProblem>();

        var spec = ChartSpecParser.Parse($"title: A\ntype: bar\nsql: SELECT 1\nformat: {format}\n", problems)!;

        Assert.Empty(problems);
        Assert.Equal(new NumberFormat(kind, decimals, Currency: currency), spec.Format);
    }

    [Fact]
    public void Malformed_yaml_is_reported_at_yamldotnets_line_and_column()
    {
        var problems = new List<ChartProblem>();

        ChartSpecParser.Parse("title: A\ntype: bar\n  x: y\n", problems);

        var problem = Assert.Single(problems);
        Assert.Equal("SI302", problem.Code);
        Assert.Contains("malformed", problem.Message, StringComparison.Ordinal);
        Assert.Equal(new SpecPosition(2, 3), problem.Position);
    }

    [Fact]
    public void An_unclosed_bracket_is_reported_where_it_was_opened()
    {
        var problems = new List<ChartProblem>();

        ChartSpecParser.Parse("title: A\ntype: bar\ny: [a, b\nx: c\n", problems);

        Assert.Equal(new SpecPosition(2, 3), Assert.Single(problems).Position);
    }

    [Fact]
    public void An_unknown_key_suggests_the_closest_known_one_at_its_line()
    {
        var problems = new List<ChartProblem>();

        ChartSpecParser.Parse("title: A\ntype: bar\nsql: SELECT 1\ncaptoin: x\n", problems);

        var problem = Assert.Single(problems);
        Assert.Equal(("SI303", 3), (problem.Code, problem.Position.Line));
        Assert.Contains("Did you mean 'caption'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_type_lists_the_kinds_and_suggests_one()
    {
        var problems = new List<ChartProblem>();

        ChartSpecParser.Parse("title: A\ntype: hbra\nsql: SELECT 1\n", problems);

        var problem = Assert.Single(problems);
        Assert.Equal(("SI304", 1), (problem.Code, problem.Position.Line));
        Assert.Contains("Did you mean 'hbar'?", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type: bar\nsql: SELECT 1", "title")]
    [InlineData("title: A\nsql: SELECT 1", "type")]
    [InlineData("title: A\ntype: bar", "either 'sql:' or 'data:'")]
    [InlineData("title: A\ntype: bar\nsql: SELECT 1\ndata: deals", "not both")]
    [InlineData("title: A\ntype: bar\nsql: SELECT 1\nformat: percentage", "Unknown format")]
    [InlineData("title: A\ntype: bar\nsql: SELECT 1\nformat: percent(two)", "not a number of decimals (2) or of significant figures (2 sig)")]
    [InlineData("title: A\ntype: bar\nsql: SELECT 1\naggregate: mean", "Unknown aggregate")]
    [InlineData("title: A\ntype: bar\nsql: SELECT 1\nbins: many", "'bins'")]
    [InlineData("title: A\ntype: bar\nsql: SELECT 1\ntarget: high", "'target'")]
    [InlineData("- a\n- b", "YAML keys")]
    public void Missing_or_invalid_keys_are_reported(string yaml, string expected)
    {
        var problems = new List<ChartProblem>();

        ChartSpecParser.Parse(yaml, problems);

        Assert.Contains(problems, p => p.Message.Contains(expected, StringComparison.Ordinal));
    }
}
