using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Architecture;

/// <summary>Each third-party library stays in the folder that wraps it; the rest of the code calls that folder's facade.</summary>
public sealed class LibraryBoundaryTests
{
    [Theory]
    [InlineData("DuckDB", "Data")]
    [InlineData("ScottPlot", "Charts")]
    [InlineData("Markdig", "Markdown")]
    public void A_library_is_used_only_inside_its_own_folder(string library, string folder)
    {
        var source = Path.Combine(Repository.Root, "src", "SalesInsights");
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadLines(f).Any(l => l.StartsWith($"using {library}", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(source, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(folder + "/", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(offenders);
    }
}
