using System.Globalization;
using System.Net;
using System.Text;
using Markdig;
using Markdig.Syntax.Inlines;
using SalesInsights.Imaging;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Markdown.Images;

/// <summary>
/// Markdown images (<c>![alt](picture.png)</c>) as readers should get them: alt text required (a warning, SI0705,
/// at the image), and a picture of the site's own (beside a page bundle's <c>index.md</c> or the
/// article, or under <c>input/static/</c>) published in a few widths as WebP and in its own format, with <c>srcset</c> and
/// <c>sizes</c> so the browser picks the smallest file that is sharp, and <c>width</c> and <c>height</c> so the
/// text does not jump when it arrives. Remote pictures, SVG and GIF keep their address. The first image of an
/// article loads at once; the ones below it load as the reader scrolls near them.
/// </summary>
public sealed class ResponsiveImageFeature : IMarkdownFeature
{
    /// <summary>The width the text column takes (the theme's <c>--container</c>, 40rem) and the full screen below it.</summary>
    public const string Sizes = "(min-width: 42rem) 40rem, 100vw";

    public void Configure(MarkdownPipelineBuilder builder)
    {
    }

    public void Prepare(MarkdownNodes nodes, MarkdownRenderContext context)
    {
        var first = true;
        foreach (var image in nodes.Inlines<LinkInline>().Where(l => l.IsImage).ToList())
        {
            var eager = first;
            first = false;
            var alt = MarkdownRenderer.PlainText(image, context).Trim();
            if (alt.Length == 0)
            {
                context.Warning("SI0705", $"the image '{image.Url}' has no alt text; say what it shows for readers who cannot see it, like: ![Win rate by quarter, rising from 18% to 24%]({image.Url})", image.Line, image.Column);
            }
            if (image.Url is not { Length: > 0 } url || !ImageVariants.IsRaster(PathOf(url)) || Find(url, context) is not { } file
                || BuildServices.Find<ImageVariants>(context) is not { } variants)
            {
                continue;
            }
            context.Execution?.ReadsFile(file);
            var set = variants.Prepare(file, out var problem);
            if (set is null && problem is null)
            {
                // A quick first preview: the original now, its sizes from the next build, which does not reuse this page.
                context.Execution?.MarkIncomplete();
                continue;
            }
            if (set is null)
            {
                context.Warning("SI0706", $"the image '{url}' is published as it is: {problem}", image.Line, image.Column);
                continue;
            }
            foreach (var variant in set.Variants)
            {
                context.AddFile(new GeneratedFile(Published(set, variant).TrimStart('/'), string.Empty) { CopyFrom = variant.File });
            }
            // The image becomes raw HTML of our own, read like the writer's: its addresses go to the link check.
            // Without copying children: the alt text is in the HTML's alt attribute, not again as text after the picture.
            image.ReplaceBy(new HtmlInline(Html(url, alt, image.Title, set, eager, context.BasePath)) { Line = image.Line, Column = image.Column }, copyChildren: false);
        }
    }

    /// <summary>Where a variant is published: <c>/img/&lt;hash of the picture&gt;/&lt;name&gt;-&lt;width&gt;.&lt;format&gt;</c>, one copy for every page that shows it.</summary>
    public static string Published(ImageSet set, ImageVariant variant) => $"/img/{set.Hash}/{Path.GetFileName(variant.File)}";

    private static string Html(string url, string alt, string? title, ImageSet set, bool eager, string basePath)
    {
        static string A(string text) => WebUtility.HtmlEncode(text);
        string SrcSet(string format) => string.Join(", ", set.Variants.Where(v => v.Format == format).Select(v => $"{basePath}{Published(set, v)} {v.Width}w"));
        var src = url.StartsWith('/') ? basePath + url : url;
        var html = new StringBuilder("<picture>");
        if (set.Format != "webp")
        {
            html.Append(CultureInfo.InvariantCulture, $"<source type=\"image/webp\" srcset=\"{A(SrcSet("webp"))}\" sizes=\"{Sizes}\">");
        }
        html.Append(CultureInfo.InvariantCulture, $"<img src=\"{A(src)}\" srcset=\"{A(SrcSet(set.Format))}\" sizes=\"{Sizes}\" width=\"{set.Width}\" height=\"{set.Height}\" alt=\"{A(alt)}\"");
        if (!string.IsNullOrEmpty(title))
        {
            html.Append(CultureInfo.InvariantCulture, $" title=\"{A(title)}\"");
        }
        html.Append(eager ? " decoding=\"async\" fetchpriority=\"high\">" : " loading=\"lazy\" decoding=\"async\">");
        return html.Append("</picture>").ToString();
    }

    private static string PathOf(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        return end < 0 ? url : url[..end];
    }

    /// <summary>
    /// The file of the site a picture's address names: <c>/x.png</c> under <c>input/static/</c>, <c>x.png</c> beside a
    /// page bundle's <c>index.md</c> or beside the article (<see cref="Modules.CopyBundleFiles"/> publishes it); null for a remote picture or one that is not there (the link check reports that).
    /// </summary>
    private static string? Find(string url, MarkdownRenderContext context)
    {
        if (BuildServices.Find<BuildOptions>(context) is not { } options || url.StartsWith("//", StringComparison.Ordinal) || url.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }
        var path = Uri.UnescapeDataString(PathOf(url));
        string candidate;
        if (path.StartsWith('/'))
        {
            candidate = Path.GetFullPath(Path.Combine(options.InputDirectory, "static", path.TrimStart('/')));
        }
        else if (SourceFileName.IsBundleIndex(context.SourcePath) || SourceFileName.IsSiblingPath(path))
        {
            candidate = Path.GetFullPath(Path.Combine(options.SiteRoot, Path.GetDirectoryName(context.SourcePath)!, path));
        }
        else
        {
            return null;
        }
        var inside = candidate.StartsWith(Path.GetFullPath(options.InputDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var sandbox = BuildServices.Find<FileSandbox>(context);
        return inside && File.Exists(candidate) && sandbox?.Refusal(candidate) is null ? candidate : null;
    }
}
