using SalesInsights.Markdown.ChartBlocks;
using SalesInsights.Markdown.InlineValues;

namespace SalesInsights.Markdown;

/// <summary>The features of our Markdown dialect, in the order they prepare a document. Adding one touches this table.</summary>
public static class MarkdownFeatures
{
    public static IReadOnlyList<IMarkdownFeature> All { get; } =
    [
        new ChartBlockFeature(),
        new InlineValueFeature(),
    ];
}
