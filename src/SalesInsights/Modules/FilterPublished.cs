using System.Collections.Immutable;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>Leaves drafts, future-dated and expired articles out of a build, unless drafts were asked for.</summary>
public sealed class FilterPublished : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context.Get<BuildOptions>().IncludeDrafts
            ? inputs
            : [.. inputs.Where(d => !d.Get<bool>(Keys.Draft) && !d.Get<bool>(Keys.Future) && !d.Get<bool>(Keys.Expired))]);
}
