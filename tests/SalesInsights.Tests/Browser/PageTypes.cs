using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Browser;

/// <summary>The kinds of page a reader meets, and which page of a built site stands for each.</summary>
public static class PageTypes
{
    public const string Home = "home";
    public const string Article = "post";
    public const string Tag = "tag";
    public const string Dashboard = "dashboard";
    public const string FilteredDashboard = "filtered-dashboard";
    public const string NotFound = "404";
    public const string Page = "page";
    public const string TagIndex = "tags";
    public const string Archive = "archive";
    public const string Author = "author";
    public const string Search = "search";
    public const string ArticleWithTable = "article-with-table";

    /// <summary>Every kind of page: each must load cleanly, pass axe in both themes and fit a phone.</summary>
    public static readonly string[] All = [Home, Article, Tag, Dashboard, FilteredDashboard, NotFound, Page, TagIndex, Archive, Author, Search, ArticleWithTable];

    /// <summary>The kinds a reader sees most, photographed for the README and for review.</summary>
    public static readonly string[] Photographed = [Home, Article, Tag, Dashboard, FilteredDashboard, NotFound];

    /// <summary>
    /// The URL path of a page of <paramref name="type"/>, or a skip naming what the build lacks. Only pages that are
    /// not built yet are skipped (the dashboard lands on main after these tests); a built page is always checked.
    /// </summary>
    public static string PathOf(BuiltSite site, string type)
    {
        var path = type switch
        {
            Home => "/",
            Article => ArticleWithCharts(site) ?? (site.PagesUnder("posts") is [var first, ..] ? first : null),
            Tag => site.PagesUnder("tags").FirstOrDefault(p => p != "/tags/" && !p.Contains("/page/", StringComparison.Ordinal)),
            Dashboard => "/dashboard/",
            FilteredDashboard => site.Has("/dashboard/emea/2026-q3/") ? "/dashboard/emea/2026-q3/" : site.PagesUnder("dashboard").FirstOrDefault(p => p.Count(c => c == '/') > 3),
            NotFound => site.Has("/404.html") ? "/no-such-page/" : null,
            Page => "/about/",
            TagIndex => "/tags/",
            Archive => "/archive/",
            Author => site.PagesUnder("authors").FirstOrDefault(p => p != "/authors/"),
            Search => "/search/",
            ArticleWithTable => ArticleWithLongTable(site),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a page type"),
        };
        Skip.If(path is null || (path != "/no-such-page/" && !site.Has(path)), $"The built sample site has no {type} page yet (looked for {path ?? "one"}); this test runs as soon as it is built.");
        return path!;
    }

    /// <summary>The first article whose page holds a chart figure, if any.</summary>
    /// <summary>An article with a data table long enough to be paged.</summary>
    public static string? ArticleWithLongTable(BuiltSite site) =>
        site.PagesUnder("posts").FirstOrDefault(p => File.ReadAllText(site.FileFor(p)).Contains("<tr hidden>", StringComparison.Ordinal));

    public static string? ArticleWithCharts(BuiltSite site) =>
        site.PagesUnder("posts").FirstOrDefault(p => File.ReadAllText(site.FileFor(p)).Contains("<figure class=\"chart", StringComparison.Ordinal));
}
