using System.Collections.Immutable;

namespace SalesInsights.Pipeline;

/// <summary>What a module sees of the running build.</summary>
public interface IExecutionContext
{
    /// <summary>The pipeline whose module is running.</summary>
    string PipelineName { get; }

    Phase Phase { get; }

    DiagnosticBag Diagnostics { get; }

    /// <summary>
    /// The documents another pipeline produced. In the process phase only dependencies may be read; from
    /// post-process on, any pipeline's process results; in the output phase, any pipeline's post-process results.
    /// </summary>
    ImmutableArray<Document> OutputsOf(string pipelineName);

    /// <summary>A service registered with the engine (site settings, theme, data catalog...).</summary>
    T Get<T>() where T : class;

    /// <summary>A service registered with the engine, or null when there is none (for optional services such as profiling).</summary>
    T? TryGet<T>() where T : class
    {
        try
        {
            return Get<T>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
