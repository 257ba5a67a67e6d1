using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using SalesInsights.Html;
using SalesInsights.Markdown;
using SalesInsights.Pipeline;
using SalesInsights.Search;
using SalesInsights.Site;
using SalesInsights.Templates;

namespace SalesInsights.Modules;

/// <summary>
/// Builds the site's search index (<see cref="SearchIndex"/>) from the published articles as rendered, before
/// their layout: titles, summaries, headings, tags and the prose of the body. Drafts and scheduled articles are
/// never in it, even in a build that shows them. The <c>/search/</c> page (<see cref="GenerateListings"/>) reads it
/// with the theme's script.
/// </summary>
public sealed class GenerateSearchIndex(string postsPipeline) : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var settings = context.Get<SiteSettings>();
        var articles = context.OutputsOf(postsPipeline)
            .Where(d => d.Get<string>(Keys.Kind) == Kinds.Post && !d.Get<bool>(Keys.Draft) && !d.Get<bool>(Keys.Future))
            .OrderByDescending(d => PostSummary.From(d).Date)
            .ThenBy(d => PostSummary.From(d).Url, StringComparer.Ordinal)
            .ToArray();
        var remember = context.Session is not null;
        var zone = settings.Zone();
        // In a preview session an unchanged set of articles keeps last build's files (no index built again).
        var files = context.Derive($"{nameof(GenerateSearchIndex)}/files", () => [settings.BasePath, .. articles], () =>
        {
            var indexed = articles
                .AsParallel().AsOrdered().WithCancellation(cancellationToken)
                .Select(d => EntryOf(d, settings.BasePath, zone, remember))
                .ToArray();
            return SearchIndex.Build([.. indexed.Select(e => e.Document)], [.. indexed.Select(e => e.Terms)])
                .Select(f => Document.FromText(null, f.Path, f.Json, Metadata.Empty.With(Keys.Kind, Kinds.SearchIndex)))
                .ToArray();
        });
        return Task.FromResult<ImmutableArray<Document>>([.. inputs, .. files]);
    }

    private sealed record Entry(string BasePath, SearchDocument Document, ImmutableArray<(string Term, int Score)> Terms);

    /// <summary>An article's entry, once per document instance in a preview session, which hands unchanged documents on between builds.</summary>
    private static readonly ConditionalWeakTable<Document, Entry> Entries = [];

    private static Entry EntryOf(Document article, string basePath, TimeZoneInfo? zone, bool remember)
    {
        if (remember && Entries.TryGetValue(article, out var entry) && entry.BasePath == basePath)
        {
            return entry;
        }
        var summary = PostSummary.From(article);
        var toc = article.Get<ImmutableArray<TocEntry>>(Keys.Toc);
        var document = new SearchDocument(
            basePath + summary.Url,
            summary.Title,
            summary.Date == DateTimeOffset.MinValue ? null : TemplateModel.Display(FrontMatterDates.In(summary.Date, zone)),
            summary.Summary,
            toc.IsDefault ? [] : [.. toc.Select(t => t.Title)],
            summary.Tags,
            HtmlText.Of(article.Text));
        entry = new Entry(basePath, document, SearchIndex.Score(document));
        if (remember)
        {
            Entries.AddOrUpdate(article, entry);
        }
        return entry;
    }
}
