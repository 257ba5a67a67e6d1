using SalesInsights.Git;

namespace SalesInsights.Tests.Git;

public sealed class ArticleTextTests
{
    [Theory]
    [InlineData("---\ntags: [a]\n---\nText.\n", "---\ntags: [a, b]\n---\nText.\n", true)]
    [InlineData("+++\ntags = ['a']\n+++\nText.\n", "+++\ntags = ['b']\n+++\nText.\r\n", true)]
    [InlineData("---\ntitle: A\n---\nText.  \n", "---\ntitle: A\n---\nText.\n\n", true)]
    [InlineData("---\ntitle: A\n---\nText.\n", "---\ntitle: A\n---\nText, revised.\n", false)]
    [InlineData("No front matter.\n", "No front matter, revised.\n", false)]
    public void Two_versions_say_the_same_when_only_their_front_matter_or_whitespace_differs(string before, string after, bool same)
    {
        Assert.Equal(same, ArticleText.SameBody(before, after));
    }
}
