using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Modules;

public sealed class CopyBundleFilesTests
{
    [Fact]
    public async Task A_page_bundle_is_published_at_its_folders_name_with_every_file_beside_it()
    {
        using var site = new TestSite();
        site.Write("input/posts/quota-math/index.md", "---\ntitle: Quota math\ndate: 2025-01-01\n---\n\n![A chart of quota](picture.png)\n\n[The workbook](files/workbook.csv)\n");
        File.WriteAllBytes(site.PathOf("input/posts/quota-math/picture.png"), TestPictures.Gradient(40, 20));
        site.Write("input/posts/quota-math/files/workbook.csv", "a,b\n1,2\n");
        site.Write("input/posts/quota-math/notes.md", "# Notes for the writer, not published\n");

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        Assert.True(site.Exists("posts/quota-math/index.html"));
        Assert.Equal(File.ReadAllBytes(site.PathOf("input/posts/quota-math/picture.png")), File.ReadAllBytes(Path.Combine(site.Output, "posts/quota-math/picture.png")));
        Assert.Equal("a,b\n1,2\n", site.Read("posts/quota-math/files/workbook.csv"));
        Assert.False(site.Exists("posts/quota-math/notes.md"));
        Assert.False(site.Exists("posts/index/index.html"));
    }

    [Fact]
    public async Task A_bundle_follows_its_slug_and_a_drafts_files_stay_unpublished()
    {
        using var site = new TestSite();
        site.Write("input/posts/old-name/index.md", "---\ntitle: Renamed\ndate: 2025-01-01\nslug: new-name\n---\n\n![A picture](picture.png)\n");
        File.WriteAllBytes(site.PathOf("input/posts/old-name/picture.png"), TestPictures.Gradient(40, 20));
        site.Write("input/posts/unfinished/index.md", "---\ntitle: Unfinished\ndate: 2025-01-01\ndraft: true\n---\n\nText.\n");
        site.Write("input/posts/unfinished/secret.png", "secret");

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        Assert.True(site.Exists("posts/new-name/picture.png"));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "posts", "unfinished")));
    }

    [Fact]
    public async Task A_picture_missing_from_a_bundle_is_a_broken_link_at_its_line()
    {
        using var site = new TestSite();
        site.Write("input/posts/quota-math/index.md", "---\ntitle: Quota math\ndate: 2025-01-01\n---\n\n![A chart](missing.png)\n");

        var error = Assert.Single((await site.BuildAsync()).Diagnostics);

        Assert.Equal(("input/posts/quota-math/index.md", 6), (error.Path, error.Line));
    }

    [Fact]
    public async Task A_single_file_articles_picture_beside_it_is_published_beside_its_page_and_resized()
    {
        using var site = new TestSite();
        site.Write("input/posts/2024/quota-math.md", "---\ntitle: Quota math\ndate: 2025-01-01\n---\n\n![A chart of quota](quota-math-chart.png)\n");
        File.WriteAllBytes(site.PathOf("input/posts/2024/quota-math-chart.png"), TestPictures.Gradient(1000, 500));
        File.WriteAllBytes(site.PathOf("input/posts/2024/unused.png"), TestPictures.Gradient(40, 20));

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        Assert.Equal(File.ReadAllBytes(site.PathOf("input/posts/2024/quota-math-chart.png")), File.ReadAllBytes(Path.Combine(site.Output, "posts/quota-math/quota-math-chart.png")));
        Assert.Contains("srcset=", site.Read("posts/quota-math/index.html"), StringComparison.Ordinal);
        Assert.False(site.Exists("posts/quota-math/unused.png"));
    }

    [Fact]
    public async Task A_single_file_article_publishes_nothing_outside_its_folder()
    {
        using var site = new TestSite();
        site.Write("input/posts/a.md", "---\ntitle: A\ndate: 2025-01-01\n---\n\n[settings](../site.yml)\n");

        await site.BuildAsync();

        Assert.False(site.Exists("posts/site.yml"));
        Assert.False(site.Exists("site.yml"));
    }
}
