using System.Collections.Immutable;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>
/// Gives every article its older and newer neighbours and up to three related articles by shared tags. Related
/// articles are looked for only among a tag's articles nearest in time, so the cost grows linearly with the
/// number of articles even when one tag is on all of them.
/// </summary>
public sealed class LinkPosts : IModule
{
    public const int RelatedCount = 3;

    /// <summary>How many articles on each side of an article, in a tag's date order, are candidates.</summary>
    private const int Window = 40;

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var posts = inputs
            .OrderByDescending(d => d.Get<DateTimeOffset?>(Keys.Date))
            .ThenBy(d => d.Get<string>(Keys.Url), StringComparer.Ordinal)
            .ToArray();
        var summaries = posts.Select(PostSummary.From).ToArray();

        // Related articles depend only on every article's place, date and tags: an edit to one article's text leaves
        // them as they were, and a preview rebuild takes last build's answer instead of scoring 1,000 articles again.
        var related = context.Derive($"{nameof(LinkPosts)}/related",
            () => [summaries.Select(s => s.Url).ToArray(), summaries.Select(s => s.Date).ToArray(), summaries.Select(s => s.Tags).ToArray()],
            () => Related(summaries, cancellationToken));

        var results = new Document[posts.Length];
        Parallel.For(0, posts.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var relatedSummaries = related[i].Select(j => summaries[j]).ToImmutableArray();
            var previous = i + 1 < posts.Length ? summaries[i + 1] : null;
            var next = i > 0 ? summaries[i - 1] : null;
            // Pages show their neighbours and related articles as cards and links: compared by what those show.
            results[i] = context.Derive($"{nameof(LinkPosts)}/{posts[i].Source}", () => [posts[i], previous?.Face, next?.Face, relatedSummaries.Select(s => s.Face).ToArray()], () => posts[i] with
            {
                Metadata = posts[i].Metadata
                    .With(Keys.Previous, previous)
                    .With(Keys.Next, next)
                    .With(Keys.Related, relatedSummaries),
            });
        });
        return Task.FromResult(results.ToImmutableArray());
    }

    /// <summary>For each article (by index, newest first), the indices of its related articles, best first.</summary>
    private static int[][] Related(PostSummary[] summaries, CancellationToken cancellationToken)
    {
        var byTag = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < summaries.Length; i++)
        {
            foreach (var tag in summaries[i].Tags)
            {
                if (!byTag.TryGetValue(tag, out var list))
                {
                    byTag[tag] = list = [];
                }
                list.Add(i); // indices ascend, so each list is newest first like the posts
            }
        }

        var related = new int[summaries.Length][];
        Parallel.For(0, summaries.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var scores = new Dictionary<int, int>();
            foreach (var tag in summaries[i].Tags)
            {
                var list = byTag[tag];
                var at = list.BinarySearch(i);
                for (var j = Math.Max(0, at - Window); j <= Math.Min(list.Count - 1, at + Window); j++)
                {
                    if (list[j] != i)
                    {
                        scores[list[j]] = scores.GetValueOrDefault(list[j]) + 1;
                    }
                }
            }
            related[i] = [.. scores
                .OrderByDescending(kv => kv.Value)
                .ThenBy(kv => Math.Abs(kv.Key - i))
                .ThenBy(kv => kv.Key)
                .Take(RelatedCount)
                .Select(kv => kv.Key)];
        });
        return related;
    }
}
