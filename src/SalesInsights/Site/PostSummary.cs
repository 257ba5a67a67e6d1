using System.Collections.Immutable;
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
    public static PostSummary From(Document document) => new(
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
