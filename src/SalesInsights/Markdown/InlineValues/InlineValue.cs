using Markdig.Syntax.Inlines;

namespace SalesInsights.Markdown.InlineValues;

/// <summary><c>{{ q.name.column | format }}</c> in prose: a value computed from a named query at build time.</summary>
public sealed class InlineValue : LeafInline
{
    /// <summary>The text between the braces, as written.</summary>
    public string Expression { get; init; } = string.Empty;

    public string Query { get; init; } = string.Empty;

    /// <summary>The column to read; null for the first column.</summary>
    public string? ColumnName { get; init; }

    /// <summary>The row whose first column reads this (<c>q.name.column['Enterprise']</c>); null for the first row.</summary>
    public string? Row { get; init; }

    /// <summary>The format name after <c>|</c>; null for the column type's default.</summary>
    public string? Format { get; init; }

    /// <summary>Why the expression could not be read, when it could not.</summary>
    public string? Problem { get; init; }
}
