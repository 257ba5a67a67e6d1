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
    ImmutableArray<string> Authors,
    int ReadingMinutes,
    string? Source,
    bool Draft,
    bool Future)
{
    /// <summary>Lower comes first in listings; 0 (no weight) after every weighted article, newest first among equals.</summary>
    public long Weight { get; init; }

    /// <summary>The article's terms in the site's taxonomies beyond tags.</summary>
    public ImmutableArray<TaxonomyTerm> Terms { get; init; } = [];

    /// <summary>
    /// One summary per document instance: a preview rebuild hands unchanged articles' documents on from build to
    /// build, so their summaries stay the same instances too and everything keyed on them (related links, listing
    /// pages) hashes at once.
    /// </summary>
    private static readonly ConditionalWeakTable<Document, PostSummary> Summaries = [];

    public static PostSummary From(Document document) => Summaries.GetValue(document, Create);

    private static readonly ConditionalWeakTable<PostSummary, CardFace> Faces = [];

    /// <summary>What the article's card shows, the only part of a summary a listing page reads.</summary>
    public CardFace Face => Faces.GetValue(this, static s => new CardFace(s.Title, s.Url, s.Date, s.Summary, s.Tags, s.Authors, s.ReadingMinutes, s.Draft, s.Future));

    private static PostSummary Create(Document document) => new(
        document.Get<string>(Keys.Title) ?? string.Empty,
        document.Get<string>(Keys.Url) ?? "/",
        document.Get<DateTimeOffset?>(Keys.Date) ?? DateTimeOffset.MinValue,
        document.Get<DateTimeOffset?>(Keys.Updated),
        document.Get<string>(Keys.Excerpt) ?? string.Empty,
        document.Get<ImmutableArray<string>>(Keys.Tags).IsDefault ? [] : document.Get<ImmutableArray<string>>(Keys.Tags),
        document.Get<ImmutableArray<string>>(Keys.Bylines) is { IsDefault: false } bylines ? bylines
            : document.Get<string>(Keys.Author) is { Length: > 0 } author ? [author] : [],
        document.Get<int>(Keys.ReadingMinutes),
        document.Source,
        document.Get<bool>(Keys.Draft),
        document.Get<bool>(Keys.Future))
    {
        Weight = document.Get<long>(Keys.Weight),
        Terms = document.Get<ImmutableArray<TaxonomyTerm>>(Keys.Terms) is { IsDefault: false } terms ? terms : [],
    };
}

/// <summary>
/// An article as its card shows it (title, link, date, summary, tags, authors, reading time, badges): everything
/// but the updated date and the source file. Listing pages are made of faces, so an edit that changes only what
/// no card shows (the body, hence the updated date) leaves every listing page as it was.
/// </summary>
public sealed record CardFace(
    string Title,
    string Url,
    DateTimeOffset Date,
    string Summary,
    ImmutableArray<string> Tags,
    ImmutableArray<string> Authors,
    int ReadingMinutes,
    bool Draft,
    bool Future)
{
    public bool Equals(CardFace? other) =>
        other is not null && Title == other.Title && Url == other.Url && Date.Equals(other.Date) && Date.Offset == other.Date.Offset
        && Summary == other.Summary && Tags.SequenceEqual(other.Tags, StringComparer.Ordinal) && Authors.SequenceEqual(other.Authors, StringComparer.Ordinal)
        && ReadingMinutes == other.ReadingMinutes && Draft == other.Draft && Future == other.Future;

    public override int GetHashCode() => HashCode.Combine(Title, Url, Date, Summary, Authors.Length, ReadingMinutes, Draft, Future);
}
