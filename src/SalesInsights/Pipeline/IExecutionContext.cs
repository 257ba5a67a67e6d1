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

    /// <summary>The session that keeps per-document results across builds (the preview); null for a one-off build.</summary>
    BuildSession? Session => null;

    /// <summary>
    /// <paramref name="create"/>'s value, or in a session the one made last build from the same
    /// <paramref name="sources"/> (see <see cref="BuildSession.Derive{T}"/>). The sources are gathered only in a
    /// session: a one-off build has nothing to compare them with.
    /// </summary>
    T Derive<T>(string key, Func<ImmutableArray<object?>> sources, Func<T> create) where T : class =>
        Session is { } session ? session.Derive(key, sources(), create) : create();

    /// <summary>
    /// Declares that the result being computed depends on a file's bytes beyond the document (a dataset a chart
    /// queried): a result cached by the session is reused only while the file is unchanged. Outside a cached
    /// computation it does nothing, so features may always call it.
    /// </summary>
    void ReadsFile(string path)
    {
    }

    /// <summary>
    /// Declares that the result being computed is a stand-in, not what a full build makes (a chart shown as still
    /// being drawn): a session does not keep it, so the next build computes it again. Outside a cached computation
    /// it does nothing.
    /// </summary>
    void MarkIncomplete()
    {
    }
}
