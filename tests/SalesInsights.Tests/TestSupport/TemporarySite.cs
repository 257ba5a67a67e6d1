namespace SalesInsights.Tests.TestSupport;

/// <summary>
/// A tiny site in a temporary folder: two articles (one a draft), a page, site.yml and a copy of the repository's
/// theme. Deleted on dispose. Tests edit it freely.
/// </summary>
public sealed class TemporarySite : IDisposable
{
    public TemporarySite()
    {
        Root = Path.Combine(Path.GetTempPath(), "si-site-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path.Combine(Root, "input", "posts"));
        Directory.CreateDirectory(Path.Combine(Root, "input", "pages"));
        CopyDirectory(Path.Combine(RepositoryRoot, "theme"), Theme);
        Write("input/site.yml", "title: Test Insights\ndescription: A site for tests.\nbase_url: https://example.org\nauthor: Tester\nposts_per_page: 5\n");
        Write("input/posts/first-deal.md", Post("The First Deal", "2025-01-10", "[quota, pipeline]", "The first deal always takes longest."));
        Write("input/posts/second-call.md", Post("The Second Call", "2025-02-20", "[pipeline]", "A second call is where the real questions come."));
        Write("input/posts/unfinished.md", "---\ntitle: \"An Unfinished Thought\"\ndate: 2025-03-01\ndraft: true\ntags: [quota]\n---\n\nStill drafting this one.\n");
        Write("input/pages/about.md", "---\ntitle: \"About Us\"\nslug: about\n---\n\nWe write about selling technology.\n");
    }

    public string Root { get; }

    public string Input => Path.Combine(Root, "input");

    public string Theme => Path.Combine(Root, "theme");

    /// <summary>The folder holding SalesInsights.sln, found upwards from the test assembly.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Post(string title, string date, string tags, string body) =>
        $"---\ntitle: \"{title}\"\ndate: {date}\nauthor: Tester\ntags: {tags}\n---\n\n{body}\n\n## More\n\nA second paragraph with [a link](/about/).\n";

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Delete(string relative) => File.Delete(PathOf(relative));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the temp folder is cleaned by the OS eventually.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SalesInsights.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Cannot find SalesInsights.sln above " + AppContext.BaseDirectory);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
