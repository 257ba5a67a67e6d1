using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Browser;

/// <summary>
/// One page opened in its own browser context at a given width and colour scheme, with everything that went wrong
/// while it loaded: console errors, uncaught script errors, failed requests, error responses, and requests to
/// other hosts (blocked: the site must work on its own, and tests never touch the internet).
/// </summary>
public sealed class PageVisit : IAsyncDisposable
{
    private readonly List<string> _problems = [];

    private PageVisit(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public IResponse? Response { get; private set; }

    /// <summary>What went wrong while loading, in the order it happened.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    /// <param name="withAxe">Load axe-core into the page before its own scripts (as an init script, which a Content-Security-Policy cannot block).</param>
    /// <param name="settle">Wait for the network to be idle for half a second too, to catch late requests (slower; used where requests are the point).</param>
    /// <param name="javaScript">False: as a reader who blocks scripts.</param>
    public static async Task<PageVisit> OpenAsync(IBrowser browser, Uri url, int width = 1280, ColorScheme scheme = ColorScheme.Light, int? expectedStatus = null, bool withAxe = false, bool settle = false, bool javaScript = true)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 844 : 800 },
            ColorScheme = scheme,
            ReducedMotion = ReducedMotion.Reduce,
        });
        if (withAxe)
        {
            Prerequisites.RequireAxe();
            await context.AddInitScriptAsync(scriptPath: Prerequisites.AxeScript);
        }
        var page = await context.NewPageAsync();
        var visit = new PageVisit(context, page);
        var status = expectedStatus ?? 200;
        await context.RouteAsync("**/*", async route =>
        {
            var target = new Uri(route.Request.Url);
            if (target.IsLoopback || target.Scheme is "data" or "blob" or "about")
            {
                await route.ContinueAsync();
                return;
            }
            visit.Add($"the page loads {route.Request.Url} from another host (blocked)");
            await route.AbortAsync();
        });
        page.Console += (_, message) =>
        {
            // The browser logs the document's own expected 404 as a console error; nothing else is excused.
            if (message.Type == "error" && !(status != 200 && message.Location.StartsWith(url.ToString(), StringComparison.Ordinal) && message.Text.Contains(status.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)))
            {
                visit.Add($"console error: {message.Text} (at {message.Location})");
            }
        };
        page.PageError += (_, error) => visit.Add($"uncaught script error: {error}");
        page.RequestFailed += (_, request) =>
        {
            if (new Uri(request.Url).IsLoopback)
            {
                visit.Add($"request failed: {request.Url} ({request.Failure})");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Url != url.ToString())
            {
                visit.Add($"{response.Status} for {response.Url}");
            }
        };
        visit.Response = await page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = settle ? WaitUntilState.NetworkIdle : WaitUntilState.Load });
        if (visit.Response?.Status != status)
        {
            visit.Add($"the page answered {visit.Response?.Status} instead of {status}");
        }
        return visit;
    }

    /// <summary>Moves this visit's page to another URL, keeping its context, for checks that walk many pages.</summary>
    public async Task GoToAsync(Uri url)
    {
        var response = await Page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (response?.Status != 200)
        {
            Add($"{url} answered {response?.Status}");
        }
    }

    /// <summary>
    /// axe-core violations a reader would meet: every serious and critical one, and the moderate ones about the
    /// structure a screen reader navigates by (landmarks, the page's heading, heading levels). One line per rule with
    /// the first elements it found. Needs <c>withAxe</c>.
    /// </summary>
    public async Task<IReadOnlyList<string>> AccessibilityViolationsAsync()
    {
        var violations = await Page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical' || [
                  'landmark-one-main', 'landmark-no-duplicate-main', 'landmark-main-is-top-level', 'landmark-unique',
                  'landmark-banner-is-top-level', 'landmark-contentinfo-is-top-level', 'region',
                  'page-has-heading-one', 'heading-order', 'empty-heading'].includes(v.id))
                .map(v => `${v.id} (${v.impact}): ${v.help} at ` + v.nodes.slice(0, 3)
                  .map(n => `${n.target.join(' ')} [${(n.failureSummary || '').replace(/\s+/g, ' ').trim()}]`).join('; '));
            }
            """);
        return violations.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>
    /// How many chart figures the page has, and what is wrong with each. Exactly one drawing must be visible with a
    /// non-zero size (parts hidden from assistive technology, such as a gutter of axis labels beside the plot, are
    /// not drawings), every drawing needs an image role with an accessible name, and the figure needs a data table.
    /// </summary>
    public async Task<(int Charts, IReadOnlyList<string> Problems)> ChartProblemsAsync()
    {
        var problems = await Page.EvaluateAsync<string[]>("""
            () => {
              const nameOf = image => image.tagName === 'IMG'
                ? (image.getAttribute('alt') || '')
                : (image.getAttribute('aria-label')
                   || (image.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
                        .map(id => document.getElementById(id)?.textContent || '').join(' '));
              const problems = [];
              document.querySelectorAll('figure.chart').forEach((figure, index) => {
                const chart = figure.id || `figure ${index + 1}`;
                const images = [...figure.querySelectorAll('svg, img, canvas')].filter(e => !e.parentElement.closest('svg') && !e.closest('[aria-hidden="true"]'));
                if (images.length === 0) { problems.push(`chart '${chart}' has no image (svg, img or canvas)`); return; }
                const visible = images.filter(e => { const box = e.getBoundingClientRect(); return box.width >= 1 && box.height >= 1 && getComputedStyle(e).visibility !== 'hidden'; });
                if (visible.length === 0) {
                  const box = images[0].getBoundingClientRect();
                  problems.push(`chart '${chart}' is not visible: none of its ${images.length} drawings has a size (first: ${Math.round(box.width)}x${Math.round(box.height)} px)`);
                } else if (visible.length > 1) {
                  problems.push(`chart '${chart}' shows ${visible.length} drawings at once`);
                }
                images.forEach(image => {
                  const role = image.tagName === 'IMG' ? 'img' : (image.getAttribute('role') || '');
                  if (role !== 'img' || nameOf(image).trim() === '') {
                    problems.push(`chart '${chart}' has no text alternative (an image role with a non-empty accessible name) on its ${image.tagName.toLowerCase()}${image.classList.length ? '.' + [...image.classList].join('.') : ''}`);
                  }
                });
                if (figure.querySelectorAll('table th, table td').length === 0) { problems.push(`chart '${chart}' has no data table`); }
              });
              return problems;
            }
            """);
        return (await Page.Locator("figure.chart").CountAsync(), problems);
    }

    /// <summary>How much wider than the viewport the page is, in CSS pixels (0 when it fits).</summary>
    public async Task<int> HorizontalOverflowAsync() =>
        await Page.EvaluateAsync<int>("() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)");

    public async Task<string> ComputedStyleAsync(string selector, string property) =>
        await Page.EvaluateAsync<string>("([s, p]) => getComputedStyle(document.querySelector(s)).getPropertyValue(p)", new[] { selector, property });

    private void Add(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
