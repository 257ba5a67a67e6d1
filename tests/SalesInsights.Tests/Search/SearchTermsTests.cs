using SalesInsights.Search;

namespace SalesInsights.Tests.Search;

public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("Quota Attainment", "quota attainment")]
    [InlineData("Tomás Herrera, Zürich, Ångström", "tomas herrera zurich angstrom")]
    [InlineData("ＱＵＯＴＡ ﬁnance", "quota finance")]
    [InlineData("win-rate Q3's", "win rate q3")]
    [InlineData("ÉCOLE İstanbul", "ecole istanbul")]
    [InlineData("Ελληνικά Русский", "ελληνικα русскии")]
    public void Text_is_folded_to_lowercase_letters_without_marks_and_cut_at_everything_else(string text, string terms) =>
        Assert.Equal(terms, string.Join(' ', SearchTerms.Of(text)));

    [Fact]
    public void Terms_too_short_to_narrow_a_search_or_too_long_to_be_typed_are_left_out()
    {
        var tooLong = new string('x', SearchTerms.MaxLength + 1);
        var longest = new string('y', SearchTerms.MaxLength);

        Assert.Equal(["ok", longest], SearchTerms.Of($"a ok {tooLong} {longest} b"));
    }

    [Fact]
    public void Letters_outside_the_basic_plane_are_lowercased_whole()
    {
        // Deseret capital letters (U+10400, U+10401): two UTF-16 units each, lowercase U+10428, U+10429.
        Assert.Equal(["\uD801\uDC28\uD801\uDC29"], SearchTerms.Of("\uD801\uDC00\uD801\uDC01 x"));
    }
}
