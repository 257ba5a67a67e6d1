using System.Collections.Immutable;
using System.Globalization;
using SalesInsights.Html;
using SalesInsights.Pipeline;
using SalesInsights.Site;
using SalesInsights.Templates;

namespace SalesInsights.Modules;

/// <summary>
/// Checks the front matter a writer typed and derives what the rest of the build relies on: a typed date, tags,
/// author, slug, URL and output path, the layout, and whether the article is a draft or dated in the future.
/// </summary>
public sealed class ApplyFrontMatter : ForEachDocument
{
    private static readonly HashSet<string> KnownKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        Keys.Title, Keys.Date, Keys.Updated, Keys.Author, Keys.Authors, Keys.Tags, Keys.Summary, Keys.Draft, Keys.Slug, Keys.Layout,
        Keys.Image, Keys.RedirectFrom, Keys.Aliases, Keys.Description, Keys.LastMod, Keys.LastModifiedAt, Keys.Weight,
        Keys.DataAsOf,
        Keys.PublishDate, Keys.ExpiryDate, Keys.Permalink, Keys.PageAddress,
    };

    /// <summary>Keys other modules read: named queries, a dashboard's settings, a page's place in the menu, Jekyll's published.</summary>
    private static readonly HashSet<string> ModuleKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        Keys.Queries, Keys.Dashboard, "nav", Keys.Published,
    };

    /// <summary>Slugs of pages that would collide with the folders the site generates.</summary>
    private static readonly HashSet<string> ReservedPageSlugs = new(StringComparer.OrdinalIgnoreCase)
    {
        "posts", "tags", "authors", "archive", "page", "data", "assets", "dashboard-data",
    };

    protected override bool IsCacheable => true;

    protected override Document? Execute(Document input, IExecutionContext context)
    {
        var source = input.Source!;
        if (Path.GetFileNameWithoutExtension(source).Equals("_index", StringComparison.OrdinalIgnoreCase))
        {
            // Hugo's list page of a section (or of the home page): the listings here are generated, so it is no article.
            context.Diagnostics.Report(Diagnostic.Warning("SI0114", "this is Hugo's list page of a section (_index.md), not an article: the site makes its listings itself, so the file is not published; move text worth keeping into a page under input/pages/ (the 'import' command does)", source, 1));
            return null;
        }
        var lines = input.Get<ImmutableDictionary<string, int>>(Keys.FrontMatterLines) ?? ImmutableDictionary<string, int>.Empty;
        int LineOf(string key) => lines.TryGetValue(key, out var line) ? line : 1;
        var ok = true;
        void Error(string code, string key, string message)
        {
            context.Diagnostics.Report(Diagnostic.Error(code, message, source, LineOf(key)));
            ok = false;
        }

        var kind = input.Get<string>(Keys.Kind) ?? Kinds.Post;
        var isPost = kind == Kinds.Post;
        var taxonomies = context.Get<SiteSettings>().Taxonomies;
        var settings = context.Get<SiteSettings>();
        var zone = settings.Zone();
        var hasFrontMatter = input.Get<FrontMatterFormat>(Keys.FrontMatterFormat) != FrontMatterFormat.None;
        var body = input.Get<string>(Keys.Body);
        var fileName = SourceFileName.Of(source);
        var title = input.Metadata.GetString(Keys.Title)?.Trim();
        if (string.IsNullOrEmpty(title) && LeadingHeading.Of(body) is { } heading)
        {
            // A file that names itself in its first line: that heading is the title, and is not printed twice.
            title = heading.Title;
            body = heading.BodyWithout;
        }
        else if (string.IsNullOrEmpty(title) && !hasFrontMatter)
        {
            title = fileName.Title;
            context.Diagnostics.Report(Diagnostic.Warning("SI0109", $"the file has no front matter and no heading in its first line; its title is '{title}', made from the file name (add front matter with a 'title' to choose one)", source, 1));
        }
        if (string.IsNullOrEmpty(title))
        {
            Error("SI0102", Keys.Title, "the front matter has no 'title'; add a line like: title: \"What quota does to a team\"");
        }

        DateTimeOffset? OptionalDate(string key)
        {
            if (input.Metadata[key] is not { } value)
            {
                return null;
            }
            var parsed = FrontMatterDates.Parse(value, zone);
            if (parsed is null)
            {
                Error("SI0103", key, $"'{key}' is not a date: '{value}'; write it as YYYY-MM-DD (a time and offset may follow: 2026-05-01T09:30:00+02:00)");
            }
            return parsed;
        }
        // Hugo's publication window: an article shows from publishDate (dated by it when it has no date) until expiryDate.
        var publishDate = OptionalDate(Keys.PublishDate);
        var expiryDate = OptionalDate(Keys.ExpiryDate);
        DateTimeOffset? date = null;
        if (input.Metadata.ContainsKey(Keys.Date))
        {
            date = FrontMatterDates.Parse(input.Metadata[Keys.Date], zone);
            if (date is null)
            {
                Error("SI0103", Keys.Date, $"'date' is not a date: '{input.Metadata[Keys.Date]}'; write it as YYYY-MM-DD (a time and offset may follow: 2026-05-01T09:30:00+02:00)");
            }
        }
        else if (publishDate is not null)
        {
            date = publishDate;
        }
        else if (fileName.Date is { } named)
        {
            date = FrontMatterDates.Parse(named, zone);
        }
        else if (isPost)
        {
            Error("SI0103", Keys.Title, hasFrontMatter
                ? "the front matter has no 'date'; add a line like: date: 2026-05-01 (or start the file name with it: 2026-05-01-slug.md)"
                : "the article has no date; add front matter with a line like: date: 2026-05-01, or start the file name with it: 2026-05-01-slug.md");
        }
        // Hugo's lastmod and Jekyll's last_modified_at are the same thing as our updated, which wins when given too.
        DateTimeOffset? updated = null;
        var updatedKey = new[] { Keys.Updated, Keys.LastMod, Keys.LastModifiedAt }.FirstOrDefault(k => input.Metadata[k] is not null);
        if (updatedKey is not null)
        {
            updated = FrontMatterDates.Parse(input.Metadata[updatedKey], zone);
            if (updated is null)
            {
                Error("SI0103", updatedKey, $"'{updatedKey}' is not a date: '{input.Metadata[updatedKey]}'; write it as YYYY-MM-DD");
            }
        }

        string? dataAsOf = null;
        if (input.Metadata[Keys.DataAsOf] is { } pin)
        {
            dataAsOf = PinnedSnapshot(pin, date, context, (key, message) => Error("SI0111", key, message), source, LineOf(Keys.DataAsOf));
        }

        var tags = Words(input.Metadata[Keys.Tags]);
        if (tags.IsDefault)
        {
            Error("SI0106", Keys.Tags, "'tags' must be a list of words, like: tags: [quota, careers]");
        }
        var terms = ImmutableArray.CreateBuilder<TaxonomyTerm>();
        foreach (var taxonomy in taxonomies)
        {
            var words = Words(input.Metadata[taxonomy.Plural]);
            if (words.IsDefault)
            {
                Error("SI0106", taxonomy.Plural, $"'{taxonomy.Plural}' must be a list of words, like: {taxonomy.Plural}: [Pipeline, Careers]");
                continue;
            }
            terms.AddRange(words.Select(w => new TaxonomyTerm(taxonomy.Plural, w)));
        }

        long weight = 0;
        if (input.Metadata[Keys.Weight] is { } weightValue)
        {
            if (weightValue is long whole)
            {
                weight = whole;
            }
            else
            {
                Error("SI0106", Keys.Weight, $"'weight' must be a whole number (lower comes first), not '{weightValue}'");
            }
        }

        var bylines = Bylines(input.Metadata[Keys.Author] ?? input.Metadata[Keys.Authors]);
        if (bylines.IsDefault)
        {
            Error("SI0106", input.Metadata.ContainsKey(Keys.Author) ? Keys.Author : Keys.Authors, "'author' must be a name or a list of names, like: author: [Ann Lee, Bob Roy]");
        }
        else if (bylines.IsEmpty)
        {
            bylines = [settings.Author];
        }

        // A page's one-word permalink (Jekyll's permalink: /contact/, Hugo's url) is the address it keeps here.
        var slugSource = input.Metadata.GetString(Keys.Slug) ?? (isPost ? null : OneWordAddress(input)) ?? fileName.Slug;
        var slug = Slugs.From(slugSource);
        if (slug.Length == 0)
        {
            Error("SI0107", Keys.Slug, $"cannot make a URL from '{slugSource}'; give a 'slug' with letters or digits");
        }
        else if (!isPost && (ReservedPageSlugs.Contains(slug) || taxonomies.Any(t => t.Plural == slug)))
        {
            Error("SI0107", Keys.Slug, $"the page slug '{slug}' is used by generated pages; choose another 'slug'");
        }

        if (input.Metadata[Keys.Image] is { } image && ImageProblem(image) is { } problem)
        {
            Error("SI0108", Keys.Image, $"'image' {problem}; write a path on this site like /images/cover.png, or an https:// URL");
        }

        var layout = input.Metadata.GetString(Keys.Layout) ?? kind;
        var theme = context.Get<Theme>();
        if (!theme.HasLayout(layout))
        {
            Error("SI0104", Keys.Layout, $"unknown layout '{layout}'; the theme has: {string.Join(", ", theme.LayoutNames)}");
        }

        // A key nothing reads is a typo (tittle) or a leftover of another generator (Hugo's toc, Jekyll's comments).
        foreach (var key in input.Metadata.Keys.Where(k => !k.StartsWith("si:", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            if (KnownKeys.Contains(key) || ModuleKeys.Contains(key) || taxonomies.Any(t => t.Plural.Equals(key, StringComparison.OrdinalIgnoreCase)) || theme.MetaKeys.Contains(key))
            {
                continue;
            }
            var known = KnownKeys.Concat(ModuleKeys).Concat(taxonomies.Select(t => t.Plural)).Concat(theme.MetaKeys);
            var hint = Data.NameSuggestions.Closest(key, known) is { } near ? $"; did you mean '{near}'?" : string.Empty;
            context.Diagnostics.Report(Diagnostic.Warning("SI0110", $"front matter key '{key}' is not read by the theme or the build, so it has no effect{hint} (a template reads any key as page.meta.{key})", source, LineOf(key)));
        }

        if (!ok)
        {
            return null;
        }

        var now = context.Get<BuildOptions>().Now;
        var url = isPost ? $"/posts/{slug}/" : $"/{slug}/";
        var metadata = body is null ? input.Metadata : input.Metadata.With(Keys.Body, body);
        var extra = input.Metadata
            .Where(kv => !KnownKeys.Contains(kv.Key) && !kv.Key.StartsWith("si:", StringComparison.Ordinal) && !taxonomies.Any(t => t.Plural.Equals(kv.Key, StringComparison.OrdinalIgnoreCase)))
            .ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);
        return input with
        {
            Destination = url.TrimStart('/') + "index.html",
            Metadata = metadata
                .With(Keys.Title, title)
                .With(Keys.Date, date)
                .With(Keys.Updated, updated)
                .With(Keys.Tags, tags)
                .With(Keys.Terms, terms.ToImmutable())
                .With(Keys.Weight, weight)
                .With(Keys.Author, Join(bylines))
                .With(Keys.Bylines, bylines)
                .With(Keys.Slug, slug)
                .With(Keys.Url, url)
                .With(Keys.Layout, layout)
                .With(Keys.Draft, input.Get<bool>(Keys.Draft) || input.Metadata[Keys.Published] is false)
                .With(Keys.DataAsOf, dataAsOf)
                .With(Keys.Future, date > now || publishDate > now)
                .With(Keys.Expired, expiryDate <= now)
                .With(Keys.Extra, extra),
        };
    }

    /// <summary>
    /// The snapshot an article pins its data to, as <c>YYYY-MM-DD</c>; null after reporting why it cannot (not a day,
    /// or no snapshot of that day). A snapshot taken after the article's date is a warning: its figures then show
    /// what the writer could not have seen.
    /// </summary>
    private static string? PinnedSnapshot(object value, DateTimeOffset? date, IExecutionContext context, Action<string, string> error, string source, int line)
    {
        // TOML writes a day as a date value; YAML and JSON as text.
        DateOnly? written = value switch
        {
            string text when DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) => parsed,
            DateTime time => DateOnly.FromDateTime(time),
            DateTimeOffset moment => DateOnly.FromDateTime(moment.DateTime),
            _ => null,
        };
        if (written is not { } day)
        {
            var shown = value is string or long or double or bool ? $", not '{value}'" : string.Empty;
            error(Keys.DataAsOf, $"'data_as_of' must be the day of a snapshot of the data, written YYYY-MM-DD (like data_as_of: 2025-10-14){shown}");
            return null;
        }
        var name = Data.DataSnapshots.Name(day);
        if (!context.Get<Data.DataSnapshots>().Exists(day))
        {
            error(Keys.DataAsOf, $"there is no snapshot of the data as of {name} (input/data/{Data.DataSnapshots.Folder}/{name}/ with its Parquet files); " +
                $"freeze one with: dotnet run --project src/SalesInsights -- data snapshot {name}");
            return null;
        }
        if (date is { } published && day > DateOnly.FromDateTime(published.DateTime))
        {
            context.Diagnostics.Report(Diagnostic.Warning("SI0111", $"'data_as_of' is {name}, after the article's date ({published:yyyy-MM-dd}): its figures show data the article could not have seen; pin it to its own date or earlier", source, line));
        }
        return name;
    }

    /// <summary>The one word of a <c>permalink</c> or <c>url</c> like <c>/contact/</c> or <c>/contact.html</c>, or null.</summary>
    private static string? OneWordAddress(Document input)
    {
        if ((input.Metadata.GetString(Keys.Permalink) ?? input.Metadata.GetString(Keys.PageAddress))?.Trim() is not { Length: > 0 } address)
        {
            return null;
        }
        var segments = address.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length != 1 || segments[0].Contains(':', StringComparison.Ordinal))
        {
            return null;
        }
        var word = segments[0];
        return word.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? word[..^5] : word;
    }

    /// <summary>Why an <c>image</c> value cannot be a page's picture (it becomes the og:image and feed URL), or null.</summary>
    private static string? ImageProblem(object value)
    {
        if (value is not string text || text.Trim().Length == 0)
        {
            return "must be one URL";
        }
        var url = text.Trim();
        if (RawHtml.ActiveScheme(url) is { } scheme)
        {
            return $"is a {scheme} URL, which would run in readers' browsers";
        }
        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '"' or '\'' or '<' or '>' or '`' or '\\'))
        {
            return "contains spaces, quotes or angle brackets";
        }
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            return "starts with '//', a URL on another site without its scheme";
        }
        if (url.StartsWith('/'))
        {
            return null;
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "https" or "http" ? null : "is neither a path starting with '/' nor an http(s) URL";
    }

    /// <summary>Tags and terms: a list of words, or one string of words separated by commas; default when neither.</summary>
    private static ImmutableArray<string> Words(object? value) => value switch
    {
        null => [],
        string one => [.. one.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)],
        ImmutableArray<object?> list when list.All(t => t is string or long or double) =>
            [.. list.Select(t => Convert.ToString(t, CultureInfo.InvariantCulture)!.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
        _ => default,
    };

    /// <summary>
    /// The names of <c>author</c> (or Hugo's <c>authors</c>): one name, a list of names, or a map with a
    /// <c>name</c> (some Jekyll themes); empty when none is given, default when the value is none of those.
    /// </summary>
    private static ImmutableArray<string> Bylines(object? value)
    {
        static string? Name(object? item) => item switch
        {
            string text => text.Trim(),
            long or double => Convert.ToString(item, CultureInfo.InvariantCulture),
            IReadOnlyDictionary<string, object?> map when map.TryGetValue("name", out var name) && name is string text => text.Trim(),
            _ => null,
        };
        switch (value)
        {
            case null:
                return [];
            case ImmutableArray<object?> list:
                var names = list.Select(Name).ToList();
                return names.Any(n => n is null) ? default : [.. names.Where(n => n!.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)!];
            default:
                return Name(value) is { } one ? (one.Length == 0 ? [] : [one]) : default;
        }
    }

    /// <summary>Bylines as one line of text: "Ann Lee", "Ann Lee and Bob Roy", "Ann Lee, Bob Roy and Cy Dee".</summary>
    public static string Join(ImmutableArray<string> names) => names.Length switch
    {
        0 => string.Empty,
        1 => names[0],
        _ => string.Join(", ", names[..^1]) + " and " + names[^1],
    };
}
