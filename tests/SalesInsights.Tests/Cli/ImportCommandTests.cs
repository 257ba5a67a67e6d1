using SalesInsights.Cli;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Cli;

/// <summary>
/// <c>import hugo</c> and <c>import jekyll</c> over throw-away sites laid out as each generator lays them out, then
/// built: what the import carries over is published where it should be, and what it does not is named with its
/// file and line.
/// </summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly TemporaryFolder _old = new("si-old-site-");
    private readonly TestSite _site = new();

    public ImportCommandTests() => File.Delete(_site.PathOf("input/site.yml"));

    public void Dispose()
    {
        _site.Dispose();
        _old.Dispose();
    }

    private void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_old.PathOf(path))!);
        File.WriteAllText(_old.PathOf(path), text);
    }

    private void Picture(string path, int width = 1000, int height = 500)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_old.PathOf(path))!);
        File.WriteAllBytes(_old.PathOf(path), TestPictures.Gradient(width, height));
    }

    private async Task<(int Exit, string Output, string Errors)> ImportAsync(string generator, bool force = false)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await ImportCommand.RunAsync(new ImportOptions(generator, _old.Root, _site.Input, Repository.Theme, force), new ConsoleReporter(output, errors, interactive: false), CancellationToken.None);
        return (exit, output.ToString(), errors.ToString());
    }

    private void HugoSite()
    {
        Write("hugo.toml", "baseURL = \"https://example.org/\"\ntitle = \"Old Hugo Blog\"\ntheme = \"ananke\"\npaginate = 7\n[params]\n  author = \"Ann Lee\"\n[taxonomies]\n  tag = \"tags\"\n  series = \"series\"\n");
        Write("content/_index.md", "---\ntitle: Welcome\n---\n\nWelcome to the blog.\n");
        Write("content/posts/_index.md", "+++\ntitle = \"Posts\"\n+++\n");
        Write("content/posts/quota-math/index.md", "+++\ntitle = \"Quota math\"\ndate = 2024-03-01T10:00:00-05:00\nseries = [\"basics\"]\n+++\n\nIntro.\n\n![A chart of quota](chart.png)\n\n{{% notice %}}Careful{{% /notice %}}\n");
        Picture("content/posts/quota-math/chart.png");
        Write("content/posts/2023/loose.md", "---\ntitle: Loose\ndate: 2023-05-06\n---\n\n![A loose chart](loose-chart.png)\n");
        Picture("content/posts/2023/loose-chart.png");
        Write("content/about.md", "---\ntitle: About\n---\n\n![The logo](/images/logo.png)\n");
        Picture("static/images/logo.png", 64, 64);
        Write("data/deals.csv", "region,amount\nEMEA,10\n");
        Write("data/menu.yaml", "a: 1\n");
        Write("layouts/index.html", "<html></html>\n");
    }

    [Fact]
    public async Task A_hugo_site_is_imported_into_this_layout_and_builds_with_its_bundles_pictures_and_settings()
    {
        HugoSite();

        var (exit, output, errors) = await ImportAsync(ImportCommand.Hugo);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("Imported 2 article(s), 2 page(s)", output, StringComparison.Ordinal);
        var settings = File.ReadAllText(_site.PathOf("input/site.yml"));
        Assert.Contains("title: \"Old Hugo Blog\"", settings, StringComparison.Ordinal);
        Assert.Contains("base_url: \"https://example.org\"", settings, StringComparison.Ordinal);
        Assert.Contains("author: \"Ann Lee\"", settings, StringComparison.Ordinal);
        Assert.Contains("posts_per_page: 7", settings, StringComparison.Ordinal);
        Assert.Contains("taxonomies: { series: series }", settings, StringComparison.Ordinal);
        Assert.True(File.Exists(_site.PathOf("input/posts/quota-math/chart.png")));
        Assert.True(File.Exists(_site.PathOf("input/posts/2023/loose-chart.png")));
        Assert.True(File.Exists(_site.PathOf("input/static/images/logo.png")));
        Assert.True(File.Exists(_site.PathOf("input/data/deals.csv")));
        Assert.Contains("Welcome to the blog.", File.ReadAllText(_site.PathOf("input/pages/welcome.md")), StringComparison.Ordinal);
        // What was not carried over is named where it was written in the old site.
        Assert.Contains("hugo.toml:3:1: warning SI0802: setting 'theme' is not imported", errors, StringComparison.Ordinal);
        Assert.Contains("data/menu.yaml:1:1: warning SI0802: not imported", errors, StringComparison.Ordinal);
        Assert.Contains("layouts:1:1: warning SI0802: not imported (1 file(s))", errors, StringComparison.Ordinal);
        Assert.Contains("content/posts/_index.md:1:1: warning SI0805: not imported: the list page of section 'posts'", errors, StringComparison.Ordinal);
        // And what the build cannot honour in the imported files, at their lines.
        Assert.Contains("posts/quota-math/index.md:11:1: warning SI0704: the Hugo shortcode {{% notice %}}", errors, StringComparison.Ordinal);

        var result = await _site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Contains("srcset=", _site.Read("posts/quota-math/index.html"), StringComparison.Ordinal);
        Assert.True(_site.Exists("posts/quota-math/chart.png"));
        Assert.True(_site.Exists("posts/loose/loose-chart.png"));
        Assert.True(_site.Exists("series/basics/index.html"));
        Assert.True(_site.Exists("about/index.html"));
        Assert.True(_site.Exists("images/logo.png"));
        Assert.Contains(">1 March 2024</time>", _site.Read("posts/quota-math/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_jekyll_site_is_imported_with_its_posts_drafts_pages_and_assets_and_builds()
    {
        Write("_config.yml", "title: Old Jekyll Blog\nurl: https://example.org\nbaseurl: /blog\nauthor:\n  name: Bob Roy\npermalink: /:year/:title/\nplugins: [jekyll-feed]\n");
        Write("_posts/2024-01-02-first-deal.markdown", "---\nlayout: post\ntitle: \"The first deal\"\ncategories: [sales]\n---\n\n![A photo](/assets/img/photo.png)\n\n{% include note.html %}\n");
        Write("_posts/2024-02-03-unicode.md", "---\ntitle: \"Ça coûte — 日本語\"\n---\n\nText.\n");
        Write("_drafts/unfinished.md", "---\ntitle: Unfinished\n---\n\nSoon.\n");
        Write("about.md", "---\ntitle: About\npermalink: /about-us/\n---\n\nAbout.\n");
        Write("index.html", "---\nlayout: home\n---\n");
        Write("feed.xml", "---\n---\n<feed></feed>\n");
        Picture("assets/img/photo.png");
        Write("_layouts/post.html", "{{ content }}\n");
        Write("_data/regions.csv", "region\nEMEA\n");

        var (exit, output, errors) = await ImportAsync(ImportCommand.Jekyll);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("Imported 3 article(s), 1 page(s)", output, StringComparison.Ordinal);
        Assert.Contains("base_url: \"https://example.org/blog\"", File.ReadAllText(_site.PathOf("input/site.yml")), StringComparison.Ordinal);
        Assert.Contains("author: \"Bob Roy\"", File.ReadAllText(_site.PathOf("input/site.yml")), StringComparison.Ordinal);
        Assert.StartsWith("---\ndraft: true\ndate: ", File.ReadAllText(_site.PathOf("input/posts/unfinished.md")), StringComparison.Ordinal);
        Assert.Contains("_config.yml:6:1: warning SI0802: setting 'permalink' is not imported", errors, StringComparison.Ordinal);
        Assert.Contains("feed.xml:1:1: warning SI0804: not imported", errors, StringComparison.Ordinal);
        Assert.Contains("_layouts:1:1: warning SI0802: not imported (1 file(s))", errors, StringComparison.Ordinal);
        Assert.Contains("_drafts/unfinished.md:1:1: warning SI0806: a draft", errors, StringComparison.Ordinal);
        Assert.Contains("posts/2024-01-02-first-deal.markdown:9:1: warning SI0704: the Liquid tag {% include note.html %}", errors, StringComparison.Ordinal);

        var result = await _site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Contains(">2 January 2024</time>", _site.Read("posts/first-deal/index.html"), StringComparison.Ordinal);
        Assert.True(_site.Exists("assets/img/photo.png"));
        Assert.True(_site.Exists("categories/sales/index.html"));
        Assert.True(_site.Exists("posts/unicode/index.html"));
        Assert.Contains("<h1 class=\"post-title p-name\">Ça coûte — 日本語</h1>", System.Net.WebUtility.HtmlDecode(_site.Read("posts/unicode/index.html")), StringComparison.Ordinal);
        Assert.True(_site.Exists("about-us/index.html"));
        Assert.False(_site.Exists("posts/unfinished/index.html"));
    }

    [Fact]
    public async Task An_import_over_existing_files_writes_nothing_unless_forced_and_then_keeps_site_yml_s_other_keys()
    {
        HugoSite();
        _site.Write("input/site.yml", "# The site\ntitle: Mine\nmarkdown: { unsafe_html: false }\n");
        _site.Write("input/posts/2023/loose.md", "---\ntitle: Mine\ndate: 2020-01-01\n---\n\nMine.\n");

        var (exit, _, errors) = await ImportAsync(ImportCommand.Hugo);

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("posts/2023/loose.md already exists", errors, StringComparison.Ordinal);
        Assert.Contains("site.yml already exists", errors, StringComparison.Ordinal);
        Assert.Contains("Mine.", File.ReadAllText(_site.PathOf("input/posts/2023/loose.md")), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_site.PathOf("input/posts/quota-math")));

        var (forced, _, _) = await ImportAsync(ImportCommand.Hugo, force: true);

        Assert.Equal(ExitCodes.Success, forced);
        Assert.Contains("title: Loose", File.ReadAllText(_site.PathOf("input/posts/2023/loose.md")), StringComparison.Ordinal);
        Assert.Equal("# The site\ntitle: \"Old Hugo Blog\"\nmarkdown: { unsafe_html: false }\nbase_url: \"https://example.org\"\nauthor: \"Ann Lee\"\nposts_per_page: 7\ntaxonomies: { series: series }\n",
            File.ReadAllText(_site.PathOf("input/site.yml")));
    }

    [Fact]
    public async Task A_link_in_the_old_site_that_leads_out_of_it_is_named_and_never_read()
    {
        HugoSite();
        using var outside = new TemporaryFolder();
        File.WriteAllText(outside.PathOf("secret.md"), "---\ntitle: Secret\ndate: 2024-01-01\n---\n\nSecret.\n");
        File.CreateSymbolicLink(_old.PathOf("content/posts/secret.md"), outside.PathOf("secret.md"));

        var (_, _, errors) = await ImportAsync(ImportCommand.Hugo);

        Assert.Contains("content/posts/secret.md:1:1: warning SI0801: not imported: it resolves to", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(_site.PathOf("input/posts/secret.md")));
    }

    [Fact]
    public async Task An_input_folder_inside_the_old_site_is_refused()
    {
        HugoSite();
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await ImportCommand.RunAsync(new ImportOptions(ImportCommand.Hugo, _old.Root, _old.PathOf("input"), Repository.Theme, Force: false), new ConsoleReporter(output, errors, interactive: false), CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.False(Directory.Exists(_old.PathOf("input")));
    }
}
