using System.Collections.Immutable;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>
/// Creates the pages that list articles: the paginated home page, a paginated page per tag and per author, the
/// tag index, the archive by year with a page per year, the 404 page and the search page. One pass over the articles groups
/// them, so the cost is linear in their number.
/// </summary>
public sealed class GenerateListings(string postsPipeline) : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var settings = context.Get<SiteSettings>();
        var posts = context.OutputsOf(postsPipeline)
            .Select(PostSummary.From)
            .OrderBy(p => p.Weight == 0)
            .ThenBy(p => p.Weight)
            .ThenByDescending(p => p.Date)
            .ThenBy(p => p.Url, StringComparer.Ordinal)
            .ToImmutableArray();
        // Listing pages show cards only: while no article's card changed, a preview rebuild keeps them all as they were.
        var pages = context.Derive($"{nameof(GenerateListings)}/pages", () => [settings.Title, settings.Description, settings.PostsPerPage, settings.Taxonomies, Faces(posts), posts.Select(p => p.Terms).ToArray()],
            () => Pages(context, settings, posts));
        return Task.FromResult<ImmutableArray<Document>>([.. inputs, .. pages]);
    }

    private static Document[] Pages(IExecutionContext context, SiteSettings settings, ImmutableArray<PostSummary> posts)
    {
        var pages = ImmutableArray.CreateBuilder<Document>();

        pages.AddRange(Paginate(context, "/", settings.Title, settings.Description, posts, settings.PostsPerPage));

        var byTag = posts
            .SelectMany(p => p.Tags.Select(t => (Tag: t, Post: p)))
            .GroupBy(x => Slugs.From(x.Tag), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var group in byTag)
        {
            var name = group.First().Tag;
            pages.AddRange(Paginate(context, $"/tags/{group.Key}/", $"Articles tagged “{name}”", null, [.. group.Select(x => x.Post)], settings.PostsPerPage));
        }
        pages.Add(Page(context, "/tags/", Kinds.Tags, new ListModel("Tags", "Every topic the blog has written about.")
        {
            Tags = [.. byTag.Select(g => new TagCount(g.First().Tag, $"/tags/{g.Key}/", g.Count()))],
        }));

        foreach (var taxonomy in settings.Taxonomies)
        {
            var byTerm = posts
                .SelectMany(p => p.Terms.Where(t => t.Taxonomy == taxonomy.Plural).Select(t => (t.Term, Post: p)))
                .GroupBy(x => Slugs.From(x.Term), StringComparer.Ordinal)
                .Where(g => g.Key.Length > 0)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToList();
            foreach (var group in byTerm)
            {
                pages.AddRange(Paginate(context, $"/{taxonomy.Plural}/{group.Key}/", $"Articles in the {taxonomy.Singular} “{group.First().Term}”", null, [.. group.Select(x => x.Post)], settings.PostsPerPage));
            }
            var title = char.ToUpperInvariant(taxonomy.Plural[0]) + taxonomy.Plural[1..];
            pages.Add(Page(context, $"/{taxonomy.Plural}/", Kinds.Tags, new ListModel(title, $"Every {taxonomy.Singular} the blog has written in.")
            {
                Tags = [.. byTerm.Select(g => new TagCount(g.First().Term, $"/{taxonomy.Plural}/{g.Key}/", g.Count()))],
            }));
        }

        // An article with several bylines is listed on each of its authors' pages.
        var byAuthor = posts
            .SelectMany(p => p.Authors.Select(a => (Author: a, Post: p)))
            .GroupBy(x => Slugs.From(x.Author), StringComparer.Ordinal)
            .Where(g => g.Key.Length > 0)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byAuthor)
        {
            pages.AddRange(Paginate(context, $"/authors/{group.Key}/", $"Articles by {group.First().Author}", null, [.. group.Select(x => x.Post)], settings.PostsPerPage));
        }

        var years = posts
            .GroupBy(p => p.Date.Year)
            .OrderByDescending(g => g.Key)
            .Select(g => new YearGroup(g.Key, $"/archive/{g.Key}/", [.. g]))
            .ToImmutableArray();
        pages.Add(Page(context, "/archive/", Kinds.Archive, new ListModel("Archive", "Every article, newest first.") { Years = years }));
        foreach (var year in years)
        {
            pages.Add(Page(context, year.Url, Kinds.List, new ListModel($"Articles from {year.Year}", null) { Posts = year.Posts }));
        }

        pages.Add(context.Derive($"{nameof(GenerateListings)}/404.html", () => [], () => Document.FromText(null, "404.html", string.Empty, Metadata.Empty
            .With(Keys.Kind, Kinds.NotFound)
            .With(Keys.Layout, "404")
            .With(Keys.Title, "Page not found")
            .With(Keys.Url, "/404.html"))));
        // The search page shows no article: its script reads the index GenerateSearchIndex writes beside it.
        pages.Add(context.Derive($"{nameof(GenerateListings)}/search", () => [], () => Document.FromText(null, "search/index.html", string.Empty, Metadata.Empty
            .With(Keys.Kind, Kinds.Search)
            .With(Keys.Layout, Kinds.Search)
            .With(Keys.Title, "Search")
            .With(Keys.Summary, "Search every article: titles, summaries, headings, tags and text.")
            .With(Keys.Url, "/search/"))));
        return pages.ToArray();
    }

    private static IEnumerable<Document> Paginate(IExecutionContext context, string baseUrl, string title, string? description, ImmutableArray<PostSummary> posts, int perPage)
    {
        var count = Math.Max(1, (posts.Length + perPage - 1) / perPage);
        var urls = Enumerable.Range(1, count).Select(n => n == 1 ? baseUrl : $"{baseUrl}page/{n}/").ToImmutableArray();
        for (var n = 1; n <= count; n++)
        {
            var model = new ListModel(n == 1 ? title : $"{title} — page {n}", description)
            {
                Posts = [.. posts.Skip((n - 1) * perPage).Take(perPage)],
                Pagination = new Pagination(n, urls),
            };
            yield return Page(context, urls[n - 1], Kinds.List, model);
        }
    }

    /// <summary>In a preview session a listing page whose articles and links are unchanged keeps last build's instance.</summary>
    private static Document Page(IExecutionContext context, string url, string kind, ListModel model) =>
        context.Derive($"{nameof(GenerateListings)}/{url}", () => Sources(kind, model), () => Document.FromText(null, url.TrimStart('/') + "index.html", string.Empty, Metadata.Empty
            .With(Keys.Kind, kind)
            .With(Keys.Layout, kind)
            .With(Keys.Title, model.Title)
            .With(Keys.Summary, model.Description)
            .With(Keys.Url, url)
            .With(Keys.ListModel, model)));

    /// <summary>A listing page shows its articles' cards only (see <see cref="CardFace"/>).</summary>
    private static CardFace[] Faces(ImmutableArray<PostSummary> posts) => [.. posts.Select(p => p.Face)];

    /// <summary>Everything a listing page is made of, as values <see cref="BuildSession.Derive{T}"/> can compare.</summary>
    private static ImmutableArray<object?> Sources(string kind, ListModel model) =>
    [
        kind, model.Title, model.Description, Faces(model.Posts), model.Pagination?.Page, model.Pagination?.PageUrls, model.Tags,
        model.Years.Select(y => y.Year).ToArray(), model.Years.Select(y => y.Url).ToArray(), model.Years.Select(y => Faces(y.Posts)).ToArray(),
    ];
}
