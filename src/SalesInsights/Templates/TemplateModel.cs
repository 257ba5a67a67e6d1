using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Scriban.Runtime;
using SalesInsights.Markdown;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Templates;

/// <summary>
/// Builds the values templates see (<c>site</c>, <c>page</c>, <c>list</c>, cards) from documents, with snake_case
/// names. Only rendered HTML is wrapped as <see cref="TrustedHtml"/>; everything else a template prints is escaped.
/// </summary>
public sealed class TemplateModel(SiteSettings settings, IReadOnlyDictionary<string, string> assets, ImmutableArray<(string Title, string Url)> nav, DateTimeOffset buildTime)
{
    // Made once per build, not per page: making a Scriban function reflects over the delegate, and site is the same everywhere.
    private IScriptCustomFunction? _url, _absUrl, _asset;
    private ScriptObject? _site;

    public const string DisplayDateFormat = "d MMMM yyyy";

    private readonly Lazy<string?> _fingerprint = new(() => ContentHash.Of(settings, assets, nav, buildTime));

    /// <summary>A hash of everything the model adds to a page besides the page's own document (null if not hashable).</summary>
    public string? Fingerprint => _fingerprint.Value;

    public string Url(string path) => string.IsNullOrEmpty(path) || !path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal)
        ? path
        : settings.BasePath + path;

    public string Permalink(string path) => settings.BaseUrl[..^settings.BasePath.Length] + Url(path);

    public string Asset(string logicalPath) => assets.TryGetValue(logicalPath.TrimStart('/'), out var url)
        ? Url(url)
        : throw new InvalidOperationException($"the theme has no asset '{logicalPath}'");

    /// <summary>The globals of one page: site, page, functions, and the list of a listing page.</summary>
    public ScriptObject Globals(Document document)
    {
        var globals = new ScriptObject
        {
            ["site"] = _site ??= Site(),
            ["page"] = Page(document),
            ["list"] = document.Get<ListModel>(Keys.ListModel) is { } list ? List(list) : null,
        };
        globals.SetValue("url", _url ??= Function(new Func<string, string>(Url)), true);
        globals.SetValue("abs_url", _absUrl ??= Function(new Func<string, string>(Permalink)), true);
        globals.SetValue("asset", _asset ??= Function(new Func<string, string>(Asset)), true);
        return globals;
    }

    private static IScriptCustomFunction Function(Delegate function) => DynamicCustomFunction.Create(function.Target, function.Method);

    private ScriptObject Site()
    {
        var site = new ScriptObject
        {
            ["title"] = settings.Title,
            ["description"] = settings.Description,
            ["base_url"] = settings.BaseUrl,
            ["base_path"] = settings.BasePath,
            ["author"] = settings.Author,
            ["language"] = settings.Language,
            ["repository_url"] = settings.RepositoryUrl,
            ["year"] = buildTime.Year,
            ["build_time_iso"] = buildTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["nav"] = Array(nav.Select(n => new ScriptObject { ["title"] = n.Title, ["url"] = Url(n.Url) })),
            ["params"] = ToScript(settings.Extra),
        };
        site.IsReadOnly = true; // shared by every page of the build
        return site;
    }

    public ScriptObject Page(Document document)
    {
        var url = document.Get<string>(Keys.Url) ?? "/";
        var date = InZone(document.Get<DateTimeOffset?>(Keys.Date));
        var updated = InZone(document.Get<DateTimeOffset?>(Keys.Updated));
        var kind = document.Get<string>(Keys.Kind) ?? Kinds.Page;
        var toc = document.Get<ImmutableArray<TocEntry>>(Keys.Toc);
        var related = document.Get<ImmutableArray<PostSummary>>(Keys.Related);
        var contributors = document.Get<ImmutableArray<string>>(Keys.Contributors);
        var extra = document.Get<ImmutableDictionary<string, object?>>(Keys.Extra);
        return new ScriptObject
        {
            ["title"] = document.Get<string>(Keys.Title) ?? settings.Title,
            ["url"] = Url(url),
            ["permalink"] = Permalink(url),
            ["og_type"] = kind == Kinds.Post ? "article" : "website",
            ["kind"] = kind,
            ["date_iso"] = Iso(date),
            ["date_display"] = Display(date),
            ["updated_iso"] = Iso(updated),
            ["updated_display"] = updated is not null && updated.Value.Date != date?.Date ? Display(updated) : null,
            ["author"] = Byline(document.Get<ImmutableArray<string>>(Keys.Bylines), document.Get<string>(Keys.Author)),
            ["authors"] = Authors(document.Get<ImmutableArray<string>>(Keys.Bylines)),
            ["tags"] = Tags(document.Get<ImmutableArray<string>>(Keys.Tags)),
            ["summary"] = document.Get<string>(Keys.Excerpt) ?? document.Get<string>(Keys.Summary) ?? settings.Description,
            ["description"] = document.Get<string>(Keys.Description) is { } description && description.Trim().Length > 0 ? description.Trim() : null,
            ["taxonomies"] = Taxonomies(document.Get<ImmutableArray<TaxonomyTerm>>(Keys.Terms)),
            ["content"] = new TrustedHtml(document.Text),
            ["toc"] = Array((toc.IsDefault ? [] : toc).Select(t => new ScriptObject { ["level"] = t.Level, ["id"] = t.Id, ["title"] = t.Title })),
            ["reading_minutes"] = document.Get<int>(Keys.ReadingMinutes),
            ["word_count"] = document.Get<int>(Keys.WordCount),
            ["image"] = document.Get<string>(Keys.Image) is { Length: > 0 } image ? Permalink(image) : null,
            ["draft"] = document.Get<bool>(Keys.Draft),
            ["future"] = document.Get<bool>(Keys.Future),
            ["prev"] = Link(document.Get<PostSummary>(Keys.Previous)),
            ["next"] = Link(document.Get<PostSummary>(Keys.Next)),
            ["related"] = Array((related.IsDefault ? [] : related).Select(Card)),
            ["edit_url"] = document.Get<string>(Keys.EditUrl),
            ["contributors"] = Array(contributors.IsDefault ? [] : contributors),
            ["meta"] = ToScript(extra ?? ImmutableDictionary<string, object?>.Empty),
        };
    }

    /// <summary>
    /// The card of an article, made once per build and shared read-only by every page that lists it: an article
    /// is on the home pages, each of its tags' pages, its author's and its year's, and in "related" of others.
    /// </summary>
    private ScriptObject List(ListModel list)
    {
        var pagination = list.Pagination;
        return new ScriptObject
        {
            ["title"] = list.Title,
            ["description"] = list.Description,
            ["posts"] = Array(list.Posts.Select(Card)),
            ["pagination"] = pagination is null ? null : new ScriptObject
            {
                ["page"] = pagination.Page,
                ["total_pages"] = pagination.TotalPages,
                ["prev_url"] = pagination.PreviousUrl is { } p ? Url(p) : null,
                ["next_url"] = pagination.NextUrl is { } n ? Url(n) : null,
                ["pages"] = Array(pagination.Window().Select(number => number is { } n
                    ? new ScriptObject { ["number"] = n, ["url"] = Url(pagination.PageUrls[n - 1]), ["current"] = n == pagination.Page, ["gap"] = false }
                    : new ScriptObject { ["gap"] = true })),
            },
            ["tags"] = Array(list.Tags.Select(t => new ScriptObject { ["name"] = t.Name, ["url"] = Url(t.Url), ["count"] = t.Count })),
            ["years"] = Array(list.Years.Select(y => new ScriptObject
            {
                ["year"] = y.Year,
                ["url"] = Url(y.Url),
                ["posts"] = Array(y.Posts.Select(Card)),
            })),
        };
    }

    public ScriptObject Card(PostSummary post) => _cards.GetOrAdd(post, NewCard);

    private readonly ConcurrentDictionary<PostSummary, ScriptObject> _cards = new(ReferenceEqualityComparer.Instance);

    private ScriptObject NewCard(PostSummary summary)
    {
        // Only the face: listing pages are reused while their articles' faces are unchanged (GenerateListings).
        var post = summary.Face;
        var card = new ScriptObject
        {
            ["title"] = post.Title,
            ["url"] = Url(post.Url),
            ["date_iso"] = Iso(InZone(post.Date)),
            ["date_display"] = Display(InZone(post.Date)),
            ["summary"] = post.Summary,
            ["tags"] = Tags(post.Tags),
            ["reading_minutes"] = post.ReadingMinutes,
            ["author"] = Byline(post.Authors, post.Authors.IsDefault ? null : Modules.ApplyFrontMatter.Join(post.Authors)),
            ["authors"] = Authors(post.Authors),
            ["draft"] = post.Draft,
            ["future"] = post.Future,
        };
        card.IsReadOnly = true;
        return card;
    }

    public ScriptObject? Author(string? name) => string.IsNullOrEmpty(name) ? null : new ScriptObject
    {
        ["name"] = name,
        ["url"] = Url($"/authors/{Slugs.From(name)}/"),
    };

    /// <summary>Each byline with its author page: an article by two people is listed on both pages.</summary>
    public ScriptArray Authors(ImmutableArray<string> names) =>
        Array((names.IsDefault ? [] : names).Where(n => n.Length > 0).Select(Author));

    /// <summary>Every byline as one name; it links to an author page only when there is one author.</summary>
    private ScriptObject? Byline(ImmutableArray<string> names, string? line) => names.IsDefault || names.Length <= 1
        ? Author(line)
        : new ScriptObject { ["name"] = line, ["url"] = string.Empty };

    /// <summary>The article's terms by taxonomy, in the site's order: <c>{name: "categories", title: "Categories", terms: [{name, url}]}</c>.</summary>
    public ScriptArray Taxonomies(ImmutableArray<TaxonomyTerm> terms) => Array(settings.Taxonomies
        .Select(t => (Taxonomy: t, Terms: (terms.IsDefault ? [] : terms).Where(term => term.Taxonomy == t.Plural).ToList()))
        .Where(t => t.Terms.Count > 0)
        .Select(t => new ScriptObject
        {
            ["name"] = t.Taxonomy.Plural,
            ["title"] = char.ToUpperInvariant(t.Taxonomy.Plural[0]) + t.Taxonomy.Plural[1..],
            ["terms"] = Array(t.Terms.Select(term => new ScriptObject { ["name"] = term.Term, ["url"] = Url($"/{t.Taxonomy.Plural}/{Slugs.From(term.Term)}/") })),
        }));

    public ScriptArray Tags(ImmutableArray<string> tags) =>
        Array((tags.IsDefault ? [] : tags).Select(t => new ScriptObject { ["name"] = t, ["url"] = Url($"/tags/{Slugs.From(t)}/") }));

    private ScriptObject? Link(PostSummary? post) => post?.Face is { } face ? new ScriptObject { ["title"] = face.Title, ["url"] = Url(face.Url) } : null;

    private readonly TimeZoneInfo? _zone = settings.Zone();

    /// <summary>
    /// A date as the site's zone sees it: front matter dates are already there, git's (UTC) are placed here, so
    /// "Updated" names the same day a reader of the site's zone would.
    /// </summary>
    private DateTimeOffset? InZone(DateTimeOffset? date) => date is { } d ? FrontMatterDates.In(d, _zone) : null;

    public static string? Iso(DateTimeOffset? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Display(DateTimeOffset? date) => date?.ToString(DisplayDateFormat, CultureInfo.InvariantCulture);

    public static ScriptArray Array<T>(IEnumerable<T> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(item);
        }
        return array;
    }

    /// <summary>Front matter values (lists, maps, scalars) as Scriban values.</summary>
    public static object? ToScript(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => ToScriptObject(map),
        ImmutableArray<object?> list => Array(list.Select(ToScript)),
        _ => value,
    };

    private static ScriptObject ToScriptObject(IReadOnlyDictionary<string, object?> map)
    {
        var result = new ScriptObject();
        // A hash map's order changes between runs; templates that list keys must not.
        foreach (var (key, v) in map.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            result[key] = ToScript(v);
        }
        return result;
    }
}
