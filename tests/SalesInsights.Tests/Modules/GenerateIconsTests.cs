using System.Text.Json;
using SalesInsights.Modules;
using SalesInsights.Tests.Imaging;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Modules;

public sealed class GenerateIconsTests : IDisposable
{
    private readonly TestSite _site = new TestSite().WithArticles();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Every_built_site_has_a_favicon_and_every_page_names_its_icons_and_manifest()
    {
        var result = await _site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.True(_site.Exists(GenerateIcons.Ico));
        Assert.True(_site.Exists(GenerateIcons.Svg));
        Assert.Equal((180, 180), PngHeader.Size(File.ReadAllBytes(Path.Combine(_site.Output, GenerateIcons.AppleTouch))));
        var page = _site.Read("posts/first-deal/index.html");
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">", page, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">", page, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"manifest\" href=\"/site.webmanifest\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_manifest_names_the_site_and_lists_icons_that_exist_at_their_stated_size()
    {
        await _site.BuildAsync();

        using var manifest = JsonDocument.Parse(_site.Read(GenerateIcons.Manifest));
        var root = manifest.RootElement;
        Assert.Equal("Test Site", root.GetProperty("name").GetString());
        Assert.Equal("/", root.GetProperty("start_url").GetString());
        var icons = root.GetProperty("icons").EnumerateArray().ToList();
        Assert.Contains(icons, i => i.GetProperty("purpose").GetString() == "maskable");
        Assert.All(icons, icon =>
        {
            var size = int.Parse(icon.GetProperty("sizes").GetString()!.Split('x')[0], System.Globalization.CultureInfo.InvariantCulture);
            var file = File.ReadAllBytes(Path.Combine(_site.Output, icon.GetProperty("src").GetString()!.TrimStart('/')));
            Assert.Equal((size, size), PngHeader.Size(file));
        });
    }

    [Fact]
    public async Task A_site_under_a_base_path_names_its_icons_within_it()
    {
        using var site = new TestSite("title: Test\nbase_url: https://example.org/blog\n");
        site.Post("a");

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        using var manifest = JsonDocument.Parse(site.Read(GenerateIcons.Manifest));
        Assert.Equal("/blog/", manifest.RootElement.GetProperty("start_url").GetString());
        Assert.StartsWith("/blog/icons/", manifest.RootElement.GetProperty("icons")[0].GetProperty("src").GetString(), StringComparison.Ordinal);
        Assert.Contains("href=\"/blog/favicon.ico\"", site.Read("posts/a/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_favicon_of_the_site_own_replaces_the_drawn_one()
    {
        _site.Write("input/static/favicon.ico", "the site's own icon");

        var result = await _site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Equal("the site's own icon", _site.Read(GenerateIcons.Ico));
    }

    [Fact]
    public async Task A_second_build_takes_the_icons_from_the_cache_instead_of_drawing_them_again()
    {
        await _site.BuildAsync();
        var cached = Directory.EnumerateFiles(Path.Combine(_site.Cache, "icons"), "*.png", SearchOption.AllDirectories).ToList();
        var written = cached.ToDictionary(f => f, File.GetLastWriteTimeUtc);

        await _site.BuildAsync();

        Assert.NotEmpty(cached);
        Assert.All(cached, f => Assert.Equal(written[f], File.GetLastWriteTimeUtc(f)));
    }
}
