namespace SalesInsights.Markdown.Claims;

/// <summary>A checked claim: where it is, what it says, whether it holds, and the values it was checked with.</summary>
public sealed record ClaimOutcome(string Path, int Line, int Column, string Text, bool Holds, string Values);
