using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SalesInsights.Charts;

namespace SalesInsights.Tests.Robustness;

/// <summary>
/// Chart YAML fed straight to its parser: problems with codes and positions, never exceptions. (Chart blocks and
/// inline values inside whole articles are covered by <see cref="ArbitraryContentTests"/>.)
/// </summary>
public sealed class ChartInputTests
{
    public static class Inputs
    {
        public static Arbitrary<string> ChartYaml() => SiteInputs.ChartYaml().ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Inputs)], MaxTest = 300, QuietOnSuccess = true)]
    public bool Chart_yaml_parsing_never_throws_and_every_problem_has_a_code_and_a_place_in_the_block(string yaml)
    {
        var problems = new List<ChartProblem>();
        var spec = ChartSpecParser.Parse(yaml, problems);
        var lines = yaml.Split('\n').Length;
        return (spec is not null || problems.Count > 0)
            && problems.All(p => p.Code.StartsWith("SI", StringComparison.Ordinal) && p.Message.Length > 0 && p.Position.Line >= -1 && p.Position.Line < lines && p.Position.Column >= 0);
    }

    [Theory]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    [InlineData('\u0085')]
    public void A_unicode_line_separator_in_chart_yaml_does_not_move_a_problem_below_the_block(char separator)
    {
        // Found by the property above: YAML counted the separators as lines, and pointed two lines past the block.
        var yaml = $"_XZ28@#\n,é`#\u00a0\nY{separator}/x/\n\t9:5{separator}#\ntype: ~\n";
        var problems = new List<ChartProblem>();
        ChartSpecParser.Parse(yaml, problems);
        var problem = Assert.Single(problems);
        Assert.InRange(problem.Position.Line, -1, 4);
    }
}
