namespace SalesInsights.Import;

/// <summary>What Hugo and Jekyll sites hold alike: a settings file, and a folder of data files.</summary>
internal static class SharedFolders
{
    /// <summary>The settings file at <paramref name="path"/>, or null (noted at its line) when it cannot be read.</summary>
    public static OldSiteConfig? Config(PlanBuilder plan, string path)
    {
        var text = plan.ReadText(path);
        if (text is null)
        {
            return null;
        }
        var config = OldSiteConfig.Read(path, text, out var error);
        if (error is not null)
        {
            plan.Note("SI0802", path, error.Line, $"the settings cannot be read, so none were imported: {error.Message}", error.Column);
        }
        return config;
    }

    /// <summary>CSV files become datasets (<c>input/data/</c>), queried with SQL; other data files are named.</summary>
    public static void Data(PlanBuilder plan, string folder, string why)
    {
        foreach (var file in plan.Files(folder))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (Path.GetExtension(file).Equals(".csv", StringComparison.OrdinalIgnoreCase))
            {
                plan.Add(file, "data/" + relative);
            }
            else
            {
                plan.Note("SI0802", file, 1, $"not imported: {why}; datasets here are CSV files queried with SQL (docs/data.md)");
            }
        }
    }
}
