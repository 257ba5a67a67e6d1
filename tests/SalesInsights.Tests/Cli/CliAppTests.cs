using SalesInsights.Cli;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Cli;

[Collection("Console")]
public sealed class CliAppTests
{
    private static async Task<(int Code, string Out, string Error)> Run(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (await CliApp.RunAsync(args), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    [Fact]
    public async Task A_good_build_exits_with_zero_and_prints_a_summary()
    {
        using var site = new TestSite();
        site.Post("a", "A");
        var (code, output, _) = await Run("build", "--input", site.Input, "--theme", Repository.Theme, "--output", site.Output);
        Assert.Equal(0, code);
        Assert.Matches(@"Built \d+ pages \(\d+ files\) into .* in \d+\.\d\d s", output);
    }

    [Fact]
    public async Task A_profiled_build_prints_each_module_what_each_per_document_module_allocated_and_the_slowest_documents()
    {
        using var site = new TestSite();
        site.Post("a", "A").Post("b", "B");
        var (code, output, _) = await Run("build", "--input", site.Input, "--theme", Repository.Theme, "--output", site.Output, "--profile");

        Assert.Equal(0, code);
        Assert.Matches(@"posts\s+Process\s+\(phase\)\s+\d+\.\d ms\s+2", output);
        Assert.Matches(@"\n\s+RenderMarkdown\s+\d+\.\d ms\s+2", output);
        Assert.Contains("Allocated by per-document modules", output, StringComparison.Ordinal);
        Assert.Matches(@"\nRenderMarkdown\s+\d+ MiB\s+2 documents\s+[1-9]\d* KiB each", output);
        Assert.Matches(@"\nApplyLayout\s+\d+ MiB\s+\d+ documents\s+[1-9]\d* KiB each", output);
        Assert.Matches(@"Slowest documents[^\n]*\n\s+\d+\.\d ms\s+\S+", output);
    }

    [Fact]
    public async Task A_profiled_build_prints_what_went_into_datasets_queries_and_charts()
    {
        using var site = new TestSite();
        site.Write("input/data/deals.csv", "region,amount\nNA,10\nEMEA,20\n");
        site.Write("input/posts/a.md", "---\ntitle: A\ndate: 2025-01-01\n---\n" +
            "```chart\ntitle: Bookings by region\ntype: bar\nsql: SELECT region, sum(amount) AS bookings FROM deals GROUP BY 1 ORDER BY 1\n```\n");
        var (code, output, _) = await Run("build", "--input", site.Input, "--theme", Repository.Theme, "--output", site.Output, "--profile");

        Assert.Equal(0, code);
        Assert.Matches(@"Data: 1 datasets loaded in \d+\.\d ms; [1-9]\d* queries ran for \d+\.\d ms, 0 answered from the query store; 1 charts drawn in \d+\.\d ms", output);

        var (again, warm, _) = await Run("build", "--input", site.Input, "--theme", Repository.Theme, "--output", site.Output, "--profile");

        Assert.Equal(0, again);
        Assert.Matches(@"Data: 1 datasets not loaded \(no query needed them\); 0 queries ran for 0\.0 ms, \d+ answered from the query store; 0 charts drawn in 0\.0 ms \(their queries included\), 1 taken from the cache", warm);
    }

    [Fact]
    public async Task With_no_command_the_site_is_built()
    {
        using var site = new TestSite();
        site.Post("a", "A");
        var (code, _, _) = await Run("--input", site.Input, "--theme", Repository.Theme, "--output", site.Output);
        Assert.Equal(0, code);
        Assert.True(site.Exists("posts/a/index.html"));
    }

    [Fact]
    public async Task Content_errors_exit_with_one_and_print_one_line_per_problem()
    {
        using var site = new TestSite();
        site.Write("input/posts/a.md", "---\ndate: 2025-01-01\n---\n").Write("input/posts/b.md", "---\ntitle: B\n---\n");
        var (code, output, error) = await Run("build", "--input", site.Input, "--theme", Repository.Theme, "--output", site.Output);
        Assert.Equal(1, code);
        Assert.Equal(2, error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("input/posts/a.md:1:1: error SI0102", error, StringComparison.Ordinal);
        Assert.Contains("previous output was left as it was", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_option_is_a_usage_error_with_exit_code_two()
    {
        var (code, _, error) = await Run("build", "--no-such-option");
        Assert.Equal(2, code);
        Assert.Contains("--no-such-option", error, StringComparison.Ordinal);
    }
}
