namespace SalesInsights.Site;

/// <summary>Where this build writes (a staging folder swapped in at the end), or nowhere for a check.</summary>
public sealed class OutputTarget(string? directory)
{
    private int _files;

    public string? Directory { get; } = directory;

    public int FilesWritten => _files;

    public void Count() => Interlocked.Increment(ref _files);
}
