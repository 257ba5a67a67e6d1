using SalesInsights.Charts;
using SalesInsights.Data;
using SalesInsights.Markdown;
using SalesInsights.Markdown.ChartBlocks;
using SalesInsights.Markdown.Claims;
using SalesInsights.Markdown.InlineValues;
using SalesInsights.Pipeline;

namespace SalesInsights.Tests.Support;

/// <summary>Data catalogs for tests: the repository's sample data, or a few rows written for one test.</summary>
public static class TestData
{
    private static readonly Lazy<DataCatalog> Sample = new(() => DataCatalog.Open(Path.Combine(Repository.Input, "data"), Repository.Root));
    // A folder for the whole run: the catalog is shared by every test and never closed.
    private static readonly Lazy<DataCatalog> Small = new(() => Catalog(new TemporaryFolder("si-data-"), new Dictionary<string, string>
    {
        ["sales.csv"] = """
            region,segment,amount,won,day
            NA,SMB,100.5,1,2025-01-03
            NA,Enterprise,900,0,2025-01-10
            EMEA,SMB,250,1,2025-02-01
            EMEA,Enterprise,1200,1,2025-02-15
            APAC,SMB,75,0,2025-03-01
            APAC,Mid-Market,300,1,2025-03-20
            """,
        ["stages.csv"] = """
            stage,deals
            Qualification,120
            Discovery,80
            Proposal,40
            Negotiation,15
            """,
    }));

    /// <summary>The sample datasets of <c>input/data/</c>, opened once for the whole test run.</summary>
    public static DataCatalog SampleCatalog => Sample.Value;

    /// <summary><c>sales</c> (six rows over three regions) and <c>stages</c> (a four-step funnel).</summary>
    public static DataCatalog SmallCatalog => Small.Value;

    /// <summary>
    /// A fresh catalog over the given files, written into <paramref name="folder"/> (indentation trimmed); with
    /// <paramref name="cacheDirectory"/>, keeping query answers there between catalogs as a build does.
    /// </summary>
    public static DataCatalog Catalog(TemporaryFolder folder, IReadOnlyDictionary<string, string> files, DataOptions? options = null, string? cacheDirectory = null)
    {
        foreach (var (name, text) in files)
        {
            File.WriteAllText(folder.PathOf(name), string.Join('\n', text.Split('\n').Select(l => l.Trim())) + "\n");
        }
        return DataCatalog.Open(folder.Root, folder.Root, options, cacheDirectory: cacheDirectory);
    }

    /// <summary>Renders Markdown with the chart, inline value and claim features over <paramref name="catalog"/>, as an article at <c>input/posts/test.md</c>.</summary>
    public static (MarkdownResult Result, MarkdownRenderContext Context) Render(string markdown, DataCatalog catalog, ChartCache? cache = null, int lineOffset = 0, Metadata? metadata = null)
    {
        var renderer = new MarkdownRenderer([new ChartBlockFeature(catalog, cache), new InlineValueFeature(catalog), new ClaimFeature()]);
        var context = new MarkdownRenderContext("input/posts/test.md", lineOffset, null, "", "posts/test", metadata);
        return (renderer.Render(markdown, context), context);
    }

    /// <summary>A chart block around some YAML.</summary>
    public static string Chart(string yaml) => $"Intro.\n\n```chart\n{yaml.Trim()}\n```\n";

    /// <summary>Renders one chart spec straight through the charts facade.</summary>
    public static ChartOutcome RenderChart(string yaml, DataCatalog? catalog = null, ChartCache? cache = null, string id = "chart-test")
    {
        var problems = new List<ChartProblem>();
        var spec = ChartSpecParser.Parse(yaml, problems) ?? throw new InvalidOperationException("The spec did not parse.");
        Assert.Empty(problems);
        return ChartRenderer.Render(spec, yaml, new ChartPlacement(id, $"posts/test/{id}.csv", $"/posts/test/{id}.csv"), catalog ?? SmallCatalog, cache);
    }
}
