using System.Collections.Immutable;
using SalesInsights.Data;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>
/// Publishes every dataset of the data catalog under <c>/data/</c>, byte for byte, so a reader can check any
/// number on the site against its source and the link checker sees the download links resolve.
/// </summary>
public sealed class ReadDatasets : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var options = context.Get<BuildOptions>();
        var datasets = context.Get<DataCatalog>().Datasets
            .Select(d => new Document(
                options.Relative(d.FilePath),
                $"{DataCatalog.PublishedFolder}/{Path.GetFileName(d.FilePath)}",
                new FileContent(d.FilePath),
                Metadata.Empty.With(Keys.Kind, Kinds.Dataset)));
        return Task.FromResult<ImmutableArray<Document>>([.. inputs, .. datasets]);
    }
}
