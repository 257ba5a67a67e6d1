using System.Collections.Immutable;
using SalesInsights.Git;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>
/// Gives each article its last-updated date and contributors from the git history of its file, and its "edit
/// this page" link. Both are claims made to readers, so each needs evidence: "updated" is the front matter's
/// <c>updated</c> date, else the newest commit after publication that changed the article's text (not only its
/// front matter), else nothing; a contributor is a commit author whom <c>site.yml</c>'s <c>authors</c> (by
/// address) or the repository's <c>.mailmap</c> names, other than the byline itself. A file git does not know (no
/// repository, untracked, never committed) has neither: a file's modification time says when it was copied, not
/// when it was revised.
/// </summary>
public sealed class ApplyGitHistory : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var options = context.Get<BuildOptions>();
        var settings = context.Get<SiteSettings>();
        var history = context.Get<SourceHistory>().Value;
        if (history.Problem is { } problem)
        {
            context.Diagnostics.Report(Diagnostic.Warning("SI0610", problem, options.Relative(options.InputDirectory)));
        }

        var results = ImmutableArray.CreateBuilder<Document>(inputs.Length);
        foreach (var document in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (document.Source is null)
            {
                results.Add(document);
                continue;
            }
            var file = Path.Combine(options.SiteRoot, document.Source);
            var known = history.Find(file);
            var updated = document.Get<DateTimeOffset?>(Keys.Updated) ?? Later(known?.TextRevised, document.Get<DateTimeOffset?>(Keys.Date));
            var bylines = document.Get<ImmutableArray<string>>(Keys.Bylines);
            var contributors = Contributors(known, settings, bylines.IsDefault ? [document.Get<string>(Keys.Author) ?? string.Empty] : bylines);
            var editUrl = EditUrl(settings, history.RelativePath(file) ?? document.Source);
            results.Add(context.Derive($"{context.PipelineName}/{nameof(ApplyGitHistory)}/{document.Source}", () => [document, updated, contributors, editUrl], () => document with
            {
                Metadata = document.Metadata
                    .With(Keys.Updated, updated)
                    .With(Keys.Contributors, contributors)
                    .With(Keys.EditUrl, editUrl),
            }));
        }
        return Task.FromResult(results.ToImmutable());
    }

    /// <summary><c>repository_url/edit/branch/path</c>, the form GitHub, GitLab and Gitea share; null without a repository URL.</summary>
    public static string? EditUrl(SiteSettings settings, string pathInRepository) => settings.RepositoryUrl is { Length: > 0 } repository
        ? $"{repository.TrimEnd('/')}/edit/{settings.RepositoryBranch}/{string.Join('/', pathInRepository.Split('/').Select(Uri.EscapeDataString))}"
        : null;

    /// <summary>A change before the publication date (the article was written ahead) is not an update.</summary>
    private static DateTimeOffset? Later(DateTimeOffset? changed, DateTimeOffset? published) =>
        changed is { } c && (published is null || c > published) ? c : null;

    /// <summary>
    /// The commit authors who are known people: the site's author with one of their addresses, or a name the
    /// repository's <c>.mailmap</c> gives. Whoever a byline already names is not repeated.
    /// </summary>
    public static ImmutableArray<string> Contributors(FileHistory? history, SiteSettings settings, IReadOnlyCollection<string> bylines)
    {
        if (history is null)
        {
            return [];
        }
        var names = new List<string>();
        foreach (var who in history.Contributors)
        {
            var author = settings.Authors.FirstOrDefault(a => a.Emails.Contains(who.Email, StringComparer.OrdinalIgnoreCase));
            var name = author?.Name ?? (who.Mapped ? who.Name : null);
            if (name is { Length: > 0 } && !bylines.Contains(name, StringComparer.OrdinalIgnoreCase) && !names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }
        }
        return [.. names];
    }
}
