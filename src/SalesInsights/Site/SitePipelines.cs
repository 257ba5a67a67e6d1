using SalesInsights.Modules;

namespace SalesInsights.Site;

/// <summary>The whole site's flow on one screen: which pipelines exist, what each does per phase, and what it reads.</summary>
public static class SitePipelines
{
    public const string Assets = "assets";
    public const string Posts = "posts";
    public const string Pages = "pages";
    public const string Listings = "listings";
    public const string Feeds = "feeds";
    public const string Sitemap = "sitemap";
    public const string Links = "links";
    public const string Redirects = "redirects";
    public const string Datasets = "datasets";
    public const string BundleFiles = "bundle-files";
    public const string Search = "search";

    /// <summary>The names of Markdown files: Hugo's and most sites' <c>.md</c>, and Jekyll's <c>.markdown</c>.</summary>
    public static readonly string[] MarkdownPatterns = ["*.md", "*.markdown"];

    /// <summary>Pipelines whose documents are pages or files of the site.</summary>
    public static readonly string[] Published = [Assets, Datasets, Posts, Pages, BundleFiles, Listings, Feeds, Sitemap, Search];

    public static IReadOnlyList<Pipeline.Pipeline> Create() =>
    [
        new(Assets)
        {
            Input = [new ReadAssets(), new GenerateIcons()],
            Process = [new FingerprintAssets()],
            Output = [new WriteOutput()],
        },
        new(Datasets)
        {
            Input = [new ReadDatasets()],
            Output = [new WriteOutput()],
        },
        new(Posts)
        {
            Input = [new ReadFiles("posts", Kinds.Post, MarkdownPatterns)],
            Process = [new ParseFrontMatter(), new ApplyFrontMatter(), new FilterPublished(), new CheckUniqueSlugs(), new ParseRedirects(), new ApplyGitHistory(), new RenderMarkdown(), new LinkPosts()],
            PostProcess = [new ApplyLayout(Assets, Pages)],
            Output = [new WriteOutput()],
        },
        new(Pages)
        {
            Input = [new ReadFiles("pages", Kinds.Page, MarkdownPatterns)],
            Process = [new ParseFrontMatter(), new ApplyFrontMatter(), new FilterPublished(), new CheckUniqueSlugs(), new ParseRedirects(), new ApplyGitHistory(), new ExpandDashboardViews(), new RenderMarkdown()],
            PostProcess = [new ApplyLayout(Assets, Pages)],
            Output = [new WriteOutput()],
        },
        new(BundleFiles)
        {
            Dependencies = [Posts, Pages],
            Process = [new CopyBundleFiles(Posts, Pages)],
            Output = [new WriteOutput()],
        },
        new(Listings)
        {
            Dependencies = [Posts],
            Process = [new GenerateListings(Posts)],
            PostProcess = [new ApplyLayout(Assets, Pages)],
            Output = [new WriteOutput()],
        },
        new(Feeds)
        {
            Dependencies = [Posts],
            Process = [new GenerateFeeds(Posts)],
            Output = [new WriteOutput()],
        },
        new(Search)
        {
            Dependencies = [Posts],
            Process = [new GenerateSearchIndex(Posts)],
            Output = [new WriteOutput()],
        },
        new(Sitemap)
        {
            PostProcess = [new GenerateSitemap(Posts, Pages, Listings)],
            Output = [new WriteOutput()],
        },
        new(Redirects)
        {
            PostProcess = [new GenerateRedirects([Posts, Pages], [Assets, Datasets, Posts, Pages, Listings, Feeds])],
            Output = [new WriteOutput()],
        },
        new(Links)
        {
            Output = [new CheckLinks(Published), new CheckExternalLinks(Published)],
        },
    ];
}
