using Microsoft.Playwright;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Browser;

/// <summary>
/// A long data table of the sample site as readers use it: sorted by a click or a key on a heading, filtered and
/// paged with the theme's script, and read without JavaScript as its first page and a link to every row.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TablesInABrowserTests(BrowserFixture fixture)
{
    private const string Rows = ".data-table tbody tr";

    private async Task<PageVisit> OpenAsync(bool javaScript = true)
    {
        var site = await fixture.SiteAsync();
        var path = PageTypes.PathOf(site, PageTypes.ArticleWithTable);
        return await PageVisit.OpenAsync(await fixture.BrowserAsync(), new Uri(fixture.Address, path.TrimStart('/')), javaScript: javaScript);
    }

    private static Task<string[]> VisibleValuesAsync(IPage page, int column) =>
        page.EvalOnSelectorAllAsync<string[]>(Rows, $"rows => rows.filter(r => !r.hidden).map(r => r.cells[{column}].dataset.value)");

    private static async Task<int> ColumnAsync(IPage page, string type) =>
        await page.EvalOnSelectorAllAsync<int>(".data-table thead th", $"ths => ths.findLastIndex(th => th.dataset.type === '{type}')");

    [CheckFact]
    public async Task Clicking_a_numeric_heading_sorts_the_rows_by_its_values_ascending_then_descending()
    {
        await using var visit = await OpenAsync();
        var column = await ColumnAsync(visit.Page, "number");
        var heading = visit.Page.Locator(".data-table thead th").Nth(column);

        await heading.Locator("button").ClickAsync();
        var ascending = (await VisibleValuesAsync(visit.Page, column)).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal("ascending", await heading.GetAttributeAsync("aria-sort"));
        Assert.Equal(ascending.Order(), ascending);

        await heading.Locator("button").ClickAsync();
        var descending = (await VisibleValuesAsync(visit.Page, column)).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal("descending", await heading.GetAttributeAsync("aria-sort"));
        Assert.Equal(descending.OrderDescending(), descending);
        Assert.True(descending[0] > ascending[0], "the first row after sorting descending must hold the largest value");
        Assert.Empty(visit.Problems);
    }

    [CheckFact]
    public async Task A_heading_sorts_from_the_keyboard()
    {
        await using var visit = await OpenAsync();
        var heading = visit.Page.Locator(".data-table thead th").First;

        await heading.Locator("button").FocusAsync();
        await visit.Page.Keyboard.PressAsync("Enter");
        var names = await VisibleValuesAsync(visit.Page, 0);

        Assert.Equal("ascending", await heading.GetAttributeAsync("aria-sort"));
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
    }

    [CheckFact]
    public async Task A_long_table_is_paged_and_filtered_in_the_browser()
    {
        await using var visit = await OpenAsync();
        var total = await visit.Page.Locator(Rows).CountAsync();
        var pageSize = int.Parse(await visit.Page.Locator(".data-table").First.GetAttributeAsync("data-page-size") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > pageSize, $"the table has {total} rows, not more than a page of {pageSize}");
        var first = await VisibleValuesAsync(visit.Page, 0);
        Assert.Equal(pageSize, first.Length);

        await visit.Page.Locator(".table-pager button", new PageLocatorOptions { HasText = "Next" }).First.ClickAsync();
        var second = await VisibleValuesAsync(visit.Page, 0);
        Assert.Empty(first.Intersect(second));
        Assert.StartsWith($"Rows {pageSize + 1}–", await visit.Page.Locator(".table-status").First.TextContentAsync());

        var wanted = first[0];
        await visit.Page.Locator(".table-tools input[type=search]").First.FillAsync(wanted);
        var filtered = await VisibleValuesAsync(visit.Page, 0);
        Assert.Contains(wanted, filtered);
        Assert.True(filtered.Length < pageSize, $"filtering for '{wanted}' left {filtered.Length} rows");
    }

    [CheckFact]
    public async Task Without_javascript_a_long_table_shows_its_first_page_and_a_link_to_every_row()
    {
        await using var visit = await OpenAsync(javaScript: false);
        var table = visit.Page.Locator(".data-table").First;
        var pageSize = int.Parse(await table.GetAttributeAsync("data-page-size") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(pageSize, await table.Locator("tbody tr:visible").CountAsync());
        Assert.Equal(0, await table.Locator("thead button").CountAsync());
        Assert.Contains("are shown", await table.Locator(".table-status").TextContentAsync(), StringComparison.Ordinal);
        var csv = await table.Locator("a.table-download").GetAttributeAsync("href");
        Assert.EndsWith(".csv", csv, StringComparison.Ordinal);
    }
}
