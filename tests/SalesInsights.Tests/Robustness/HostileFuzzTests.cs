using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using SalesInsights.Charts;
using SalesInsights.Site;
using SalesInsights.Tests.Hostile;

namespace SalesInsights.Tests.Robustness;

/// <summary>
/// A bounded fuzz run over hostile front matter, chart YAML, SQL blocks, raw HTML and CSV files: whatever comes,
/// the build ends within its limits with positioned errors (never a crash), and publishes nothing from outside the
/// site. <c>dotnet test</c> runs a few cases; <c>.ci/run</c> runs more, within a fixed time, through
/// <c>SI_FUZZ_RUNS</c> and <c>SI_FUZZ_SECONDS</c>. A failure prints the case and FsCheck's seed to replay it.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class HostileFuzzTests
{
    private static int Runs(int local) => int.TryParse(Environment.GetEnvironmentVariable("SI_FUZZ_RUNS"), out var runs) && runs > 0 ? runs : local;

    private static TimeSpan Budget => TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("SI_FUZZ_SECONDS"), out var seconds) && seconds > 0 ? seconds : 60);

    /// <summary>Checks <paramref name="property"/> on batches of generated cases until <paramref name="runs"/> are done or the time budget is spent.</summary>
    private static void Fuzz<T>(Gen<T> generator, int runs, Func<T, bool> property)
    {
        var watch = Stopwatch.StartNew();
        var done = 0;
        while (done < runs && watch.Elapsed < Budget)
        {
            var batch = Math.Min(10, runs - done);
            Prop.ForAll(generator.ToArbitrary(), property).Check(Config.QuickThrowOnFailure.WithMaxTest(batch).WithQuietOnSuccess(true));
            done += batch;
        }
        Assert.True(done > 0, "the fuzz run tried no case");
    }

    [Fact]
    public void Hostile_yaml_is_read_or_refused_at_a_line_within_a_second()
    {
        Fuzz(HostileInputs.Yaml(), Runs(200), yaml =>
        {
            var watch = Stopwatch.StartNew();
            var frontMatter = FrontMatter.Parse("---\n" + yaml + "---\nBody\n", out var error);
            var problems = new List<ChartProblem>();
            ChartSpecParser.Parse(yaml, problems);
            var lines = yaml.Split('\n').Length + 3;
            if (watch.Elapsed > TimeSpan.FromSeconds(1))
            {
                throw new InvalidOperationException($"took {watch.Elapsed}:\n{yaml}");
            }
            return (error is null ? frontMatter.Lines.Values.All(l => l >= 1 && l <= lines) : error.Line >= 1 && error.Line <= lines)
                && problems.All(p => p.Message.Length > 0 && p.Position.Line < lines);
        });
    }

    [Fact]
    public void A_hostile_site_builds_or_is_refused_with_positioned_errors_and_never_publishes_what_lies_outside()
    {
        Fuzz(HostileInputs.Cases(), Runs(8), hostile =>
        {
            using var site = new HostileSite();
            site.Write("input/site.yml", "title: Fuzz\nbase_url: https://example.org\nauthor: Fuzz\ndata:\n  query_timeout: 2\n  memory_limit: 256MB\n")
                .Write("input/posts/hostile.md", hostile.Article)
                .WriteBytes("input/data/deals.csv", hostile.Csv)
                .Link("input/data/outside.csv", site.SecretFile);
            var watch = Stopwatch.StartNew();
            var (exit, printed) = site.BuildAsync().GetAwaiter().GetResult();

            var lines = printed.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal) || l.Contains(": warning ", StringComparison.Ordinal)).ToList();
            if (printed.Contains("error SI0001", StringComparison.Ordinal) || watch.Elapsed > TimeSpan.FromSeconds(60)
                || lines.Any(l => !System.Text.RegularExpressions.Regex.IsMatch(l, @"^input/[^:]+:\d+:\d+: (error|warning) SI\d+: ")))
            {
                throw new InvalidOperationException($"{hostile}\n→ exit {exit} after {watch.Elapsed}:\n{printed}");
            }
            site.AssertNothingLeaked();
            // The link to a file outside the site is always there, so no build may succeed.
            return exit == 1 && printed.Contains("input/data/outside.csv:1:1: error SI0005", StringComparison.Ordinal);
        });
    }
}
