using LibGit2Sharp;
using SalesInsights.Site;
using GitRepository = LibGit2Sharp.Repository;

namespace SalesInsights.Tests.Support;

/// <summary>
/// A throw-away site in a temporary folder, deleted on <see cref="Dispose"/>: <c>input/site.yml</c>, whatever
/// files a test writes, and a theme. The one fixture for every test that builds or serves a site of its own;
/// <c>tests/SalesInsights.Tests/README.md</c> shows its use.
/// </summary>
public sealed class TestSite : IDisposable
{
    /// <summary>The <c>site.yml</c> a site starts with unless the test gives its own.</summary>
    public const string DefaultSettings =
        "title: Test Site\ndescription: A site for tests.\nbase_url: https://example.org\nauthor: Test Author\n";

    /// <summary>The build's clock unless a test sets its own: articles dated after it are future articles.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <param name="settings">The text of <c>input/site.yml</c>; <see cref="DefaultSettings"/> when null.</param>
    /// <param name="copyTheme">
    /// Give the site a copy of the repository's theme under <c>theme/</c>, for tests that edit the theme; otherwise
    /// builds read the repository's theme in place, which nothing may write to.
    /// </param>
    public TestSite(string? settings = null, bool copyTheme = false)
    {
        Directory.CreateDirectory(Path.Combine(Root, "input", "posts"));
        Directory.CreateDirectory(Path.Combine(Root, "input", "pages"));
        Write("input/site.yml", settings ?? DefaultSettings);
        Theme = copyTheme ? Path.Combine(Root, "theme") : Repository.Theme;
        if (copyTheme)
        {
            // The screenshots show the theme; builds never read them.
            foreach (var file in Directory.EnumerateFiles(Repository.Theme, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(Repository.Theme, f).StartsWith("screenshots", StringComparison.Ordinal)))
            {
                var target = Path.Combine(Theme, Path.GetRelativePath(Repository.Theme, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }

    private readonly TemporaryFolder _folder = new("si-site-");

    public string Root => _folder.Root;
    public string Input => Path.Combine(Root, "input");
    public string Output => Path.Combine(Root, "output");
    public string Theme { get; }
    public string Cache => Path.Combine(Root, ".cache");

    /// <summary>The full path of a file of the site, given relative to its root: <c>input/posts/a.md</c>.</summary>
    public string PathOf(string relativePath) => _folder.PathOf(relativePath);

    /// <summary>Writes a file relative to the site's root, making its folders.</summary>
    public TestSite Write(string relativePath, string text)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    /// <summary>Writes <c>input/posts/{slug}.md</c>: a published article unless <paramref name="extra"/> front matter lines say otherwise.</summary>
    public TestSite Post(string slug, string? title = null, string date = "2025-01-01", string tags = "[a]", string body = "Some text.", string extra = "") =>
        Write($"input/posts/{slug}.md", $"---\ntitle: \"{title ?? "Post " + slug}\"\ndate: {date}\ntags: {tags}\n{extra}---\n\n{body}\n");

    /// <summary>Writes <c>input/pages/{slug}.md</c>, published at <c>/{slug}/</c>.</summary>
    public TestSite Page(string slug, string title, string body = "Some text.", string extra = "") =>
        Write($"input/pages/{slug}.md", $"---\ntitle: \"{title}\"\nslug: {slug}\n{extra}---\n\n{body}\n");

    /// <summary>
    /// A small blog for tests that edit a site between builds: two articles (<c>first-deal</c>, <c>second-call</c>)
    /// that link to an about page, and a draft (<c>unfinished</c>).
    /// </summary>
    public TestSite WithArticles() => this
        .Post("first-deal", "The First Deal", "2025-01-10", "[quota, pipeline]", "The first deal always takes longest.\n\n## More\n\nA second paragraph with [a link](/about/).")
        .Post("second-call", "The Second Call", "2025-02-20", "[pipeline]", "A second call is where the real questions come.\n\n## More\n\nA second paragraph with [a link](/about/).")
        .Post("unfinished", "An Unfinished Thought", "2025-03-01", "[quota]", "Still drafting this one.", extra: "draft: true\n")
        .Page("about", "About Us", "We write about selling technology.");

    /// <param name="dryRun">Validate and render without writing anything: the documents are in the result's <c>Outputs</c>.</param>
    public BuildOptions Options(bool drafts = false, bool dryRun = false, DateTimeOffset? now = null) => new()
    {
        InputDirectory = Input,
        ThemeDirectory = Theme,
        OutputDirectory = Output,
        CacheDirectory = Cache,
        IncludeDrafts = drafts,
        DryRun = dryRun,
        Now = now ?? DefaultNow,
    };

    public Task<BuildResult> BuildAsync(bool drafts = false, bool dryRun = false, DateTimeOffset? now = null) =>
        SiteBuilder.BuildAsync(Options(drafts, dryRun, now), CancellationToken.None);

    /// <summary>A file of the built output: <c>posts/a/index.html</c>.</summary>
    public string Read(string outputPath) => File.ReadAllText(Path.Combine(Output, outputPath));

    public bool Exists(string outputPath) => File.Exists(Path.Combine(Output, outputPath));

    /// <summary>Makes the site's root a git repository on branch <c>main</c>, whatever the machine's <c>init.defaultBranch</c>.</summary>
    public TestSite InitGit()
    {
        GitRepository.Init(Root);
        using var repository = new GitRepository(Root);
        repository.Refs.UpdateTarget("HEAD", "refs/heads/main");
        return this;
    }

    /// <summary>Commits the given files (relative to the root), or nothing new, as <paramref name="author"/> at <paramref name="when"/>.</summary>
    public TestSite Commit(string author, DateTimeOffset when, params string[] relativePaths)
    {
        using var repository = new GitRepository(Root);
        foreach (var path in relativePaths)
        {
            Commands.Stage(repository, path);
        }
        var signature = new Signature(author, $"{author.Split(' ')[0].ToLowerInvariant()}@example.org", when);
        repository.Commit($"Change by {author}", signature, signature, new CommitOptions { AllowEmptyCommit = true });
        return this;
    }

    /// <summary>Removes a file from the working tree and the index, as <c>git rm</c> does.</summary>
    public TestSite GitRemove(string relativePath)
    {
        using var repository = new GitRepository(Root);
        Commands.Remove(repository, relativePath);
        return this;
    }

    public void Dispose() => _folder.Dispose();
}
