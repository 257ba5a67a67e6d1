using System.Text.Json;
using SalesInsights.Cli;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Cli;

public sealed class CheckCommandTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private async Task<(int Exit, string Output, string Errors)> CheckAsync(string format = CheckCommand.Text)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var reporter = new ConsoleReporter(output, errors, interactive: false);
        var exit = await CheckCommand.RunAsync(new CheckOptions(_site.Input, _site.Theme, format), reporter, CancellationToken.None);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task A_clean_site_passes_and_nothing_is_written()
    {
        _site.Post("fine", body: "See [the other one](/posts/other/).");
        _site.Post("other");

        var (exit, output, errors) = await CheckAsync();

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Empty(errors);
        Assert.Contains("no errors", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_site.Output));
        Assert.Empty(Directory.GetDirectories(_site.Root, ".output*"));
    }

    [Theory]
    [InlineData("---\ntitle: T\ndate: 2024-01-01\n  bad: indent\n---\nBody\n", "input/posts/broken.md:4:6: error SI0101:")]
    [InlineData("---\ndate: 2024-01-01\n---\nBody\n", "input/posts/broken.md:1:1: error SI0102:")]
    [InlineData("---\ntitle: T\ndate: someday\n---\nBody\n", "input/posts/broken.md:3:1: error SI0103:")]
    [InlineData("---\ntitle: T\ndate: 2024-01-01\nlayout: nowhere\n---\nBody\n", "input/posts/broken.md:4:1: error SI0104:")]
    [InlineData("---\ntitle: T\ndate: 2024-01-01\n---\n\nIntro.\n\nSee [this](/posts/missing/).\n", "input/posts/broken.md:8:5: error SI0201:")]
    [InlineData("---\ntitle: T\ndate: 2024-01-01\nredirect_from: old/\n---\nBody\n", "input/posts/broken.md:4:16: error SI0601:")]
    public async Task Each_kind_of_error_is_printed_at_its_position_and_fails_the_check(string article, string expected)
    {
        _site.Post("fine");
        _site.Write("input/posts/broken.md", article);

        var (exit, output, errors) = await CheckAsync();

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains(errors.Split('\n'), line => line.StartsWith(expected, StringComparison.Ordinal));
        Assert.Contains("Check failed", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_site.Output));
    }

    [Fact]
    public async Task Every_claim_is_listed_with_its_values_and_one_that_does_not_hold_fails_the_check_at_its_line()
    {
        _site.Write("input/data/sales.csv", "region,amount\nNA,10\nEMEA,30\n");
        const string Query = "```sql name=regions\nSELECT region, sum(amount) AS total FROM sales GROUP BY 1 ORDER BY 1\n```\n\n";
        _site.Post("holds", body: Query + "EMEA sells most{{ claim 'EMEA' is largest in q.regions.total by 100% }}.");
        _site.Post("fails", body: Query + "NA sells more{{ claim q.regions.total['NA'] > q.regions.total['EMEA'] }}.");

        var (exit, output, errors) = await CheckAsync();

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("input/posts/holds.md:11:16: claim holds: 'EMEA' is largest in q.regions.total by 100% ('EMEA' is 30, the largest of the others is 'NA' at 10 (by 100%: 10))", output, StringComparison.Ordinal);
        Assert.Contains("input/posts/fails.md:11:14: error SI321: The claim 'q.regions.total['NA'] > q.regions.total['EMEA']' does not hold: q.regions.total['NA'] is 10, q.regions.total['EMEA'] is 30.", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_draft_fails_the_check_although_production_would_leave_it_out()
    {
        _site.Post("fine");
        _site.Post("draft", extra: "draft: true\nlayout: nowhere\n");

        var (exit, _, errors) = await CheckAsync();

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("input/posts/draft.md:6:1: error SI0104:", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_article_linking_to_a_draft_fails_the_check()
    {
        _site.Post("draft", extra: "draft: true\n");
        _site.Post("fine", body: "Read [the draft](/posts/draft/).");

        var (exit, _, errors) = await CheckAsync();

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("input/posts/fine.md:", errors, StringComparison.Ordinal);
        Assert.Contains("SI0201", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_format_is_an_array_of_positioned_diagnostics_and_nothing_else()
    {
        _site.Post("fine");
        _site.Write("input/posts/broken.md", "---\ntitle: T\ndate: 2024-01-01\nlayout: nowhere\n---\nBody\n");

        var (exit, output, _) = await CheckAsync(CheckCommand.Json);

        Assert.Equal(ExitCodes.ContentErrors, exit);
        using var json = JsonDocument.Parse(output);
        var diagnostic = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("input/posts/broken.md", diagnostic.GetProperty("path").GetString());
        Assert.Equal(4, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(1, diagnostic.GetProperty("column").GetInt32());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal("SI0104", diagnostic.GetProperty("code").GetString());
        Assert.Contains("nowhere", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_format_of_a_clean_site_is_an_empty_array()
    {
        _site.Post("fine");

        var (exit, output, _) = await CheckAsync(CheckCommand.Json);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(output).RootElement.ValueKind);
        Assert.Equal(0, JsonDocument.Parse(output).RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData(new[] { "check", "--format", "json", "--input", "x", "--theme", "y" }, 0)]
    [InlineData(new[] { "check", "--format", "xml" }, 1)]
    public void The_command_line_accepts_only_the_known_formats(string[] args, int errors)
    {
        Assert.Equal(errors, CliApp.Create().Parse(args).Errors.Count);
    }
}
