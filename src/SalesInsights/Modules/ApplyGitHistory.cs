using System.Collections.Immutable;
using SalesInsights.Git;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>
/// Gives each article its last-updated date and contributors from the git history of its file, and its "edit
/// this page" link. An <c>updated</c> date in the front matter wins. A file git does not know (no repository,
/// untracked, never committed) is dated by the file system and has no contributors.
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
            var updated = document.Get<DateTimeOffset?>(Keys.Updated) ?? Later(known?.LastChanged ?? FileDate(context, file), document.Get<DateTimeOffset?>(Keys.Date));
            var contributors = known?.Contributors ?? [];
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

    private static DateTimeOffset? FileDate(IExecutionContext context, string file) =>
        context.Session is { } session ? session.OfFile(file, nameof(FileDate), () => FileDate(file)) : FileDate(file);

    private static DateTimeOffset? FileDate(string file)
    {
        var written = File.GetLastWriteTimeUtc(file);
        return written.Year <= 1601 ? null : new DateTimeOffset(written, TimeSpan.Zero); // 1601: the file is gone
    }
}
