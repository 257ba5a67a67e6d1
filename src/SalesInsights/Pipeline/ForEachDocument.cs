using System.Collections.Immutable;

namespace SalesInsights.Pipeline;

/// <summary>
/// The one helper base for modules that treat documents independently: CPU-bound work on every input, run in
/// parallel, order preserved. Return null to drop a document (after reporting why), or the input to pass it on.
/// </summary>
public abstract class ForEachDocument : IModule
{
    protected abstract Document? Execute(Document input, IExecutionContext context);

    /// <summary>
    /// True when <see cref="Execute"/> is a function of the document and of what it reads through the context
    /// (services, declared files): a build session may then reuse a result computed in an earlier build.
    /// </summary>
    protected virtual bool IsCacheable => false;

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var session = IsCacheable ? context.Session : null;
        var results = new Document?[inputs.Length];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        var timings = context.TryGet<DocumentTimings>();
        Document? Run(Document input) => session is null ? Execute(input, context) : session.GetOrExecute(this, context, input, [], c => Execute(input, c));
        Parallel.For(0, inputs.Length, options, i =>
        {
            try
            {
                results[i] = timings is null ? Run(inputs[i]) : timings.Measure(GetType().Name, inputs[i], () => Run(inputs[i]));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A programmer error in one document must not hide the others: report it against that document.
                context.Diagnostics.Report(Diagnostic.Error(DiagnosticBag.ModuleFailure, $"{GetType().Name} failed: {e.Message}", inputs[i].Source ?? inputs[i].Destination ?? "(generated)"));
                results[i] = null;
            }
        });
        var builder = ImmutableArray.CreateBuilder<Document>(inputs.Length);
        foreach (var result in results)
        {
            if (result is not null)
            {
                builder.Add(result);
            }
        }
        return Task.FromResult(builder.ToImmutable());
    }
}
