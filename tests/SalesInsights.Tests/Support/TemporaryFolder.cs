namespace SalesInsights.Tests.Support;

/// <summary>A new, empty folder under the system's temp folder, deleted with everything in it on <see cref="Dispose"/>.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder(string prefix = "si-test-") => Root = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Root { get; }

    /// <summary>The full path of a file or folder inside, given relative to the root: <c>input/posts/a.md</c>.</summary>
    public string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public override string ToString() => Root;

    public void Dispose()
    {
        try
        {
            // Git marks its object files read-only; clear that so the folder can go.
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A watcher or a native library may still hold a file for a moment; the system cleans its temp folder.
        }
    }
}
