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
    public static async Task<PageVisit> OpenAsync(IBrowser browser, Uri url, int width = 1280, ColorScheme scheme = ColorScheme.Light, int? expectedStatus = null, bool withAxe = false, bool settle = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
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

    /// <summary>Serious and critical axe-core violations, one line per rule with the first elements it found. Needs <c>withAxe</c>.</summary>
    public async Task<IReadOnlyList<string>> AccessibilityViolationsAsync()
    {
        var violations = await Page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.help} at ` + v.nodes.slice(0, 3)
                  .map(n => `${n.target.join(' ')} [${(n.failureSummary || '').replace(/\s+/g, ' ').trim()}]`).join('; '));
            }
            """);
        return violations.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>How many chart figures the page has, and what is wrong with each: no size, no text alternative, no data table.</summary>
    public async Task<(int Charts, IReadOnlyList<string> Problems)> ChartProblemsAsync()
    {
        var charts = await Page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('figure.chart')].map((figure, index) => {
              const image = figure.querySelector('svg, img, canvas');
              const box = image ? image.getBoundingClientRect() : { width: 0, height: 0 };
              let name = '';
              if (image && image.tagName === 'IMG') {
                name = image.getAttribute('alt') || '';
              } else if (image) {
                name = image.getAttribute('aria-label')
                  || (image.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
                       .map(id => document.getElementById(id)?.textContent || '').join(' ');
              }
              return {
                chart: figure.id || `figure ${index + 1}`,
                image: image ? image.tagName.toLowerCase() : '',
                width: box.width, height: box.height,
                name: name.trim(),
                imageRole: image && image.tagName !== 'IMG' ? (image.getAttribute('role') || '') : 'img',
                table: figure.querySelectorAll('table th, table td').length > 0,
              };
            })
            """);
        var problems = new List<string>();
        foreach (var chart in charts.EnumerateArray())
        {
            var id = chart.GetProperty("chart").GetString();
            if (chart.GetProperty("image").GetString() is not { Length: > 0 })
            {
                problems.Add($"chart '{id}' has no image (svg, img or canvas)");
                continue;
            }
            if (chart.GetProperty("width").GetDouble() < 1 || chart.GetProperty("height").GetDouble() < 1)
            {
                problems.Add($"chart '{id}' is not visible: {chart.GetProperty("width").GetDouble():0}x{chart.GetProperty("height").GetDouble():0} px");
            }
            if (chart.GetProperty("imageRole").GetString() != "img" || chart.GetProperty("name").GetString() is not { Length: > 0 })
            {
                problems.Add($"chart '{id}' has no text alternative (an image role with a non-empty accessible name)");
            }
            if (!chart.GetProperty("table").GetBoolean())
            {
                problems.Add($"chart '{id}' has no data table");
            }
        }
        return (charts.GetArrayLength(), problems);
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
