using System.Collections.Immutable;
using System.Globalization;
using SalesInsights.Data;
using SalesInsights.Formatting;
using ScottPlot;

namespace SalesInsights.Charts.Kinds;

/// <summary>One point per row of two numeric columns, optionally coloured by group, with an optional least-squares line and its r².</summary>
public sealed class ScatterChart : IChartKind
{
    public string Name => "scatter";
    public string Noun => "Scatter chart";

    public ChartTable? Shape(ChartInput input)
    {
        var spec = input.Spec;
        var numeric = input.Columns.Where(c => c.IsNumeric || c.IsTemporal).ToList();
        var x = spec.X is { } xName ? input.Column(xName, "x") : numeric.ElementAtOrDefault(0);
        var y = spec.Y.Length > 0 ? input.Column(spec.Y[0], "y") : numeric.FirstOrDefault(c => c != x && c.IsNumeric);
        var group = spec.Group is { } g ? input.Column(g, "group") : null;
        if ((spec.X is not null && x is null) || (spec.Y.Length > 0 && y is null) || (spec.Group is not null && group is null))
        {
            return null;
        }
        if (spec.Y.Length > 1)
        {
            input.DoesNotFit("it plots one y column against one x column", "y");
            return null;
        }
        if (x is null || y is null)
        {
            input.DoesNotFit("it needs two numeric columns, x and y");
            return null;
        }
        if (!x.IsNumeric && !x.IsTemporal)
        {
            input.DoesNotFit($"x must be numeric, but '{x.Name}' is {x.DatabaseType}; use a bar chart for categories", "x");
            return null;
        }
        if (!y.IsNumeric)
        {
            input.DoesNotFit($"y must be numeric, but '{y.Name}' is {y.DatabaseType}", "y");
            return null;
        }
        var result = input.Run(input.Sql);
        if (result is null)
        {
            return null;
        }
        var indices = new List<int> { result.IndexOf(x.Name), result.IndexOf(y.Name) };
        var columns = ImmutableArray.CreateBuilder<TableColumn>();
        columns.Add(new TableColumn(x.Name, Shapes.Header(spec.XLabel, x.Name), x.IsTemporal ? null : ValueFormatter.DefaultFor(x.Type)));
        columns.Add(new TableColumn(y.Name, Shapes.Header(spec.YLabel, y.Name), input.FormatOf(y)));
        if (group is not null)
        {
            indices.Add(result.IndexOf(group.Name));
            columns.Add(new TableColumn(group.Name, ChartTable.Humanize(group.Name), null));
        }
        var rows = result.Rows.Select(r => indices.Select(i => r[i]).ToImmutableArray()).ToImmutableArray();
        return new ChartTable(columns.ToImmutable(), rows);
    }

    public void Draw(Plot plot, ChartTable table, ChartSpec spec)
    {
        var xs = XValues(table);
        var ys = table.Values(1);
        var groups = table.Columns.Length > 2 ? table.Labels(2) : [.. Enumerable.Repeat(string.Empty, table.RowCount)];
        var names = groups.Distinct().ToList();
        for (var s = 0; s < names.Count; s++)
        {
            var rows = Enumerable.Range(0, table.RowCount).Where(i => groups[i] == names[s] && !double.IsNaN(xs[i]) && !double.IsNaN(ys[i])).ToArray();
            var points = plot.Add.ScatterPoints(rows.Select(i => xs[i]).ToArray(), rows.Select(i => ys[i]).ToArray(), ChartStyle.Series(s).WithAlpha(0.75));
            points.MarkerSize = table.RowCount > 500 ? 4 : 7;
        }
        if (table.RowCount > 0 && table.Rows[0][0] is DateOnly or DateTime)
        {
            ChartStyle.DateTicks(plot);
        }
        else
        {
            ChartStyle.FormatTicks(plot.Axes.Bottom, table.Columns[0].Format ?? ValueFormat.Number);
        }
        ChartStyle.FormatTicks(plot.Axes.Left, table.Columns[1].Format ?? ValueFormat.Number);
        var legend = names.Count > 1 ? names.Select((n, s) => (n, ChartStyle.Series(s))).ToList() : [];
        if (spec.Trend && Fit(xs, ys) is { } fit)
        {
            var lo = xs.Where(v => !double.IsNaN(v)).Min();
            var hi = xs.Where(v => !double.IsNaN(v)).Max();
            var line = plot.Add.ScatterLine(new[] { lo, hi }, new[] { fit.Intercept + (fit.Slope * lo), fit.Intercept + (fit.Slope * hi) }, ChartStyle.Text);
            line.LineWidth = 2;
            line.LinePattern = LinePattern.Dashed;
            legend.Add(($"Trend (r² = {fit.RSquared.ToString("0.00", CultureInfo.InvariantCulture)})", ChartStyle.Text));
        }
        if (legend.Count > 0)
        {
            ChartStyle.Legend(plot, legend);
        }
    }

    public string Describe(ChartTable table, ChartSpec spec)
    {
        var xs = XValues(table);
        var ys = table.Values(1);
        var text = $"{Noun} of {Kinds.Describe.Lower(table.Columns[1].Header)} against {Kinds.Describe.Lower(table.Columns[0].Header)}, {table.RowCount.ToString(CultureInfo.InvariantCulture)} points";
        if (table.RowCount > 0)
        {
            var hi = Kinds.Describe.ArgMax(ys);
            var lo = Kinds.Describe.ArgMin(ys);
            text += $"; {Kinds.Describe.Lower(table.Columns[1].Header)} ranges from {Kinds.Describe.Cell(table, lo, 1)} to {Kinds.Describe.Cell(table, hi, 1)}";
        }
        if (spec.Trend && Fit(xs, ys) is { } fit)
        {
            text += $"; the least-squares trend {(fit.Slope >= 0 ? "rises" : "falls")} with r² = {fit.RSquared.ToString("0.00", CultureInfo.InvariantCulture)}";
        }
        return text + ".";
    }

    private static double[] XValues(ChartTable table) => [.. table.Rows.Select(r => r[0] switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue).ToOADate(),
        DateTime t => t.ToOADate(),
        var v => QueryResult.AsDouble(v) ?? double.NaN,
    })];

    /// <summary>Ordinary least squares of y on x, and the share of y's variance it explains.</summary>
    public static (double Slope, double Intercept, double RSquared)? Fit(double[] xs, double[] ys)
    {
        var points = xs.Zip(ys).Where(p => !double.IsNaN(p.First) && !double.IsNaN(p.Second)).ToArray();
        if (points.Length < 2)
        {
            return null;
        }
        var mx = points.Average(p => p.First);
        var my = points.Average(p => p.Second);
        var sxx = points.Sum(p => (p.First - mx) * (p.First - mx));
        var sxy = points.Sum(p => (p.First - mx) * (p.Second - my));
        var syy = points.Sum(p => (p.Second - my) * (p.Second - my));
        if (sxx == 0)
        {
            return null;
        }
        var slope = sxy / sxx;
        var r2 = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return (slope, my - (slope * mx), r2);
    }
}
