using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SalesInsights.Markdown;

/// <summary>
/// What the features and the renderer look for in one parsed document, found in one walk of its syntax tree: every
/// block and every inline in document order, and the words a reader reads. Between them they used to walk the
/// whole tree eight times, three of them through every inline.
/// </summary>
public sealed class MarkdownNodes
{
    private readonly List<Block> _blocks = [];
    private readonly List<Inline> _inlines = [];

    /// <summary>Words of the text a reader reads: prose, headings, table cells and inline code, not code blocks.</summary>
    public int Words { get; private set; }

    /// <summary>Blocks of a kind, in document order, as <c>Descendants&lt;T&gt;()</c> would give them.</summary>
    public IEnumerable<T> Blocks<T>()
        where T : Block => _blocks.OfType<T>();

    /// <summary>Inlines of a kind, in document order, as <c>Descendants&lt;T&gt;()</c> would give them.</summary>
    /// <remarks>Plain text (<see cref="LiteralInline"/>, most of a document) is counted into <see cref="Words"/> and not kept.</remarks>
    public IEnumerable<T> Inlines<T>()
        where T : Inline => _inlines.OfType<T>();

    public static MarkdownNodes Of(MarkdownDocument document)
    {
        var nodes = new MarkdownNodes();
        // Depth first, children pushed last to first: the order of Markdig's own Descendants.
        var blocks = new Stack<Block>();
        var inlines = new Stack<Inline>();
        for (var i = document.Count - 1; i >= 0; i--)
        {
            blocks.Push(document[i]);
        }
        while (blocks.TryPop(out var block))
        {
            nodes._blocks.Add(block);
            if (block is ContainerBlock container)
            {
                for (var i = container.Count - 1; i >= 0; i--)
                {
                    blocks.Push(container[i]);
                }
            }
            else if (block is LeafBlock { Inline: { } root } leaf)
            {
                nodes.Walk(root, inlines, countWords: leaf is not CodeBlock);
            }
        }
        return nodes;
    }

    private void Walk(ContainerInline root, Stack<Inline> pending, bool countWords)
    {
        PushChildren(root, pending);
        while (pending.TryPop(out var inline))
        {
            switch (inline)
            {
                case LiteralInline literal:
                    if (countWords)
                    {
                        Words += CountWords(literal.Content.AsSpan());
                    }
                    continue;
                case CodeInline code when countWords:
                    Words += CountWords(code.Content.AsSpan());
                    break;
            }
            _inlines.Add(inline);
            if (inline is ContainerInline container)
            {
                PushChildren(container, pending);
            }
        }
    }

    private static void PushChildren(ContainerInline container, Stack<Inline> pending)
    {
        // Inlines are a linked list: push from the last child back so the first pops first.
        for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
        {
            pending.Push(child);
        }
    }

    private static int CountWords(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = !char.IsWhiteSpace(c);
            if (letter && !inWord)
            {
                words++;
            }
            inWord = letter;
        }
        return words;
    }
}
