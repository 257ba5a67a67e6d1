using Microsoft.Playwright;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Browser;

/// <summary>The sample site's search, typed into as a reader types, with the live site's CSP; and what is left without script.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchInABrowserTests(BrowserFixture fixture)
{
    private async Task<PageVisit> OpenAsync(string path, int width = 1280, ColorScheme scheme = ColorScheme.Light, bool withAxe = false)
    {
        var browser = await fixture.BrowserAsync();
        await fixture.SiteAsync();
        return await PageVisit.OpenAsync(browser, new Uri(fixture.Address, path.TrimStart('/')), width, scheme, withAxe: withAxe);
    }

    /// <summary>The longest word of the sample site that one article has in its body and nowhere else, with that article.</summary>
    private async Task<(string Word, string Url)> WordOnlyInOneBodyAsync()
    {
        var site = await fixture.SiteAsync();
        var words = SearchIndexReader.Of(site.Output).TermsOnlyInOneBody().ToList();
        Assert.NotEmpty(words);
        return words.OrderByDescending(w => w.Term.Length).ThenBy(w => w.Term, StringComparer.Ordinal).First();
    }

    private static async Task<ILocator> ResultsAfterTypingAsync(IPage page, string text)
    {
        await page.Locator(".search-input").PressSequentiallyAsync(text, new LocatorPressSequentiallyOptions { Delay = 20 });
        var results = page.Locator(".search-result");
        await Assertions.Expect(results.First).ToBeVisibleAsync();
        return results;
    }

    [CheckFact]
    public async Task Typing_a_word_only_one_article_has_in_its_body_lists_that_article_first_with_the_word_marked()
    {
        var (word, url) = await WordOnlyInOneBodyAsync();
        await using var visit = await OpenAsync("/search/");

        var results = await ResultsAfterTypingAsync(visit.Page, word);

        Assert.Equal(url, await results.First.Locator("h2 a").GetAttributeAsync("href"));
        Assert.Equal(1, await results.CountAsync());
        Assert.Equal($"1 article matches “{word}”.", await visit.Page.Locator(".search-status").TextContentAsync());
        var marked = await results.First.Locator(".search-result-snippet mark").AllTextContentsAsync();
        Assert.Contains(marked, m => SalesInsights.Search.SearchTerms.Fold(m).StartsWith(word, StringComparison.Ordinal));
        Assert.Contains($"q={Uri.EscapeDataString(word)}", visit.Page.Url, StringComparison.Ordinal);
        Assert.True(visit.Problems.Count == 0, string.Join('\n', visit.Problems));
    }

    [CheckFact]
    public async Task The_start_of_a_word_finds_articles_with_title_matches_first()
    {
        await using var visit = await OpenAsync("/search/");

        var results = await ResultsAfterTypingAsync(visit.Page, "QUOT");

        var titles = await results.Locator("h2").AllTextContentsAsync();
        var inTitle = titles.Select(t => SalesInsights.Search.SearchTerms.Of(t).Any(w => w.StartsWith("quot", StringComparison.Ordinal))).ToList();
        Assert.Contains(true, inTitle);
        Assert.Equal(inTitle.OrderByDescending(x => x), inTitle);
        Assert.True(visit.Problems.Count == 0, string.Join('\n', visit.Problems));
    }

    [CheckFact]
    public async Task The_header_box_opens_the_search_page_with_the_query_and_down_arrow_reaches_the_first_result()
    {
        var (word, url) = await WordOnlyInOneBodyAsync();
        await using var visit = await OpenAsync("/");

        var box = visit.Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the articles" });
        await box.FillAsync(word);
        await box.PressAsync("Enter");
        await visit.Page.WaitForURLAsync($"**/search/?q={Uri.EscapeDataString(word)}");
        await Assertions.Expect(visit.Page.Locator(".search-result").First).ToBeVisibleAsync();
        await visit.Page.Locator(".search-input").PressAsync("ArrowDown");

        Assert.Equal(url, await visit.Page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        Assert.True(visit.Problems.Count == 0, string.Join('\n', visit.Problems));
    }

    [CheckTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_search_page_with_results_has_no_serious_critical_or_structural_accessibility_violations(string theme)
    {
        await using var visit = await OpenAsync("/search/", scheme: theme == "dark" ? ColorScheme.Dark : ColorScheme.Light, withAxe: true);
        await ResultsAfterTypingAsync(visit.Page, "quota");

        var violations = await visit.AccessibilityViolationsAsync();

        Assert.True(violations.Count == 0, $"axe-core on the search page in {theme} mode:\n" + string.Join('\n', violations));
    }

    [CheckFact]
    public async Task Without_javascript_the_header_links_to_the_archive_and_the_search_page_says_where_every_article_is()
    {
        var browser = await fixture.BrowserAsync();
        await fixture.SiteAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync(fixture.Address.ToString());
        var link = page.Locator("header.site-header").GetByRole(AriaRole.Link, new() { Name = "Find an article" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        Assert.EndsWith("/archive/", await link.GetAttributeAsync("href"), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(".site-search-form")).ToBeHiddenAsync();

        await page.GotoAsync(new Uri(fixture.Address, "search/").ToString());
        await Assertions.Expect(page.Locator(".search-form")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".search-fallback").GetByRole(AriaRole.Link, new() { Name = "archive" })).ToBeVisibleAsync();
    }
}
