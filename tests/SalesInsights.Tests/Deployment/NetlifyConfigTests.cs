using System.Text.RegularExpressions;
using SalesInsights.Site;
using SalesInsights.Tests.Support;
using Tomlyn;
using Tomlyn.Model;

namespace SalesInsights.Tests.Deployment;

public sealed partial class NetlifyConfigTests
{
    private static readonly TomlTable Config = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(Repository.Root, "netlify.toml")))!;

    private static TomlTable Table(TomlTable table, string key) => (TomlTable)table[key];

    private static string Command(string context) => (string)Table(Table(Config, "context"), context)["command"];

    private static TomlTable HeadersFor(string path) =>
        ((TomlTableArray)Config["headers"]).Single(h => (string)h["for"] == path) is var rule ? (TomlTable)rule["values"] : throw new InvalidOperationException();

    [Fact]
    public void The_build_publishes_the_output_folder()
    {
        Assert.Equal("output", Table(Config, "build")["publish"]);
    }

    [Fact]
    public void The_build_installs_the_sdk_pinned_in_global_json_into_a_local_folder_and_builds_with_the_site_url()
    {
        var command = (string)Table(Config, "build")["command"];

        Assert.Contains("dotnet-install.sh", command, StringComparison.Ordinal);
        Assert.Contains("--jsonfile global.json", command, StringComparison.Ordinal);
        Assert.Contains("--install-dir ./.dotnet", command, StringComparison.Ordinal);
        Assert.Contains("dotnet run -c Release --project src/SalesInsights -- build --base-url \"$URL\"", command, StringComparison.Ordinal);
        Assert.DoesNotContain("--drafts", command, StringComparison.Ordinal);
        Assert.Equal(command, Command("production"));
    }

    [Theory]
    [InlineData("deploy-preview")]
    [InlineData("branch-deploy")]
    public void Previews_build_with_drafts_from_their_own_url(string context)
    {
        var command = Command(context);

        Assert.EndsWith("build --base-url \"$DEPLOY_PRIME_URL\" --drafts", command.Trim(), StringComparison.Ordinal);
        Assert.Contains("--jsonfile global.json", command, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_is_one_shell_line_once_toml_joins_its_continuation_lines()
    {
        foreach (var command in new[] { (string)Table(Config, "build")["command"], Command("production"), Command("deploy-preview"), Command("branch-deploy") })
        {
            Assert.DoesNotContain('\n', command.Trim());
        }
    }

    [Fact]
    public void Every_page_gets_the_security_headers()
    {
        var headers = HeadersFor("/*");

        var csp = (string)headers["Content-Security-Policy"];
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["X-Content-Type-Options"]);
        Assert.Equal("strict-origin-when-cross-origin", headers["Referrer-Policy"]);
        Assert.Contains("camera=()", (string)headers["Permissions-Policy"], StringComparison.Ordinal);
        Assert.False(headers.ContainsKey("Cache-Control"), "a Cache-Control on /* would also match the fingerprinted assets");
    }

    [Theory]
    [InlineData("/assets/*.css")]
    [InlineData("/assets/*.js")]
    public void Fingerprinted_assets_are_cached_for_a_year(string path)
    {
        Assert.Equal("public, max-age=31536000, immutable", HeadersFor(path)["Cache-Control"]);
    }

    [Fact]
    public async Task Every_page_of_the_real_site_satisfies_the_content_security_policy()
    {
        var options = new BuildOptions
        {
            InputDirectory = Path.Combine(Repository.Root, "input"),
            ThemeDirectory = Repository.Theme,
            DryRun = true,
            IncludeDrafts = true,
        };

        var result = await SiteBuilder.BuildAsync(options, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var pages = result.Outputs.Values.SelectMany(d => d).Where(d => d.Destination?.EndsWith(".html", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var html = page.Text;
            Assert.False(InlineScript().IsMatch(html), $"{page.Destination} has an inline script");
            Assert.False(StyleElement().IsMatch(html), $"{page.Destination} has a <style> element (style-src 'self')");
            Assert.False(StyleAttribute().IsMatch(html), $"{page.Destination} has a style attribute (style-src 'self')");
            Assert.False(EventHandler().IsMatch(html), $"{page.Destination} has an inline event handler");
            foreach (Match loaded in LoadedResource().Matches(html))
            {
                var url = loaded.Groups["url"].Value;
                Assert.True(url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal),
                    $"{page.Destination} loads {url} from another origin");
            }
        }
    }

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();

    [GeneratedRegex(@"<[a-z][^>]*\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    /// <summary>What the browser fetches by itself: images, scripts, stylesheets (links to other sites are fine).</summary>
    [GeneratedRegex(@"<(?:img|script|source|iframe)[^>]*\ssrc=""(?<url>[^""]*)""|<link[^>]*rel=""stylesheet""[^>]*href=""(?<url>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex LoadedResource();
}
