namespace SalesInsights.Markdown;

/// <summary>The features of our Markdown dialect, in the order they prepare a document. Adding one touches this table.</summary>
public static class MarkdownFeatures
{
    public static IReadOnlyList<IMarkdownFeature> All { get; } =
    [
    ];
}
