using System.Globalization;
using SalesInsights.Site;

namespace SalesInsights.Import;

/// <summary>
/// Plans bringing a Jekyll site into this one: <c>_posts/</c> become articles (dated by their file names as here),
/// <c>_drafts/</c> drafts, Markdown pages outside the underscore folders pages, every other file outside them
/// (<c>assets/</c>, <c>images/</c>…) a static file at the same address, CSV files of <c>_data/</c> datasets, and
/// the settings this site knows go to <c>site.yml</c>. Front matter is kept as written.
/// </summary>
public static class JekyllImport
{
    /// <summary>Folders and files Jekyll itself never publishes, and neither does the import (named only when they hold something of the writer's).</summary>
    private static readonly HashSet<string> Tooling = new(StringComparer.OrdinalIgnoreCase)
    {
        "_site", "node_modules", "vendor", "Gemfile", "Gemfile.lock", "_config.yml", "_config.yaml", "README.md", "LICENSE", "LICENSE.md", "CHANGELOG.md", "Rakefile", "package.json", "package-lock.json",
    };

    /// <param name="root">The Jekyll site's folder.</param>
    /// <param name="shownRoot">That folder as the writer named it, for notes.</param>
    public static ImportPlan Plan(string root, string shownRoot)
    {
        var plan = new PlanBuilder(root, shownRoot);
        ReadConfig(plan);
        Posts(plan, Path.Combine(plan.Root, "_posts"), draft: false);
        Posts(plan, Path.Combine(plan.Root, "_drafts"), draft: true);
        SharedFolders.Data(plan, Path.Combine(plan.Root, "_data"), "Jekyll's data files are read by templates");
        foreach (var folder in Directory.EnumerateDirectories(plan.Root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (name.StartsWith('.') || Tooling.Contains(name) || name is "_posts" or "_drafts" or "_data")
            {
                continue;
            }
            if (name.StartsWith('_'))
            {
                plan.FolderNotCarried(folder, name switch
                {
                    "_layouts" or "_includes" or "_sass" => "templates of the old site; the look here is theme/ (theme/README.md)",
                    "_plugins" => "Ruby plugins run by Jekyll; nothing here runs code from the content",
                    _ => "a collection of the old site; move its Markdown into input/pages/ or input/posts/",
                });
                continue;
            }
            foreach (var file in plan.Files(folder))
            {
                Published(plan, file);
            }
        }
        foreach (var file in Directory.EnumerateFiles(plan.Root).Order(StringComparer.Ordinal).Where(f => !Path.GetFileName(f).StartsWith('.') && !Tooling.Contains(Path.GetFileName(f))))
        {
            Published(plan, file);
        }
        return plan.Build();
    }

    private static void ReadConfig(PlanBuilder plan)
    {
        var path = new[] { "_config.yml", "_config.yaml" }.Select(n => Path.Combine(plan.Root, n)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            plan.Note("SI0802", plan.Root, 1, "no _config.yml: no settings were imported (is this a Jekyll site?)");
            return;
        }
        if (SharedFolders.Config(plan, path) is not { } config)
        {
            return;
        }
        var carried = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Set(string setting, string? yaml, params string[] keys)
        {
            if (yaml is not null)
            {
                plan.Setting(setting, yaml);
                carried.UnionWith(keys);
            }
        }
        Set("title", PlanBuilder.Quoted(config.Text("title")), "title");
        var url = config.Text("url")?.TrimEnd('/');
        var baseUrl = config.Text("baseurl")?.Trim('/');
        Set("base_url", PlanBuilder.Quoted(url is null ? null : string.IsNullOrEmpty(baseUrl) ? url : url + "/" + baseUrl), "url", "baseurl");
        Set("description", PlanBuilder.Quoted(config.Text("description")), "description");
        Set("author", PlanBuilder.Quoted(config.Text("author")), "author");
        Set("language", PlanBuilder.Quoted(config.Text("lang")), "lang");
        Set("timezone", PlanBuilder.Quoted(config.Text("timezone")), "timezone");
        Set("posts_per_page", config.Value("paginate") is long n and > 0 ? n.ToString(CultureInfo.InvariantCulture) : null, "paginate");
        foreach (var key in config.Values.Keys.Where(k => !carried.Contains(k)).OrderBy(config.LineOf))
        {
            plan.Note("SI0802", path, config.LineOf(key), $"setting '{key}' is not imported: {Why(key)}");
        }
    }

    private static string Why(string key) => key.ToLowerInvariant() switch
    {
        "permalink" => "articles are published at /posts/<slug>/ and pages at /<slug>/; give an article redirect_from to keep an old address working",
        "plugins" or "gems" => "nothing here runs plugins; redirect_from, feeds, the sitemap and SEO tags are built in",
        "theme" or "remote_theme" => "the look here is theme/ (theme/README.md)",
        "markdown" or "kramdown" or "highlighter" => "Markdown is rendered the same way for every site here",
        "collections" => "a site here has articles and pages; move a collection's Markdown into input/posts/ or input/pages/",
        "exclude" or "include" => "the import takes content, pages and files outside the underscore folders",
        "defaults" => "front matter defaults: write the keys into each file's front matter",
        _ => "this site has no such setting",
    };

    /// <summary>Articles of <c>_posts/</c> (subfolders kept) or drafts of <c>_drafts/</c>, marked as drafts and dated when they are not.</summary>
    private static void Posts(PlanBuilder plan, string folder, bool draft)
    {
        foreach (var file in plan.Files(folder))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (!PlanBuilder.IsMarkdown(file))
            {
                if (Path.GetExtension(file).ToLowerInvariant() is ".html" or ".htm")
                {
                    plan.Note("SI0804", file, 1, "not imported: an article written in HTML; write it as Markdown (raw HTML is allowed inside)");
                }
                else
                {
                    plan.Add(file, "posts/" + relative);
                }
                continue;
            }
            if (!draft)
            {
                plan.Add(file, "posts/" + relative);
                continue;
            }
            if (plan.ReadText(file) is not { } text)
            {
                continue;
            }
            var frontMatter = plan.FrontMatterOf(file, text);
            // Jekyll dates a draft by its file's time; a draft here needs a date like any article.
            var lines = new List<string> { "draft: true" };
            if (!frontMatter.Values.ContainsKey(Keys.Date) && SourceFileName.Of(file).Date is null)
            {
                lines.Add("date: " + File.GetLastWriteTimeUtc(file).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            var marked = frontMatter.Format switch
            {
                FrontMatterFormat.Yaml => text[..(text.IndexOf('\n') + 1)] + string.Join('\n', lines) + "\n" + text[(text.IndexOf('\n') + 1)..],
                FrontMatterFormat.None => "---\n" + string.Join('\n', lines) + "\n---\n" + text,
                _ => null,
            };
            if (marked is null)
            {
                plan.Note("SI0806", file, 1, "a draft whose front matter is not YAML: imported without 'draft: true', so add it before building");
                plan.Add(file, "posts/" + relative);
                continue;
            }
            plan.Add(file, "posts/" + relative, marked);
            plan.Note("SI0806", file, 1, $"a draft: imported with {string.Join(" and ", lines.Select(l => $"'{l}'"))} (left out of builds until you remove 'draft: true'){(lines.Count > 1 ? "; the date is the file's, as Jekyll dates drafts" : string.Empty)}");
        }
    }

    /// <summary>
    /// A file outside the underscore folders: Markdown is a page (a root <c>index</c> is the home page, generated
    /// here), a file Jekyll would run through Liquid (front matter on top) is named, any other is a static file.
    /// </summary>
    private static void Published(PlanBuilder plan, string file)
    {
        var relative = plan.Relative(file);
        var atRoot = !relative.Contains('/', StringComparison.Ordinal);
        var name = Path.GetFileNameWithoutExtension(file);
        if (PlanBuilder.IsMarkdown(file))
        {
            if (relative.Contains("/_posts/", StringComparison.Ordinal))
            {
                // category/_posts/x.md: an article of that category's folder.
                plan.Add(file, "posts/" + relative[(relative.IndexOf("/_posts/", StringComparison.Ordinal) + "/_posts/".Length)..]);
                return;
            }
            if (atRoot && name.Equals("index", StringComparison.OrdinalIgnoreCase))
            {
                plan.Note("SI0805", file, 1, "not imported: the home page, which this site generates (the newest articles); put text worth keeping into a page under input/pages/");
                return;
            }
            if (atRoot && name == "404")
            {
                plan.Note("SI0805", file, 1, "not imported: this site generates its own 404 page (theme/layouts/404)");
                return;
            }
            plan.Add(file, "pages/" + relative);
            return;
        }
        if (StartsWithFrontMatter(file))
        {
            plan.Note("SI0804", file, 1, "not imported: Jekyll runs this file through its templates (it starts with front matter); pages here are Markdown, and feeds, the sitemap and styles are built in");
            return;
        }
        if (atRoot && !KeptAtRoot.Contains(Path.GetExtension(file).ToLowerInvariant()))
        {
            plan.Note("SI0802", file, 1, "not imported: a file at the old site's root; this site makes its own favicon, robots.txt and feeds; copy it into input/static/ if it is still needed");
            return;
        }
        plan.Add(file, "static/" + relative);
    }

    /// <summary>Pictures and documents at the root are the writer's; other root files are the old site's machinery.</summary>
    private static readonly HashSet<string> KeptAtRoot = new(StringComparer.Ordinal) { ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf" };

    private static bool StartsWithFrontMatter(string file)
    {
        Span<byte> head = stackalloc byte[4];
        using var stream = File.OpenRead(file);
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        return read >= 3 && head[0] == '-' && head[1] == '-' && head[2] == '-' && (read == 3 || head[3] is (byte)'\n' or (byte)'\r');
    }
}
