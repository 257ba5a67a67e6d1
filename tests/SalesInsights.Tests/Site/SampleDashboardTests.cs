using System.Globalization;
using System.Text.RegularExpressions;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Site;

/// <summary>The sample site's dashboard, as a reader (and a script reading its tiles) sees it, checked against the CSVs read by hand.</summary>
public sealed partial class SampleDashboardTests : IAsyncLifetime
{
    private static readonly SalesRows Data = SalesRows.Sample;
    private static readonly string[] CurrencyKpis = ["bookings", "avg_deal_size"];
    private static readonly string[] KpiNames = ["bookings", "win_rate", "avg_deal_size", "median_cycle_days", "quota_attainment", "pipeline_coverage"];

    private static IReadOnlyList<string> Regions => [.. Data.Deals.Select(d => d.Region).Distinct().Order(StringComparer.Ordinal)];

    private static IReadOnlyList<string> Quarters => [.. Enumerable.Range(0, 8).Select(i => SalesRows.Shift(Data.LatestCompleteQuarter, i - 7))];

    private BuiltSite _site = null!;

    public async Task InitializeAsync() => _site = await SampleSite.GetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The page of a view: <c>/dashboard/emea/2026-q2/</c>, or the default view for (null, null).</summary>
    private string Page(string? region = null, string? quarter = null) =>
        _site.Read(region is null ? "/dashboard/" : $"/dashboard/{region.ToLowerInvariant()}/{quarter!.ToLowerInvariant()}/");

    /// <summary>Every tile of a page: its element's attributes by name.</summary>
    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Tiles(string html) =>
        [.. TileElement().Matches(html).Select(m => (IReadOnlyDictionary<string, string>)Attribute().Matches(m.Value)
            .ToDictionary(a => a.Groups[1].Value, a => System.Net.WebUtility.HtmlDecode(a.Groups[2].Value), StringComparer.Ordinal))];

    [Fact]
    public void The_dashboard_builds_without_any_diagnostic()
    {
        Assert.True(_site.Result.Succeeded, string.Join('\n', _site.Result.Diagnostics));
        Assert.Empty(_site.Result.Diagnostics);
    }

    [Fact]
    public void The_latest_complete_quarter_is_derived_from_the_data()
    {
        Assert.Equal("2026-Q3", Data.LatestCompleteQuarter);
        Assert.All(Tiles(Page()), tile => Assert.Equal(Data.LatestCompleteQuarter, tile["data-period"]));
    }

    [Fact]
    public void Every_region_and_each_of_the_last_eight_quarters_has_its_view_and_the_default_is_all_regions_in_the_latest()
    {
        foreach (var quarter in Quarters)
        {
            foreach (var region in Regions)
            {
                Assert.True(_site.Has($"dashboard/{region.ToLowerInvariant()}/{quarter.ToLowerInvariant()}/index.html"), $"{region} {quarter}");
            }
            var all = $"dashboard/all/{quarter.ToLowerInvariant()}/index.html";
            Assert.Equal(quarter != Data.LatestCompleteQuarter, _site.Has(all));
        }
        Assert.False(_site.Has($"dashboard/emea/{SalesRows.Shift(Quarters[0], -1).ToLowerInvariant()}/index.html"));
        Assert.False(_site.Has($"dashboard/emea/{SalesRows.Shift(Data.LatestCompleteQuarter, 1).ToLowerInvariant()}/index.html"));
        Assert.All(Tiles(Page()), tile => Assert.Equal("all", tile["data-region"]));
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("EMEA", 0)]
    [InlineData("NA", -1)]
    [InlineData("APAC", -4)]
    [InlineData("LATAM", -7)]
    public void Every_kpi_equals_a_computation_over_the_csv_rows(string? region, int quartersBack)
    {
        var quarter = SalesRows.Shift(Data.LatestCompleteQuarter, quartersBack);
        var html = region is null && quartersBack == 0 ? Page() : Page(region ?? "all", quarter);

        AssertTiles(html, region, quarter);
    }

    [Fact]
    public void Every_view_of_the_dashboard_shows_the_right_numbers()
    {
        foreach (var region in Regions.Prepend(null))
        {
            foreach (var quarter in Quarters)
            {
                var html = region is null && quarter == Data.LatestCompleteQuarter ? Page() : Page(region ?? "all", quarter);
                AssertTiles(html, region, quarter);
            }
        }
    }

    [Fact]
    public void The_selectors_are_plain_links_to_published_views_with_the_current_one_marked()
    {
        foreach (var region in Regions.Prepend("all"))
        {
            foreach (var quarter in Quarters)
            {
                var path = region == "all" && quarter == Data.LatestCompleteQuarter ? "dashboard/index.html" : $"dashboard/{region.ToLowerInvariant()}/{quarter.ToLowerInvariant()}/index.html";
                var html = _site.Read(path);
                var navs = Nav().Matches(html).Select(m => m.Value).ToList();
                Assert.Equal(2, navs.Count);
                foreach (var nav in navs)
                {
                    var links = Link().Matches(nav).ToList();
                    Assert.NotEmpty(links);
                    Assert.All(links, l => Assert.True(_site.Has(l.Groups[1].Value.TrimStart('/') + "index.html"), l.Groups[1].Value));
                    var current = Assert.Single(links, l => l.Groups[2].Success);
                    Assert.Equal("/" + path[..^"index.html".Length], current.Groups[1].Value);
                }
                Assert.Equal(Regions.Count + 1, Link().Count(navs[0]));
                Assert.Equal(Quarters.Count, Link().Count(navs[1]));
            }
        }
    }

    [Fact]
    public void A_chart_that_does_not_read_the_quarter_is_the_same_figure_in_every_quarter_of_a_region()
    {
        string Csv(string region, string quarter, string chart) =>
            Assert.Single(CsvLink().Matches(Page(region, quarter)), m => m.Groups[2].Value == chart).Groups[1].Value;

        var funnel = Quarters.Select(q => Csv("EMEA", q, "chart-open-pipeline-by-stage")).Distinct().ToList();
        var monthly = Quarters.Select(q => Csv("EMEA", q, "chart-bookings-by-month-against-target")).Distinct().ToList();

        Assert.Single(funnel);
        Assert.Equal(Quarters.Count, monthly.Count);
        Assert.NotEqual(funnel[0], Csv("APAC", Quarters[0], "chart-open-pipeline-by-stage"));
        Assert.True(_site.Has(funnel[0].TrimStart('/')));
    }

    [Fact]
    public void The_data_note_links_every_dataset_published_byte_for_byte()
    {
        var html = Page();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Input, "data"), "*.csv"))
        {
            var name = Path.GetFileName(file);
            Assert.Contains($"href=\"/data/{name}\" download", html, StringComparison.Ordinal);
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(_site.Output, "data", name)));
        }
        Assert.Contains($"<td data-value=\"{Data.Deals.Count}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<time datetime=\"{Data.LastDay:yyyy-MM-dd}\">", html, StringComparison.Ordinal);
    }

    private static void AssertTiles(string html, string? region, string quarter)
    {
        var tiles = Tiles(html);
        Assert.Equal(KpiNames, tiles.Select(t => t["data-kpi"]));
        var expected = Data.Kpis(quarter, region);
        var previous = Data.Kpis(SalesRows.Shift(quarter, -1), region);
        foreach (var tile in tiles)
        {
            var name = tile["data-kpi"];
            Assert.Equal(quarter, tile["data-period"]);
            Assert.Equal(region ?? "all", tile["data-region"]);
            AssertValue(name, expected[name], tile["data-value"], $"{name} in {region ?? "all"} {quarter}");
            AssertValue(name, previous[name], tile["data-previous"], $"{name} in {region ?? "all"} before {quarter}");
        }
    }

    private static void AssertValue(string kpi, double? expected, string actual, string what)
    {
        if (expected is not { } value)
        {
            Assert.True(actual.Length == 0, $"{what}: expected no value, got {actual}");
            return;
        }
        Assert.True(actual.Length > 0, $"{what}: no value");
        var shown = double.Parse(actual, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (CurrencyKpis.Contains(kpi))
        {
            Assert.True(Math.Abs(shown - value) < 0.005, $"{what}: {shown} is not {value} to the cent");
        }
        else
        {
            Assert.True(Math.Abs(shown - value) <= 1e-9 * Math.Max(1, Math.Abs(value)), $"{what}: {shown} is not {value}");
        }
    }

    [GeneratedRegex("<nav class=\"dashboard-filters\".*?</nav>", RegexOptions.Singleline)]
    private static partial Regex Nav();

    [GeneratedRegex("<a href=\"([^\"]+)\"( aria-current=\"page\")?>")]
    private static partial Regex Link();

    [GeneratedRegex("<div class=\"kpi\"[^>]*>")]
    private static partial Regex TileElement();

    [GeneratedRegex("([a-z-]+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();

    [GeneratedRegex("href=\"(/dashboard/charts/[0-9a-f]+/(chart-[a-z0-9-]+)\\.csv)\"")]
    private static partial Regex CsvLink();
}
