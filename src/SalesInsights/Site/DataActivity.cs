namespace SalesInsights.Site;

/// <summary>
/// What a build spent on its datasets and charts (<c>build --profile</c>). Times are summed over the threads doing
/// the work; a chart's time includes its query.
/// </summary>
/// <param name="Load">How long loading the datasets took, or null when this build did not load them (the preview reused a catalog opened earlier, or every query was answered from the query store).</param>
public sealed record DataActivity(int Datasets, TimeSpan? Load, int Queries, TimeSpan QueryTime, int ChartsDrawn, TimeSpan DrawTime, int ChartsFromCache)
{
    /// <summary>Queries answered from the query store of earlier builds, without DuckDB.</summary>
    public int StoredAnswers { get; init; }

    /// <summary>Whether the datasets are in DuckDB at the end of the build (a build whose every query was stored never loads them).</summary>
    public bool Loaded { get; init; }
}
