using SalesInsights.Pipeline;

namespace SalesInsights.Tests.Pipeline;

public sealed class DiagnosticTests
{
    [Fact]
    public void A_diagnostic_prints_in_the_form_compilers_and_editors_understand()
    {
        var diagnostic = Diagnostic.Error("SI0102", "the front matter has no 'title'", "input/posts/a.md", 3, 7);
        Assert.Equal("input/posts/a.md:3:7: error SI0102: the front matter has no 'title'", diagnostic.ToString());
    }

    [Fact]
    public void Positions_below_one_are_raised_to_the_first_line_and_column()
    {
        Assert.Equal("a.md:1:1: warning W: m", Diagnostic.Warning("W", "m", "a.md", 0, -4).ToString());
    }

    [Fact]
    public void The_bag_sorts_by_file_then_position_and_drops_duplicates()
    {
        var bag = new DiagnosticBag();
        bag.Report(Diagnostic.Error("B", "m", "b.md", 1));
        bag.Report(Diagnostic.Error("A", "m", "a.md", 9));
        bag.Report(Diagnostic.Error("A", "m", "a.md", 2));
        bag.Report(Diagnostic.Error("A", "m", "a.md", 2));
        Assert.Equal(["a.md:2", "a.md:9", "b.md:1"], bag.ToSortedArray().Select(d => $"{d.Path}:{d.Line}"));
    }
}
