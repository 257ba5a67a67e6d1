using SalesInsights.Pipeline;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Markdown.Claims;

public sealed class ClaimFeatureTests
{
    // Totals by region: APAC 375, EMEA 1,450, NA 1,000.5.
    private const string Regions = "```sql name=regions\nSELECT region, sum(amount) AS total, count(*) AS deals, min(day) AS first_day FROM sales GROUP BY 1 ORDER BY 1\n```\n\n";

    private static (string Html, IReadOnlyCollection<Diagnostic> Diagnostics, IReadOnlyCollection<SalesInsights.Markdown.Claims.ClaimOutcome> Claims) Render(string markdown, int lineOffset = 0)
    {
        var (result, context) = TestData.Render(markdown, TestData.SmallCatalog, lineOffset: lineOffset);
        return (result.Html, context.Diagnostics, context.Claims);
    }

    [Theory]
    [InlineData("q.regions.total['EMEA'] > q.regions.total['NA']")]
    [InlineData("q.regions.total['EMEA'] > q.regions.total['NA'] by 40%")]
    [InlineData("q.regions.total['EMEA'] >= 1450")]
    [InlineData("q.regions.total['APAC'] < 400 by 20")]
    [InlineData("q.regions.total['APAC'] <= q.regions.total['NA']")]
    [InlineData("q.regions.total['APAC'] = 375")]
    [InlineData("q.regions.total['NA'] = 1000 within 0.1%")]
    [InlineData("q.regions.total['NA'] == 1001 within 0.5")]
    [InlineData("q.regions.total['NA'] between 1000 and 1001")]
    [InlineData("q.regions.deals between 1 and q.regions.deals['NA']")]
    [InlineData("'EMEA' is largest in q.regions.total by 40%")]
    [InlineData("'APAC' is smallest in q.regions.total")]
    [InlineData("q.regions.total > 10%")]
    public void A_claim_that_holds_shows_nothing_and_is_recorded_as_holding(string claim)
    {
        var (html, diagnostics, claims) = Render(Regions + $"EMEA sold the most{{{{ claim {claim} }}}}.");

        Assert.Empty(diagnostics);
        Assert.Contains("<p>EMEA sold the most.</p>", html, StringComparison.Ordinal);
        var outcome = Assert.Single(claims);
        Assert.True(outcome.Holds);
        Assert.Equal((claim, "input/posts/test.md", 5), (outcome.Text, outcome.Path, outcome.Line));
    }

    [Theory]
    [InlineData("q.regions.total['EMEA'] > q.regions.total['NA'] by 50%", "q.regions.total['EMEA'] is 1,450, q.regions.total['NA'] is 1,000.5 (by 50%: 500.25)")]
    [InlineData("q.regions.total['NA'] < q.regions.total['APAC']", "q.regions.total['NA'] is 1,000.5, q.regions.total['APAC'] is 375")]
    [InlineData("q.regions.total['NA'] = 1000", "q.regions.total['NA'] is 1,000.5, 1000")]
    [InlineData("q.regions.total['NA'] = 990 within 1%", "q.regions.total['NA'] is 1,000.5, 990 (within 1%: 9.9)")]
    [InlineData("q.regions.total['NA'] between 0.1 and 0.2", "q.regions.total['NA'] is 1,000.5, the range is 0.1 to 0.2")]
    [InlineData("'NA' is largest in q.regions.total", "'NA' is 1,000.5, the largest of the others is 'EMEA' at 1,450")]
    [InlineData("'EMEA' is largest in q.regions.total by 50%", "'EMEA' is 1,450, the largest of the others is 'NA' at 1,000.5 (by 50%: 500.25)")]
    public void A_claim_that_does_not_hold_fails_at_its_line_and_column_showing_the_values_on_both_sides(string claim, string values)
    {
        var (_, diagnostics, claims) = Render(Regions + $"A sentence that relies on it{{{{ claim {claim} }}}}.", lineOffset: 6);

        var error = Assert.Single(diagnostics);
        Assert.Equal(("SI321", Severity.Error, 11, 29), (error.Code, error.Severity, error.Line, error.Column));
        Assert.Equal($"The claim '{claim}' does not hold: {values}.", error.Message);
        Assert.False(Assert.Single(claims).Holds);
    }

    [Theory]
    [InlineData("q.regions.total is big", "SI320", "write a comparison")]
    [InlineData("1 > 2", "SI320", "at least one value from the data")]
    [InlineData("q.regions.total > 1 within 5%", "SI320", "a comparison takes a margin with 'by'")]
    [InlineData("q.regions.total = 1 by 5%", "SI320", "an equality takes a tolerance with 'within'")]
    [InlineData("q.regions.total['Mars'] > 1", "SI309", "has no row 'Mars'")]
    [InlineData("q.region.total > 1", "SI308", "Did you mean 'regions'?")]
    [InlineData("q.regions.totl > 1", "SI305", "Did you mean 'total'?")]
    [InlineData("q.regions.first_day > 1", "SI322", "is 2025-03-01, not a number")]
    [InlineData("'Mars' is largest in q.regions.total", "SI309", "has no row 'Mars'")]
    public void A_claim_that_cannot_be_checked_is_an_error_at_its_line_saying_why(string claim, string code, string message)
    {
        var (_, diagnostics, claims) = Render(Regions + $"Text{{{{ claim {claim} }}}}.");

        var error = Assert.Single(diagnostics);
        Assert.Equal((code, 5), (error.Code, error.Line));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(claims);
    }

    [Fact]
    public void A_claim_leaves_no_trace_in_the_plain_text_of_its_paragraph()
    {
        var (result, context) = TestData.Render(Regions + "EMEA sold {{ q.regions.total['EMEA'] | currency }}{{ claim 'EMEA' is largest in q.regions.total }}, the most.", TestData.SmallCatalog);

        Assert.Empty(context.Diagnostics);
        Assert.Equal("EMEA sold $1,450, the most.", result.FirstParagraph);
    }
}
