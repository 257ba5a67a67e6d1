namespace SalesInsights.Pipeline;

/// <summary>
/// The four phases every pipeline goes through. Input phases all run at once; a process phase waits for the
/// process phases of the pipelines it depends on; post-process waits for every process phase (so it may read any
/// pipeline's documents, e.g. to lay out a page with the site's navigation); output waits for every post-process
/// (so it sees every final page, e.g. to check links).
/// </summary>
public enum Phase
{
    Input,
    Process,
    PostProcess,
    Output,
}
