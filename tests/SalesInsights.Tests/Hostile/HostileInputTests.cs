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
}
