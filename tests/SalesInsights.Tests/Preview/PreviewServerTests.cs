using System.Net;
using SalesInsights.Cli;
using SalesInsights.Preview;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Preview;

/// <summary>A real preview on a free loopback port, serving a temporary copy of a tiny site.</summary>
public sealed class PreviewServerTests : IAsyncLifetime, IDisposable
{
    private const string OverlayElement = $"id=\"{ErrorOverlay.ElementId}\"";

    private readonly TestSite _site = new TestSite(copyTheme: true).WithArticles();
    private readonly StringWriter _log = new();
    private PreviewServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        // The repository's own netlify.toml beside the input folder, as in a real site: the preview sends its headers.
        _site.Write("netlify.toml", File.ReadAllText(Path.Combine(Repository.Root, "netlify.toml")));
        var log = TextWriter.Synchronized(_log);
        _server = new PreviewServer(
            new PreviewOptions { InputDirectory = _site.Input, ThemeDirectory = _site.Theme, Port = 0, OpenBrowser = false },
            new ConsoleReporter(log, log, interactive: false));
        await _server.StartAsync(CancellationToken.None);
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.Address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _site.Dispose();
    }

    /// <summary>xUnit calls this after <see cref="DisposeAsync"/>; the log is the last thing a failing test reads.</summary>
    public void Dispose() => _log.Dispose();

    private Task<string> GetTextAsync(string path) => _http.GetStringAsync(path);

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Given_a_site_when_a_page_is_requested_then_it_is_served_as_html_with_the_reload_script_and_no_caching()
    {
        using var response = await _http.GetAsync("/posts/first-deal/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-cache", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The First Deal", html, StringComparison.Ordinal);
        Assert.Contains(LiveReload.ScriptPath, html, StringComparison.Ordinal);
        Assert.Contains(LiveReload.EventsPath, await GetTextAsync(LiveReload.ScriptPath), StringComparison.Ordinal);
        Assert.StartsWith(_server.Address.GetLeftPart(UriPartial.Authority), _server.Site.Options.BaseUrl!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_site_when_the_home_page_and_an_asset_are_requested_then_both_have_their_content_types()
    {
        var home = await GetTextAsync("/");
        var css = _server.Site.Snapshot.Assets["css/site.css"];

        using var response = await _http.GetAsync(css);

        Assert.Contains(css, home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain(LiveReload.ScriptPath, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_draft_when_it_is_requested_then_it_is_served_with_the_draft_banner()
    {
        var html = await GetTextAsync("/posts/unfinished/");

        Assert.Contains("preview-banner", html, StringComparison.Ordinal);
        Assert.Contains("Draft", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_clean_url_without_its_slash_when_requested_then_it_redirects_to_the_folder()
    {
        using var response = await _http.GetAsync("/posts/first-deal?x=1");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/posts/first-deal/?x=1", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Given_a_missing_page_when_requested_then_the_theme_404_page_is_served_with_status_404()
    {
        var (status, body) = await GetAsync("/posts/no-such-article/");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("not-found", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/../input/site.yml")]
    [InlineData("/posts/../../input/site.yml")]
    [InlineData("/%2e%2e/input/site.yml")]
    [InlineData("/%2E%2E/%2e%2e/etc/passwd")]
    [InlineData("/posts/..%2f..%2finput%2fsite.yml")]
    [InlineData("/posts%2ffirst-deal%2findex.html")]
    [InlineData("/..%5c..%5cinput%5csite.yml")]
    [InlineData("//etc/passwd")]
    [InlineData("/C:/Windows/win.ini")]
    [InlineData("/.git/config")]
    [InlineData("/assets/.hidden")]
    [InlineData("/%2e/index.html")]
    public async Task Given_a_path_that_leaves_the_site_when_requested_then_the_answer_is_404(string target)
    {
        Assert.Equal(404, await RawHttp.StatusOfAsync(_server.Address, target));
    }

    [Fact]
    public async Task Given_a_served_article_when_its_file_is_saved_then_the_new_content_is_served_soon()
    {
        Assert.DoesNotContain("Freshly edited", await GetTextAsync("/posts/second-call/"), StringComparison.Ordinal);

        _site.Post("second-call", "The Second Call", "2025-02-20", "[pipeline]", "Freshly edited body.");

        await Eventually.ReturnsAsync(() => GetTextAsync("/posts/second-call/"), html => html.Contains("Freshly edited", StringComparison.Ordinal), "the edited article");
    }

    [Fact]
    public async Task Given_an_open_event_stream_when_an_article_is_saved_then_a_reload_event_names_the_changed_page()
    {
        using var response = await _http.GetAsync(LiveReload.EventsPath, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("event: hello", await NextEventAsync(reader));
        await Eventually.ReturnsAsync(() => Task.FromResult(_server.Hub.Clients), n => n > 0, "the subscription");

        _site.Post("first-deal", "The First Deal", "2025-01-10", "[quota, pipeline]", "Edited while watched.");

        string? data = null;
        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line == "event: reload")
            {
                data = await reader.ReadLineAsync(timeout.Token);
                break;
            }
        }
        Assert.NotNull(data);
        Assert.Contains("posts/first-deal/index.html", data, StringComparison.Ordinal);
    }

    private static async Task<string?> NextEventAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                return line;
            }
        }
        return null;
    }

    [Fact]
    public async Task Given_broken_front_matter_when_saved_then_pages_show_the_overlay_over_the_last_good_build_and_it_goes_when_fixed()
    {
        var good = File.ReadAllText(_site.PathOf("input/posts/first-deal.md"));

        _site.Write("input/posts/first-deal.md", "---\ntitle: \"Broken\ndate: [2025\n---\n\nBody.\n");

        var broken = await Eventually.ReturnsAsync(() => GetTextAsync("/posts/first-deal/"), html => html.Contains(OverlayElement, StringComparison.Ordinal), "the error overlay");
        Assert.Matches(@"input/posts/first-deal\.md:\d+:\d+", broken);
        Assert.Contains("The First Deal", broken, StringComparison.Ordinal); // the last good page underneath
        Assert.Contains("input/posts/first-deal.md:", _log.ToString(), StringComparison.Ordinal);

        _site.Write("input/posts/first-deal.md", good.Replace("The first deal always takes longest.", "Fixed again.", StringComparison.Ordinal));

        var fixedPage = await Eventually.ReturnsAsync(() => GetTextAsync("/posts/first-deal/"), html => html.Contains("Fixed again.", StringComparison.Ordinal), "the fixed article");
        Assert.DoesNotContain(OverlayElement, fixedPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_article_when_it_is_deleted_then_its_page_is_gone_from_the_site()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/posts/second-call/")).Status);

        File.Delete(_site.PathOf("input/posts/second-call.md"));

        await Eventually.ReturnsAsync(async () => (await GetAsync("/posts/second-call/")).Status, s => s == HttpStatusCode.NotFound, "the deleted article's 404");
    }

    [Fact]
    public async Task Given_one_edited_article_when_the_site_rebuilds_then_only_that_article_is_rendered_again()
    {
        var before = _server.Site.Session.Builds;

        _site.Post("second-call", "The Second Call", "2025-02-20", "[pipeline]", "Only this one changes.");

        await Eventually.ReturnsAsync(() => GetTextAsync("/posts/second-call/"), html => html.Contains("Only this one changes.", StringComparison.Ordinal), "the edited article");
        var activity = _server.Site.Session.LastBuild;
        Assert.True(activity.Build > before);
        Assert.Equal("input/posts/second-call.md", Assert.Single(activity.ExecutedDocuments("RenderMarkdown")));
        Assert.Equal(3, activity.Reused("RenderMarkdown")); // two articles and the page
        // Its neighbour shows its summary in "related", so it is laid out again; the page lists no articles, so it is not.
        Assert.DoesNotContain("input/pages/about.md", activity.ExecutedDocuments("ApplyLayout"));
        Assert.Equal(1, activity.Executed("ParseFrontMatter"));
    }

    [Fact]
    public async Task Given_a_stylesheet_when_it_changes_then_a_css_event_swaps_it_without_a_reload()
    {
        var oldCss = _server.Site.Snapshot.Assets["css/site.css"];
        using var response = await _http.GetAsync(LiveReload.EventsPath, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("event: hello", await NextEventAsync(reader));
        await Eventually.ReturnsAsync(() => Task.FromResult(_server.Hub.Clients), n => n > 0, "the subscription");

        File.AppendAllText(Path.Combine(_site.Theme, "assets", "css", "site.css"), "\n.test-added { color: red; }\n");

        Assert.Equal("event: css", await NextEventAsync(reader));
        var data = await reader.ReadLineAsync();
        Assert.Contains(oldCss, data, StringComparison.Ordinal);
        Assert.Contains(_server.Site.Snapshot.Assets["css/site.css"], data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_port_in_use_when_a_second_preview_starts_then_it_fails_with_a_suggestion()
    {
        await using var second = new PreviewServer(
            new PreviewOptions { InputDirectory = _site.Input, ThemeDirectory = _site.Theme, Port = _server.Address.Port, OpenBrowser = false },
            new ConsoleReporter(TextWriter.Null, TextWriter.Null, interactive: false));

        var error = await Assert.ThrowsAsync<PreviewUnavailableException>(() => second.StartAsync(CancellationToken.None));

        Assert.Contains("already in use", error.Message, StringComparison.Ordinal);
        Assert.Contains($"--port {_server.Address.Port + 1}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:5080")]
    [InlineData("127.0.0.1.evil.example")]
    [InlineData("localhost.evil.example")]
    [InlineData("10.0.0.1")]
    public async Task A_request_naming_another_host_is_refused_so_a_rebinding_page_cannot_read_the_preview(string host)
    {
        Assert.Equal(403, await RawHttp.StatusOfAsync(_server.Address, "/posts/unfinished/", host));
        Assert.Equal(403, await RawHttp.StatusOfAsync(_server.Address, LiveReload.EventsPath, host));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.2")]
    [InlineData("[::1]")]
    [InlineData("LOCALHOST")]
    public async Task A_request_naming_a_loopback_host_is_served(string host)
    {
        Assert.Equal(200, await RawHttp.StatusOfAsync(_server.Address, "/posts/first-deal/", $"{host}:{_server.Address.Port}"));
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_of_netlify_toml_adapted_to_http_on_loopback()
    {
        var expected = NetlifyHeaders.ForEveryPage();
        foreach (var path in new[] { "/posts/first-deal/", "/nowhere/", "/feed.xml", LiveReload.ScriptPath })
        {
            using var response = await _http.GetAsync(path);
            foreach (var (name, value) in expected)
            {
                Assert.True(response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values), $"{path} has no {name}");
                Assert.Equal(value, Assert.Single(values!));
            }
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        }
    }

    [Fact]
    public async Task The_previews_own_script_and_error_panel_need_nothing_the_sites_csp_refuses()
    {
        _site.Write("input/posts/broken.md", "---\ntitle: Broken\n---\nNo date.\n");
        var html = await Eventually.ReturnsAsync(() => GetTextAsync("/posts/first-deal/"), h => h.Contains(OverlayElement, StringComparison.Ordinal), "the error overlay");

        Assert.DoesNotContain(" style=\"", html[html.IndexOf(OverlayElement, StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain(" onclick=", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html);
        Assert.Contains("#si-preview-overlay", await GetTextAsync(ErrorOverlay.StylePath), StringComparison.Ordinal);
    }
}
