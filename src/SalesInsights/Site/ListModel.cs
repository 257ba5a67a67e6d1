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

    /// <summary>Pages on each side of the current one that the pagination bar links to.</summary>
    public const int Neighbours = 2;

    /// <summary>
    /// The page numbers a pagination bar shows, in order: the first, the last, and the current page with its
    /// <see cref="Neighbours"/>; null where numbers are left out. A listing of 500 pages then shows about nine
    /// links instead of 500 (which a reader cannot use and every page would repeat).
    /// </summary>
    public IEnumerable<int?> Window()
    {
        var previous = 0;
        for (var n = 1; n <= TotalPages; n++)
        {
            if (n != 1 && n != TotalPages && Math.Abs(n - Page) > Neighbours)
            {
                continue;
            }
            if (n - previous == 2)
            {
                yield return n - 1; // a gap of one page: the number itself is as short as the ellipsis
            }
            else if (n - previous > 2)
            {
                yield return null;
            }
            yield return n;
            previous = n;
        }
    }
}

public sealed record TagCount(string Name, string Url, int Count);

public sealed record YearGroup(int Year, string Url, ImmutableArray<PostSummary> Posts);
