using Markdig;
using Markdig.Syntax;
using SalesInsights.Charts;
using SalesInsights.Data;
using SalesInsights.Site;

namespace SalesInsights.Markdown.ChartBlocks;

/// <summary>
/// <c>```chart</c> blocks: YAML describing a chart over the site's data, replaced at build time by an accessible
/// figure (inline SVG, caption, data table, CSV download). Markdig already parses fenced blocks, so this feature
/// needs no parser of its own: it finds the blocks after parsing and prepares their HTML, which the code-block
/// renderer writes in their place.
/// </summary>
/// <param name="catalog">The data to chart; by default the build's <see cref="DataCatalog"/> service.</param>
/// <param name="cache">Finished figures from earlier builds; by default the build's <see cref="ChartCache"/> service, if any.</param>
public sealed class ChartBlockFeature(DataCatalog? catalog = null, ChartCache? cache = null) : IMarkdownFeature
{
    public const string Language = "chart";

    public void Configure(MarkdownPipelineBuilder builder)
    {
    }

    public void Prepare(MarkdownNodes nodes, MarkdownRenderContext context)
    {
        var blocks = nodes.Blocks<FencedCodeBlock>()
            .Where(b => string.Equals(b.Info?.Trim(), Language, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (blocks.Count == 0)
        {
            return;
        }
        var data = catalog ?? BuildServices.Data(context);
        if (data is null)
        {
            foreach (var block in blocks)
            {
                context.Error("SI300", "Charts need the site's data, but no data catalog was registered with the build.", block.Line, block.Column);
            }
            return;
        }
        var figures = cache ?? BuildServices.Find<ChartCache>(context);
        var folder = BuildServices.OutputFolder(context);
        // Pages that share a chart folder (dashboard views) name each chart's CSV by its content: the same chart on
        // many pages then has the same placement, so it is drawn once and its numbers published once.
        var shared = context.Metadata.GetString(Keys.SharedChartFolder)?.Trim('/');

        // Ids are handed out in reading order first, so rendering in parallel cannot change them.
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var work = new List<(FencedCodeBlock Block, string Yaml, ChartSpec Spec, ChartPlacement Placement)>();
        foreach (var block in blocks)
        {
            var yaml = block.Lines.ToString();
            var problems = new List<ChartProblem>();
            var spec = ChartSpecParser.Parse(yaml, problems);
            if (spec is null || problems.Count > 0)
            {
                Report(context, block, problems);
                continue;
            }
            var slug = Slugs.From(spec.Title);
            var id = "chart-" + (slug.Length > 0 ? slug : "figure");
            for (var n = 2; !ids.Add(id); n++)
            {
                id = $"chart-{slug}-{n}";
            }
            var csvPath = shared is not null
                ? $"{shared}/{ChartCache.Key(yaml, id)[..16]}/{id}.csv"
                : folder.Length > 0 ? $"{folder}/{id}.csv" : $"{id}.csv";
            work.Add((block, yaml, spec, new ChartPlacement(id, csvPath, $"{context.BasePath.TrimEnd('/')}/{csvPath}")));
        }

        Parallel.ForEach(work, item =>
        {
            var outcome = ChartRenderer.Render(item.Spec, item.Yaml, item.Placement, data, figures);
            if (outcome is { Pending: true, Figure: { } stand })
            {
                context.Replace(item.Block, stand.Html);
                context.Execution?.MarkIncomplete();
            }
            else if (outcome.Figure is { } figure)
            {
                context.Replace(item.Block, figure.Html);
                context.AddFile(new GeneratedFile(item.Placement.CsvPath, figure.Csv));
            }
            else
            {
                Report(context, item.Block, outcome.Problems);
            }
        });
    }

    /// <summary>YAML positions are relative to the block's first content line, the line after the fence.</summary>
    private static void Report(MarkdownRenderContext context, FencedCodeBlock block, IEnumerable<ChartProblem> problems)
    {
        foreach (var problem in problems)
        {
            context.Error(problem.Code, problem.Message, block.Line + 1 + problem.Position.Line, block.Column + problem.Position.Column);
        }
    }
}
