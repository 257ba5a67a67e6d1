using System.Xml.Linq;
using SalesInsights.Site;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Site;

/// <summary>The repository's own sample site (built once per run, <see cref="SampleSite"/>), checked as a reader and a feed reader would.</summary>
public sealed class SampleSiteTests : IAsyncLifetime
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private BuiltSite _site = null!;

    public async Task InitializeAsync() => _site = await SampleSite.GetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static IEnumerable<(string Slug, string Text)> SourcePosts() => Directory.EnumerateFiles(Path.Combine(Repository.Input, "posts"), "*.md")
        .Select(f => (Path.GetFileNameWithoutExtension(f), File.ReadAllText(f)));

    private static bool IsDraft(string text) => text.Split("---")[1].Contains("draft: true", StringComparison.Ordinal);

    [Fact]
    public void The_sample_site_builds_without_any_diagnostic()
    {
        Assert.True(_site.Result.Succeeded, string.Join('\n', _site.Result.Diagnostics));
        Assert.Empty(_site.Result.Diagnostics);
    }

    [Fact]
    public void The_about_page_and_the_chart_gallery_are_linked_from_the_navigation_of_every_page()
    {
        foreach (var page in new[] { "index.html", "posts/big-deals-take-longer/index.html", "dashboard/index.html" })
        {
            var nav = _site.Read(page).Split("<nav class=\"site-nav\"")[1].Split("</nav>")[0];
            Assert.Contains("href=\"/about/\"", nav, StringComparison.Ordinal);
            Assert.Contains("href=\"/charts/\"", nav, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_article_claims_an_update_or_a_contributor_that_its_history_does_not_show()
    {
        // The sample repository's commits are by one seed identity that neither site.yml nor a .mailmap names.
        var history = SalesInsights.Git.GitHistory.Read(Repository.Input, CancellationToken.None);
        foreach (var post in _site.Result.Outputs[SitePipelines.Posts])
        {
            Assert.DoesNotContain("Contributors:", post.Text, StringComparison.Ordinal);
            var revised = history.Find(Path.Combine(Repository.Root, post.Source!))?.TextRevised;
            var published = post.Get<DateTimeOffset>(Keys.Date);
            Assert.Equal(revised > published ? revised : null, post.Get<DateTimeOffset?>(Keys.Updated));
        }
    }

    [Fact]
    public void Every_published_article_has_its_page_and_drafts_have_none()
    {
        var posts = SourcePosts().ToList();
        Assert.Contains(posts, p => IsDraft(p.Text));
        foreach (var (slug, text) in posts)
        {
            Assert.Equal(!IsDraft(text), File.Exists(Path.Combine(_site.Output, "posts", slug, "index.html")));
        }
    }

    [Fact]
    public void Each_tag_page_lists_exactly_the_articles_with_that_tag()
    {
        var published = _site.Result.Outputs[SitePipelines.Posts].Select(PostSummary.From).ToList();
        var tags = published.SelectMany(p => p.Tags).Distinct().ToList();
        Assert.NotEmpty(tags);
        foreach (var tag in tags)
        {
            var html = string.Concat(Directory.EnumerateFiles(Path.Combine(_site.Output, "tags", Slugs.From(tag)), "index.html", SearchOption.AllDirectories).Select(File.ReadAllText));
            foreach (var post in published)
            {
                Assert.Equal(post.Tags.Contains(tag), html.Contains($"href=\"{post.Url}\"", StringComparison.Ordinal));
            }
        }
        Assert.Contains("href=\"/tags/", _site.Read("tags/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_rss_feed_is_well_formed_and_lists_every_published_article_newest_first()
    {
        var rss = XDocument.Parse(_site.Read("feed.xml"));
        var links = rss.Descendants("item").Select(i => (string)i.Element("link")!).ToList();
        var expected = _site.Result.Outputs[SitePipelines.Posts].Select(PostSummary.From).OrderByDescending(p => p.Date).Select(p => "https://salesinsights.netlify.app" + p.Url).ToList();
        Assert.Equal(expected, links);
        Assert.All(rss.Descendants("item"), i => Assert.False(string.IsNullOrWhiteSpace((string?)i.Element("description"))));
    }

    [Fact]
    public void The_atom_feed_is_well_formed_with_an_entry_per_article_and_absolute_links_in_content()
    {
        var atom = XDocument.Parse(_site.Read("atom.xml"));
        var entries = atom.Root!.Elements(Atom + "entry").ToList();
        Assert.Equal(_site.Result.Outputs[SitePipelines.Posts].Length, entries.Count);
        Assert.All(entries, e => Assert.StartsWith("https://", (string)e.Element(Atom + "id")!, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => ((string)e.Element(Atom + "content")!).Contains("href=\"/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_sitemap_lists_every_page_but_the_404()
    {
        var locations = XDocument.Parse(_site.Read("sitemap.xml")).Descendants(Sitemap + "loc").Select(l => (string)l).ToHashSet();
        var pages = Directory.EnumerateFiles(_site.Output, "index.html", SearchOption.AllDirectories)
            .Select(f => "https://salesinsights.netlify.app/" + Path.GetRelativePath(_site.Output, f).Replace("index.html", "", StringComparison.Ordinal).Replace('\\', '/'))
            .ToHashSet();
        Assert.Equal(pages.Order(), locations.Order());
        Assert.DoesNotContain(locations, l => l.Contains("404", StringComparison.Ordinal));
        Assert.Contains("Sitemap: https://salesinsights.netlify.app/sitemap.xml", _site.Read("robots.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_internal_link_of_every_page_resolves_to_a_file_of_the_output()
    {
        var checkedLinks = 0;
        foreach (var file in Directory.EnumerateFiles(_site.Output, "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(file);
            foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"(/[^\"#?]*)"))
            {
                var path = Uri.UnescapeDataString(match.Groups[1].Value).TrimStart('/');
                var target = Path.Combine(_site.Output, path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path);
                Assert.True(File.Exists(target) || File.Exists(Path.Combine(target, "index.html")), $"{Path.GetRelativePath(_site.Output, file)} links to missing /{path}");
                checkedLinks++;
            }
        }
        Assert.True(checkedLinks > 100, $"only {checkedLinks} links were checked");
    }

    [Fact]
    public void The_stylesheet_name_carries_a_content_hash()
    {
        var css = Directory.EnumerateFiles(Path.Combine(_site.Output, "assets", "css")).Select(Path.GetFileName).ToList();
        Assert.Contains(css, f => System.Text.RegularExpressions.Regex.IsMatch(f!, @"^site\.[0-9a-f]{10}\.css$"));
        Assert.Contains("/assets/css/site.", _site.Read("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_page_has_canonical_and_open_graph_meta_a_toc_and_neighbours()
    {
        var newest = _site.Result.Outputs[SitePipelines.Posts].Select(PostSummary.From).OrderBy(p => p.Date).Skip(1).First();
        var html = _site.Read(newest.Url.TrimStart('/') + "index.html");
        Assert.Contains($"<link rel=\"canonical\" href=\"https://salesinsights.netlify.app{newest.Url}\"", html, StringComparison.Ordinal);
        Assert.Contains("property=\"og:type\" content=\"article\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"heading-anchor\"", html, StringComparison.Ordinal);
        Assert.Contains("min read", html, StringComparison.Ordinal);
    }
}
