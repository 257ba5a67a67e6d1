using ScottPlot;
using SalesInsights.Charts;

namespace SalesInsights.Tests.Charts;

public sealed class CategoryTickGeneratorTests
{
    private static readonly string[] Fifths = ["Smallest fifth", "Second", "Middle", "Fourth", "Largest fifth"];

    private static string[] Labels(IReadOnlyList<string> labels, float axisPixels, Edge edge = Edge.Bottom, int maxLabels = 10)
    {
        var generator = new CategoryTickGenerator(labels, [.. Enumerable.Range(0, labels.Count).Select(i => (double)i)], maxLabels);
        using var paint = Paint.NewDisposablePaint();
        var style = new LabelStyle { FontName = ChartStyle.MeasureFont, FontSize = ChartStyle.FontSize };
        generator.Regenerate(new CoordinateRange(-0.5, labels.Count - 0.5), edge, new PixelLength(axisPixels), paint, style);
        return [.. generator.Ticks.Select(t => t.Label)];
    }

    [Fact]
    public void On_a_wide_axis_every_label_is_kept_on_one_line() =>
        Assert.Equal(Fifths, Labels(Fifths, 640));

    [Fact]
    public void A_label_too_wide_for_its_slot_is_broken_over_two_lines_at_the_space_nearest_its_middle() =>
        Assert.Equal(["Smallest\nfifth", "Second", "Middle", "Fourth", "Largest\nfifth"], Labels(Fifths, 420));

    [Fact]
    public void When_even_two_lines_do_not_fit_every_second_label_is_kept_from_the_first() =>
        Assert.Equal(["Smallest\nfifth", "Middle", "Largest\nfifth"], Labels(Fifths, 300));

    [Fact]
    public void The_most_labels_asked_for_still_caps_a_roomy_axis()
    {
        var months = Enumerable.Range(1, 12).Select(m => $"M{m}").ToArray();

        Assert.Equal(["M1", "M3", "M5", "M7", "M9", "M11"], Labels(months, 2000, maxLabels: 6));
    }

    [Fact]
    public void A_vertical_axis_is_thinned_by_the_height_of_a_line()
    {
        var stages = Enumerable.Range(1, 20).Select(i => $"Stage {i}").ToArray();

        var shown = Labels(stages, 200, Edge.Left, maxLabels: 16);

        Assert.Equal("Stage 1", shown[0]);
        Assert.True(shown.Length <= 200 / 16, $"{shown.Length} labels of 14 px text in 200 px");
        Assert.All(shown, label => Assert.DoesNotContain('\n', label));
    }
}
