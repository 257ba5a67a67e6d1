using SalesInsights.Site;

namespace SalesInsights.Tests.Support;

/// <summary>
/// The repository's sample site, built once per test run for every check that reads the finished site (browser,
/// HTML validity, feeds). Building is the slow part, so it is shared; nothing may write into it.
/// </summary>
public static class SampleSite
{
    private static readonly Lazy<Task<BuiltSite>> Build = new(BuildAsync);

    public static Task<BuiltSite> GetAsync() => Build.Value;

    /// <summary>
    /// Built into the test output folder (git-ignored) rather than the shared temp folder, and left there after the
    /// run so a failure can be inspected; the next run starts by removing it.
    /// </summary>
    private static async Task<BuiltSite> BuildAsync()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "built-site");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
        var output = Path.Combine(root, "output");
        var result = await SiteBuilder.BuildAsync(new BuildOptions
        {
            InputDirectory = Repository.Input,
            ThemeDirectory = Repository.Theme,
            OutputDirectory = output,
            CacheDirectory = Path.Combine(root, ".cache"),
        }, CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The sample site does not build:\n" + string.Join('\n', result.Diagnostics));
        }
        return new BuiltSite(output, result);
    }
}

/// <summary>A finished site on disk and how its build went.</summary>
public sealed record BuiltSite(string Output, BuildResult Result)
{
    public bool Has(string urlPath) => File.Exists(FileFor(urlPath));

    /// <summary>The text of a page or file: <c>/posts/a/</c> reads <c>posts/a/index.html</c>.</summary>
    public string Read(string urlPath) => File.ReadAllText(FileFor(urlPath));

    public string FileFor(string urlPath)
    {
        var path = urlPath.TrimStart('/');
        return Path.Combine(Output, path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path);
    }

    /// <summary>The URL paths of every page below <paramref name="folder"/>, in a stable order.</summary>
    public IReadOnlyList<string> PagesUnder(string folder)
    {
        var directory = Path.Combine(Output, folder.Trim('/'));
        return !Directory.Exists(directory) ? [] : Directory.EnumerateFiles(directory, "index.html", SearchOption.AllDirectories)
            .Select(f => "/" + Path.GetRelativePath(Output, Path.GetDirectoryName(f)!).Replace('\\', '/') + "/")
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
