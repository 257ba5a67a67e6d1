namespace SalesInsights.Markdown;

/// <summary>Services of the running build that features use, found without failing when rendering outside a build.</summary>
internal static class BuildServices
{
    public static T? Find<T>(MarkdownRenderContext context) where T : class
    {
        try
        {
            return context.Execution?.Get<T>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// The data an article's queries read: the snapshot its front matter pins (<c>data_as_of</c>, checked by then),
    /// or the live datasets. Every feature that queries asks here, so charts, values, tiles and claims of one
    /// article never read different data.
    /// </summary>
    public static Data.DataCatalog? Data(MarkdownRenderContext context)
    {
        if (context.Metadata.GetString(Site.Keys.DataAsOf) is { } pinned
            && DateOnly.TryParseExact(pinned, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return Find<Data.DataSnapshots>(context)?.Catalog(day);
        }
        return Find<Data.DataCatalog>(context);
    }

    /// <summary>The output folder of the page, or one derived from its source when the caller gave none (<c>input/posts/a.md</c> → <c>posts/a</c>).</summary>
    public static string OutputFolder(MarkdownRenderContext context)
    {
        if (context.OutputFolder.Length > 0)
        {
            return context.OutputFolder.Trim('/');
        }
        var stem = Path.GetFileNameWithoutExtension(context.SourcePath);
        return context.SourcePath.Replace('\\', '/').Contains("/posts/", StringComparison.Ordinal) ? $"posts/{stem}" : stem;
    }
}
