using SalesInsights.Pipeline;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Pipeline;

public sealed class FileSandboxTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly TemporaryFolder _away = new();

    private string Root => _folder.Root;

    private string Outside => _away.Root;

    public FileSandboxTests()
    {
        Directory.CreateDirectory(Path.Combine(Root, "site", "posts"));
        File.WriteAllText(Path.Combine(Outside, "secret.md"), "secret");
        File.WriteAllText(Path.Combine(Root, "site", "posts", "a.md"), "a");
    }

    public void Dispose()
    {
        _folder.Dispose();
        _away.Dispose();
    }

    private string Site(string relative) => Path.Combine(Root, "site", relative);

    [Fact]
    public void Plain_files_inside_theRoots_are_allowed_in_ordinal_order()
    {
        File.WriteAllText(Site("posts/B.md"), "b");
        Directory.CreateDirectory(Site("posts/sub"));
        File.WriteAllText(Site("posts/sub/c.md"), "c");
        File.WriteAllText(Site("posts/.hidden.md"), "h");

        var files = new FileSandbox([Site("")]).Files(Site("posts"), "*.md");

        Assert.Equal([Site("posts/B.md"), Site("posts/a.md"), Site("posts/sub/c.md")], files.Select(f => f.Path));
        Assert.All(files, f => Assert.True(f.IsAllowed));
    }

    [Fact]
    public void A_link_out_a_link_to_a_link_out_a_loop_and_a_dangling_link_are_each_refused()
    {
        File.CreateSymbolicLink(Site("posts/out.md"), Path.Combine(Outside, "secret.md"));
        File.CreateSymbolicLink(Site("posts/hop.md"), Site("posts/out.md"));
        File.CreateSymbolicLink(Site("posts/loop.md"), Site("posts/loop.md"));
        File.CreateSymbolicLink(Site("posts/dangling.md"), Site("posts/nothing.md"));
        File.CreateSymbolicLink(Site("posts/relative.md"), "../../../" + Path.GetFileName(Outside) + "/secret.md");
        File.CreateSymbolicLink(Site("posts/inside.md"), "a.md");

        var files = new FileSandbox([Site("")]).Files(Site("posts"), "*.md").ToDictionary(f => Path.GetFileName(f.Path), f => f.Refusal);

        Assert.Null(files["a.md"]);
        Assert.Null(files["inside.md"]);
        Assert.All(["out.md", "hop.md", "loop.md", "dangling.md", "relative.md"], name => Assert.NotNull(files[name]));
        Assert.Contains(Outside, files["out.md"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_linked_folderOutside_is_refused_once_and_a_linked_folder_loop_ends()
    {
        Directory.CreateSymbolicLink(Site("posts/away"), Outside);
        Directory.CreateSymbolicLink(Site("posts/again"), Site("posts"));

        var files = new FileSandbox([Site("")]).Files(Site("posts"), "*.md");

        var refused = Assert.Single(files, f => !f.IsAllowed);
        Assert.Equal(Site("posts/away"), refused.Path);
        Assert.DoesNotContain(files, f => f.Path.Contains("secret", StringComparison.Ordinal));
        Assert.Single(files, f => f.IsAllowed);
    }

    [Fact]
    public void ARoot_that_is_itself_a_link_admits_the_files_it_leads_to()
    {
        var link = Path.Combine(Root, "linked-site");
        Directory.CreateSymbolicLink(link, Site(""));

        var sandbox = new FileSandbox([link]);

        Assert.Null(sandbox.Refusal(Path.Combine(link, "posts", "a.md")));
        Assert.Null(sandbox.Refusal(Site("posts/a.md")));
        Assert.NotNull(sandbox.Refusal(Path.Combine(Outside, "secret.md")));
    }
}
