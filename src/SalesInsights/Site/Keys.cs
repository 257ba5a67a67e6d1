namespace SalesInsights.Site;

/// <summary>Every metadata key the site's modules read or write, in one place.</summary>
public static class Keys
{
    // Front matter, as writers type it
    public const string Title = "title";
    public const string Date = "date";
    public const string Updated = "updated";
    public const string Author = "author";
    /// <summary>Hugo's name for a list of authors; read like <see cref="Author"/>.</summary>
    public const string Authors = "authors";
    public const string Tags = "tags";
    public const string Summary = "summary";
    public const string Draft = "draft";
    /// <summary>Jekyll's opposite of <see cref="Draft"/>: <c>published: false</c> keeps an article out of builds.</summary>
    public const string Published = "published";
    public const string Slug = "slug";
    public const string Layout = "layout";
    public const string Image = "image";
    public const string RedirectFrom = "redirect_from";
    /// <summary>Hugo's name for old addresses; read like <see cref="RedirectFrom"/>.</summary>
    public const string Aliases = "aliases";
    /// <summary>The meta description (Hugo's and Jekyll's); listings keep the summary.</summary>
    public const string Description = "description";
    /// <summary>Hugo's last-modified date; read like <see cref="Updated"/>.</summary>
    public const string LastMod = "lastmod";
    /// <summary>Jekyll's (jekyll-last-modified-at) last-modified date; read like <see cref="Updated"/>.</summary>
    public const string LastModifiedAt = "last_modified_at";
    /// <summary>Hugo's first day of publication: a future one keeps the article out of builds until then, like a future <see cref="Date"/>.</summary>
    public const string PublishDate = "publishDate";
    /// <summary>Hugo's last day of publication: from it on the article is left out of builds.</summary>
    public const string ExpiryDate = "expiryDate";
    /// <summary>
    /// Jekyll's (and Hugo's <see cref="PageAddress"/>) address for a page: a page's one-word address is its slug; any
    /// other address redirects to the one this site gives it.
    /// </summary>
    public const string Permalink = "permalink";
    /// <summary>Hugo's name for <see cref="Permalink"/>.</summary>
    public const string PageAddress = "url";
    /// <summary>Orders articles in listings: lower first, before articles without one (Hugo's rule).</summary>
    public const string Weight = "weight";
    /// <summary>Named SQL queries for inline values: <c>queries: {name: SQL}</c>.</summary>
    public const string Queries = "queries";
    /// <summary>
    /// The day whose snapshot of the data every query of the article reads (<c>data_as_of: 2025-10-14</c>), so its
    /// figures stay what they were when it was written; normalized to <c>YYYY-MM-DD</c> once checked.
    /// </summary>
    public const string DataAsOf = "data_as_of";
    /// <summary>A page that is a dashboard: <c>dashboard: {period: SQL, regions: SQL, quarters: 8}</c>, expanded into one page per view.</summary>
    public const string Dashboard = "dashboard";

    // Derived while parsing and rendering
    /// <summary>The Markdown body after the front matter.</summary>
    public const string Body = "si:body";
    /// <summary>Lines before the body in the source file.</summary>
    public const string BodyLine = "si:body-line";
    /// <summary>Every front matter key with the line it was written on (for positioned diagnostics).</summary>
    public const string FrontMatterLines = "si:front-matter-lines";
    /// <summary>How the front matter was written (<see cref="Site.FrontMatterFormat"/>); None for a file without any.</summary>
    public const string FrontMatterFormat = "si:front-matter-format";
    /// <summary>Every byline of an article in order; <see cref="Author"/> then holds them joined for one line of text.</summary>
    public const string Bylines = "si:bylines";
    /// <summary>The terms of the site's taxonomies beyond tags (<see cref="TaxonomyTerm"/>s), in the order written.</summary>
    public const string Terms = "si:terms";

    /// <summary>The front matter keys beyond the known ones, offered to templates as <c>page.meta</c>.</summary>
    public const string Extra = "si:extra";
    public const string Kind = "si:kind";
    public const string Url = "si:url";
    public const string Future = "si:future";
    /// <summary>True for an article whose <see cref="ExpiryDate"/> has come: left out like a draft.</summary>
    public const string Expired = "si:expired";
    public const string Toc = "si:toc";
    public const string Anchors = "si:anchors";
    public const string Links = "si:links";
    public const string WordCount = "si:word-count";
    public const string ReadingMinutes = "si:reading-minutes";
    public const string Excerpt = "si:excerpt";
    public const string GeneratedFiles = "si:generated-files";
    /// <summary>The claims of an article checked against the data (<c>{{ claim ... }}</c>), for <c>check</c> to list.</summary>
    public const string Claims = "si:claims";
    public const string Previous = "si:previous";
    public const string Next = "si:next";
    public const string Related = "si:related";
    public const string Contributors = "si:contributors";
    public const string EditUrl = "si:edit-url";
    /// <summary>The dashboard view a page shows (region and quarter), read by KPI tiles and the data note.</summary>
    public const string DashboardView = "si:dashboard-view";
    /// <summary>
    /// A folder shared by several pages for chart CSVs, named by each chart's content, so the same chart on many
    /// pages is drawn once and its numbers published once.
    /// </summary>
    public const string SharedChartFolder = "si:shared-chart-folder";

    // Listing pages
    public const string ListModel = "si:list";

    /// <summary>The links and ids of a page written as soon as it was laid out (its text is no longer in memory).</summary>
    public const string PageLinks = "si:page-links";
}

/// <summary>What a document is, which decides its layout and where it is listed.</summary>
public static class Kinds
{
    public const string Post = "post";
    public const string Page = "page";
    public const string List = "list";
    public const string Tags = "tags";
    public const string Archive = "archive";
    public const string NotFound = "404";
    /// <summary>The page that searches the articles in the browser.</summary>
    public const string Search = "search";
    /// <summary>A file of the search index, fetched by the search page's script.</summary>
    public const string SearchIndex = "search-index";
    public const string Asset = "asset";
    public const string Feed = "feed";
    /// <summary>A data file published for download.</summary>
    public const string Dataset = "dataset";
}
