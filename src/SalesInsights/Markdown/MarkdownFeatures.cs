using SalesInsights.Markdown.ChartBlocks;
using SalesInsights.Markdown.Claims;
using SalesInsights.Markdown.DataNotes;
using SalesInsights.Markdown.Images;
using SalesInsights.Markdown.InlineValues;
using SalesInsights.Markdown.KpiTiles;
using SalesInsights.Markdown.Tables;

namespace SalesInsights.Markdown;

/// <summary>The features of our Markdown dialect, in the order they prepare a document. Adding one touches this table.</summary>
public static class MarkdownFeatures
{
    public static IReadOnlyList<IMarkdownFeature> All { get; } =
    [
        new ChartBlockFeature(),
        new TableBlockFeature(),
        new InlineValueFeature(),
        new ClaimFeature(),
        new KpiTileFeature(),
        new DataNoteFeature(),
        new ResponsiveImageFeature(),
    ];
}
