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

        var results = new Document[posts.Length];
        Parallel.For(0, posts.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
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
            var related = scores
                .OrderByDescending(kv => kv.Value)
                .ThenBy(kv => Math.Abs(kv.Key - i))
                .ThenBy(kv => kv.Key)
                .Take(RelatedCount)
                .Select(kv => summaries[kv.Key])
                .ToImmutableArray();
            var previous = i + 1 < posts.Length ? summaries[i + 1] : null;
            var next = i > 0 ? summaries[i - 1] : null;
            results[i] = context.Derive($"{nameof(LinkPosts)}/{posts[i].Source}", [posts[i], previous, next, related], () => posts[i] with
            {
                Metadata = posts[i].Metadata
                    .With(Keys.Previous, previous)
                    .With(Keys.Next, next)
                    .With(Keys.Related, related),
            });
        });
        return Task.FromResult(results.ToImmutableArray());
    }
}
