using SalesInsights.Data;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Markdown;

/// <summary>Which data an article's queries read: the live datasets, or the snapshot its <c>data_as_of</c> pins.</summary>
public sealed class BuildServicesTests
{
    private const string Deals = "deal_id,segment,amount,created_date\nD1,SMB,100,2025-01-05\nD2,Enterprise,900,2025-02-10\nD3,SMB,300,2025-03-03\n";

    /// <summary>A chart, a KPI tile, inline values and a claim, all over <c>deals</c>.</summary>
    private const string Body = """
        ```sql name=total
        SELECT sum(amount) AS amount, count(*) AS deals FROM deals
        ```

        ```sql name=by_segment
        SELECT segment, sum(amount) AS amount FROM deals GROUP BY 1 ORDER BY 1
        ```

        We booked {{ q.total.amount | currency }} over {{ q.total.deals }} deals, most of it Enterprise{{ claim 'Enterprise' is largest in q.by_segment.amount }}.

        ```kpi
        name: booked
        label: Booked
        sql: SELECT 'To date' AS period, sum(amount) AS booked FROM deals
        format: currency
        ```

        ```chart
        title: Bookings by segment
        type: bar
        sql: SELECT segment, sum(amount) AS amount FROM deals GROUP BY 1 ORDER BY 1
        format: currency
        ```
        """;

    private static TestSite PinnedSite()
    {
        var site = new TestSite();
        site.Write("input/data/deals.csv", Deals);
        DataCatalog.Freeze(site.PathOf("input/data"), site.PathOf("input/data/snapshots/2025-03-31"));
        site.Post("pinned", "Pinned", "2025-03-31", body: Body, extra: "data_as_of: 2025-03-31\n");
        site.Post("live", "Live", "2025-03-31", body: Body);
        return site;
    }

    /// <summary>The article itself, from its title to its footer: the cards of other articles below it are live.</summary>
    private static string Article(TestSite site, string slug)
    {
        var page = site.Read($"posts/{slug}/index.html");
        var start = page.IndexOf("<article", StringComparison.Ordinal);
        return page[start..page.IndexOf("<footer class=\"post-footer", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task A_pinned_article_shows_the_same_figures_after_a_quarter_of_new_data_while_a_live_one_changes()
    {
        using var site = PinnedSite();
        var first = await site.BuildAsync();
        Assert.Empty(first.Diagnostics);
        var (pinned, live) = (Article(site, "pinned"), Article(site, "live"));
        Assert.Contains("$1,300", pinned, StringComparison.Ordinal);

        File.AppendAllText(site.PathOf("input/data/deals.csv"), "D4,Enterprise,5000,2025-04-02\nD5,Mid-Market,700,2025-05-20\nD6,SMB,400,2025-06-30\n");
        var second = await site.BuildAsync();

        Assert.Empty(second.Diagnostics);
        Assert.Equal(pinned, Article(site, "pinned"));
        Assert.NotEqual(live, Article(site, "live"));
        Assert.Contains("$7,400", Article(site, "live"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_that_the_live_data_breaks_still_holds_in_the_pinned_article()
    {
        using var site = PinnedSite();
        File.AppendAllText(site.PathOf("input/data/deals.csv"), "D4,SMB,5000,2025-04-02\n");

        var result = await site.BuildAsync();

        var broken = Assert.Single(result.Diagnostics);
        Assert.Equal(("SI321", "input/posts/live.md"), (broken.Code, broken.Path));
    }
}
