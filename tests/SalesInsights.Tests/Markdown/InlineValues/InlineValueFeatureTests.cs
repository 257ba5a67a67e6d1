using System.Collections.Immutable;
using SalesInsights.Pipeline;
using SalesInsights.Site;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Markdown.InlineValues;

public sealed class InlineValueFeatureTests
{
    private const string Query = "```sql name=totals\nSELECT sum(amount) AS total, count(*) AS deals, avg(won) AS win_rate FROM sales\n```\n\n";

    private static (string Html, IReadOnlyCollection<Diagnostic> Diagnostics) Render(string markdown, int lineOffset = 0, Metadata? metadata = null)
    {
        var (result, context) = TestData.Render(markdown, TestData.SmallCatalog, lineOffset: lineOffset, metadata: metadata);
        return (result.Html, context.Diagnostics);
    }

    [Fact]
    public void A_value_in_prose_is_the_first_column_of_the_first_row_wrapped_in_a_data_element()
    {
        var (html, diagnostics) = Render(Query + "We sold {{ q.totals | currency }} in total.");

        Assert.Empty(diagnostics);
        Assert.Contains("<p>We sold <data value=\"2825.5\" class=\"figure\">$2,826</data> in total.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_column_is_read_by_name()
    {
        var (html, _) = Render(Query + "{{ q.totals.deals }} deals, {{ q.totals.win_rate | percent }} won.");

        Assert.Contains("<data value=\"6\" class=\"figure\">6</data> deals, <data value=\"0.6666666666666666\" class=\"figure\">66.7%</data> won.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("currency", "$2,826")]
    [InlineData("currency_compact", "$2.8K")]
    [InlineData("percent", "282,550.0%")]
    [InlineData("integer", "2,826")]
    [InlineData("compact", "2.8K")]
    [InlineData("number", "2,825.5")]
    [InlineData("currency(0)", "$2,826")]
    [InlineData("currency_compact(EUR, 2)", "€2.83K")]
    [InlineData("number(2 sig)", "2,800")]
    [InlineData("ratio(1)", "2,825.5&#215;")]
    [InlineData("percent( 0 )", "282,550%")]
    public void Every_format_renders_as_chart_labels_do(string format, string expected)
    {
        var (html, _) = Render(Query + $"{{{{ q.totals.total | {format} }}}}");

        Assert.Contains($"class=\"figure\">{expected}</data>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_named_sql_block_is_not_shown_to_readers_but_an_ordinary_sql_block_is()
    {
        var (html, _) = Render(Query + "```sql\nSELECT 1\n```\n");

        Assert.DoesNotContain("sum(amount)", html, StringComparison.Ordinal);
        Assert.Contains("data-lang=\"sql\"><code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Queries_may_be_declared_in_front_matter()
    {
        var metadata = Metadata.Empty
            .With(Keys.Queries, ImmutableDictionary<string, object?>.Empty.Add("regions", "SELECT count(DISTINCT region) FROM sales"))
            .With(Keys.FrontMatterLines, ImmutableDictionary<string, int>.Empty.Add(Keys.Queries, 3));

        var (html, diagnostics) = Render("Sold in {{ q.regions }} regions.", lineOffset: 5, metadata: metadata);

        Assert.Empty(diagnostics);
        Assert.Contains("<data value=\"3\" class=\"figure\">3</data>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_sql_error_in_a_front_matter_query_is_reported_at_its_front_matter_line()
    {
        var metadata = Metadata.Empty
            .With(Keys.Queries, ImmutableDictionary<string, object?>.Empty.Add("bad", "SELECT nope FROM sales"))
            .With(Keys.FrontMatterLines, ImmutableDictionary<string, int>.Empty.Add(Keys.Queries, 3));

        var (_, diagnostics) = Render("Value {{ q.bad }}.", lineOffset: 5, metadata: metadata);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("SI306", 3), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void An_unknown_query_name_is_reported_at_the_value_with_a_suggestion()
    {
        var (_, diagnostics) = Render(Query + "Line two.\nWe sold {{ q.total | currency }}.", lineOffset: 2);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("SI308", "input/posts/test.md", 8, 9), (diagnostic.Code, diagnostic.Path, diagnostic.Line, diagnostic.Column));
        Assert.Contains("Did you mean 'totals'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_without_rows_used_inline_is_an_error()
    {
        var (_, diagnostics) = Render("```sql name=none\nSELECT amount FROM sales WHERE false\n```\n\nValue: {{ q.none }}");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("SI309", 5), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void An_sql_error_is_reported_once_at_the_first_line_of_the_query()
    {
        var (_, diagnostics) = Render("```sql name=bad\nSELECT amout FROM sales\n```\n\n{{ q.bad }} and {{ q.bad }}");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("SI306", 2), (diagnostic.Code, diagnostic.Line));
        Assert.Contains("amout", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ q.totals.dealz }}", "SI305", "Did you mean 'deals'?")]
    [InlineData("{{ q.totals | percentage }}", "SI310", "Did you mean 'percent'?")]
    [InlineData("{{ q.totals | currency | percent }}", "SI308", "Cannot read")]
    [InlineData("{{ q.totals | percent(two) }}", "SI310", "not a number of decimals (2) or of significant figures (2 sig)")]
    [InlineData("{{ q.totals | currency(dollars) }}", "SI310", "or a currency code (EUR)")]
    public void Unknown_columns_formats_and_unreadable_expressions_are_errors(string expression, string code, string message)
    {
        var (_, diagnostics) = Render(Query + expression);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Double_braces_that_are_not_queries_stay_literal_text()
    {
        var (html, diagnostics) = Render("Template syntax looks like {{ page.title }}.");

        Assert.Empty(diagnostics);
        Assert.Contains("{{ page.title }}", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_inside_code_is_not_evaluated()
    {
        var (html, diagnostics) = Render("Write `{{ q.nothing }}` in prose.");

        Assert.Empty(diagnostics);
        Assert.Contains("<code>{{ q.nothing }}</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_name_used_twice_is_an_error()
    {
        var (_, diagnostics) = Render(Query + Query);

        Assert.Equal("SI311", Assert.Single(diagnostics).Code);
    }
}
