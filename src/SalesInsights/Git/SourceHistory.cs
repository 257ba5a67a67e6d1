namespace SalesInsights.Git;

/// <summary>
/// The git history of a build's input, read on first use by whichever pipeline asks first and shared by all of
/// them, so posts and pages never walk the commits twice.
/// </summary>
public sealed class SourceHistory(string inputDirectory, CancellationToken cancellationToken)
{
    private readonly Lazy<GitHistory> _history = new(() => GitHistory.Read(inputDirectory, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);

    public GitHistory Value => _history.Value;
}
