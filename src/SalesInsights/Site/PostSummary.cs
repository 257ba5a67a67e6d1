using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using SalesInsights.Pipeline;

namespace SalesInsights.Site;

/// <summary>What listings, feeds and "related" links need of an article, without its body.</summary>
public sealed record PostSummary(
    string Title,
    string Url,
    DateTimeOffset Date,
    DateTimeOffset? Updated,
    string Summary,
    ImmutableArray<string> Tags,
    string Author,
    int ReadingMinutes,
    string? Source,
    bool Draft,
    bool Future)
{
    /// <summary>
    /// One summary per document instance: a preview rebuild hands unchanged articles' documents on from build to
    /// build, so their summaries stay the same instances too and everything keyed on them (related links, listing
    /// pages) hashes at once.
    /// </summary>
    private static readonly ConditionalWeakTable<Document, PostSummary> Summaries = [];

    public static PostSummary From(Document document) => Summaries.GetValue(document, Create);

    private static PostSummary Create(Document document) => new(
        document.Get<string>(Keys.Title) ?? string.Empty,
        document.Get<string>(Keys.Url) ?? "/",
        document.Get<DateTimeOffset?>(Keys.Date) ?? DateTimeOffset.MinValue,
        document.Get<DateTimeOffset?>(Keys.Updated),
        document.Get<string>(Keys.Excerpt) ?? string.Empty,
        document.Get<ImmutableArray<string>>(Keys.Tags).IsDefault ? [] : document.Get<ImmutableArray<string>>(Keys.Tags),
        document.Get<string>(Keys.Author) ?? string.Empty,
        document.Get<int>(Keys.ReadingMinutes),
        document.Source,
        document.Get<bool>(Keys.Draft),
        document.Get<bool>(Keys.Future));
}
