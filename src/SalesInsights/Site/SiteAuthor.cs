using System.Collections.Immutable;

namespace SalesInsights.Site;

/// <summary>
/// A person who writes for the site (<c>site.yml</c>: <c>authors: {Maya Lindqvist: {email: maya@example.org}}</c>):
/// a commit from one of their addresses is theirs, so the article can name them among its contributors.
/// </summary>
public sealed record SiteAuthor(string Name, ImmutableArray<string> Emails);
