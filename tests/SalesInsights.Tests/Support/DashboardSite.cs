using System.Text.RegularExpressions;
using SalesInsights.Site;

namespace SalesInsights.Tests.Support;

/// <summary>
/// The repository's dashboard page and sample data, built once into a throwaway site (without the articles, which
/// the sample site tests cover) and shared by the dashboard tests.
/// </summary>
public sealed partial class DashboardSite : IAsyncLifetime
{
    public TestSite Site { get; } = new();

    public BuildResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site.Write("input/pages/dashboard.md", File.ReadAllText(Path.Combine(Repository.Input, "pages", "dashboard.md")));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Input, "data")))
        {
            Site.Write($"input/data/{Path.GetFileName(file)}", File.ReadAllText(file));
        }
        Result = await Site.BuildAsync();
    }

    public Task DisposeAsync()
    {
        Site.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The page of a view: <c>dashboard/emea/2026-q2/index.html</c>, or the default view for (null, null).</summary>
    public string Page(string? region = null, string? quarter = null) =>
        Site.Read(region is null ? "dashboard/index.html" : $"dashboard/{region.ToLowerInvariant()}/{quarter!.ToLowerInvariant()}/index.html");

    /// <summary>Every tile of a page: its element's attributes by name.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Tiles(string html) =>
        [.. TileElement().Matches(html).Select(m => (IReadOnlyDictionary<string, string>)Attribute().Matches(m.Value)
            .ToDictionary(a => a.Groups[1].Value, a => System.Net.WebUtility.HtmlDecode(a.Groups[2].Value), StringComparer.Ordinal))];

    [GeneratedRegex("<div class=\"kpi\"[^>]*>")]
    private static partial Regex TileElement();

    [GeneratedRegex("([a-z-]+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();
}

[CollectionDefinition(Name)]
public sealed class DashboardSiteCollection : ICollectionFixture<DashboardSite>
{
    public const string Name = "dashboard site";
}
