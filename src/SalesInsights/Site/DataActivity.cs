namespace SalesInsights.Site;

/// <summary>
/// What a build spent on its datasets and charts (<c>build --profile</c>). Times are summed over the threads doing
/// the work; a chart's time includes its query.
/// </summary>
/// <param name="Load">How long loading the datasets took, or null when the build reused a catalog opened earlier (the preview).</param>
public sealed record DataActivity(int Datasets, TimeSpan? Load, int Queries, TimeSpan QueryTime, int ChartsDrawn, TimeSpan DrawTime, int ChartsFromCache);
