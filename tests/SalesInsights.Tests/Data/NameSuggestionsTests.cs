using SalesInsights.Data;

namespace SalesInsights.Tests.Data;

public sealed class NameSuggestionsTests
{
    [Theory]
    [InlineData("amout", "amount")]
    [InlineData("deal", "deals")]
    [InlineData("Segmnet", "segment")]
    public void A_misspelt_name_suggests_the_closest_known_one(string name, string expected)
    {
        Assert.Equal(expected, NameSuggestions.Closest(name, ["amount", "deals", "segment", "region"]));
    }

    [Fact]
    public void A_name_unlike_any_known_one_suggests_nothing()
    {
        Assert.Null(NameSuggestions.Closest("xyzzy", ["amount", "segment"]));
        Assert.Equal(string.Empty, NameSuggestions.DidYouMean("xyzzy", ["amount"]));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    public void Levenshtein_distance_counts_single_character_edits(string a, string b, int distance)
    {
        Assert.Equal(distance, NameSuggestions.Distance(a, b));
    }
}
