using SalesInsights.Site;

namespace SalesInsights.Tests.Support;

/// <summary>
/// A throw-away site for the publishing tests: like <see cref="TestSite"/>, but dry-run by default, a repository URL
/// in site.yml (for edit links), and read-only git objects removed on disposal.
/// </summary>
internal sealed class TempSite : IDisposable
{
    public TempSite(string? siteYaml = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "si-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(Root, "input", "posts"));
        Write("input/site.yml", siteYaml ?? "title: Test\nbase_url: https://example.org\nauthor: Site Author\nrepository_url: https://github.com/example/site\nrepository_branch: main\n");
    }

    public string Root { get; }
    public string Input => Path.Combine(Root, "input");
    public string Output => Path.Combine(Root, "output");

    /// <summary>The real theme of the repository.</summary>
    public static string Theme => Repository.Theme;

    public static string RepositoryRoot => Repository.Root;

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A valid published article with optional extra front matter lines.</summary>
    public string Post(string slug, string extraFrontMatter = "", string date = "2024-03-01", string body = "Some words.") =>
        Write($"input/posts/{slug}.md", $"---\ntitle: Post {slug}\ndate: {date}\n{extraFrontMatter}---\n\n{body}\n");

    public BuildOptions Options(bool dryRun = true, bool drafts = false) => new()
    {
        InputDirectory = Input,
        ThemeDirectory = Theme,
        OutputDirectory = Output,
        DryRun = dryRun,
        IncludeDrafts = drafts,
        Now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    public Task<BuildResult> BuildAsync(bool dryRun = true, bool drafts = false) => SiteBuilder.BuildAsync(Options(dryRun, drafts), CancellationToken.None);

    public void Dispose()
    {
        try
        {
            // Git marks its object files read-only; clear that so the folder can go.
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
