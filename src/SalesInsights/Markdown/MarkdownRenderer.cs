using System.Collections.Immutable;
using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SalesInsights.Markdown.Tables;

namespace SalesInsights.Markdown;

/// <summary>
/// The one door to Markdig: a frozen pipeline with the advanced extensions and our features, used from many
/// threads at once. Headings, links and word counts are read from the syntax tree here, so no later step has to
/// parse the HTML again to learn them.
/// </summary>
public sealed class MarkdownRenderer
{
    private const int WordsPerMinute = 230;
    private readonly MarkdownPipeline _pipeline;
    private readonly ImmutableArray<IMarkdownFeature> _features;

    public MarkdownRenderer(IEnumerable<IMarkdownFeature>? features = null)
    {
        _features = [.. features ?? []];
        var builder = new MarkdownPipelineBuilder().UseAdvancedExtensions();
        foreach (var feature in _features)
        {
            feature.Configure(builder);
        }
        // Last, so that it replaces the table renderer the table extension installs.
        builder.Extensions.Add(new SiteObjectRenderers());
        _pipeline = builder.Build();
    }

    public static int ReadingMinutes(int words) => Math.Max(1, (int)Math.Ceiling(words / (double)WordsPerMinute));

    public MarkdownResult Render(string markdown, MarkdownRenderContext context)
    {
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        context.AttachTo(document);
        var nodes = MarkdownNodes.Of(document);
        foreach (var feature in _features)
        {
            feature.Prepare(nodes, context);
        }
        WrapTables.MoveAlignmentToClasses(nodes);

        var toc = ImmutableArray.CreateBuilder<TocEntry>();
        var anchors = ImmutableArray.CreateBuilder<string>();
        foreach (var heading in nodes.Blocks<HeadingBlock>())
        {
            var id = heading.GetAttributes().Id;
            if (string.IsNullOrEmpty(id))
            {
                continue;
            }
            anchors.Add(id);
            if (heading.Level is 2 or 3)
            {
                toc.Add(new TocEntry(heading.Level, id, PlainText(heading.Inline, context)));
            }
            heading.Inline?.AppendChild(new HtmlInline($" <a class=\"heading-anchor\" href=\"#{id}\" aria-label=\"Link to this section\">#</a>"));
        }

        var links = ImmutableArray.CreateBuilder<MarkdownLink>();
        foreach (var link in nodes.Inlines<LinkInline>())
        {
            if (link.Url is not { Length: > 0 } url)
            {
                continue;
            }
            links.Add(new MarkdownLink(url, link.IsImage, context.LineOffset + link.Line + 1, link.Column + 1));
            if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && context.BasePath.Length > 0)
            {
                link.Url = context.BasePath + url;
            }
            if (link.IsImage)
            {
                link.GetAttributes().AddPropertyIfNotExist("loading", "lazy");
                link.GetAttributes().AddPropertyIfNotExist("decoding", "async");
            }
            else if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", "noopener");
            }
        }

        return new MarkdownResult(
            Markdig.Markdown.ToHtml(document, _pipeline),
            toc.ToImmutable(),
            anchors.ToImmutable(),
            links.ToImmutable(),
            nodes.Words,
            // A table cell holds a paragraph too, but a summary is prose.
            nodes.Blocks<ParagraphBlock>().Where(p => p.Parent is not TableCell).Select(p => PlainText(p.Inline, context)).FirstOrDefault(t => t.Length > 0) ?? string.Empty);
    }

    /// <summary>The text a reader sees in some inlines, without markup; with a context, the text of what features replaced (inline values).</summary>
    public static string PlainText(ContainerInline? inlines, MarkdownRenderContext? context = null)
    {
        if (inlines is null)
        {
            return string.Empty;
        }
        var text = new StringBuilder();
        foreach (var inline in inlines.Descendants<Inline>())
        {
            switch (inline)
            {
                case var replaced when context is not null && context.TryGetText(replaced, out var shown):
                    text.Append(shown);
                    break;
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }
        return text.ToString().Trim();
    }
}
