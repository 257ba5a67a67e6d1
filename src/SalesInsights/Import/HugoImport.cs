using System.Globalization;
using SalesInsights.Site;

namespace SalesInsights.Import;

/// <summary>
/// Plans bringing a Hugo site into this one: dated content (and every section named like a blog) becomes articles,
/// the rest pages, page bundles keep their files, <c>static/</c> becomes <c>input/static/</c>, CSV files of
/// <c>data/</c> become datasets, and the settings this site knows go to <c>site.yml</c>. Front matter is kept as
/// written: the build reads Hugo's keys, and names what it cannot honour when the import checks the result.
/// </summary>
public static class HugoImport
{
    private static readonly string[] ConfigNames = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"];

    /// <summary>Sections whose name says they hold articles: their folder is dropped (content/posts/x.md → input/posts/x.md).</summary>
    private static readonly HashSet<string> ArticleSections = new(StringComparer.OrdinalIgnoreCase) { "posts", "post", "blog", "articles", "news" };

    /// <summary>Slugs a section's text cannot take as a page: the site's own generated folders.</summary>
    private static readonly HashSet<string> Generated = new(StringComparer.OrdinalIgnoreCase) { "posts", "tags", "authors", "archive", "page", "data", "assets", "categories", "dashboard-data" };

    /// <param name="root">The Hugo site's folder.</param>
    /// <param name="shownRoot">That folder as the writer named it, for notes.</param>
    public static ImportPlan Plan(string root, string shownRoot)
    {
        var plan = new PlanBuilder(root, shownRoot);
        var config = ReadConfig(plan);
        var contentDir = config?.Text("contentDir") ?? "content";
        var staticDir = config?.Text("staticDir") ?? "static";
        Content(plan, Path.Combine(plan.Root, contentDir));
        foreach (var file in plan.Files(Path.Combine(plan.Root, staticDir)))
        {
            plan.Add(file, "static/" + Path.GetRelativePath(Path.Combine(plan.Root, staticDir), file).Replace('\\', '/'));
        }
        SharedFolders.Data(plan, Path.Combine(plan.Root, config?.Text("dataDir") ?? "data"), "Hugo's data files are read by templates");
        foreach (var (folder, why) in new[]
        {
            ("layouts", "templates of the old site; the look here is theme/ (theme/README.md)"),
            ("themes", "the old site's theme; the look here is theme/ (theme/README.md)"),
            ("assets", "Hugo processes these through templates; copy pictures you need into input/static/"),
            ("archetypes", "templates for new content; 'new post' writes this site's front matter"),
            ("i18n", "translations of the old theme's words"),
        })
        {
            plan.FolderNotCarried(Path.Combine(plan.Root, folder), why);
        }
        return plan.Build();
    }

    private static OldSiteConfig? ReadConfig(PlanBuilder plan)
    {
        var path = ConfigNames.Select(n => Path.Combine(plan.Root, n))
            .Concat(ConfigNames.Select(n => Path.Combine(plan.Root, "config", "_default", n)))
            .FirstOrDefault(File.Exists);
        if (path is null)
        {
            plan.Note("SI0802", plan.Root, 1, "no hugo.toml, hugo.yaml or config.toml: no settings were imported (is this a Hugo site?)");
            return null;
        }
        var config = SharedFolders.Config(plan, path);
        if (config is null)
        {
            return null;
        }
        var carried = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "contentDir", "staticDir", "dataDir" };
        void Set(string setting, string? yaml, params string[] keys)
        {
            if (yaml is not null)
            {
                plan.Setting(setting, yaml);
                carried.UnionWith(keys.Select(k => k.Split('.')[0]));
            }
        }
        Set("title", PlanBuilder.Quoted(config.Text("title")), "title");
        Set("base_url", PlanBuilder.Quoted((config.Text("baseURL"))?.TrimEnd('/')), "baseURL");
        Set("description", PlanBuilder.Quoted(config.Text("params.description") ?? config.Text("description")), "description");
        Set("author", PlanBuilder.Quoted(config.Text("params.author") ?? config.Text("author") ?? config.Text("params.author.name")), config.Value("author") is null ? "params.author" : "author");
        Set("language", PlanBuilder.Quoted(config.Text("languageCode") ?? config.Text("defaultContentLanguage")), "languageCode", "defaultContentLanguage");
        Set("timezone", PlanBuilder.Quoted(config.Text("timeZone")), "timeZone");
        var perPage = config.Value("pagination.pagerSize") ?? config.Value("paginate");
        Set("posts_per_page", perPage is long n and > 0 ? n.ToString(CultureInfo.InvariantCulture) : null, config.Value("pagination") is null ? "paginate" : "pagination");
        if (config.Value("taxonomies") is IReadOnlyDictionary<string, object?> taxonomies)
        {
            var declared = taxonomies.Where(t => t.Value is string plural && !plural.Equals("tags", StringComparison.OrdinalIgnoreCase))
                .Select(t => $"{t.Key}: {t.Value}").ToList();
            // Declared without categories, Hugo has none; this site's default would add them, so the list is written.
            Set("taxonomies", "{ " + string.Join(", ", declared) + " }", "taxonomies");
        }
        // Keys only the old site's templates or Hugo itself read, each named where it was written.
        foreach (var key in config.Values.Keys.Where(k => !carried.Contains(k)).OrderBy(config.LineOf))
        {
            plan.Note("SI0802", path, config.LineOf(key), $"setting '{key}' is not imported: {Why(key)}");
        }
        return config;
    }

    private static string Why(string key) => key.ToLowerInvariant() switch
    {
        "permalinks" => "articles are published at /posts/<slug>/ and pages at /<slug>/; give an article redirect_from (or aliases) to keep an old address working",
        "menu" or "menus" => "give a page 'nav: 1' (its place) to list it in the menu",
        "params" => "theme parameters of the old site; any key of site.yml is offered to templates as site.params",
        "theme" => "the look here is theme/ (theme/README.md)",
        "markup" => "Markdown is rendered the same way for every site here",
        "outputs" or "outputformats" or "mediatypes" => "the site's pages, feeds (RSS and Atom) and sitemap are fixed",
        "languages" => "a site here has one language (site.yml 'language')",
        _ => "this site has no such setting",
    };

    private static void Content(PlanBuilder plan, string content)
    {
        if (!Directory.Exists(content))
        {
            plan.Note("SI0802", content, 1, "no content folder: no articles or pages were imported");
            return;
        }
        var files = plan.Files(content).ToList();
        string Rel(string file) => Path.GetRelativePath(content, file).Replace('\\', '/');
        // A leaf bundle: a folder (below content/) with an index.md; everything below it is its resources.
        var bundles = files.Where(f => PlanBuilder.IsMarkdown(f) && Path.GetFileNameWithoutExtension(f).Equals("index", StringComparison.OrdinalIgnoreCase) && Rel(f).Contains('/', StringComparison.Ordinal))
            .Select(f => Path.GetDirectoryName(f)! + Path.DirectorySeparatorChar).ToList();
        string? BundleOf(string file) => bundles.Where(b => file.StartsWith(b, StringComparison.Ordinal)).OrderByDescending(b => b.Length).FirstOrDefault();
        // Where each folder's Markdown went, so the pictures beside it go there too.
        var folderTargets = new Dictionary<string, string>(StringComparer.Ordinal);

        var handled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files.Where(PlanBuilder.IsMarkdown))
        {
            var bundle = BundleOf(file);
            var isIndex = bundle is not null && Path.GetDirectoryName(file) + Path.DirectorySeparatorChar == bundle && Path.GetFileNameWithoutExtension(file).Equals("index", StringComparison.OrdinalIgnoreCase);
            if (bundle is not null && !isIndex)
            {
                continue; // a note of the bundle's (Hugo publishes it as a resource at most): copied with the bundle below
            }
            handled.Add(file);
            var text = plan.ReadText(file);
            if (text is null)
            {
                continue;
            }
            var relative = Rel(file);
            if (Path.GetFileNameWithoutExtension(file).Equals("_index", StringComparison.OrdinalIgnoreCase))
            {
                SectionText(plan, file, relative, text);
                continue;
            }
            var frontMatter = plan.FrontMatterOf(file, text);
            var segments = relative.Split('/');
            var dated = frontMatter.Values.ContainsKey(Keys.Date) || frontMatter.Values.ContainsKey(Keys.PublishDate) || SourceFileName.Of(file).Date is not null;
            var isArticle = segments.Length > 1 && (dated || ArticleSections.Contains(segments[0]));
            var target = isArticle
                ? "posts/" + (ArticleSections.Contains(segments[0]) ? string.Join('/', segments[1..]) : relative)
                : "pages/" + relative;
            plan.Add(file, target);
            folderTargets[isIndex ? bundle!.TrimEnd(Path.DirectorySeparatorChar) : Path.GetDirectoryName(file)!] = target[..(target.LastIndexOf('/') + 1)];
        }

        foreach (var file in files.Where(f => !handled.Contains(f)))
        {
            if (!PlanBuilder.IsMarkdown(file) && Path.GetExtension(file).ToLowerInvariant() is ".html" or ".htm" && BundleOf(file) is null)
            {
                plan.Note("SI0804", file, 1, "not imported: content written in HTML; write it as Markdown (raw HTML is allowed inside)");
                continue;
            }
            var bundle = BundleOf(file)?.TrimEnd(Path.DirectorySeparatorChar);
            var folder = bundle ?? Path.GetDirectoryName(file)!;
            var inside = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (folderTargets.TryGetValue(folder, out var targetFolder))
            {
                plan.Add(file, targetFolder + inside);
                continue;
            }
            var relative = Rel(file);
            var segments = relative.Split('/');
            plan.Add(file, segments.Length > 1 && ArticleSections.Contains(segments[0]) ? "posts/" + string.Join('/', segments[1..]) : "pages/" + relative);
        }
    }

    /// <summary>
    /// Hugo's <c>_index.md</c>, the list page of a section (or of the home page): the list is generated here, so
    /// only its text, when it has any, is kept, as a page of its own.
    /// </summary>
    private static void SectionText(PlanBuilder plan, string file, string relative, string text)
    {
        var frontMatter = plan.FrontMatterOf(file, text);
        var section = relative.Contains('/', StringComparison.Ordinal) ? relative[..relative.LastIndexOf('/')] : string.Empty;
        var what = section.Length == 0 ? "the home page's list" : $"the list page of section '{section}'";
        if (string.IsNullOrWhiteSpace(frontMatter.Body))
        {
            plan.Note("SI0805", file, 1, $"not imported: {what}, which this site generates itself; it has no text of its own");
            return;
        }
        var title = frontMatter.Values.GetValueOrDefault(Keys.Title) as string;
        var name = Slugs.From(title ?? string.Empty);
        if (name.Length == 0 || Generated.Contains(name))
        {
            name = section.Length == 0 ? "home" : Slugs.From(section) + "-section";
        }
        plan.Add(file, $"pages/{name}.md");
        plan.Note("SI0805", file, frontMatter.BodyLine + 1, $"{what} is generated here; its text is imported as the page input/pages/{name}.md, published at /{(frontMatter.Values.TryGetValue(Keys.Slug, out var slug) ? Slugs.From(slug?.ToString() ?? name) : name)}/");
    }
}
