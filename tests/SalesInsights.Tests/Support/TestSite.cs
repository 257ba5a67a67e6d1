using SalesInsights.Site;

namespace SalesInsights.Tests.Support;

/// <summary>A throwaway site folder with the repository's theme, for tests that build a site from a few files.</summary>
public sealed class TestSite : IDisposable
{
    public TestSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "si-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "input", "posts"));
        Directory.CreateDirectory(Path.Combine(Root, "input", "pages"));
        Write("input/site.yml", "title: Test Site\nbase_url: https://example.org\nauthor: Test Author\n");
    }

    public string Root { get; }
    public string Input => Path.Combine(Root, "input");
    public string Output => Path.Combine(Root, "output");

    public TestSite Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public TestSite Post(string slug, string title, string date = "2025-01-01", string tags = "[a]", string body = "Some text.", string extra = "") =>
        Write($"input/posts/{slug}.md", $"---\ntitle: \"{title}\"\ndate: {date}\ntags: {tags}\n{extra}---\n\n{body}\n");

    public BuildOptions Options(bool drafts = false, DateTimeOffset? now = null) => new()
    {
        InputDirectory = Input,
        ThemeDirectory = Repository.Theme,
        OutputDirectory = Output,
        IncludeDrafts = drafts,
        Now = now ?? new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        CacheDirectory = Path.Combine(Root, ".cache"),
    };

    public Task<BuildResult> BuildAsync(bool drafts = false) => SiteBuilder.BuildAsync(Options(drafts), CancellationToken.None);

    public string Read(string outputPath) => File.ReadAllText(Path.Combine(Output, outputPath));

    public bool Exists(string outputPath) => File.Exists(Path.Combine(Output, outputPath));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Paths of the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();
    public static string Theme => Path.Combine(Root, "theme");
    public static string Input => Path.Combine(Root, "input");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SalesInsights.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("The tests must run inside the repository.");
    }
}
