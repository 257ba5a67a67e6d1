using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using SalesInsights.Html;
using SalesInsights.Markdown;
using SalesInsights.Modules;
using SalesInsights.Pipeline;
using SalesInsights.Site;
using SalesInsights.Templates;

namespace SalesInsights.Benchmarks;

/// <summary>Each hot step of a build over the same 200 generated articles, one article per operation.</summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private ImmutableArray<string> _texts;
    private ImmutableArray<string> _bodies;
    private ImmutableArray<Document> _posts;
    private ImmutableArray<string> _pages;
    private MarkdownRenderer _markdown = null!;
    private Theme _theme = null!;
    private TemplateModel _model = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _texts = Corpus.Texts();
        _bodies = [.. _texts.Select(t => FrontMatter.Parse(t, out _).Body)];
        _markdown = new MarkdownRenderer(MarkdownFeatures.All);
        _theme = Corpus.LoadTheme();
        _posts = Corpus.ProcessedPosts();
        _model = new TemplateModel(Corpus.Settings(), new Dictionary<string, string>(StringComparer.Ordinal) { ["css/site.css"] = "/assets/css/site.css" },
            [("Articles", "/")], DateTimeOffset.UnixEpoch);
        _pages = [.. _posts.Select(p => _theme.Render(p.Get<string>(Keys.Layout)!, _model.Globals(p), new DiagnosticBag(), p.Source!)!)];
    }

    private int Next(int count) => _next = (_next + 1) % count;

    [Benchmark(Description = "front matter: split + YAML")]
    public FrontMatter FrontMatterParse() => FrontMatter.Parse(_texts[Next(_texts.Length)], out _);

    [Benchmark(Description = "Markdown: Markdig + TOC, links, highlighting")]
    public MarkdownResult MarkdownRender() => _markdown.Render(_bodies[Next(_bodies.Length)], new MarkdownRenderContext("a.md", 7, null));

    [Benchmark(Description = "Markdown floor: Markdig alone, advanced extensions")]
    public string MarkdigAlone() => Markdig.Markdown.ToHtml(_bodies[Next(_bodies.Length)], Floor);

    private static readonly Markdig.MarkdownPipeline Floor = Markdig.MarkdownExtensions.UseAdvancedExtensions(new Markdig.MarkdownPipelineBuilder()).Build();

    [Benchmark(Description = "template: post layout in base (Scriban)")]
    public string? TemplateRender()
    {
        var post = _posts[Next(_posts.Length)];
        return _theme.Render(Kinds.Post, _model.Globals(post), new DiagnosticBag(), post.Source!);
    }

    [Benchmark(Description = "links: forward scan of a page")]
    public HtmlLinks LinksScan() => HtmlLinks.Read(_pages[Next(_pages.Length)]);

    [Benchmark(Description = "links: AngleSharp DOM of a page (before)")]
    public HtmlLinks LinksDom() => HtmlDomLinks.Read(_pages[Next(_pages.Length)]);

    [Benchmark(Description = "metadata: 12 With calls")]
    public Metadata MetadataChurn()
    {
        var metadata = Metadata.Empty;
        for (var i = 0; i < 12; i++)
        {
            metadata = metadata.With(Keys.Title + i, i);
        }
        return metadata;
    }
}

/// <summary>A whole build in one warm process (no writes): what remains once start-up and JIT are paid.</summary>
[MemoryDiagnoser]
public class WholeBuildBenchmarks
{
    private BuildOptions _options = null!;

    [GlobalSetup]
    public void Setup() => _options = Corpus.Options();

    [Benchmark(Description = "build 200 articles, warm, dry run")]
    public Task<BuildResult> Build() => SiteBuilder.BuildAsync(_options, CancellationToken.None);
}

/// <summary>Keeps <see cref="CheckLinks"/> referenced so the link-check cost stays visible next to its parts.</summary>
internal static class LinkCheckReference
{
    public static Type Module => typeof(CheckLinks);
}
