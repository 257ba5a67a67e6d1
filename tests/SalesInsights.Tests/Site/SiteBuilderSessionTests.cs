using SalesInsights.Modules;
using SalesInsights.Pipeline;
using SalesInsights.Site;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Site;

/// <summary>
/// <see cref="SiteBuilder"/> with a <see cref="BuildSession"/>: after every kind of edit, a build that reuses
/// cached results produces byte for byte what a fresh build produces.
/// </summary>
public sealed class SiteBuilderSessionTests : IDisposable
{
    private readonly TestSite _site = new TestSite(copyTheme: true).WithArticles();
    private readonly BuildSession _session = new();
    private readonly BuildOptions _options;

    public SiteBuilderSessionTests()
    {
        _options = _site.Options(drafts: true, now: new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)) with { InMemory = true };
    }

    public void Dispose()
    {
        _session.Dispose();
        _site.Dispose();
    }

    public static TheoryData<string> Edits => new()
    {
        "article body", "article title", "article tags", "article date", "draft flag", "new article", "deleted article",
        "renamed article", "page", "theme partial", "theme stylesheet", "site settings", "broken front matter",
    };

    private void Apply(string edit)
    {
        switch (edit)
        {
            case "article body":
                _site.Post("first-deal", "The First Deal", "2025-01-10", "[quota, pipeline]", "A new opening paragraph.");
                break;
            case "article title":
                _site.Post("second-call", "The Second Call, Revisited", "2025-02-20", "[pipeline]", "A second call is where the real questions come.");
                break;
            case "article tags":
                _site.Post("first-deal", "The First Deal", "2025-01-10", "[forecasting]", "The first deal always takes longest.");
                break;
            case "article date":
                _site.Post("first-deal", "The First Deal", "2024-12-24", "[quota, pipeline]", "The first deal always takes longest.");
                break;
            case "draft flag":
                _site.Write("input/posts/unfinished.md", File.ReadAllText(_site.PathOf("input/posts/unfinished.md")).Replace("draft: true", "draft: false", StringComparison.Ordinal));
                break;
            case "new article":
                _site.Post("third-time", "Third Time Lucky", "2025-04-01", "[quota]", "New here.");
                break;
            case "deleted article":
                File.Delete(_site.PathOf("input/posts/second-call.md"));
                break;
            case "renamed article":
                File.Move(_site.PathOf("input/posts/first-deal.md"), _site.PathOf("input/posts/the-very-first-deal.md"));
                break;
            case "page":
                _site.Write("input/pages/about.md", "---\ntitle: \"About Us\"\nslug: about\nnav: 1\n---\n\nNow in the navigation.\n");
                break;
            case "theme partial":
                _site.Write("theme/partials/footer.html", File.ReadAllText(_site.PathOf("theme/partials/footer.html")) + "\n<p>Footer note</p>\n");
                break;
            case "theme stylesheet":
                File.AppendAllText(_site.PathOf("theme/assets/css/site.css"), "\n.note { color: red; }\n");
                break;
            case "site settings":
                _site.Write("input/site.yml", File.ReadAllText(_site.PathOf("input/site.yml")).Replace("Test Site", "Renamed Site", StringComparison.Ordinal));
                break;
            case "broken front matter":
                _site.Write("input/posts/first-deal.md", "---\ntitle: [oops\n---\nBody\n");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(edit));
        }
    }

    private static SortedDictionary<string, string> Files(BuildResult result)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (destination, content) in WriteOutput.FilesOf(result.Outputs.Values.SelectMany(d => d)))
        {
            files[destination] = content is TextContent text ? text.Text : "file:" + ((FileContent)content).Path;
        }
        return files;
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task Given_an_edit_when_the_session_rebuilds_then_the_site_equals_a_fresh_build(string edit)
    {
        await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);

        Apply(edit);
        var incremental = await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);
        var fresh = await SiteBuilder.BuildAsync(_options, CancellationToken.None);

        Assert.Equal(fresh.Diagnostics.ToArray(), incremental.Diagnostics.ToArray());
        Assert.Equal(Files(fresh), Files(incremental));
    }

    /// <summary>What a file watcher would report for an edit: every file that appeared, went, or changed size or time.</summary>
    private HashSet<string> Touched(Action edit)
    {
        Dictionary<string, (long, DateTime)> Files() => Directory.EnumerateFiles(_site.Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => (new FileInfo(f).Length, File.GetLastWriteTimeUtc(f)), StringComparer.Ordinal);
        var before = Files();
        edit();
        var after = Files();
        return [.. before.Keys.Union(after.Keys).Where(f => !before.TryGetValue(f, out var b) || !after.TryGetValue(f, out var a) || a != b)];
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task Given_an_edit_the_watcher_reported_when_the_session_rebuilds_then_the_site_equals_a_fresh_build(string edit)
    {
        await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);
        await Task.Delay(20); // file times of the edit differ from the first build's

        _session.ChangedPaths = Touched(() => Apply(edit));
        var incremental = await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);
        var fresh = await SiteBuilder.BuildAsync(_options, CancellationToken.None);

        Assert.Equal(fresh.Diagnostics.ToArray(), incremental.Diagnostics.ToArray());
        Assert.Equal(Files(fresh), Files(incremental));
    }

    [Fact]
    public async Task Given_no_edit_when_the_session_rebuilds_then_no_article_is_rendered_or_laid_out_again()
    {
        var first = await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);

        var second = await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);

        Assert.Equal(0, _session.LastBuild.Executed("RenderMarkdown"));
        Assert.Equal(0, _session.LastBuild.Executed("ApplyLayout"));
        Assert.Equal(Files(first), Files(second));
    }

    [Fact]
    public async Task Given_one_article_edited_when_the_session_rebuilds_then_only_the_pages_that_show_it_are_laid_out_again()
    {
        await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);
        var all = _session.LastBuild.Executed("ApplyLayout");

        Apply("article body");
        await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);
        var laidOut = _session.LastBuild.ExecutedDocuments("ApplyLayout");

        Assert.Equal(1, _session.LastBuild.Executed("RenderMarkdown"));
        Assert.Contains("input/posts/first-deal.md", laidOut);
        Assert.DoesNotContain("input/pages/about.md", laidOut);
        Assert.DoesNotContain("tags/index.html", laidOut);
        Assert.InRange(laidOut.Length, 1, all - 1);
    }

    [Fact]
    public async Task Given_a_theme_change_when_the_session_rebuilds_then_every_page_is_laid_out_but_no_article_rendered()
    {
        var first = await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);
        var pages = _session.LastBuild.Executed("ApplyLayout");

        Apply("theme partial");
        await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);

        Assert.Equal(0, _session.LastBuild.Executed("RenderMarkdown"));
        Assert.Equal(pages, _session.LastBuild.Executed("ApplyLayout"));
        Assert.True(first.Succeeded);
    }

    private void WriteChartArticle(string deals)
    {
        _site.Write("input/data/deals.csv", deals);
        _site.Post("by-region", "Bookings by Region", "2025-03-01", "[pipeline]",
            "```chart\ntitle: Bookings by region\ntype: bar\nsql: SELECT region, sum(amount) AS bookings FROM deals GROUP BY 1 ORDER BY 1\n```\n");
    }

    [Fact]
    public async Task Given_unchanged_data_when_the_session_rebuilds_then_the_chart_article_is_not_rendered_again()
    {
        WriteChartArticle("region,amount\nNA,10\nEMEA,20\n");
        Assert.True((await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None)).Succeeded);

        await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);

        Assert.Equal(0, _session.LastBuild.Executed("RenderMarkdown"));
    }

    [Fact]
    public async Task Given_a_changed_dataset_when_the_session_rebuilds_then_its_chart_is_redrawn_as_a_fresh_build_would()
    {
        WriteChartArticle("region,amount\nNA,10\nEMEA,20\n");
        await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);

        _site.Write("input/data/deals.csv", "region,amount\nNA,10\nEMEA,20\nAPAC,35\n");
        var incremental = await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);
        var fresh = await SiteBuilder.BuildAsync(_options, CancellationToken.None);

        Assert.True(_session.LastBuild.Executed("RenderMarkdown") > 0);
        Assert.Contains("APAC", Files(incremental)["posts/by-region/index.html"], StringComparison.Ordinal);
        Assert.Equal(Files(fresh), Files(incremental));
    }

    [Fact]
    public async Task Given_unchanged_data_when_the_session_rebuilds_then_the_data_catalog_is_not_loaded_again()
    {
        WriteChartArticle("region,amount\nNA,10\nEMEA,20\n");
        await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);
        var stamp = SiteBuilder.CatalogStamp(_options.Resolve(), SalesInsights.Data.DataOptions.Default);
        var kept = _session.Keep<SalesInsights.Data.DataCatalog>(SiteBuilder.CatalogKey, stamp, () => throw new InvalidOperationException("the catalog was not kept"));

        await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);

        Assert.Same(kept, _session.Keep<SalesInsights.Data.DataCatalog>(SiteBuilder.CatalogKey, stamp, () => throw new InvalidOperationException("the catalog was reopened")));
        Assert.Null(kept.Query("SELECT 1").Error);
    }

    [Fact]
    public async Task Given_a_chart_never_drawn_when_a_provisional_build_runs_then_it_stands_as_a_note_and_the_next_build_makes_what_a_fresh_build_makes()
    {
        WriteChartArticle("region,amount\nNA,10\nEMEA,20\n");
        _session.Provisional = true;

        var quick = await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);

        Assert.True(quick.Succeeded);
        Assert.Equal(1, quick.ChartsDeferred);
        var page = Files(quick)["posts/by-region/index.html"];
        Assert.Contains("chart-pending", page, StringComparison.Ordinal);
        Assert.Contains("Bookings by region", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", page, StringComparison.Ordinal);

        _session.Provisional = false;
        var complete = await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);
        var fresh = await SiteBuilder.BuildAsync(_options, CancellationToken.None);

        Assert.Equal(0, complete.ChartsDeferred);
        // Only the page that waited for its chart is rendered again; the others were complete the first time.
        Assert.Equal("input/posts/by-region.md", Assert.Single(_session.LastBuild.ExecutedDocuments("RenderMarkdown")));
        Assert.Contains("<svg", Files(complete)["posts/by-region/index.html"], StringComparison.Ordinal);
        Assert.Equal(Files(fresh), Files(complete));
    }

    [Fact]
    public async Task Given_charts_in_the_cache_when_a_provisional_build_runs_then_nothing_is_left_out()
    {
        WriteChartArticle("region,amount\nNA,10\nEMEA,20\n");
        await SiteBuilder.BuildAsync(_options, CancellationToken.None);
        _session.Provisional = true;

        var quick = await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);

        Assert.Equal(0, quick.ChartsDeferred);
        Assert.Contains("<svg", Files(quick)["posts/by-region/index.html"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_picture_never_resized_when_a_provisional_build_runs_then_the_original_is_shown_and_the_next_build_makes_what_a_fresh_build_makes()
    {
        _site.Write("input/posts/photo/index.md", "---\ntitle: A Photo\ndate: 2025-01-05\n---\n\n![A gradient](photo.png)\n");
        File.WriteAllBytes(_site.PathOf("input/posts/photo/photo.png"), TestPictures.Gradient(1200, 600));
        _session.Provisional = true;

        var quick = await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);

        Assert.True(quick.Succeeded);
        Assert.Equal(1, quick.ImagesDeferred);
        var page = Files(quick)["posts/photo/index.html"];
        Assert.Contains("src=\"photo.png\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("srcset", page, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_site.Cache, "images")) && Directory.EnumerateFileSystemEntries(Path.Combine(_site.Cache, "images")).Any());

        _session.Provisional = false;
        var complete = await SiteBuilder.BuildAsync(_options, _session, CancellationToken.None);
        var fresh = await SiteBuilder.BuildAsync(_options, CancellationToken.None);

        Assert.Equal(0, complete.ImagesDeferred);
        Assert.Contains("srcset", Files(complete)["posts/photo/index.html"], StringComparison.Ordinal);
        Assert.Equal(Files(fresh), Files(complete));
    }
}
