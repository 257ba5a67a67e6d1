namespace SalesInsights.Site;

/// <summary>An old address of a page, from <c>redirect_from</c>, with where the writer typed it (1-based).</summary>
public sealed record RedirectSource(string Path, int Line, int Column);
