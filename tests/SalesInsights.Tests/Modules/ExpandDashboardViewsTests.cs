using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Modules;

/// <summary>A dashboard page in a small site: its views, the quarter they derive from the data, and errors at the writer's lines.</summary>
public sealed class ExpandDashboardViewsTests
{
    private const string Deals = """
        region,status,amount,created_date,close_date
        EU,won,100.50,2025-01-01,2025-02-10
        EU,lost,80,2025-01-05,2025-03-01
        O'Land,won,200,2025-02-01,2025-05-20
        EU,won,300.25,2025-04-01,2025-06-30
        EU,open,999,2025-07-01,
        O'Land,won,50,2025-07-02,2025-08-15
        """;

    private static string Page(string body, string dashboard = "") => $"""
        ---
        title: "Board"
        slug: board
        nav: 3
        dashboard:
          period: SELECT min(created_date), max(close_date) FROM deals
          regions: SELECT DISTINCT region FROM deals ORDER BY 1
          quarters: 2
        {dashboard}---

        {body}
        """;

    private const string Bookings = """
        ```kpi
        name: bookings
        format: currency
        sql: |
          SELECT quarters.quarter, coalesce(sum(d.amount), 0) FROM $quarters
          LEFT JOIN deals d ON d.status = 'won' AND d.close_date BETWEEN quarters.quarter_start AND quarters.quarter_end AND $region_filter
          GROUP BY 1 ORDER BY 1
        ```
        """;

    private static TestSite Site(string page)
    {
        var site = new TestSite();
        site.Write("input/pages/board.md", page);
        site.Write("input/data/deals.csv", string.Join('\n', Deals.Split('\n').Select(l => l.Trim())) + "\n");
        return site;
    }

    [Fact]
    public async Task The_views_end_at_the_last_quarter_complete_in_the_data_and_quote_every_region()
    {
        using var site = Site(Page(Bookings));

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        // The data ends on 2025-08-15, so 2025-Q3 is not complete: the views are 2025-Q1 and 2025-Q2.
        Assert.Contains("data-value=\"500.25\" data-previous=\"100.5\" data-period=\"2025-Q2\" data-region=\"all\"", site.Read("board/index.html"), StringComparison.Ordinal);
        Assert.Contains("data-value=\"200\" data-previous=\"0\" data-period=\"2025-Q2\" data-region=\"O&#39;Land\"", site.Read("board/o-land/2025-q2/index.html"), StringComparison.Ordinal);
        Assert.Contains("data-value=\"100.5\" data-previous=\"\" data-period=\"2025-Q1\" data-region=\"EU\"", site.Read("board/eu/2025-q1/index.html"), StringComparison.Ordinal);
        Assert.True(site.Exists("board/all/2025-q1/index.html"));
        Assert.False(site.Exists("board/eu/2025-q3/index.html"));
    }

    [Fact]
    public async Task Only_the_default_view_is_in_the_menu_and_each_view_has_its_own_title()
    {
        using var site = Site(Page(Bookings));

        await site.BuildAsync();

        var home = site.Read("index.html");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(home, "href=\"/board/\""));
        Assert.DoesNotContain("href=\"/board/eu/", home, StringComparison.Ordinal);
        Assert.Contains("<title>Board: EU, 2025-Q1", site.Read("board/eu/2025-q1/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_sql_error_in_a_kpi_is_reported_once_at_its_line_of_the_page()
    {
        // Line 11 is the body's first; the block's sql key is its fourth line.
        using var site = Site(Page(Bookings.Replace("sum(d.amount)", "sum(d.amont)", StringComparison.Ordinal)));

        var result = await site.BuildAsync();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("input/pages/board.md", 14, "SI306"), (error.Path, error.Line, error.Code));
        Assert.Contains("amont", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_parameter_is_reported_at_its_line_and_column()
    {
        using var site = Site(Page("```chart\ntitle: T\ntype: bar\nsql: SELECT region, count(*) FROM deals WHERE $regoin GROUP BY 1\n```\n"));

        var result = await site.BuildAsync();

        var error = Assert.Single(result.Diagnostics, d => d.Code == "SI502");
        Assert.Equal((14, 47), (error.Line, error.Column));
        Assert.Contains("'$regoin'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_dashboard_setting_is_reported_at_the_dashboard_key()
    {
        using var site = Site(Page("Text.").Replace("max(close_date)", "max(closed)", StringComparison.Ordinal));

        var result = await site.BuildAsync();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("SI306", 5), (error.Code, error.Line));
        Assert.False(site.Exists("board/index.html"));
    }
}
