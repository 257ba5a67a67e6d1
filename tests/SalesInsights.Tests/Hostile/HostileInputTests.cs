using SalesInsights.Cli;

namespace SalesInsights.Tests.Hostile;

/// <summary>
/// Input written as an attacker or a careless writer would, one test per class of problem: each build is refused
/// (exit code 1) with an error at the file and line to fix, publishes nothing it should not, and leaves the
/// previous output byte for byte as it was.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly HostileSite _site = new();

    public void Dispose() => _site.Dispose();

    /// <summary>Builds the clean site, applies <paramref name="attack"/>, builds again: refused, previous output intact, nothing leaked.</summary>
    private async Task<string> RefusedAsync(Action<HostileSite> attack)
    {
        var before = await _site.BuildCleanAsync();
        attack(_site);

        var (exit, printed) = await _site.BuildAsync();

        Assert.True(exit == ExitCodes.ContentErrors, printed);
        Assert.Equal(before, _site.OutputFiles());
        _site.AssertNothingLeaked();
        return printed;
    }

    [Theory]
    [InlineData("input/posts/passwd.md")]
    [InlineData("input/pages/secret.md")]
    [InlineData("input/data/secret.csv")]
    [InlineData("input/static/secret.txt")]
    [InlineData("input/assets/css/secret.css")]
    [InlineData("input/layouts/post.html")]
    [InlineData("input/partials/secret.html")]
    public async Task A_file_that_links_outside_the_site_is_refused_at_its_path_and_never_published(string link)
    {
        var printed = await RefusedAsync(site => site.Link(link, site.SecretFile));

        _site.AssertErrorAt(printed, link, 1, "SI0005");
    }

    [Theory]
    [InlineData("input/static/linked")]
    [InlineData("input/posts/linked")]
    [InlineData("input/assets/linked")]
    public async Task A_folder_that_links_outside_the_site_is_refused_once_and_nothing_under_it_is_read(string link)
    {
        File.WriteAllText(Path.Combine(_site.Outside, "post.md"), $"---\ntitle: {HostileSite.Secret}\ndate: 2025-01-01\n---\n{HostileSite.Secret}\n");

        var printed = await RefusedAsync(site => site.Link(link, site.Outside));

        _site.AssertErrorAt(printed, link, 1, "SI0005");
    }

    [Fact]
    public async Task A_link_to_a_link_that_leaves_the_site_is_followed_to_its_end_and_refused()
    {
        var printed = await RefusedAsync(site => site
            .Link("input/data/hop.csv", site.SecretFile)
            .Link("input/data/entry.csv", site.PathOf("input/data/hop.csv")));

        _site.AssertErrorAt(printed, "input/data/entry.csv", 1, "SI0005");
        _site.AssertErrorAt(printed, "input/data/hop.csv", 1, "SI0005");
    }

    [Fact]
    public async Task A_link_inside_the_site_is_read_like_the_file_it_names()
    {
        await _site.BuildCleanAsync();
        _site.Link("input/data/alias.csv", _site.PathOf("input/data/deals.csv"));

        var (exit, printed) = await _site.BuildAsync();

        Assert.True(exit == ExitCodes.Success, printed);
        Assert.True(File.Exists(Path.Combine(_site.Output, "data", "alias.csv")));
    }

    [Theory]
    [InlineData("WITH x AS (SELECT 1) UPDATE deals SET amount = amount * 10 RETURNING 1")]
    [InlineData("WITH x AS (SELECT 1)\nDELETE FROM deals WHERE status = 'won' RETURNING 1")]
    [InlineData("CREATE TEMP VIEW deals AS SELECT 99 AS n")]
    [InlineData("SELECT 1 AS n; UPDATE deals SET status = 'won'")]
    [InlineData("SET memory_limit = '64GB'")]
    public async Task Sql_that_would_change_the_data_for_other_articles_is_refused_at_its_block(string sql)
    {
        var printed = await RefusedAsync(site => site.Write("input/posts/attack.md", $"---\ntitle: Attack\ndate: 2025-01-02\n---\n\nIntro.\n\n```sql name=x\n{sql}\n```\n\nValue {{{{ q.x.n }}}}.\n"));

        _site.AssertErrorAt(printed, "input/posts/attack.md", 9, "SI306");
    }

    [Fact]
    public async Task A_query_that_would_run_for_ever_is_stopped_at_the_limit_site_yml_sets_and_named_at_its_line()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var printed = await RefusedAsync(site => site
            .Write("input/site.yml", "title: Test Site\nbase_url: https://example.org\nauthor: Test Author\ndata:\n  query_timeout: 1\n")
            .Write("input/posts/slow.md", "---\ntitle: Slow\ndate: 2025-01-02\n---\n\n{{ q.slow.n }}\n\n```sql name=slow\nSELECT count(*) AS n FROM range(1000000000000)\n```\n"));

        _site.AssertErrorAt(printed, "input/posts/slow.md", 9, "SI306");
        Assert.Contains("longer than 1 s", printed, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Settings_that_name_folders_publish_no_folder_of_the_build_machine()
    {
        await _site.BuildCleanAsync();
        _site.Write("input/posts/paths.md", "---\ntitle: Paths\ndate: 2025-01-02\n---\n\n{{ q.p.home }} {{ q.p.ext }} {{ q.p.secrets }} {{ q.p.temp }}\n\n```sql name=p\n"
            + "SELECT current_setting('home_directory') AS home, current_setting('extension_directory') AS ext, current_setting('secret_directory') AS secrets, current_setting('temp_directory') AS temp\n```\n");

        var (exit, printed) = await _site.BuildAsync();

        Assert.True(exit == ExitCodes.Success, printed);
        _site.AssertNothingLeaked();
        var page = File.ReadAllText(Path.Combine(_site.Output, "posts", "paths", "index.html"));
        Assert.DoesNotContain(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + "/", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deal_id,region,amount,status\n1,EMEA,1200.5,won\n2,AMER\n", 3)]
    [InlineData("deal_id,region,amount,status\n1,EMEA,1200.5,won\n2,\"AMER,300,lost\n", 3)]
    [InlineData("", 1)]
    [InlineData("deal_id,region,amount,status\n", 1)]
    public async Task A_broken_csv_is_an_error_at_its_line_and_its_queries_add_no_follow_on_errors(string csv, int line)
    {
        var printed = await RefusedAsync(site => site.Write("input/data/deals.csv", csv));

        _site.AssertErrorAt(printed, "input/data/deals.csv", line, "SI301");
        Assert.DoesNotContain("input/posts/neighbour.md", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_in_windows_1252_is_an_error_naming_its_line_until_site_yml_names_the_encoding()
    {
        byte[] export = [.. "deal_id,region,amount,status\n1,EMEA,1200.5,won\n2,S"u8, 0xE3, .. "o Paulo,300,lost\n3,APAC,700,won\n"u8];
        var printed = await RefusedAsync(site => site.WriteBytes("input/data/deals.csv", export));
        _site.AssertErrorAt(printed, "input/data/deals.csv", 3, "SI301");
        Assert.Contains("windows-1252", printed, StringComparison.Ordinal);

        _site.Write("input/site.yml", "title: Test Site\nbase_url: https://example.org\nauthor: Test Author\ndata:\n  datasets:\n    deals: { encoding: windows-1252 }\n");
        var (exit, fixedOutput) = await _site.BuildAsync();

        Assert.True(exit == ExitCodes.Success, fixedOutput);
    }

    [Theory]
    [InlineData(new byte[] { 0x2D, 0x2D, 0x2D, 0x0A, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0x58, 0x0A, 0x2D, 0x2D, 0x2D, 0x0A, 0x4A, 0x6F, 0x73, 0xE9, 0x0A }, 4, "not UTF-8")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00 }, 3, "binary")]
    [InlineData(new byte[] { 0x61, 0x0A, 0x62, 0x0A, 0xC3, 0x28 }, 3, "not UTF-8")]
    public async Task An_article_that_is_not_utf8_text_is_an_error_at_the_line_of_its_first_bad_byte(byte[] bytes, int line, string expected)
    {
        var printed = await RefusedAsync(site => site.WriteBytes("input/posts/bad.md", bytes));

        _site.AssertErrorAt(printed, "input/posts/bad.md", line, "SI0006");
        Assert.Contains(expected, printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var printed = await RefusedAsync(site => site.Write("input/posts/huge.md", "---\ntitle: Huge\ndate: 2025-01-02\n---\n" + new string('x', 9 * 1024 * 1024)));

        _site.AssertErrorAt(printed, "input/posts/huge.md", 1, "SI0007");
    }

    private static string Article(string body, string frontMatter = "") => $"---\ntitle: Hostile\ndate: 2025-01-02\n{frontMatter}---\n\nIntro.\n\n{body}\n";

    [Theory]
    [InlineData("a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n", 7)]
    [InlineData("lol: &l {a: 1, b: 2, c: 3, d: 4}\nx: &x [*l, *l, *l, *l, *l, *l, *l, *l]\ny: &y [*x, *x, *x, *x, *x, *x, *x, *x]\nz: &z [*y, *y, *y, *y, *y, *y, *y, *y]\nw: [*z, *z, *z, *z, *z, *z, *z, *z]\n", 8)]
    public async Task A_yaml_alias_bomb_in_front_matter_is_refused_at_its_line_in_well_under_a_second(string yaml, int line)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var printed = await RefusedAsync(site => site.Write("input/posts/bomb.md", "---\ntitle: Bomb\ndate: 2025-01-02\n" + yaml + "---\nBody.\n"));

        _site.AssertErrorAt(printed, "input/posts/bomb.md", line, "SI0101");
        Assert.Contains("alias", printed, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Yaml_nested_past_the_depth_limit_is_refused_at_its_line()
    {
        var printed = await RefusedAsync(site => site.Write("input/posts/deep.md", "---\ntitle: Deep\ndate: 2025-01-02\ntags: " + new string('[', 200) + new string(']', 200) + "\n---\nBody.\n"));

        _site.AssertErrorAt(printed, "input/posts/deep.md", 4, "SI0101");
    }

    [Fact]
    public async Task A_yaml_alias_bomb_in_a_chart_block_is_refused_at_the_blocks_line()
    {
        var printed = await RefusedAsync(site => site.Write("input/posts/bomb.md", Article(
            "```chart\ntitle: T\ntype: bar\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nsql: SELECT 1\n```")));

        Assert.Contains(printed.Split('\n'), l => l.StartsWith("input/posts/bomb.md:1", StringComparison.Ordinal) && l.Contains("error SI302", StringComparison.Ordinal) && l.Contains("alias", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_code_block_that_would_make_the_highlighter_backtrack_for_minutes_is_shown_plain_with_a_warning_at_its_line()
    {
        await _site.BuildCleanAsync();
        var strings = string.Join(",\n  ", Enumerable.Range(0, 6).Select(i => $"\"{new string((char)('a' + i), 40)} value\""));
        _site.Write("input/posts/json.md", Article($"```json\n{{\"causes\": [\n  {strings}\n]}}\n```"));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var (exit, printed) = await _site.BuildAsync();

        Assert.True(exit == ExitCodes.Success, printed);
        Assert.Contains(printed.Split('\n'), l => l.StartsWith("input/posts/json.md:8:1: warning SI0701", StringComparison.Ordinal));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        Assert.Contains("aaaaaaaaaa", File.ReadAllText(Path.Combine(_site.Output, "posts", "json", "index.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", 8, 1)]
    [InlineData("Text <script>alert(1)</script> inline.", 8, 6)]
    [InlineData("<img src=\"/x.png\" onerror=\"alert(1)\">", 8, 1)]
    [InlineData("<div>\n<p>fine</p>\n<svg onload=alert(1)></svg>\n</div>", 10, 1)]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", 8, 1)]
    [InlineData("<a href=\"java&#x09;script:alert(1)\">x</a>", 8, 1)]
    [InlineData("<a href=\" JAVASCRIPT:alert(1)\">x</a>", 8, 1)]
    [InlineData("[click](javascript:alert(document.cookie))", 8, 1)]
    [InlineData("[click](JaVa&#115;cript:alert(1))", 8, 1)]
    [InlineData("![pixel](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", 8, 1)]
    [InlineData("Look: <javascript:alert(1)>", 8, 7)]
    [InlineData("[ref]\n\n[ref]: vbscript:msgbox(1)", 8, 1)]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe>", 8, 1)]
    [InlineData("<object data=\"movie.swf\"></object>", 8, 1)]
    [InlineData("<embed src=\"movie.swf\">", 8, 1)]
    [InlineData("<form><button formaction=\"javascript:alert(1)\">x</button></form>", 8, 7)]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0; url=https://evil.example/\">", 8, 1)]
    [InlineData("<base href=\"https://evil.example/\">", 8, 1)]
    public async Task Active_content_in_an_article_is_refused_at_its_line_unless_the_site_opts_in(string body, int line, int column)
    {
        var printed = await RefusedAsync(site => site.Write("input/posts/active.md", Article(body)));

        Assert.Contains(printed.Split('\n'), l => l.StartsWith($"input/posts/active.md:{line}:{column}: error SI0702", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_site_that_opts_in_keeps_scripts_on_its_pages_but_its_feeds_never_carry_them()
    {
        _site.Write("input/site.yml", "title: Test Site\nbase_url: https://example.org\nauthor: Test Author\nmarkdown: { unsafe_html: true }\n")
            .Write("input/static/widget.js", "document.title = 'widget';\n")
            .Write("input/posts/embed.md", Article("<script src=\"/widget.js\"></script>\n\n<div onclick=\"go()\">Tap</div>\n\n[run](javascript:go())\n\n<iframe src=\"https://video.example/embed\"></iframe>"));

        var (exit, printed) = await _site.BuildAsync();

        Assert.True(exit == ExitCodes.Success, printed);
        var page = File.ReadAllText(Path.Combine(_site.Output, "posts", "embed", "index.html"));
        Assert.Contains("<script src=\"/widget.js\">", page, StringComparison.Ordinal);
        foreach (var feed in new[] { "feed.xml", "atom.xml" })
        {
            var xml = System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(_site.Output, feed)));
            Assert.Contains("Tap", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", xml, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onclick", xml, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", xml, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<iframe", xml, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("image: javascript:alert(1)")]
    [InlineData("image: \" data:image/png;base64,AAAA\"")]
    [InlineData("image: //evil.example/x.png")]
    [InlineData("image: \"/x.png\\\" onerror=\\\"alert(1)\"")]
    [InlineData("image: [a, b]")]
    public async Task A_front_matter_image_that_is_not_a_plain_url_is_refused_at_its_line(string line)
    {
        var printed = await RefusedAsync(site => site.Write("input/posts/cover.md", Article("Body.", line + "\n")));

        _site.AssertErrorAt(printed, "input/posts/cover.md", 4, "SI0108");
    }

    [Theory]
    [InlineData("[empty]()", 8, 1)]
    [InlineData("Intro <img src=\"/images/missing.png\" alt=\"x\"> here.", 8, 7)]
    [InlineData("<div>\n\n<a href='/posts/missing/'>x</a>\n\n</div>", 10, 1)]
    [InlineData("[café](/posts/café/)", 8, 1)]
    [InlineData("[spaced](</posts/a b/>)", 8, 1)]
    public async Task A_broken_link_is_reported_at_the_markdown_line_that_wrote_it_not_in_the_layout(string body, int line, int column)
    {
        var printed = await RefusedAsync(site => site.Write("input/posts/links.md", Article(body)));

        Assert.Contains(printed.Split('\n'), l => l.StartsWith($"input/posts/links.md:{line}:{column}: error SI0201", StringComparison.Ordinal));
        Assert.DoesNotContain("layout", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_slug_adds_no_broken_link_errors_to_its_own()
    {
        var printed = await RefusedAsync(site => site
            .Write("input/posts/one.md", "---\ntitle: One\ndate: 2025-01-02\nslug: same\n---\nSee [two](/posts/same/).\n")
            .Write("input/posts/two.md", "---\ntitle: Two\ndate: 2025-01-03\nslug: same\n---\nSee [one](/posts/same/).\n"));

        Assert.Contains("SI0105", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("SI0201", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_build_cancelled_midway_leaves_no_staging_folder_and_the_previous_output_intact()
    {
        var before = await _site.BuildCleanAsync();
        _site.Write("input/posts/slow.md", "---\ntitle: Slow\ndate: 2025-01-02\n---\n\n{{ q.slow.n }}\n\n```sql name=slow\nSELECT count(*) AS n FROM range(1000000000000)\n```\n");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        var (exit, printed) = await _site.BuildAsync(cancel.Token).ContinueWith(t => t.IsCanceled || t.IsFaulted ? (-1, t.Exception?.ToString() ?? "cancelled") : t.Result);

        Assert.NotEqual(ExitCodes.Success, exit);
        Assert.Equal(before, _site.OutputFiles());
        Assert.Empty(Directory.GetDirectories(_site.Root, ".output.*"));
        Assert.False(File.Exists(Path.Combine(_site.Root, ".output.lock")), printed);
    }

    [Fact]
    public async Task Staging_folders_and_a_lock_left_by_a_killed_build_are_cleared_by_the_next_build()
    {
        await _site.BuildCleanAsync();
        Directory.CreateDirectory(Path.Combine(_site.Root, ".output.staging-0123456789abcdef", "posts"));
        Directory.CreateDirectory(Path.Combine(_site.Root, ".output.old-fedcba9876543210"));
        File.WriteAllText(Path.Combine(_site.Root, ".output.lock"), "999999\n1\n");

        await _site.BuildCleanAsync();

        Assert.Empty(Directory.GetDirectories(_site.Root, ".output.*"));
        Assert.False(File.Exists(Path.Combine(_site.Root, ".output.lock")));
    }

    [Fact]
    public async Task Two_builds_into_one_output_take_turns_and_the_second_says_it_waits()
    {
        await _site.BuildCleanAsync();
        using var held = await SalesInsights.Site.OutputLock.AcquireAsync(_site.Output, null, CancellationToken.None);
        var second = _site.BuildAsync();

        await Task.Delay(1500);
        Assert.False(second.IsCompleted);
        held.Dispose();
        var (exit, printed) = await second;

        Assert.True(exit == ExitCodes.Success, printed);
        Assert.Contains("waiting for another build", printed, StringComparison.Ordinal);
    }
}
