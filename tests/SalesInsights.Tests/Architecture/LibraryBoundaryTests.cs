using System.Text.RegularExpressions;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Architecture;

/// <summary>Each third-party library stays in the folder that wraps it; the rest of the code calls that folder's facade.</summary>
public sealed partial class LibraryBoundaryTests
{
    /// <summary>The libraries and the folders of src/SalesInsights that may name them (a folder's subfolders included).</summary>
    public static TheoryData<string, string[]> Libraries => new()
    {
        { "DuckDB", ["Data"] },
        { "SkiaSharp", ["Charts", "Imaging"] },
        { "Markdig", ["Markdown"] },
        { "ColorCode", ["Markdown/Highlighting"] },
        { "AngleSharp", ["Html"] },
        { "Scriban", ["Templates"] },
        { "YamlDotNet", ["Yaml"] },
        { "Tomlyn", ["Toml", "Preview"] },
        { "LibGit2Sharp", ["Git"] },
        { "Microsoft.AspNetCore", ["Preview"] },
        { "Spectre.Console", ["Cli"] },
    };

    [Theory]
    [MemberData(nameof(Libraries))]
    public void A_library_is_named_only_inside_its_own_folder(string library, string[] folders)
    {
        var offenders = SourceFiles()
            .Where(file => Names(file.Code, library))
            .Select(file => file.Path)
            .Where(path => !folders.Any(folder => path.StartsWith(folder + "/", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_check_sees_a_fully_qualified_name_and_a_using_but_not_a_comment()
    {
        Assert.True(Names("var x = new YamlDotNet.RepresentationModel.YamlStream();", "YamlDotNet"));
        Assert.True(Names("global using static Markdig.Markdown;", "Markdig"));
        Assert.True(Names("using Stream = YamlDotNet.RepresentationModel.YamlStream;", "YamlDotNet"));
        Assert.False(Names("// YamlDotNet.Core is read only in Yaml/.", "YamlDotNet"));
        Assert.False(Names("var s = \"as DuckDB.\";", "DuckDB"));
    }

    private static IEnumerable<(string Path, string Code)> SourceFiles()
    {
        var source = Path.Combine(Repository.Root, "src", "SalesInsights");
        var obj = $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}";
        var bin = $"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}";
        return Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(obj, StringComparison.Ordinal) && !f.Contains(bin, StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(source, f).Replace('\\', '/'), File.ReadAllText(f)));
    }

    /// <summary>Whether code (comments and string literals aside) names the library's namespace.</summary>
    private static bool Names(string code, string library)
    {
        var stripped = CommentsAndStrings().Replace(code, " ");
        return new Regex($@"(?<![\w.]){Regex.Escape(library)}(\.[A-Z]|\s*;)").IsMatch(stripped);
    }

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@""(?:""""|[^""])*""|""(?:\\.|[^""\\\n])*""", RegexOptions.Singleline)]
    private static partial Regex CommentsAndStrings();
}
