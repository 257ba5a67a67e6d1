using System.Collections.Concurrent;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SalesInsights.Pipeline;

namespace SalesInsights.Markdown;

/// <summary>
/// Per-document state shared by the Markdown features while one article is rendered: where it came from (to
/// position diagnostics), the build it runs in, and the HTML that features prepared for blocks and inlines.
/// </summary>
public sealed class MarkdownRenderContext(
    string sourcePath,
    int lineOffset,
    IExecutionContext? execution,
    string basePath = "",
    string outputFolder = "",
    Metadata? metadata = null,
    bool allowsActiveContent = false)
{
    private const string DataKey = "salesinsights.render-context";
    private readonly ConcurrentDictionary<MarkdownObject, string> _replacements = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<MarkdownObject, string> _texts = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentQueue<GeneratedFile> _files = new();
    private readonly ConcurrentQueue<Diagnostic> _diagnostics = new();
    private readonly ConcurrentQueue<Claims.ClaimOutcome> _claims = new();

    /// <summary>Path of the Markdown file relative to the site root.</summary>
    public string SourcePath { get; } = sourcePath;

    /// <summary>Lines of the file before the Markdown body (front matter), added to Markdig's 0-based lines.</summary>
    public int LineOffset { get; } = lineOffset;

    /// <summary>The running build, for services such as the data catalog; null when rendering outside a build.</summary>
    public IExecutionContext? Execution { get; } = execution;

    /// <summary>The site's sub-path ("" or "/blog"), prefixed to root-relative links.</summary>
    public string BasePath { get; } = basePath;

    /// <summary>The folder of the page inside the output (e.g. <c>posts/my-article</c>), where features put files.</summary>
    public string OutputFolder { get; } = outputFolder;

    /// <summary>The document's metadata (front matter included), e.g. for queries declared in front matter.</summary>
    public Metadata Metadata { get; } = metadata ?? Metadata.Empty;

    /// <summary>The site opted in to scripts and other active HTML in articles (<c>markdown: { unsafe_html: true }</c>).</summary>
    public bool AllowsActiveContent { get; } = allowsActiveContent;

    /// <summary>Files a feature publishes beside the page (e.g. a chart's numbers as CSV).</summary>
    public IReadOnlyCollection<GeneratedFile> Files => _files;

    public IReadOnlyCollection<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>
    /// The results of the document's named queries by name (null for one whose SQL failed, reported at the query),
    /// set by the inline values feature and read by every later feature that quotes them, so each runs once.
    /// </summary>
    public IReadOnlyDictionary<string, Data.QueryResult?> QueryResults { get; set; } = new Dictionary<string, Data.QueryResult?>();

    /// <summary>The document's checked claims, holding or not, in the order they were checked.</summary>
    public IReadOnlyCollection<Claims.ClaimOutcome> Claims => _claims;

    public void AddClaim(Claims.ClaimOutcome claim) => _claims.Enqueue(claim);

    public bool HasErrors => _diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>Reports a problem at a Markdig position (0-based line and column within the body).</summary>
    public void Error(string code, string message, int markdownLine, int markdownColumn = 0) =>
        _diagnostics.Enqueue(Diagnostic.Error(code, message, SourcePath, LineOffset + markdownLine + 1, markdownColumn + 1));

    public void Warning(string code, string message, int markdownLine, int markdownColumn = 0) =>
        _diagnostics.Enqueue(Diagnostic.Warning(code, message, SourcePath, LineOffset + markdownLine + 1, markdownColumn + 1));

    /// <summary>Renders <paramref name="node"/> as this trusted HTML instead of its default rendering.</summary>
    /// <param name="text">What a reader reads of it, where plain text is wanted (the summary, the table of contents).</param>
    public void Replace(MarkdownObject node, string html, string? text = null)
    {
        _replacements[node] = html;
        if (text is not null)
        {
            _texts[node] = text;
        }
    }

    public bool TryGetReplacement(MarkdownObject node, out string html) => _replacements.TryGetValue(node, out html!);

    /// <summary>The plain text a feature gave for a node it replaced.</summary>
    public bool TryGetText(MarkdownObject node, out string text) => _texts.TryGetValue(node, out text!);

    public void AddFile(GeneratedFile file) => _files.Enqueue(file);

    internal void AttachTo(MarkdownDocument document) => document.SetData(DataKey, this);

    /// <summary>The context of the document a node belongs to, for renderers that only see the node.</summary>
    public static MarkdownRenderContext? Of(MarkdownObject node)
    {
        var block = node switch
        {
            Block b => b,
            Inline i => OutermostContainer(i)?.ParentBlock,
            _ => null,
        };
        while (block is not null and not MarkdownDocument)
        {
            block = block.Parent;
        }
        return (block as MarkdownDocument)?.GetData(DataKey) as MarkdownRenderContext;
    }

    private static ContainerInline? OutermostContainer(Inline inline)
    {
        var container = inline as ContainerInline ?? inline.Parent;
        while (container?.Parent is not null)
        {
            container = container.Parent;
        }
        return container;
    }
}

/// <summary>A file a Markdown feature produced beside its page (path inside the output folder).</summary>
public sealed record GeneratedFile(string Destination, string Content)
{
    /// <summary>A file to publish as it is instead of <see cref="Content"/> (a resized picture kept in the cache).</summary>
    public string? CopyFrom { get; init; }
}
