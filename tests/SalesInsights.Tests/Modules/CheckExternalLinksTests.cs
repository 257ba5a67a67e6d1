using Microsoft.AspNetCore.Http;
using SalesInsights.Cli;
using SalesInsights.Links;
using SalesInsights.Pipeline;
using SalesInsights.Site;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Modules;

/// <summary>External link checking against a pretend other site on loopback: never the internet.</summary>
public sealed class CheckExternalLinksTests : IAsyncLifetime
{
    private LoopbackServer _other = null!;

    public async Task InitializeAsync() => _other = await LoopbackServer.StartAsync(async context =>
    {
        switch (context.Request.Path.Value)
        {
            case "/ok":
                context.Response.StatusCode = 200;
                break;
            case "/moved":
                context.Response.Redirect("/ok");
                break;
            case "/no-head" when HttpMethods.IsHead(context.Request.Method):
                context.Response.StatusCode = 405;
                break;
            case "/no-head":
                context.Response.StatusCode = 200;
                break;
            case "/slow":
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                break;
            case "/busy":
                context.Response.StatusCode = 503;
                break;
            default:
                context.Response.StatusCode = 404;
                break;
        }
    });

    public async Task DisposeAsync() => await _other.DisposeAsync();

    private string Url(string path) => new Uri(_other.Address, path).ToString();

    /// <summary>A generous time limit by default: the suite shares two cores with a browser and a JVM, and only the slow-server test is about time.</summary>
    private static Task<BuildResult> BuildAsync(TestSite site, bool checkExternal = true, double timeoutSeconds = 20) =>
        SiteBuilder.BuildAsync(site.Options() with { CheckExternalLinks = checkExternal, ExternalLinkTimeout = TimeSpan.FromSeconds(timeoutSeconds) }, CancellationToken.None);

    [Theory]
    [InlineData(new[] { "build" }, false)]
    [InlineData(new[] { "build", "--check-external" }, true)]
    [InlineData(new[] { "--check-external" }, true)]
    public void The_build_command_checks_external_links_only_when_asked(string[] args, bool expected) =>
        Assert.Equal(expected, BuildCommand.OptionsFrom(CliApp.Create().Parse(args)).CheckExternalLinks);

    [Fact]
    public async Task Without_the_flag_the_build_never_asks_another_site()
    {
        using var site = new TestSite().Post("a", "A", body: $"[gone]({Url("gone")})");
        var result = await BuildAsync(site, checkExternal: false);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Equal(0, _other.Hits("/gone"));
    }

    [Fact]
    public async Task A_dead_external_link_fails_the_build_at_the_markdown_line_that_wrote_it()
    {
        using var site = new TestSite().Post("a", "A", body: $"Fine.\n\nSee [the study]({Url("gone")}) and [this]({Url("ok")}).");
        var result = await BuildAsync(site);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((Severity.Error, "SI0202", "input/posts/a.md", 9), (error.Severity, error.Code, error.Path, error.Line));
        Assert.Contains($"broken external link '{Url("gone")}': the server answered 404", error.Message, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Redirects_servers_that_refuse_head_and_fragments_are_not_false_alarms()
    {
        using var site = new TestSite().Post("a", "A", body: $"[moved]({Url("moved")}), [get only]({Url("no-head")}), [anchor]({Url("ok")}#part)");
        var result = await BuildAsync(site);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task A_slow_server_is_a_warning_after_the_time_limit_not_an_error_and_not_a_stall()
    {
        using var site = new TestSite().Post("a", "A", body: $"[slow]({Url("slow")})");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await BuildAsync(site, timeoutSeconds: 1.5);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((Severity.Warning, "SI0203"), (warning.Severity, warning.Code));
        Assert.Contains("no answer within 1.5 s", warning.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"the slow link (30 s) held the build for {watch.Elapsed}");
    }

    [Fact]
    public async Task A_server_error_is_a_warning_not_an_error()
    {
        using var site = new TestSite().Post("a", "A", body: $"[busy]({Url("busy")})");
        var result = await BuildAsync(site);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((Severity.Warning, "SI0203"), (warning.Severity, warning.Code));
        Assert.Contains("the server answered 503", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Good_answers_are_cached_on_disk_and_broken_ones_are_asked_again()
    {
        using var site = new TestSite().Post("a", "A", body: $"[ok]({Url("ok")}) and [gone]({Url("gone")})");
        await BuildAsync(site);
        Assert.True(File.Exists(Path.Combine(site.Root, ".cache", ExternalLinkCache.FileName)));
        await BuildAsync(site);
        Assert.Equal(1, _other.Hits("/ok"));
        Assert.Equal(2, _other.Hits("/gone"));
    }

    [Fact]
    public async Task A_corrupt_cache_file_is_treated_as_empty()
    {
        using var site = new TestSite().Post("a", "A", body: $"[ok]({Url("ok")})").Write($".cache/{ExternalLinkCache.FileName}", "{ not json");
        var result = await BuildAsync(site);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Equal(1, _other.Hits("/ok"));
    }
}
