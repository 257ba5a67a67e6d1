using System.Collections.Immutable;

namespace SalesInsights.Pipeline;

/// <summary>One transform over a set of documents. Modules are sealed classes named with a verb.</summary>
public interface IModule
{
    Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken);
}
