using System.Text.Json;
using Microsoft.Playwright;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Browser;

/// <summary>
/// Every chart of the gallery, the dashboard and an article, measured as Chromium draws it at a phone's, a
/// tablet's and a desktop's width in both themes: text size as read, overlapping labels, and the chart's
/// background against the page's. Each figure is photographed for review into the screenshots folder.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChartsInABrowserTests(BrowserFixture fixture)
{
    public static TheoryData<int, string> EachWidthAndTheme
    {
        get
        {
            var data = new TheoryData<int, string>();
            foreach (var width in new[] { 390, 1024, 1280 })
            {
                data.Add(width, "light");
                data.Add(width, "dark");
            }
            return data;
        }
    }

    /// <summary>The pages whose charts are measured: every kind (gallery), the grid of cells (dashboard), an article's column.</summary>
    private static async Task<List<string>> PagesAsync(BuiltSite site)
    {
        var pages = new List<string> { "/charts/", "/dashboard/" };
        if (PageTypes.ArticleWithCharts(site) is { } article)
        {
            pages.Add(article);
        }
        await Task.CompletedTask;
        return [.. pages.Where(site.Has)];
    }

    [CheckTheory]
    [MemberData(nameof(EachWidthAndTheme))]
    public async Task Chart_text_reads_at_12_to_16_pixels_without_overlaps_on_the_pages_own_background(int width, string theme)
    {
        var site = await fixture.SiteAsync();
        var browser = await fixture.BrowserAsync();
        var pages = await PagesAsync(site);
        Skip.If(pages.Count == 0, "The built sample site has no chart pages yet.");
        var problems = new List<string>();
        var measured = 0;
        await using var visit = await PageVisit.OpenAsync(browser, new Uri(fixture.Address, pages[0].TrimStart('/')), width, theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        foreach (var path in pages)
        {
            await visit.GoToAsync(new Uri(fixture.Address, path.TrimStart('/')));
            var result = await visit.Page.EvaluateAsync<JsonElement>(MeasureScript);
            measured += result.GetProperty("texts").GetInt32();
            problems.AddRange(result.GetProperty("problems").EnumerateArray().Select(p => $"{path} at {width} px, {theme}: {p.GetString()}"));
            await PhotographAsync(visit.Page, path, width, theme);
        }
        problems.AddRange(visit.Problems);
        Assert.True(measured > 100, $"only {measured} chart texts were measured on {string.Join(", ", pages)}");
        Assert.True(problems.Count == 0, $"{measured} chart texts measured:\n" + string.Join('\n', problems.Take(40)));
    }

    [CheckTheory]
    [MemberData(nameof(EachWidthAndTheme))]
    public async Task Every_kpi_value_of_the_dashboard_stays_on_one_line_inside_its_tile_at_16_pixels_or_more(int width, string theme)
    {
        var site = await fixture.SiteAsync();
        Skip.If(!site.Has("/dashboard/"), "The built sample site has no dashboard.");
        await using var visit = await PageVisit.OpenAsync(await fixture.BrowserAsync(), new Uri(fixture.Address, "dashboard/"), width, theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);

        var result = await visit.Page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('.kpi-value')].map(value => {
              const style = getComputedStyle(value);
              const range = document.createRange();
              range.selectNodeContents(value);
              const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
              const text = range.getBoundingClientRect(), box = value.getBoundingClientRect();
              return { text: value.textContent, lines, size: parseFloat(style.fontSize), inside: text.left >= box.left - 0.5 && text.right <= box.right + 0.5 };
            })
            """);
        var values = result.EnumerateArray().ToList();

        Assert.True(values.Count >= 4, $"only {values.Count} KPI values on the dashboard");
        var problems = values
            .Where(v => v.GetProperty("lines").GetInt32() != 1 || !v.GetProperty("inside").GetBoolean() || v.GetProperty("size").GetDouble() < 16)
            .Select(v => $"'{v.GetProperty("text").GetString()}': {v.GetProperty("lines").GetInt32()} lines, {v.GetProperty("size").GetDouble():0.#} px, inside its tile: {v.GetProperty("inside").GetBoolean()}")
            .ToList();
        Assert.True(problems.Count == 0, $"at {width} px, {theme}:\n" + string.Join('\n', problems));
    }

    [CheckTheory]
    [MemberData(nameof(EachWidthAndTheme))]
    public async Task The_funnels_labels_pass_axes_colour_contrast_and_read_at_4_5_to_1_against_their_card(int width, string theme)
    {
        var site = await fixture.SiteAsync();
        Skip.If(!site.Has("/charts/"), "The built sample site has no chart gallery.");
        await using var visit = await PageVisit.OpenAsync(await fixture.BrowserAsync(), new Uri(fixture.Address, "charts/"), width, theme == "dark" ? ColorScheme.Dark : ColorScheme.Light, withAxe: true);

        var result = await visit.Page.EvaluateAsync<JsonElement>("""
            async () => {
              const funnels = [...document.querySelectorAll('figure.chart-funnel')];
              const axeResult = await axe.run('figure.chart-funnel', { runOnly: ['color-contrast'], resultTypes: ['violations'] });
              const channel = c => (c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
              const luminance = rgb => { const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map(Number).map(channel); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
              const backgroundOf = element => {
                for (let e = element; e; e = e.parentElement) {
                  const colour = getComputedStyle(e).backgroundColor;
                  if (colour && !/rgba\(.*,\s*0\)$/.test(colour) && colour !== 'transparent') return colour;
                }
                return 'rgb(255, 255, 255)';
              };
              const labels = funnels.flatMap(figure => [...figure.querySelectorAll('svg text')]
                .filter(t => t.getBoundingClientRect().width > 0)
                .map(t => {
                  const [a, b] = [luminance(getComputedStyle(t).fill), luminance(backgroundOf(figure))];
                  return { text: t.textContent, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
                }));
              return { funnels: funnels.length, violations: axeResult.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`), labels };
            }
            """);

        Assert.True(result.GetProperty("funnels").GetInt32() > 0, "the gallery has no funnel chart");
        Assert.Empty(result.GetProperty("violations").EnumerateArray().Select(v => v.GetString()));
        var labels = result.GetProperty("labels").EnumerateArray().ToList();
        Assert.NotEmpty(labels);
        Assert.All(labels, l => Assert.True(l.GetProperty("ratio").GetDouble() >= 4.5, $"'{l.GetProperty("text").GetString()}' reads at {l.GetProperty("ratio").GetDouble():0.00}:1 at {width} px, {theme}"));
    }

    /// <summary>Each figure alone, named after its page and id: what a reviewer compares with the previous look.</summary>
    private static async Task PhotographAsync(IPage page, string path, int width, string theme)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Screenshots.Folder, "charts")).FullName;
        var slug = path.Trim('/').Replace('/', '-');
        var figures = page.Locator("figure.chart");
        var count = Math.Min(await figures.CountAsync(), 24);
        for (var i = 0; i < count; i++)
        {
            var figure = figures.Nth(i);
            var id = await figure.GetAttributeAsync("id") ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await figure.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, $"{(slug.Length == 0 ? "home" : slug)}-{id}-{width}-{theme}.png"), Type = ScreenshotType.Png });
        }
    }

    /// <summary>
    /// For every visible text of every chart: its size as drawn (font size times the drawing's scale on screen),
    /// whether it runs into another text of the same chart, and whether the chart paints a background of its own
    /// that differs from the card or page behind it (the light slab in dark mode).
    /// </summary>
    private const string MeasureScript = """
        () => {
          const problems = [];
          let texts = 0;
          const luminance = rgb => {
            const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map(v => Number(v) / 255)
              .map(c => c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const backgroundOf = element => {
            for (let e = element; e; e = e.parentElement) {
              const colour = getComputedStyle(e).backgroundColor;
              if (colour && !/rgba\(.*,\s*0\)$/.test(colour) && colour !== 'transparent') return colour;
            }
            return getComputedStyle(document.body).backgroundColor;
          };
          const page = luminance(getComputedStyle(document.body).backgroundColor);
          document.querySelectorAll('figure.chart').forEach(figure => {
            const chart = figure.id;
            if (figure.getBoundingClientRect().width === 0) return;
            figure.querySelectorAll('svg').forEach(svg => {
              const own = getComputedStyle(svg).backgroundColor;
              if (own && !/rgba\(.*,\s*0\)$/.test(own) && own !== 'transparent') problems.push(`${chart}: the drawing paints its own background ${own}`);
              svg.querySelectorAll('rect').forEach(rect => {
                const box = rect.getBoundingClientRect(), frame = svg.getBoundingClientRect();
                if (box.width >= frame.width - 1 && box.height >= frame.height - 1 && getComputedStyle(rect).fill !== 'none') problems.push(`${chart}: a rectangle covers the whole drawing (${getComputedStyle(rect).fill})`);
              });
            });
            const behind = luminance(backgroundOf(figure));
            if (Math.abs(behind - page) > 0.1) problems.push(`${chart}: sits on ${backgroundOf(figure)}, far from the page's background`);
            const boxes = [];
            figure.querySelectorAll('svg text').forEach(text => {
              const style = getComputedStyle(text);
              if (style.display === 'none' || style.visibility === 'hidden' || text.closest('[display="none"]')) return;
              const box = text.getBoundingClientRect();
              if (box.width === 0 || text.textContent.trim() === '') return;
              texts++;
              const scale = text.getScreenCTM() ? Math.hypot(text.getScreenCTM().a, text.getScreenCTM().b) : 1;
              const size = parseFloat(style.fontSize) * scale;
              if (size < 11.9 || size > 16.1) problems.push(`${chart}: '${text.textContent}' is ${size.toFixed(1)} px`);
              boxes.push({ text: text.textContent, box, svg: text.ownerSVGElement });
            });
            for (let i = 0; i < boxes.length; i++) {
              for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i].box, b = boxes[j].box;
                const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 3;
                if (overlap) problems.push(`${chart}: '${boxes[i].text}' overlaps '${boxes[j].text}'`);
              }
            }
            const right = figure.getBoundingClientRect().right;
            boxes.forEach(({ text, box }) => { if (box.right > right + 0.5 || box.left < figure.getBoundingClientRect().left - 0.5) problems.push(`${chart}: '${text}' sticks out of its figure`); });
          });
          return { texts, problems };
        }
        """;
}
