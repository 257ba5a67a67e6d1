using System.Collections.Immutable;
using SalesInsights.Pipeline;

namespace SalesInsights.Tests.Pipeline;

public sealed class ContentHashTests
{
    private sealed record Card(string Title, ImmutableArray<string> Tags, DateTimeOffset Date);

    private sealed class Service
    {
        public string Name { get; } = "x";
    }

    private static readonly DateTimeOffset Day = new(2025, 1, 2, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<object?, object?> DifferentValues => new()
    {
        { "a", "b" },
        { "ab", new[] { "a", "b" } },
        { 1L, 1 },
        { 1L, "1" },
        { 1.5, 1.25 },
        { null, "" },
        { true, false },
        { Day, Day.AddTicks(1) },
        { Day, new DateTimeOffset(2025, 1, 2, 1, 0, 0, TimeSpan.FromHours(1)) },
        { ImmutableArray<string>.Empty, default(ImmutableArray<string>) },
        { ImmutableArray.Create("a", "b"), ImmutableArray.Create("b", "a") },
        { new Card("t", ["x"], Day), new Card("t", ["y"], Day) },
        { new Card("t", ["x"], Day), new Card("u", ["x"], Day) },
        { Metadata.Empty.With("k", "v"), Metadata.Empty.With("k", "w") },
        { Document.FromText("a.md", null, "x"), Document.FromText("b.md", null, "x") },
        { new string('x', 5000), new string('x', 4999) + "y" },
    };

    [Theory]
    [MemberData(nameof(DifferentValues))]
    public void Given_different_values_then_their_hashes_differ(object? left, object? right)
    {
        Assert.NotEqual(ContentHash.Of(left), ContentHash.Of(right));
    }

    [Fact]
    public void Given_equal_values_built_separately_then_their_hashes_are_equal()
    {
        var a = Document.FromText("a.md", "a/index.html", new string('x', 3000), Metadata.Empty.With("card", new Card("t", ["x"], Day)).With("n", 3L));
        var b = Document.FromText("a.md", "a/index.html", new string('x', 3000), Metadata.Empty.With("n", 3L).With("card", new Card("t", ["x"], Day)));

        Assert.Equal(ContentHash.Of(a), ContentHash.Of(b));
    }

    [Fact]
    public void Given_maps_with_the_same_entries_in_another_order_then_their_hashes_are_equal()
    {
        var one = new Dictionary<string, object?> { ["a"] = 1L, ["b"] = "x" };
        var two = new Dictionary<string, object?> { ["b"] = "x", ["a"] = 1L };

        Assert.Equal(ContentHash.Of(one), ContentHash.Of(two));
    }

    [Fact]
    public void Given_a_value_it_cannot_see_into_then_there_is_no_hash()
    {
        Assert.Null(ContentHash.Of(new Service()));
        Assert.Null(ContentHash.Of(Metadata.Empty.With("service", new Service())));
        Assert.Null(ContentHash.Of(new Document("a.png", "a.png", new FileContent("/tmp/a.png"), Metadata.Empty)));
    }

    [Fact]
    public void Given_metadata_and_records_hashed_once_when_hashed_inside_a_new_document_then_the_hash_equals_a_fresh_walk()
    {
        var date = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        var card = new Card("t", ["a", "b"], date);
        var metadata = Metadata.Empty.With("card", card).With("n", 3);
        var warm = ContentHash.Of(Document.FromText("a.md", null, "x", metadata));

        var fresh = ContentHash.Of(Document.FromText("a.md", null, "x", Metadata.Empty.With("n", 3).With("card", new Card("t", ["a", "b"], date))));
        var changed = ContentHash.Of(Document.FromText("a.md", null, "x", metadata.With("card", card with { Title = "u" })));

        Assert.Equal(warm, fresh);
        Assert.NotEqual(warm, changed);
    }
}
