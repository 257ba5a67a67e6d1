using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using SalesInsights.Data;
using SalesInsights.Pipeline;

namespace SalesInsights.Site;

/// <summary>The site-wide settings of <c>input/site.yml</c>, with documented defaults for every key left out.</summary>
public sealed partial record SiteSettings
{
    public string Title { get; init; } = "SalesInsights";
    public string Description { get; init; } = string.Empty;

    /// <summary>Absolute URL of the site without a trailing slash, e.g. <c>https://example.org/blog</c>.</summary>
    public string BaseUrl
    {
        get => _baseUrl;
        init
        {
            _baseUrl = value;
            BasePath = PathOf(value);
        }
    }

    private readonly string _baseUrl = "http://localhost:5080";

    public string Author { get; init; } = "SalesInsights";
    public string Language { get; init; } = "en";
    public string? RepositoryUrl { get; init; }

    /// <summary>Branch used in "edit this page" links.</summary>
    public string RepositoryBranch { get; init; } = "main";
    public int PostsPerPage { get; init; } = 10;

    /// <summary>
    /// Articles may carry active HTML (scripts, event handlers, javascript: and data: URLs, iframes, objects, embeds):
    /// <c>markdown: { unsafe_html: true }</c>. Off by default; feeds never carry it either way.
    /// </summary>
    public bool UnsafeHtml { get; init; }

    /// <summary>
    /// The ISO 4217 code money is shown in when a format names none (<c>currency: EUR</c>); a value may still name
    /// its own (<c>| currency(GBP)</c>).
    /// </summary>
    public string Currency { get; init; } = "USD";

    /// <summary>The people who write for the site, with the addresses they commit from (<c>authors:</c>).</summary>
    public ImmutableArray<SiteAuthor> Authors { get; init; } = [];

    /// <summary>
    /// The zone dates are shown in (<c>timezone: America/New_York</c>, an IANA name): a date written with another
    /// offset is shown as that zone's day, a date without one is that zone's. Null (the default) shows every date
    /// as written.
    /// </summary>
    public string? TimeZone { get; init; }

    /// <summary>The zone of <see cref="TimeZone"/> (a method, not a property, so settings stay a value that hashes).</summary>
    public TimeZoneInfo? Zone() => TimeZone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Taxonomies beyond tags, each with pages of its own (<c>taxonomies: {category: categories}</c>); categories unless declared.</summary>
    public ImmutableArray<Taxonomy> Taxonomies { get; init; } = [Taxonomy.Categories];

    /// <summary>The data catalog's limits and the datasets' encodings (<c>data:</c>).</summary>
    public DataOptions Data { get; init; } = DataOptions.Default;

    /// <summary>Any other key of site.yml, offered to templates as <c>site.params</c>.</summary>
    public ImmutableDictionary<string, object?> Extra { get; init; } = ImmutableDictionary<string, object?>.Empty;

    /// <summary>
    /// The path part of <see cref="BaseUrl"/> ("" or "/blog"), prefixed to every root-relative URL. Worked out when
    /// the URL is set: every link of every page asks for it, and parsing the URL each time was 1% of a large build.
    /// </summary>
    public string BasePath { get; private init; } = string.Empty;

    private static string PathOf(string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? uri.AbsolutePath.TrimEnd('/') : string.Empty;

    public const string FileName = "site.yml";

    /// <summary>Reads site.yml from the input folder; a missing file means defaults, a broken one a diagnostic.</summary>
    public static SiteSettings Load(string inputDirectory, string relativePath, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(inputDirectory, FileName);
        if (!File.Exists(path))
        {
            return new SiteSettings();
        }
        if (new FileSandbox([inputDirectory]).Refusal(path) is { } refusal)
        {
            diagnostics.Report(Diagnostic.Error("SI0005", $"'{relativePath}' is not read: {refusal}", relativePath));
            return new SiteSettings();
        }
        if (SourceText.Read(path, relativePath, out var unreadable) is not { } text)
        {
            diagnostics.Report(unreadable!);
            return new SiteSettings();
        }
        var parsed = FrontMatter.Parse("---\n" + text + "\n---\n", out var error);
        if (error is not null)
        {
            diagnostics.Report(Diagnostic.Error("SI0010", error.Message.Replace("front matter", "site settings", StringComparison.Ordinal), relativePath, Math.Max(1, error.Line - 1), error.Column));
            return new SiteSettings();
        }
        var v = parsed.Values;
        string? S(string key) => v.TryGetValue(key, out var o) ? o?.ToString() : null;
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "title", "description", "base_url", "author", "language", "repository_url", "repository_branch", "posts_per_page", "data", "markdown", "authors", "timezone", "taxonomies", "currency",
        };
        int LineOf(string key) => parsed.Lines.TryGetValue(key, out var l) ? l - 1 : 1;
        var settings = new SiteSettings
        {
            Title = S("title") ?? "SalesInsights",
            Description = S("description") ?? string.Empty,
            BaseUrl = (S("base_url") ?? "http://localhost:5080").TrimEnd('/'),
            Author = S("author") ?? "SalesInsights",
            Language = S("language") ?? "en",
            RepositoryUrl = S("repository_url")?.TrimEnd('/'),
            RepositoryBranch = S("repository_branch") ?? "main",
            PostsPerPage = v.TryGetValue("posts_per_page", out var pp) && pp is long n and > 0 ? (int)n : 10,
            Extra = v.Where(kv => !known.Contains(kv.Key)).ToImmutableDictionary(StringComparer.OrdinalIgnoreCase),
            UnsafeHtml = UnsafeHtmlOf(v.GetValueOrDefault("markdown"), message => diagnostics.Report(Diagnostic.Error("SI0012", message, relativePath, LineOf("markdown")))),
            TimeZone = TimeZoneOf(S("timezone"), message => diagnostics.Report(Diagnostic.Error("SI0012", message, relativePath, LineOf("timezone")))),
            Taxonomies = TaxonomiesOf(v.GetValueOrDefault("taxonomies"), message => diagnostics.Report(Diagnostic.Error("SI0012", message, relativePath, LineOf("taxonomies")))),
            Data = DataOptionsOf(v.GetValueOrDefault("data"), message => diagnostics.Report(Diagnostic.Error("SI0012", message, relativePath, LineOf("data")))),
            Authors = AuthorsOf(v.GetValueOrDefault("authors"), message => diagnostics.Report(Diagnostic.Error("SI0012", message, relativePath, LineOf("authors")))),
        };
        if (S("currency") is { } currency)
        {
            if (Formatting.ValueFormatter.IsCurrencyCode(currency))
            {
                settings = settings with { Currency = currency };
            }
            else
            {
                diagnostics.Report(Diagnostic.Error("SI0012", $"currency '{currency}' is not a currency code; write three capital letters, e.g. currency: EUR", relativePath, LineOf("currency")));
            }
        }
        if (!Uri.TryCreate(settings.BaseUrl, UriKind.Absolute, out _))
        {
            var line = parsed.Lines.TryGetValue("base_url", out var l) ? l - 1 : 1;
            diagnostics.Report(Diagnostic.Error("SI0011", $"base_url '{settings.BaseUrl}' is not an absolute URL; write it like https://example.org", relativePath, line));
        }
        return settings;
    }

    /// <summary>The <c>taxonomies:</c> map, singular to plural; <c>tags</c> are always there and need no entry.</summary>
    private static ImmutableArray<Taxonomy> TaxonomiesOf(object? value, Action<string> error)
    {
        if (value is null)
        {
            return [Taxonomy.Categories];
        }
        var taxonomies = ImmutableArray.CreateBuilder<Taxonomy>();
        if (value is IReadOnlyDictionary<string, object?> map)
        {
            foreach (var (singular, plural) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (plural is string name && Slugs.From(name) == name && Slugs.From(singular) == singular && name is not "tags" and not "posts" and not "authors" and not "archive")
                {
                    taxonomies.Add(new Taxonomy(singular, name));
                    continue;
                }
                error($"'taxonomies: {singular}' must name its plural in lower-case letters, like: taxonomies: {{ category: categories }} (tags are always there)");
            }
            return taxonomies.ToImmutable();
        }
        error("'taxonomies' must be a map of singular to plural names, like: taxonomies: { category: categories, series: series }");
        return [Taxonomy.Categories];
    }

    /// <summary>The <c>timezone:</c> name, looked up in the machine's time zone database.</summary>
    private static string? TimeZoneOf(string? name, Action<string> error)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name.Trim()).Id;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            error($"unknown timezone '{name}'; write an IANA zone name like Europe/Stockholm or America/New_York, or UTC");
            return null;
        }
    }

    /// <summary>The <c>markdown:</c> map: <c>unsafe_html</c>, true or false.</summary>
    private static bool UnsafeHtmlOf(object? value, Action<string> error)
    {
        switch (value)
        {
            case null:
                return false;
            case ImmutableDictionary<string, object?> map when map.Keys.All(k => k == "unsafe_html") && map.GetValueOrDefault("unsafe_html") is bool or null:
                return map.GetValueOrDefault("unsafe_html") is true;
            default:
                error("'markdown' must be a map with one key, unsafe_html: true or false (e.g. markdown: { unsafe_html: true })");
                return false;
        }
    }

    /// <summary>The <c>authors:</c> map: each name to <c>{ email: address }</c> or <c>{ email: [addresses] }</c>.</summary>
    private static ImmutableArray<SiteAuthor> AuthorsOf(object? value, Action<string> error)
    {
        const string Example = "e.g. authors: { Maya Lindqvist: { email: maya@example.org } }";
        if (value is null)
        {
            return [];
        }
        if (value is not ImmutableDictionary<string, object?> map)
        {
            error($"'authors' must map each author's name to their email addresses, {Example}");
            return [];
        }
        var authors = ImmutableArray.CreateBuilder<SiteAuthor>();
        foreach (var (name, entry) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var emails = (entry as ImmutableDictionary<string, object?>)?.GetValueOrDefault("email") switch
            {
                string one => [one],
                ImmutableArray<object?> many when many.All(e => e is string) => many.Cast<string>().ToImmutableArray(),
                _ => ImmutableArray<string>.Empty,
            };
            if (entry is not ImmutableDictionary<string, object?> d || d.Count != 1 || emails.IsEmpty || emails.Any(e => !e.Contains('@', StringComparison.Ordinal)))
            {
                error($"'authors: {name}' must be a map with one key, email: an address or a list of them, {Example}");
                continue;
            }
            authors.Add(new SiteAuthor(name.Trim(), [.. emails.Select(e => e.Trim())]));
        }
        return authors.ToImmutable();
    }

    /// <summary>The <c>data:</c> map: query_timeout (seconds), memory_limit (e.g. 1GB) and datasets' encodings.</summary>
    private static DataOptions DataOptionsOf(object? value, Action<string> error)
    {
        if (value is null)
        {
            return DataOptions.Default;
        }
        if (value is not ImmutableDictionary<string, object?> map)
        {
            error("'data' must be a map: query_timeout (seconds), memory_limit (e.g. 1GB), datasets (each with an encoding)");
            return DataOptions.Default;
        }
        var options = DataOptions.Default;
        foreach (var (key, setting) in map)
        {
            switch (key)
            {
                case "query_timeout" when setting is long or double && Convert.ToDouble(setting, CultureInfo.InvariantCulture) is > 0 and <= 3600 and var seconds:
                    options = options with { QueryTimeout = TimeSpan.FromSeconds(seconds) };
                    break;
                case "query_timeout":
                    error("'data: query_timeout' must be a number of seconds from 1 to 3600");
                    break;
                case "memory_limit" when setting is string limit && MemorySize().IsMatch(limit):
                    options = options with { MemoryLimit = limit.Replace(" ", string.Empty, StringComparison.Ordinal) };
                    break;
                case "memory_limit":
                    error("'data: memory_limit' must be a size such as 512MB or 2GB");
                    break;
                case "datasets" when setting is ImmutableDictionary<string, object?> datasets:
                    var encodings = options.Encodings;
                    foreach (var (name, dataset) in datasets)
                    {
                        if (dataset is ImmutableDictionary<string, object?> d && d.GetValueOrDefault("encoding") is string encoding && d.Count == 1)
                        {
                            encodings = encodings.SetItem(name, encoding);
                        }
                        else
                        {
                            error($"'data: datasets: {name}' must be a map with one key, encoding (e.g. {{ encoding: windows-1252 }})");
                        }
                    }
                    options = options with { Encodings = encodings };
                    break;
                default:
                    error($"unknown key 'data: {key}'; the keys are query_timeout, memory_limit and datasets");
                    break;
            }
        }
        return options;
    }

    [GeneratedRegex(@"^\s*\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex MemorySize();
}
