using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SalesInsights.Html;
using SalesInsights.Markdown.Tables;

namespace SalesInsights.Markdown;

/// <summary>
/// The one door to Markdig: a frozen pipeline with the advanced extensions and our features, used from many
/// threads at once. Headings, links and word counts are read from the syntax tree here, so no later step has to
/// parse the HTML again to learn them.
/// </summary>
public sealed partial class MarkdownRenderer
{
    [GeneratedRegex(@"^\s*<!--\s*more\s*-->\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex MoreDivider();

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
        markdown = Shortcodes.ForeignSyntax.Rewrite(markdown, context);
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
        var seenImage = false;
        foreach (var link in nodes.Inlines<LinkInline>())
        {
            var firstImage = link.IsImage && !seenImage;
            seenImage |= link.IsImage;
            var url = link.Url ?? string.Empty;
            // An empty link is recorded too, so that a check reports it at this line rather than in the layout.
            links.Add(new MarkdownLink(url, link.IsImage, context.LineOffset + link.Line + 1, link.Column + 1));
            if (RawHtml.ActiveScheme(url) is { } scheme)
            {
                RefuseActive(context, $"a {scheme} URL in a {(link.IsImage ? "Markdown image" : "Markdown link")}", link.Line, link.Column);
            }
            if (url.Length == 0)
            {
                continue;
            }
            if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && context.BasePath.Length > 0)
            {
                link.Url = context.BasePath + url;
            }
            if (link.IsImage)
            {
                // The first image is near the top of the article: it loads at once; the ones below as the reader nears them.
                if (!firstImage)
                {
                    link.GetAttributes().AddPropertyIfNotExist("loading", "lazy");
                }
                link.GetAttributes().AddPropertyIfNotExist("decoding", "async");
            }
            else if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", "noopener");
            }
        }
        foreach (var autolink in nodes.Inlines<AutolinkInline>())
        {
            if (RawHtml.ActiveScheme(autolink.Url) is { } scheme)
            {
                RefuseActive(context, $"a {scheme} autolink", autolink.Line, autolink.Column);
            }
        }
        // Raw HTML the writer typed: its active content is refused, its links are checked at the lines that wrote them.
        foreach (var block in nodes.Blocks<HtmlBlock>())
        {
            ReadRawHtml(block.Lines.ToString(), block.Line, block.Column, context, links);
        }
        foreach (var inline in nodes.Inlines<HtmlInline>())
        {
            ReadRawHtml(inline.Tag, inline.Line, inline.Column, context, links);
        }

        // The writer's own summary ends at a <!--more--> line: the paragraphs before it, as plain text.
        var more = nodes.Blocks<HtmlBlock>().FirstOrDefault(b => MoreDivider().IsMatch(b.Lines.ToString()));
        var summaryBeforeMore = more is null ? null : string.Join(' ', nodes.Blocks<ParagraphBlock>()
            .Where(p => p.Parent is MarkdownDocument && p.Line < more.Line)
            .Select(p => PlainText(p.Inline, context))
            .Where(t => t.Length > 0));

        return new MarkdownResult(
            Markdig.Markdown.ToHtml(document, _pipeline),
            toc.ToImmutable(),
            anchors.ToImmutable(),
            links.ToImmutable(),
            nodes.Words,
            // A table cell holds a paragraph too, but a summary is prose.
            nodes.Blocks<ParagraphBlock>().Where(p => p.Parent is not TableCell).Select(p => PlainText(p.Inline, context)).FirstOrDefault(t => t.Length > 0) ?? string.Empty)
        {
            SummaryBeforeMore = summaryBeforeMore,
        };
    }

    private static void ReadRawHtml(string html, int line, int column, MarkdownRenderContext context, ImmutableArray<MarkdownLink>.Builder links)
    {
        if (html.Length == 0)
        {
            return;
        }
        var content = RawHtml.Read(html);
        // Positions inside the fragment, made positions of the article: its first line starts at the node's column.
        (int Line, int Column) At(RawHtmlItem item) => (line + item.Line - 1, item.Line == 1 ? column + item.Column - 1 : item.Column - 1);
        foreach (var item in content.Active)
        {
            var (l, c) = At(item);
            RefuseActive(context, item.Text, l, c);
        }
        foreach (var item in content.Urls)
        {
            var (l, c) = At(item);
            links.Add(new MarkdownLink(item.Text, false, context.LineOffset + l + 1, c + 1));
        }
    }

    private static void RefuseActive(MarkdownRenderContext context, string what, int line, int column)
    {
        if (!context.AllowsActiveContent)
        {
            context.Error("SI0702", $"{what} would run in readers' browsers; scripts, event handlers, javascript: and data: URLs, iframes, objects and embeds are refused unless site.yml sets markdown: {{ unsafe_html: true }}", line, column);
        }
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
