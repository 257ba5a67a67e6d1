using SalesInsights.Dashboard;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Tests.Dashboard;

public sealed class DashboardViewTests
{
    private static DashboardView View(string region) => new(
        region, new Quarter(2026, 3), [new Quarter(2026, 2), new Quarter(2026, 3)], 8, new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 30), "/dashboard/");

    [Theory]
    [InlineData("all", "$region_filter AND x = $region", "TRUE AND x = 'all'")]
    [InlineData("EMEA", "$region_filter", "(region = 'EMEA')")]
    [InlineData("O'Brien", "r.region = $region", "r.region = 'O''Brien'")]
    [InlineData("EMEA", "BETWEEN $quarter_start AND $quarter_end", "BETWEEN DATE '2026-07-01' AND DATE '2026-09-30'")]
    [InlineData("EMEA", "$quarter $previous_quarter $next_quarter", "'2026-Q3' '2026-Q2' '2026-Q4'")]
    public void Parameters_become_duckdb_literals_with_quotes_escaped(string region, string sql, string expected) =>
        Assert.Equal(expected, View(region).Substitute(sql));

    [Theory]
    [InlineData("SELECT '$region' AS label, $region AS r", "SELECT '$region' AS label, 'EMEA' AS r")]
    [InlineData("SELECT 'it''s $region' || $region", "SELECT 'it''s $region' || 'EMEA'")]
    [InlineData("SELECT E'\\' $region' AS t, $quarter", "SELECT E'\\' $region' AS t, '2026-Q3'")]
    [InlineData("SELECT $$ $region $$ AS t, $region", "SELECT $$ $region $$ AS t, 'EMEA'")]
    [InlineData("SELECT $tag$ $region $tag$ AS t", "SELECT $tag$ $region $tag$ AS t")]
    [InlineData("SELECT \"$region\" FROM t WHERE $region_filter", "SELECT \"$region\" FROM t WHERE (region = 'EMEA')")]
    [InlineData("SELECT 1 -- $region\n, $region", "SELECT 1 -- $region\n, 'EMEA'")]
    [InlineData("SELECT /* $region /* nested $region */ still */ $region", "SELECT /* $region /* nested $region */ still */ 'EMEA'")]
    [InlineData("SELECT 'open $region", "SELECT 'open $region")]
    public void Parameters_inside_literals_identifiers_and_comments_stay_as_written(string sql, string expected) =>
        Assert.Equal(expected, View("EMEA").Substitute(sql));

    [Fact]
    public void Quarters_is_a_one_line_table_of_every_complete_quarter()
    {
        var sql = View("all").Substitute("FROM $quarters");

        Assert.DoesNotContain('\n', sql);
        Assert.Equal("FROM (VALUES ('2026-Q2', DATE '2026-04-01', DATE '2026-06-30', '2026-Q3'), ('2026-Q3', DATE '2026-07-01', DATE '2026-09-30', '2026-Q4')) AS quarters(quarter, quarter_start, quarter_end, next_quarter)", sql);
    }

    [Fact]
    public void An_unknown_parameter_is_left_as_written_and_reported()
    {
        var unknown = new List<(string, int)>();

        Assert.Equal("x = $regoin", View("all").Substitute("x = $regoin", unknown));
        Assert.Equal(("regoin", 4), Assert.Single(unknown));
    }

    [Fact]
    public void A_view_has_a_content_hash_so_the_preview_can_reuse_its_rendering()
    {
        var page = Document.FromText("input/pages/dashboard.md", null, "text");

        var emea = ContentHash.Of(page.With(Keys.DashboardView, View("EMEA")));
        var apac = ContentHash.Of(page.With(Keys.DashboardView, View("APAC")));

        Assert.NotNull(emea);
        Assert.NotEqual(emea, apac);
        Assert.Equal(emea, ContentHash.Of(page.With(Keys.DashboardView, View("EMEA"))));
    }
}
