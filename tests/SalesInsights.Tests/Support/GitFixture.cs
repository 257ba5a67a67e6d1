using LibGit2Sharp;
using GitRepository = LibGit2Sharp.Repository;

namespace SalesInsights.Tests.Support;

/// <summary>Commits files of a temporary folder as given authors at given dates.</summary>
internal static class GitFixture
{
    public static void Init(string root)
    {
        GitRepository.Init(root);
        using var repository = new GitRepository(root);
        // A fixed branch name, whatever the machine's init.defaultBranch says.
        repository.Refs.UpdateTarget("HEAD", "refs/heads/main");
    }

    public static Commit Commit(string root, string author, DateTimeOffset when, params string[] paths)
    {
        using var repository = new GitRepository(root);
        foreach (var path in paths)
        {
            Commands.Stage(repository, path);
        }
        var signature = new Signature(author, $"{author.Split(' ')[0].ToLowerInvariant()}@example.org", when);
        return repository.Commit($"Change by {author}", signature, signature, new CommitOptions { AllowEmptyCommit = true });
    }

    public static void Remove(string root, string path)
    {
        using var repository = new GitRepository(root);
        Commands.Remove(repository, path);
    }
}
