using System.Collections.Immutable;

namespace SalesInsights.Markdown;

/// <summary>What rendering one Markdown body yields: the HTML and what the syntax tree already knew about it.</summary>
public sealed record MarkdownResult(
    string Html,
    ImmutableArray<TocEntry> Toc,
    ImmutableArray<string> Anchors,
    ImmutableArray<MarkdownLink> Links,
    int WordCount,
    string FirstParagraph)
{
    /// <summary>The prose before a <c>&lt;!--more--&gt;</c> line (Hugo's and Jekyll's summary divider), or null without one.</summary>
    public string? SummaryBeforeMore { get; init; }
}

/// <summary>A heading in the table of contents.</summary>
public sealed record TocEntry(int Level, string Id, string Title);

/// <summary>A link or image written in Markdown, with its line in the source file, so a broken one can be traced back.</summary>
public sealed record MarkdownLink(string Url, bool IsImage, int Line, int Column);
