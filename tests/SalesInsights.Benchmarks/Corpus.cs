using System.Collections.Immutable;
using System.Diagnostics;
using SalesInsights.Markdown;
using SalesInsights.Modules;
using SalesInsights.Pipeline;
using SalesInsights.Site;
using SalesInsights.Templates;

namespace SalesInsights.Benchmarks;

/// <summary>
/// The generated benchmark corpus (tests/benchmarks/gen_corpus.py, seed 42), created on first use, and the
/// documents of its articles after each step of the posts pipeline, for benchmarks of one step at a time.
/// </summary>
public static class Corpus
{
    public const int Articles = 200;

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Theme => Path.Combine(RepositoryRoot, "theme");

    /// <summary>The site folder holding <c>input/</c> with <paramref name="articles"/> generated articles.</summary>
    public static string Site(int articles = Articles)
    {
        var root = Path.Combine(Environment.GetEnvironmentVariable("BENCH_DIR") ?? Path.Combine(Path.GetTempPath(), "salesinsights-bench"), $"micro-{articles}");
        if (!File.Exists(Path.Combine(root, ".done")))
        {
            Directory.CreateDirectory(root);
            var python = Process.Start(new ProcessStartInfo("python3",
                [Path.Combine(RepositoryRoot, "tests", "benchmarks", "gen_corpus.py"), "--n", articles.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 "--out", root, "--seed", "42", "--layout", "salesinsights"])) ?? throw new InvalidOperationException("cannot start python3");
            python.WaitForExit();
            if (python.ExitCode != 0)
            {
                throw new InvalidOperationException("gen_corpus.py failed; is python3 installed?");
            }
            File.WriteAllText(Path.Combine(root, ".done"), "");
        }
        return root;
    }

    public static ImmutableArray<string> Texts() =>
        [.. Directory.EnumerateFiles(Path.Combine(Site(), "input", "posts"), "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    public static BuildOptions Options() => new BuildOptions
    {
        InputDirectory = Path.Combine(Site(), "input"),
        ThemeDirectory = Theme,
        OutputDirectory = Path.Combine(Site(), "output"),
        DryRun = true,
    }.Resolve();

    public static SiteSettings Settings() => SiteSettings.Load(Options().InputDirectory, "input/site.yml", new DiagnosticBag());

    public static Theme LoadTheme() => Templates.Theme.Load(Theme, Options().InputDirectory, p => p, new DiagnosticBag());

    /// <summary>The articles after the posts pipeline's process phase: rendered Markdown, linked, no layout yet.</summary>
    public static ImmutableArray<Document> ProcessedPosts()
    {
        var pipeline = new Pipeline.Pipeline(SitePipelines.Posts)
        {
            Input = [new ReadFiles("posts", "*.md", Kinds.Post)],
            Process = [new ParseFrontMatter(), new ApplyFrontMatter(), new FilterPublished(), new RenderMarkdown(), new LinkPosts()],
        };
        var engine = new Engine([pipeline], [Options(), Options().Sandbox(), Settings(), LoadTheme(), new MarkdownRenderer(MarkdownFeatures.All), new OutputTarget(null)]);
        var result = engine.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (result.Diagnostics.ToSortedArray().Length > 0)
        {
            throw new InvalidOperationException(string.Join('\n', result.Diagnostics.ToSortedArray()));
        }
        return result.Outputs[SitePipelines.Posts];
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SalesInsights.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}
