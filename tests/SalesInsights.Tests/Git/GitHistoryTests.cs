using SalesInsights.Git;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Git;

public sealed class GitHistoryTests : IDisposable
{
    private static readonly DateTimeOffset January = new(2024, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset February = new(2024, 2, 20, 16, 30, 0, TimeSpan.FromHours(2));

    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Given_two_versions_by_two_authors_the_file_was_last_changed_by_the_second_and_both_contributed()
    {
        _site.InitGit();
        _site.Post("quota");
        var article = _site.PathOf("input/posts/quota.md");
        _site.Commit("Ada Lovelace", January, "input/posts/quota.md");
        File.AppendAllText(article, "More words.\n");
        _site.Commit("Grace Hopper", February, "input/posts/quota.md");
        _site.Post("other");
        _site.Commit("Linus Torvalds", February.AddDays(3), "input/posts/other.md");

        var history = GitHistory.Read(_site.Input, CancellationToken.None);

        var file = history.Find(article);
        Assert.NotNull(file);
        Assert.Equal(February, file.LastChanged);
        Assert.Equal(February.Offset, file.LastChanged.Offset);
        Assert.Equal(["Ada Lovelace", "Grace Hopper"], file.Contributors.Select(c => c.Name).ToArray());
        Assert.Equal(["ada@example.org", "grace@example.org"], file.Contributors.Select(c => c.Email).ToArray());
        Assert.Equal(2, file.Commits);
        Assert.Equal(February, file.TextRevised);
        Assert.Null(history.Problem);
    }

    [Fact]
    public void A_file_that_was_never_committed_has_no_history()
    {
        _site.InitGit();
        _site.Post("committed");
        _site.Commit("Ada Lovelace", January, "input/posts/committed.md");
        _site.Post("untracked");
        var untracked = _site.PathOf("input/posts/untracked.md");

        var history = GitHistory.Read(_site.Input, CancellationToken.None);

        Assert.Null(history.Find(untracked));
        Assert.Equal(1, history.Count);
    }

    [Fact]
    public void A_renamed_file_keeps_the_history_of_its_old_name_and_the_rename_is_not_an_update()
    {
        _site.InitGit();
        _site.Post("old-slug");
        var old = _site.PathOf("input/posts/old-slug.md");
        _site.Commit("Ada Lovelace", January, "input/posts/old-slug.md");
        var renamed = Path.Combine(_site.Input, "posts", "new-slug.md");
        File.Move(old, renamed);
        _site.GitRemove("input/posts/old-slug.md");
        _site.Commit("Grace Hopper", February, "input/posts/new-slug.md");

        var history = GitHistory.Read(_site.Input, CancellationToken.None);

        var file = history.Find(renamed);
        Assert.NotNull(file);
        Assert.Equal(January, file.LastChanged);
        Assert.Equal(["Ada Lovelace"], file.Contributors.Select(c => c.Name).ToArray());
        Assert.Null(file.TextRevised);
    }

    [Fact]
    public void A_folder_outside_any_repository_has_no_history_and_no_problem()
    {
        var history = GitHistory.Read(_site.Input, CancellationToken.None);

        Assert.Null(history.WorkingDirectory);
        Assert.Null(history.Problem);
        Assert.Null(history.Find(_site.Post("any").PathOf("input/posts/any.md")));
    }

    [Fact]
    public void Only_files_under_the_folder_read_are_walked_and_paths_are_relative_to_the_repository_root()
    {
        _site.InitGit();
        _site.Post("quota");
        var article = _site.PathOf("input/posts/quota.md");
        _site.Write("README.md", "outside the input\n");
        _site.Commit("Ada Lovelace", January, "input/posts/quota.md", "README.md");

        var history = GitHistory.Read(_site.Input, CancellationToken.None);

        Assert.Equal(1, history.Count);
        Assert.Equal("input/posts/quota.md", history.RelativePath(article));
    }

    [Fact]
    public void A_site_checked_out_as_a_linked_worktree_whose_git_entry_is_a_file_has_its_history()
    {
        _site.InitGit();
        _site.Post("quota");
        _site.Commit("Ada Lovelace", January, "input/posts/quota.md");
        using var folder = new TemporaryFolder();
        var worktree = folder.PathOf("worktree");
        using (var repository = new LibGit2Sharp.Repository(_site.Root))
        {
            repository.Worktrees.Add("HEAD", Path.GetFileName(worktree), worktree, isLocked: false);
        }
        Assert.True(File.Exists(Path.Combine(worktree, ".git")));

        var history = GitHistory.Read(Path.Combine(worktree, "input"), CancellationToken.None);

        Assert.Null(history.Problem);
        Assert.Equal(January, history.Find(Path.Combine(worktree, "input", "posts", "quota.md"))?.LastChanged);
    }

    [Fact]
    public void A_blobless_partial_clone_is_opened()
    {
        _site.InitGit();
        _site.Post("quota");
        var article = _site.PathOf("input/posts/quota.md");
        _site.Commit("Ada Lovelace", January, "input/posts/quota.md");
        using (var repository = new LibGit2Sharp.Repository(_site.Root))
        {
            // What 'git clone --filter=blob:none' (Netlify's clone) leaves in the configuration.
            repository.Config.Set("core.repositoryformatversion", 1);
            repository.Config.Set("extensions.partialclone", "origin");
        }

        var history = GitHistory.Read(_site.Input, CancellationToken.None);

        Assert.Null(history.Problem);
        Assert.Equal(January, history.Find(article)?.LastChanged);
    }

    [Fact]
    public void Reading_again_at_the_same_commit_reuses_the_previous_walk()
    {
        _site.InitGit();
        _site.Post("quota");
        _site.Commit("Ada Lovelace", January, "input/posts/quota.md");

        var first = GitHistory.Read(_site.Input, CancellationToken.None);
        var second = GitHistory.Read(_site.Input, CancellationToken.None);
        _site.Commit("Grace Hopper", February);
        var third = GitHistory.Read(_site.Input, CancellationToken.None);

        Assert.Same(first, second);
        Assert.NotSame(second, third);
    }

    [Fact]
    public void A_commit_that_changes_only_the_front_matter_changed_the_file_but_did_not_revise_its_text()
    {
        _site.InitGit();
        _site.Post("quota", tags: "[a]");
        var article = _site.PathOf("input/posts/quota.md");
        _site.Commit("Ada Lovelace", January, "input/posts/quota.md");
        _site.Post("quota", tags: "[a, b]");
        _site.Commit("Grace Hopper", February, "input/posts/quota.md");

        var file = GitHistory.Read(_site.Input, CancellationToken.None).Find(article);

        Assert.NotNull(file);
        Assert.Equal(February, file.LastChanged);
        Assert.Null(file.TextRevised);
    }

    [Fact]
    public void Commit_authors_are_named_as_the_mailmap_names_them_and_marked_as_mapped()
    {
        _site.InitGit();
        _site.Write(".mailmap", "Ada King <ada@example.org>\n");
        _site.Post("quota");
        var article = _site.PathOf("input/posts/quota.md");
        _site.Commit("Ada Lovelace", January, "input/posts/quota.md");
        File.AppendAllText(article, "More words.\n");
        _site.Commit("Grace Hopper", February, "input/posts/quota.md");

        var file = GitHistory.Read(_site.Input, CancellationToken.None).Find(article);

        Assert.NotNull(file);
        Assert.Equal([new GitIdentity("Ada King", "ada@example.org", Mapped: true), new GitIdentity("Grace Hopper", "grace@example.org")], file.Contributors.ToArray());
    }
}
