using System.Collections.Immutable;
using SalesInsights.Modules;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Tests.Modules;

public sealed class LinkPostsTests
{
    private static Document Post(string slug, int day, params string[] tags) => Document.FromText($"input/posts/{slug}.md", null, "", Metadata.Empty
        .With(Keys.Title, slug)
        .With(Keys.Url, $"/posts/{slug}/")
        .With(Keys.Date, new DateTimeOffset(2025, 1, day, 0, 0, 0, TimeSpan.Zero))
        .With(Keys.Tags, tags.ToImmutableArray()));

    private static async Task<Dictionary<string, Document>> Link(params Document[] posts)
    {
        var engine = new Engine([new("posts") { Input = [new Given(posts)], Process = [new LinkPosts()] }], []);
        var result = await engine.RunAsync(CancellationToken.None);
        return result.Outputs["posts"].ToDictionary(d => d.Get<string>(Keys.Title)!);
    }

    private sealed class Given(Document[] documents) : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken) =>
            Task.FromResult(documents.ToImmutableArray());
    }

    [Fact]
    public async Task Previous_is_the_older_neighbour_and_next_the_newer_one()
    {
        var posts = await Link(Post("a", 1), Post("b", 2), Post("c", 3));
        Assert.Null(posts["a"].Get<PostSummary>(Keys.Previous));
        Assert.Equal("b", posts["a"].Get<PostSummary>(Keys.Next)?.Title);
        Assert.Equal(("a", "c"), (posts["b"].Get<PostSummary>(Keys.Previous)?.Title, posts["b"].Get<PostSummary>(Keys.Next)?.Title));
        Assert.Null(posts["c"].Get<PostSummary>(Keys.Next));
    }

    [Fact]
    public async Task Related_articles_are_those_sharing_the_most_tags()
    {
        var posts = await Link(
            Post("quota", 1, "quota", "burnout", "metrics"),
            Post("burnout", 2, "quota", "burnout"),
            Post("metrics", 3, "metrics"),
            Post("unrelated", 4, "engineers"));
        var related = posts["quota"].Get<ImmutableArray<PostSummary>>(Keys.Related).Select(p => p.Title);
        Assert.Equal(["burnout", "metrics"], related);
        Assert.Empty(posts["unrelated"].Get<ImmutableArray<PostSummary>>(Keys.Related));
    }

    [Fact]
    public async Task At_most_three_related_articles_are_kept_preferring_the_nearest_in_time()
    {
        var posts = await Link(Enumerable.Range(1, 9).Select(d => Post($"p{d}", d, "same")).ToArray());
        var related = posts["p5"].Get<ImmutableArray<PostSummary>>(Keys.Related).Select(p => p.Title).ToList();
        Assert.Equal(3, related.Count);
        Assert.All(related, title => Assert.InRange(int.Parse(title[1..], System.Globalization.CultureInfo.InvariantCulture), 3, 7));
    }
}
