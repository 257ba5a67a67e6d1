using System.Collections.Immutable;

namespace SalesInsights.Site;

/// <summary>What a listing page shows: one page of articles, or the tag index, or the archive by year.</summary>
public sealed record ListModel(string Title, string? Description)
{
    public ImmutableArray<PostSummary> Posts { get; init; } = [];
    public Pagination? Pagination { get; init; }
    public ImmutableArray<TagCount> Tags { get; init; } = [];
    public ImmutableArray<YearGroup> Years { get; init; } = [];
}

/// <summary>Page <see cref="Page"/> (1-based) of a paginated listing, with the URL of every page.</summary>
public sealed record Pagination(int Page, ImmutableArray<string> PageUrls)
{
    public int TotalPages => PageUrls.Length;
    public string? PreviousUrl => Page > 1 ? PageUrls[Page - 2] : null;
    public string? NextUrl => Page < TotalPages ? PageUrls[Page] : null;
}

public sealed record TagCount(string Name, string Url, int Count);

public sealed record YearGroup(int Year, string Url, ImmutableArray<PostSummary> Posts);
