namespace SalesInsights.Tests.Support;

/// <summary>Paths of the repository the tests run from: its root (the folder holding SalesInsights.sln), theme and sample input.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();
    public static string Theme => Path.Combine(Root, "theme");
    public static string Input => Path.Combine(Root, "input");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SalesInsights.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Cannot find SalesInsights.sln above " + AppContext.BaseDirectory);
    }
}
