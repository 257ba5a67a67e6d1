using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using SalesInsights.Dashboard;
using SalesInsights.Data;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>
/// Turns a page whose front matter declares <c>dashboard:</c> into one page per view (every region, plus all
/// regions, times the last complete quarters of the data), each with the view's literals substituted into the
/// SQL of its blocks and a selector linking the views. Runs before RenderMarkdown, so every view is rendered like
/// any page; other documents pass through untouched.
/// </summary>
/// <remarks>
/// The front matter reads:
/// <code>
/// dashboard:
///   period: SELECT min(day) AS first_day, max(day) AS last_day FROM ...   # the data's first and last day
///   regions: SELECT DISTINCT region FROM deals ORDER BY 1                 # optional: one view per value, plus "all"
///   quarters: 8                                                           # complete quarters to offer (default 8)
/// </code>
/// </remarks>
public sealed class ExpandDashboardViews : IModule
{
    /// <summary>Fenced blocks whose SQL is a view's: charts, KPI tiles and named queries.</summary>
    private static readonly HashSet<string> SqlBlocks = new(StringComparer.OrdinalIgnoreCase) { "chart", "kpi", "sql" };

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var results = ImmutableArray.CreateBuilder<Document>(inputs.Length);
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (input.Metadata[Keys.Dashboard] is null)
            {
                results.Add(input);
            }
            else
            {
                results.AddRange(Expand(input, context));
            }
        }
        return Task.FromResult(results.ToImmutable());
    }

    private static IEnumerable<Document> Expand(Document page, IExecutionContext context)
    {
        var source = page.Source ?? "(generated)";
        var lines = page.Get<ImmutableDictionary<string, int>>(Keys.FrontMatterLines) ?? ImmutableDictionary<string, int>.Empty;
        var line = lines.TryGetValue(Keys.Dashboard, out var l) ? l : 1;
        void Error(string code, string message) => context.Diagnostics.Report(Diagnostic.Error(code, message, source, line));

        if (page.Metadata[Keys.Dashboard] is not ImmutableDictionary<string, object?> settings)
        {
            Error("SI501", "'dashboard' must be a map with 'period' (SQL), 'regions' (SQL) and 'quarters' (a number).");
            return [];
        }
        var catalog = context.Get<DataCatalog>();
        if (Period(settings, catalog, Error) is not var (firstDay, lastDay))
        {
            return [];
        }
        var regionsOrNull = Regions(settings, catalog, Error);
        var count = settings.GetValueOrDefault("quarters") switch
        {
            null => 8,
            long n and >= 1 and <= 40 => (int)n,
            _ => -1,
        };
        if (count < 0)
        {
            Error("SI501", "'dashboard.quarters' must be a whole number from 1 to 40.");
        }
        if (regionsOrNull is not { } regions || count < 0)
        {
            return [];
        }
        var latest = Quarter.LastCompleteBy(lastDay);
        var first = Quarter.FirstCompleteFrom(firstDay);
        if (first > latest)
        {
            Error("SI501", $"the data ({Iso(firstDay)} to {Iso(lastDay)}) does not cover one complete quarter.");
            return [];
        }
        ImmutableArray<Quarter> quarters = [.. Quarter.Range(first, latest)];
        var shown = quarters.TakeLast(count).ToImmutableArray();

        var slug = page.Get<string>(Keys.Slug) ?? "dashboard";
        var basePath = context.Get<SiteSettings>().BasePath;
        string UrlOf(string region, Quarter quarter) => region == DashboardView.AllRegions && quarter == latest
            ? $"/{slug}/"
            : $"/{slug}/{Slugs.From(region)}/{quarter.Slug}/";

        var views = new List<Document>();
        var reported = false;
        foreach (var region in regions.Prepend(DashboardView.AllRegions))
        {
            foreach (var quarter in shown)
            {
                var view = new DashboardView(region, quarter, quarters, count, firstDay, lastDay, UrlOf(region, quarter));
                var isDefault = view.Url == $"/{slug}/";
                var unknown = new List<(int Line, int Column, string Name)>();
                var body = Substitute(page.Get<string>(Keys.Body) ?? string.Empty, view, unknown);
                if (!reported)
                {
                    // Every view substitutes the same text: report an unknown parameter once, at its line.
                    var bodyLine = page.Get<int>(Keys.BodyLine);
                    foreach (var (at, column, name) in unknown)
                    {
                        context.Diagnostics.Report(Diagnostic.Error("SI502", $"Unknown view parameter '${name}'; use one of {string.Join(", ", DashboardView.ParameterNames.Select(p => "$" + p))}.", source, bodyLine + at + 1, column + 1));
                    }
                    reported = true;
                }
                var filters = Filters(view, regions, shown, UrlOf, basePath);
                var extra = page.Get<ImmutableDictionary<string, object?>>(Keys.Extra) ?? ImmutableDictionary<string, object?>.Empty;
                var title = page.Get<string>(Keys.Title) ?? "Dashboard";
                var metadata = page.Metadata
                    .With(Keys.Url, view.Url)
                    .With(Keys.Title, isDefault ? title : $"{title}: {RegionLabel(region)}, {quarter}")
                    // The filters come first; moving the body's first line down keeps diagnostics on the writer's lines.
                    .With(Keys.Body, filters + "\n\n" + body)
                    .With(Keys.BodyLine, page.Get<int>(Keys.BodyLine) - 2)
                    .With(Keys.DashboardView, view)
                    .With(Keys.SharedChartFolder, $"{slug}/charts")
                    // Only the default view is listed in the site's menu, and only it takes over the page's old addresses.
                    .With(Keys.Extra, isDefault ? extra : extra.Remove("nav"));
                if (!isDefault)
                {
                    metadata = metadata.Without(Keys.RedirectFrom);
                }
                if (page.Get<ImmutableDictionary<string, object?>>(Keys.Queries) is { } queries)
                {
                    metadata = metadata.With(Keys.Queries, queries.ToImmutableDictionary(q => q.Key, q => q.Value is string sql ? (object?)view.Substitute(sql) : q.Value, queries.KeyComparer));
                }
                views.Add(page with { Destination = view.Url.TrimStart('/') + "index.html", Metadata = metadata });
            }
        }
        return views;
    }

    private static (DateOnly First, DateOnly Last)? Period(ImmutableDictionary<string, object?> settings, DataCatalog catalog, Action<string, string> error)
    {
        if (settings.GetValueOrDefault("period") is not string sql)
        {
            error("SI501", "'dashboard.period' must be SQL returning the data's first and last day, e.g. SELECT min(created_date), max(close_date) FROM deals.");
            return null;
        }
        var outcome = catalog.Query(sql);
        if (outcome.Error is { } message)
        {
            error("SI306", $"SQL error in 'dashboard.period': {message}");
            return null;
        }
        var rows = outcome.Result!.Rows;
        if (rows.Length != 1 || rows[0].Length < 2 || AsDate(rows[0][0]) is not { } first || AsDate(rows[0][1]) is not { } last)
        {
            error("SI501", "'dashboard.period' must return one row of two dates: the data's first and last day.");
            return null;
        }
        return (first, last);
    }

    private static ImmutableArray<string>? Regions(ImmutableDictionary<string, object?> settings, DataCatalog catalog, Action<string, string> error)
    {
        if (settings.GetValueOrDefault("regions") is not { } value)
        {
            return [];
        }
        if (value is not string sql)
        {
            error("SI501", "'dashboard.regions' must be SQL returning one region per row, e.g. SELECT DISTINCT region FROM deals ORDER BY 1.");
            return null;
        }
        var outcome = catalog.Query(sql);
        if (outcome.Error is { } message)
        {
            error("SI306", $"SQL error in 'dashboard.regions': {message}");
            return null;
        }
        var regions = outcome.Result!.Rows
            .Select(r => r.IsEmpty ? null : r[0]?.ToString()?.Trim())
            .OfType<string>()
            .Where(r => r.Length > 0 && Slugs.From(r).Length > 0 && r != DashboardView.AllRegions)
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
        return regions;
    }

    /// <summary>
    /// The body with view literals in the SQL of chart, kpi and sql blocks. Prose is left alone. An sql block is
    /// substituted whole, so a literal or comment that spans lines is read as one; the YAML of chart and kpi blocks
    /// line by line, so an apostrophe in a title opens no SQL string. Substituted values never contain a line break,
    /// so every line keeps its number.
    /// </summary>
    private static string Substitute(string body, DashboardView view, List<(int Line, int Column, string Name)> unknown)
    {
        var lines = body.Split('\n');
        string? fence = null;
        var inSql = false;
        var wholeBlock = false;
        var blockStart = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            var indent = lines[i].Length - trimmed.Length;
            if (indent <= 3 && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                var marker = new string(trimmed[0], trimmed.TakeWhile(c => c == trimmed[0]).Count());
                if (fence is null)
                {
                    fence = marker;
                    var info = trimmed[marker.Length..].Trim().Split(' ', 2)[0];
                    inSql = SqlBlocks.Contains(info);
                    wholeBlock = info.Equals("sql", StringComparison.OrdinalIgnoreCase);
                    blockStart = i + 1;
                    continue;
                }
                if (marker.Length >= fence.Length && trimmed.Trim().Length == marker.Length && marker[0] == fence[0])
                {
                    if (inSql && wholeBlock)
                    {
                        SubstituteBlock(lines, blockStart, i, view, unknown);
                    }
                    fence = null;
                    inSql = false;
                    continue;
                }
            }
            if (inSql && !wholeBlock)
            {
                SubstituteBlock(lines, i, i + 1, view, unknown);
            }
        }
        if (fence is not null && inSql && wholeBlock)
        {
            SubstituteBlock(lines, blockStart, lines.Length, view, unknown);
        }
        return string.Join('\n', lines);
    }

    private static void SubstituteBlock(string[] lines, int start, int end, DashboardView view, List<(int Line, int Column, string Name)> unknown)
    {
        if (end <= start)
        {
            return;
        }
        var block = string.Join('\n', lines[start..end]);
        if (!block.Contains('$', StringComparison.Ordinal))
        {
            return;
        }
        var found = new List<(string Name, int Offset)>();
        var substituted = view.Substitute(block, found).Split('\n');
        substituted.CopyTo(lines, start);
        foreach (var (name, offset) in found)
        {
            var before = block.AsSpan(0, offset);
            var line = before.Count('\n');
            unknown.Add((start + line, offset - (before.LastIndexOf('\n') + 1), name));
        }
    }

    /// <summary>Two rows of plain links (no script): regions at the view's quarter, quarters in the view's region.</summary>
    private static string Filters(DashboardView view, ImmutableArray<string> regions, ImmutableArray<Quarter> quarters, Func<string, Quarter, string> urlOf, string basePath)
    {
        var html = new StringBuilder("<div class=\"dashboard-views\">");
        if (!regions.IsEmpty)
        {
            html.Append("<nav class=\"dashboard-filters\" aria-label=\"Region\"><span class=\"dashboard-filters-label\">Region</span><ul>");
            foreach (var region in regions.Prepend(DashboardView.AllRegions))
            {
                Link(html, basePath + urlOf(region, view.Quarter), RegionLabel(region), region == view.Region);
            }
            html.Append("</ul></nav>");
        }
        html.Append("<nav class=\"dashboard-filters\" aria-label=\"Quarter\"><span class=\"dashboard-filters-label\">Quarter</span><ul>");
        foreach (var quarter in quarters)
        {
            Link(html, basePath + urlOf(view.Region, quarter), quarter.ToString(), quarter == view.Quarter);
        }
        html.Append("</ul></nav>");
        html.Append("<p class=\"dashboard-view\" data-region=\"").Append(Encode(view.Region)).Append("\" data-period=\"").Append(view.Quarter.ToString())
            .Append("\">Showing <strong>").Append(Encode(RegionLabel(view.Region))).Append("</strong> in <strong>").Append(view.Quarter.ToString())
            .Append("</strong> (").Append(Iso(view.Quarter.Start)).Append(" to ").Append(Iso(view.Quarter.End)).Append(')')
            .Append(view.Quarter == view.Latest ? ", the latest complete quarter in the data." : ".")
            .Append("</p></div>");
        return html.ToString();
    }

    private static void Link(StringBuilder html, string href, string text, bool current)
    {
        html.Append("<li><a href=\"").Append(Encode(href)).Append('"');
        if (current)
        {
            html.Append(" aria-current=\"page\"");
        }
        html.Append('>').Append(Encode(text)).Append("</a></li>");
    }

    private static string RegionLabel(string region) => region == DashboardView.AllRegions ? "All regions" : region;

    private static DateOnly? AsDate(object? value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        string s when DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
