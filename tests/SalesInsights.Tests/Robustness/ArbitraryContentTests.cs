using FsCheck;
using FsCheck.Xunit;
using SalesInsights.Pipeline;
using SalesInsights.Site;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Robustness;

/// <summary>
/// Whatever a writer types, the build answers with a site or with positioned diagnostics: never an unhandled
/// exception (which the engine would turn into SI0001 "… failed") and never a diagnostic without a place to look.
/// Runs are bounded (a fixed number of small cases) so the suite stays quick on a shared machine.
/// </summary>
public sealed class ArbitraryContentTests
{
    [Property(Arbitrary = [typeof(SiteInputs)], MaxTest = 300, QuietOnSuccess = true)]
    public bool Front_matter_parsing_never_throws_and_errors_point_at_a_line_of_the_file(string text)
    {
        var parsed = FrontMatter.Parse(text, out var error);
        var lines = text.Split('\n').Length;
        return error is null
            ? parsed.Lines.Values.All(line => line >= 1 && line <= lines)
            : error.Line >= 1 && error.Line <= lines + 1 && error.Column >= 1 && error.Message.Length > 0;
    }

    [Property(Arbitrary = [typeof(SiteInputs)], MaxTest = 100, QuietOnSuccess = true)]
    public async Task<bool> Any_article_builds_or_yields_positioned_diagnostics_without_crashing(PostSource post)
    {
        using var site = new TestSite();
        site.Post("neighbour", "A neighbour", body: "Links to [home](/).")
            .Write("input/data/deals.csv", "deal_id,region,amount,status\n1,EMEA,1200.5,won\n2,AMER,300,lost\n3,APAC,,open\n");
        site.Write(Path.Combine("input", "posts", post.FileName), post.Text);
        var result = await site.BuildAsync(dryRun: true);

        var crashes = result.Diagnostics.Where(d => d.Code == "SI0001").ToList();
        var unplaced = result.Diagnostics.Where(d => d.Line < 1 || d.Column < 1 || string.IsNullOrWhiteSpace(d.Path) || d.Path.StartsWith('(')).ToList();
        if (crashes.Count > 0 || unplaced.Count > 0)
        {
            throw new InvalidOperationException($"{post}\n→ " + string.Join("\n→ ", crashes.Concat(unplaced)));
        }
        return result.Succeeded || result.Diagnostics.Any(d => d.Severity == Severity.Error);
    }
}
