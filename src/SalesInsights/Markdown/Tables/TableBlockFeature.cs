using Markdig;
using Markdig.Syntax;
using SalesInsights.Charts;
using SalesInsights.Data;
using SalesInsights.Site;

namespace SalesInsights.Markdown.Tables;

/// <summary>
/// <c>```table</c> blocks: YAML naming rows (<c>sql:</c>, or <c>data:</c> and <c>where:</c> as in chart blocks) and
/// how to show their columns, replaced at build time by a <see cref="DataTable"/> and its CSV beside the page.
/// </summary>
/// <param name="catalog">The data; by default the build's <see cref="DataCatalog"/> service.</param>
public sealed class TableBlockFeature(DataCatalog? catalog = null) : IMarkdownFeature
{
    public const string Language = "table";

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
        var data = catalog ?? BuildServices.Find<DataCatalog>(context);
        if (data is null)
        {
            foreach (var block in blocks)
            {
                context.Error("SI300", "Tables need the site's data, but no data catalog was registered with the build.", block.Line, block.Column);
            }
            return;
        }
        var folder = BuildServices.OutputFolder(context);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            var problems = new List<ChartProblem>();
            var spec = TableSpecParser.Parse(block.Lines.ToString(), problems);
            if (spec is null || problems.Count > 0)
            {
                Report(context, block, problems);
                continue;
            }
            var slug = Slugs.From(spec.Title);
            var id = "table-" + (slug.Length > 0 ? slug : "rows");
            for (var n = 2; !ids.Add(id); n++)
            {
                id = $"table-{slug}-{n}";
            }
            var csvPath = folder.Length > 0 ? $"{folder}/{id}.csv" : $"{id}.csv";
            var result = Rows(spec, data, problems);
            var table = result is null ? null : DataTable.Render(spec, result, id, $"{context.BasePath.TrimEnd('/')}/{csvPath}", problems);
            if (table is { } done)
            {
                context.Replace(block, done.Html);
                context.AddFile(new GeneratedFile(csvPath, done.Csv));
            }
            Report(context, block, problems);
        }
    }

    /// <summary>The block's rows: its SQL, or every column of its dataset filtered by <c>where:</c>.</summary>
    private static QueryResult? Rows(TableSpec spec, DataCatalog data, List<ChartProblem> problems)
    {
        string sql;
        if (spec.Sql is { } written)
        {
            sql = DataCatalog.Statement(written);
        }
        else
        {
            var named = spec.Columns.Select(c => ((string?)c.Name, c.Position));
            if (DatasetQuery.Find(data, spec.Data!, spec.PositionOf("data"), named, problems) is not { } dataset)
            {
                return null;
            }
            sql = $"SELECT * {DatasetQuery.From(dataset, spec.Where)}";
        }
        var outcome = data.Query(sql);
        if (outcome.Error is { } error)
        {
            problems.Add(new ChartProblem("SI306", $"SQL error: {error}", spec.PositionOf(spec.Sql is not null ? "sql" : spec.Where is not null ? "where" : "data")));
            return null;
        }
        return outcome.Result;
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
