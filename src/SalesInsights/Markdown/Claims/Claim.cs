using Markdig.Syntax.Inlines;

namespace SalesInsights.Markdown.Claims;

/// <summary>
/// <c>{{ claim q.a > q.b }}</c> in prose: what the sentence around it relies on, checked against the data at build
/// time. It shows nothing to readers; a claim that no longer holds fails the build at its line.
/// </summary>
public sealed class Claim : LeafInline
{
    /// <summary>The text after <c>claim</c>, as written.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>What the claim says, when it could be read.</summary>
    public ClaimForm? Form { get; init; }

    /// <summary>Why the claim could not be read, when it could not.</summary>
    public string? Problem { get; init; }
}
