using SalesInsights.Site;

namespace SalesInsights.Markdown.Shortcodes;

/// <summary>
/// The address on this site of a file a Jekyll or Hugo writer points at (<c>{% link _posts/2026-03-10-x.md %}</c>,
/// <c>{% post_url 2026-03-10-x %}</c>, <c>{{&lt; ref "posts/x.md" &gt;}}</c>): an article's or page's URL as this
/// site publishes it, or the path of a static file. Whether it exists is for the link check to say.
/// </summary>
public static class ContentReference
{
    private static readonly string[] PostFolders = ["_posts", "posts", "post", "blog", "content/posts", "content/post", "content/blog"];

    public static string Url(string reference)
    {
        var text = reference.Trim().Trim('"', '\'');
        var hash = text.IndexOf('#');
        var anchor = hash >= 0 ? text[hash..] : string.Empty;
        var path = (hash >= 0 ? text[..hash] : text).Trim('/');
        if (path.Length == 0)
        {
            return anchor.Length > 0 ? anchor : "/";
        }
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".md" or ".markdown" or ".html" or ""))
        {
            return "/" + path + anchor; // a static file: images, downloads
        }
        var file = extension.Length == 0 ? path + ".md" : path;
        if (Path.GetFileNameWithoutExtension(file) is "index" or "_index" && Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            file = folder + ".md"; // a page bundle is named by its folder
        }
        var name = SourceFileName.Of(file);
        var isPost = name.Date is not null || PostFolders.Any(folder => path.StartsWith(folder + "/", StringComparison.OrdinalIgnoreCase));
        var slug = Slugs.From(name.Slug);
        return (isPost ? $"/posts/{slug}/" : $"/{slug}/") + anchor;
    }

    /// <summary>Jekyll's <c>post_url</c> names a post by its file name without extension, in <c>_posts</c>.</summary>
    public static string PostUrl(string name) => $"/posts/{Slugs.From(SourceFileName.Of(name.Trim().Trim('"', '\'') + ".md").Slug)}/";
}
