using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Modules;

public sealed class GenerateListingsTests
{
    [Fact]
    public async Task Categories_are_a_second_taxonomy_with_a_page_per_term_and_an_index()
    {
        using var site = new TestSite();
        site.Post("a", "First Article", extra: "categories: [Field Notes, Pipeline]\n");
        site.Post("b", "Second Article", extra: "categories: Pipeline\n");

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        var pipeline = site.Read("categories/pipeline/index.html");
        Assert.Contains("First Article", pipeline, StringComparison.Ordinal);
        Assert.Contains("Second Article", pipeline, StringComparison.Ordinal);
        Assert.DoesNotContain("Second Article", site.Read("categories/field-notes/index.html"), StringComparison.Ordinal);
        Assert.Contains("href=\"/categories/field-notes/\"", site.Read("categories/index.html"), StringComparison.Ordinal);
        Assert.Contains("<a class=\"p-category\" href=\"/categories/pipeline/\">Pipeline</a>", site.Read("posts/a/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_declares_its_own_taxonomies()
    {
        using var site = new TestSite(TestSite.DefaultSettings + "taxonomies: { series: series }\n");
        site.Post("a", "Part One", extra: "series: [Quota Year]\n");

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        Assert.Contains("Part One", site.Read("series/quota-year/index.html"), StringComparison.Ordinal);
        Assert.False(site.Exists("categories/index.html"));
    }

    [Fact]
    public async Task Weighted_articles_come_first_in_listings_then_the_rest_newest_first()
    {
        using var site = new TestSite();
        site.Post("old-but-pinned", "Pinned", date: "2024-01-01", extra: "weight: 1\n");
        site.Post("newest", "Newest", date: "2025-06-01");
        site.Post("older", "Older", date: "2025-01-01");

        Assert.Empty((await site.BuildAsync()).Diagnostics);

        var home = site.Read("index.html");
        var order = new[] { "Pinned", "Newest", "Older" }.Select(t => home.IndexOf($">{t}</a>", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }
}
