using SalesInsights.Markdown;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>
/// Turns each body into HTML with our Markdown dialect and keeps what the syntax tree knew: TOC, anchors, links,
/// word count, excerpt, plus files the features produced (chart CSVs). Feature problems become diagnostics.
/// </summary>
public sealed class RenderMarkdown : ForEachDocument
{
    protected override bool IsCacheable => true;

    protected override Document? Execute(Document input, IExecutionContext context)
    {
        var renderer = context.Get<MarkdownRenderer>();
        var body = input.Get<string>(Keys.Body) ?? input.Text;
        var renderContext = new MarkdownRenderContext(
            input.Source ?? "(generated)",
            input.Get<int>(Keys.BodyLine),
            context,
            context.Get<SiteSettings>().BasePath,
            input.Destination is { } destination ? Path.GetDirectoryName(destination)?.Replace('\\', '/') ?? string.Empty : string.Empty,
            input.Metadata,
            context.Get<SiteSettings>().UnsafeHtml);
        var result = renderer.Render(body, renderContext);
        foreach (var diagnostic in renderContext.Diagnostics)
        {
            context.Diagnostics.Report(diagnostic);
        }
        if (renderContext.HasErrors)
        {
            return null;
        }
        var summary = input.Metadata.GetString(Keys.Summary);
        return input.WithText(result.Html) with
        {
            // The Markdown source is not needed once rendered; dropping it keeps large builds' memory down.
            Metadata = input.Metadata
                .Without(Keys.Body)
                .With(Keys.Toc, result.Toc)
                .With(Keys.Anchors, result.Anchors)
                .With(Keys.Links, result.Links)
                .With(Keys.WordCount, result.WordCount)
                .With(Keys.ReadingMinutes, MarkdownRenderer.ReadingMinutes(result.WordCount))
                // Null when there is no prose at all (a page of tiles), so pages fall back to the site's description.
                .With(Keys.Excerpt, !string.IsNullOrWhiteSpace(summary) ? summary.Trim()
                    : !string.IsNullOrWhiteSpace(result.SummaryBeforeMore) ? result.SummaryBeforeMore
                    : result.FirstParagraph.Length > 0 ? Truncate(result.FirstParagraph, 280) : null)
                .With(Keys.GeneratedFiles, renderContext.Files.ToArray())
                .With(Keys.Claims, renderContext.Claims.ToArray()),
        };
    }

    private static string Truncate(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', length);
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : length), "…");
    }
}
