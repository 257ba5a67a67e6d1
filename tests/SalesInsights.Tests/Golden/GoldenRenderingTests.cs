using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using SalesInsights.Markdown;
using SalesInsights.Site;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Golden;

/// <summary>
/// Rendering judged by golden files, in the manner of Markdig's spec tests: every <c>cases/NAME.md</c> is an article
/// of one site (with the datasets of <c>data/</c> and the bare layouts of <c>layouts/</c>, which print the article's
/// front matter values and its body and nothing of the theme), and what the build makes of it must equal
/// <c>cases/NAME.html</c>. After an intended change, <c>SI_BLESS=1</c> rewrites the expected files from the output.
/// </summary>
public sealed partial class GoldenRenderingTests
{
    /// <summary>Set to 1 to write the output of every case into its expected file instead of comparing.</summary>
    public const string BlessVariable = "SI_BLESS";

    private static readonly string Folder = Path.Combine(Repository.Root, "tests", "SalesInsights.Tests", "Golden");
    private static readonly string Cases = Path.Combine(Folder, "cases");
    private static readonly Lazy<Task<BuildResult>> Built = new(BuildAsync);

    private static bool Blessing => Environment.GetEnvironmentVariable(BlessVariable) == "1";

    public static TheoryData<string> Names => [.. Inputs().Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Each_case_renders_as_its_expected_html(string name)
    {
        var actual = Render(await Built.Value, name);
        var expectedFile = Path.Combine(Cases, name + ".html");
        if (Blessing)
        {
            File.WriteAllText(expectedFile, actual);
            return;
        }
        Assert.True(File.Exists(expectedFile), $"cases/{name}.md has no cases/{name}.html: write it with {BlessVariable}=1 and read it before committing.");
        var expected = File.ReadAllText(expectedFile).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            Assert.Fail($"cases/{name}.html differs from the output (- expected, + actual). If the change is intended, run {BlessVariable}=1 dotnet test --filter \"FullyQualifiedName~Golden\" and review the diff of the expected files.\n{Diff(expected, actual)}");
        }
    }

    [Fact]
    public void Every_expected_file_has_its_case()
    {
        var inputs = Inputs().Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        var orphans = Directory.EnumerateFiles(Cases, "*.html").Where(f => !inputs.Contains(Path.GetFileNameWithoutExtension(f))).ToList();
        if (Blessing)
        {
            orphans.ForEach(File.Delete);
            return;
        }
        Assert.Empty(orphans.Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_golden_site_reports_nothing_outside_its_cases()
    {
        var result = await Built.Value;

        Assert.Empty(result.Diagnostics.Where(d => !d.Path.StartsWith("input/posts/", StringComparison.Ordinal)));
    }

    private static IEnumerable<string> Inputs() => Directory.EnumerateFiles(Cases, "*.md");

    private static async Task<BuildResult> BuildAsync()
    {
        using var site = new TestSite("title: Golden\ndescription: The site description.\nbase_url: https://example.org\nauthor: Golden Author\n");
        foreach (var (folder, target) in new[] { ("layouts", "input/layouts"), ("data", "input/data") })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Folder, folder)))
            {
                site.Write($"{target}/{Path.GetFileName(file)}", File.ReadAllText(file));
            }
        }
        foreach (var file in Inputs())
        {
            // Bytes, not text: a case may be about a byte order mark or CRLF line ends. Without git, a file's time
            // is its last update: one before every case's date is no update, whenever the test runs.
            var copy = site.PathOf($"input/posts/{Path.GetFileName(file)}");
            File.Copy(file, copy);
            File.SetLastWriteTimeUtc(copy, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }
        return await site.BuildAsync(dryRun: true);
    }

    /// <summary>A case's page as the bare layouts print it, the files it generated, and the diagnostics reported at its file.</summary>
    private static string Render(BuildResult result, string name)
    {
        var source = $"input/posts/{name}.md";
        var text = new StringBuilder();
        if (result.Outputs[SitePipelines.Posts].FirstOrDefault(d => d.Source == source) is { } page)
        {
            // One element of a drawing per line, so that a diff shows which marks changed, not one long line.
            var html = SvgElement().Replace(page.Text.ReplaceLineEndings("\n"), svg => svg.Value.Replace("><", ">\n<", StringComparison.Ordinal));
            text.Append(html.TrimEnd('\n')).Append('\n');
            foreach (var file in page.Get<GeneratedFile[]>(Keys.GeneratedFiles) ?? [])
            {
                text.Append("<!-- ").Append(file.Destination).Append('\n').Append(file.Content.ReplaceLineEndings("\n").TrimEnd('\n')).Append("\n-->\n");
            }
        }
        else
        {
            text.Append("<!-- no page -->\n");
        }
        var diagnostics = result.Diagnostics.Where(d => d.Path == source).ToList();
        if (diagnostics.Count > 0)
        {
            text.Append("<!-- diagnostics\n").AppendJoin('\n', diagnostics).Append("\n-->\n");
        }
        return text.ToString();
    }

    /// <summary>The changed lines with three lines of context around each change.</summary>
    private static string Diff(string expected, string actual)
    {
        var lines = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false).Lines;
        var changed = lines.Select((l, i) => (l, i)).Where(p => p.l.Type is ChangeType.Inserted or ChangeType.Deleted).Select(p => p.i).ToImmutableArray();
        var text = new StringBuilder();
        var last = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!changed.Any(c => Math.Abs(c - i) <= 3))
            {
                continue;
            }
            if (last >= 0 && i > last + 1)
            {
                text.Append("…\n");
            }
            var line = lines[i];
            text.Append(line.Type switch { ChangeType.Inserted => "+ ", ChangeType.Deleted => "- ", _ => "  " }).Append(line.Text).Append('\n');
            last = i;
        }
        return text.ToString();
    }

    [GeneratedRegex("<svg[ >].*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElement();
}
