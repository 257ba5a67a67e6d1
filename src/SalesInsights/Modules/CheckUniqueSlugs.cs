using System.Collections.Immutable;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>Two documents with the same URL would overwrite each other: report every one of them and drop them.</summary>
public sealed class CheckUniqueSlugs : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var clashes = inputs.GroupBy(d => d.Get<string>(Keys.Url), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).ToList();
        foreach (var group in clashes)
        {
            foreach (var document in group)
            {
                var others = string.Join(", ", group.Where(d => d != document).Select(d => d.Source));
                var lines = document.Get<ImmutableDictionary<string, int>>(Keys.FrontMatterLines);
                var line = lines is not null && (lines.TryGetValue(Keys.Slug, out var l) || lines.TryGetValue(Keys.Title, out l)) ? l : 1;
                context.Diagnostics.Report(Diagnostic.Error("SI0105",
                    $"the slug '{document.Get<string>(Keys.Slug)}' is also used by {others}; give one of them another 'slug'", document.Source!, line));
            }
        }
        var dropped = clashes.SelectMany(g => g).ToHashSet();
        return Task.FromResult(dropped.Count == 0 ? inputs : [.. inputs.Where(d => !dropped.Contains(d))]);
    }
}
