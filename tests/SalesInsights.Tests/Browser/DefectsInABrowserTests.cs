using Microsoft.Playwright;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Browser;

/// <summary>
/// Each browser check, shown to catch the defect it exists for: a temp site is built with the defect on purpose
/// (raw HTML in an article, which Markdown passes through) and the check must fail naming the cause. Served without
/// the live site's CSP, which would refuse the inline styles and script these defects are made of.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DefectsInABrowserTests(BrowserFixture fixture) : IAsyncLifetime, IDisposable
{
    // The defects include a script on purpose, so this site opts in to active HTML in articles.
    private readonly TestSite _site = new(TestSite.DefaultSettings + "markdown: { unsafe_html: true }\n");
    private StaticSiteServer? _server;

    public async Task InitializeAsync()
    {
        _site.Post("chart-without-alt", "Chart without alt", body: """
                Before the chart.

                <figure class="chart chart-bar" id="chart-unlabelled">
                <svg viewBox="0 0 120 60" role="img"><rect width="120" height="60" fill="#2a6fdb"></rect></svg>
                <figcaption>Quarterly numbers</figcaption>
                </figure>
                """)
            .Post("faint-text", "Faint text", body: """
                <p style="color:#d4d4d4">Pale grey words that vanish on a light page.</p>

                <p style="color:#383838">Dark grey words that vanish on a dark page.</p>
                """)
            .Post("skipped-heading", "Skipped heading", body: "## The numbers\n\nText.\n\n#### A detail four levels down\n\nMore text.\n")
            .Post("script-error", "Script error", body: "Text.\n\n<script>renderSalesTotals();</script>\n")
            .Post("missing-image", "Missing image", body: "<img src=\"http://127.0.0.1:9/quota.png\" alt=\"Quota chart\">\n")
            .Post("too-wide", "Too wide", body: "<div class=\"wide\" style=\"width:900px\">A fixed-width block.</div>\n");
        var result = await _site.BuildAsync();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => _site.Dispose();

    private async Task<PageVisit> OpenAsync(string slug, int width = 1280, ColorScheme scheme = ColorScheme.Light, bool withAxe = false)
    {
        var browser = await fixture.BrowserAsync();
        _server ??= await StaticSiteServer.StartAsync(_site.Output);
        return await PageVisit.OpenAsync(browser, new Uri(_server.Address, $"posts/{slug}/"), width, scheme, withAxe: withAxe, settle: true);
    }

    [CheckFact]
    public async Task A_chart_without_text_alternative_or_data_table_is_named_by_the_chart_check_and_by_axe()
    {
        await using var visit = await OpenAsync("chart-without-alt", withAxe: true);
        var (charts, problems) = await visit.ChartProblemsAsync();
        Assert.Equal(1, charts);
        Assert.Contains("chart 'chart-unlabelled' has no text alternative (an image role with a non-empty accessible name) on its svg", problems);
        Assert.Contains("chart 'chart-unlabelled' has no data table", problems);
        Assert.Contains(await visit.AccessibilityViolationsAsync(), v => v.StartsWith("svg-img-alt (serious)", StringComparison.Ordinal));
    }

    [CheckTheory]
    [InlineData("light", "Pale grey words")]
    [InlineData("dark", "Dark grey words")]
    public async Task Text_without_enough_contrast_is_named_by_axe_in_the_theme_where_it_fails(string theme, string faintText)
    {
        await using var visit = await OpenAsync("faint-text", scheme: theme == "dark" ? ColorScheme.Dark : ColorScheme.Light, withAxe: true);
        var violations = await visit.AccessibilityViolationsAsync();
        var contrast = Assert.Single(violations, v => v.StartsWith("color-contrast (serious)", StringComparison.Ordinal));
        Assert.Contains("insufficient color contrast", contrast, StringComparison.Ordinal);
        var faint = await visit.Page.Locator("p", new PageLocatorOptions { HasText = faintText }).EvaluateAsync<string>("p => getComputedStyle(p).color");
        Assert.False(string.IsNullOrEmpty(faint));
    }

    [CheckFact]
    public async Task Markup_the_live_sites_content_security_policy_refuses_is_reported_as_a_console_error()
    {
        var browser = await fixture.BrowserAsync();
        await using var strict = await StaticSiteServer.StartAsync(_site.Output, headers: NetlifyHeaders.ForEveryPage());
        await using var visit = await PageVisit.OpenAsync(browser, new Uri(strict.Address, "posts/script-error/"), settle: true);
        Assert.Contains(visit.Problems, p => p.StartsWith("console error:", StringComparison.Ordinal) && p.Contains("Content Security Policy", StringComparison.Ordinal));
        Assert.DoesNotContain(visit.Problems, p => p.Contains("renderSalesTotals", StringComparison.Ordinal));
    }

    [CheckFact]
    public async Task A_dark_palette_colour_without_enough_contrast_fails_axe_in_dark_mode_only()
    {
        using var site = new TestSite(copyTheme: true).Post("a", "An article", body: "Some text.");
        var css = site.PathOf("theme/assets/css/site.css");
        var stylesheet = File.ReadAllText(css);
        var dark = stylesheet.IndexOf("prefers-color-scheme: dark", StringComparison.Ordinal);
        var muted = stylesheet.IndexOf("--muted:", dark, StringComparison.Ordinal);
        Assert.True(dark > 0 && muted > dark, "the theme's dark palette no longer sets --muted; pick another colour for this test");
        var end = stylesheet.IndexOf(';', muted);
        File.WriteAllText(css, stylesheet[..muted] + "--muted: #3b3f47" + stylesheet[end..]);
        var result = await site.BuildAsync();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        var browser = await fixture.BrowserAsync();
        await using var server = await StaticSiteServer.StartAsync(site.Output);
        await using var inDark = await PageVisit.OpenAsync(browser, new Uri(server.Address, "posts/a/"), scheme: ColorScheme.Dark, withAxe: true);
        await using var inLight = await PageVisit.OpenAsync(browser, new Uri(server.Address, "posts/a/"), scheme: ColorScheme.Light, withAxe: true);
        Assert.Contains(await inDark.AccessibilityViolationsAsync(), v => v.StartsWith("color-contrast (serious)", StringComparison.Ordinal));
        Assert.Empty(await inLight.AccessibilityViolationsAsync());
    }

    [CheckFact]
    public async Task A_heading_level_skipped_is_named_by_axe_because_screen_reader_users_navigate_by_headings()
    {
        await using var visit = await OpenAsync("skipped-heading", withAxe: true);
        Assert.Contains(await visit.AccessibilityViolationsAsync(), v => v.StartsWith("heading-order (moderate)", StringComparison.Ordinal));
    }

    [CheckFact]
    public async Task A_script_error_is_reported_with_its_message()
    {
        await using var visit = await OpenAsync("script-error");
        Assert.Contains(visit.Problems, p => p.StartsWith("uncaught script error:", StringComparison.Ordinal) && p.Contains("renderSalesTotals is not defined", StringComparison.Ordinal));
    }

    [CheckFact]
    public async Task A_failed_request_is_reported_with_its_url()
    {
        await using var visit = await OpenAsync("missing-image");
        Assert.Contains(visit.Problems, p => p.StartsWith("request failed: http://127.0.0.1:9/quota.png", StringComparison.Ordinal));
    }

    [CheckFact]
    public async Task A_block_wider_than_a_phone_is_measured_as_horizontal_overflow()
    {
        await using var visit = await OpenAsync("too-wide", width: 360);
        Assert.True(await visit.HorizontalOverflowAsync() > 0);
        await using var fits = await OpenAsync("script-error", width: 360);
        Assert.Equal(0, await fits.HorizontalOverflowAsync());
    }
}
