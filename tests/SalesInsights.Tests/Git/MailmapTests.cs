using SalesInsights.Git;

namespace SalesInsights.Tests.Git;

public sealed class MailmapTests
{
    private static readonly Mailmap Map = Mailmap.Parse("""
        # comment lines and blank lines are skipped

        Ada King <ada@example.org>
        <grace@navy.example> <grace@example.org>
        Linus T <linus@kernel.example> <linus@example.org>
        Margaret Hamilton <margaret@nasa.example> Maggie <shared@example.org>
        Katherine Johnson <kj@nasa.example> <shared@example.org>
        not a mailmap line
        """);

    [Theory]
    [InlineData("Ada Lovelace", "ADA@example.org", "Ada King", "ADA@example.org")]
    [InlineData("Grace Hopper", "grace@example.org", "Grace Hopper", "grace@navy.example")]
    [InlineData("Linus Torvalds", "linus@example.org", "Linus T", "linus@kernel.example")]
    [InlineData("Maggie", "shared@example.org", "Margaret Hamilton", "margaret@nasa.example")]
    [InlineData("Someone", "shared@example.org", "Katherine Johnson", "kj@nasa.example")]
    public void Each_form_of_line_maps_the_commit_identity_to_the_proper_one(string name, string email, string properName, string properEmail)
    {
        Assert.Equal(new GitIdentity(properName, properEmail, Mapped: true), Map.Map(new GitIdentity(name, email)));
    }

    [Fact]
    public void An_identity_no_line_names_is_returned_as_it_is_and_not_mapped()
    {
        var robot = new GitIdentity("CI Robot", "ci@example.org");

        Assert.Same(robot, Map.Map(robot));
    }
}
