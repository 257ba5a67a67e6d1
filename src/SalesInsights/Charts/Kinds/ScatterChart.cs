using System.Collections.Immutable;
using System.Globalization;
using SalesInsights.Data;
using SalesInsights.Formatting;
using SalesInsights.Charts.Drawing;

namespace SalesInsights.Charts.Kinds;

/// <summary>One point per row of two numeric columns, optionally coloured by group, with an optional least-squares line and its r².</summary>
public sealed class ScatterChart : IChartKind
{
    public string Name => "scatter";
    public string Noun => "Scatter chart";
    public bool AllowsLogScale => true;

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
        var table = new ChartTable(columns.ToImmutable(), rows);
        table = LineDrawing.PositiveForLog(input, table, spec.XLog, 0, 0, "x_scale");
        return LineDrawing.PositiveForLog(input, table, spec.YLog, 1, 1, "y_scale");
    }

    /// <summary>Above this many points, dots shrink and turn translucent so dense regions read as darker.</summary>
    private const int Dense = 500;

    public ChartCanvas Draw(ChartTable table, ChartSpec spec)
    {
        var xs = XValues(table);
        var ys = table.Values(1);
        var groups = table.Columns.Length > 2 ? table.Labels(2) : [.. Enumerable.Repeat(string.Empty, table.RowCount)];
        var names = groups.Distinct().ToList();
        var known = Enumerable.Range(0, table.RowCount).Where(i => !double.IsNaN(xs[i]) && !double.IsNaN(ys[i])).ToArray();
        var canvas = new ChartCanvas(ChartStyle.PlotHeight, top: 26);
        var (ylo, yhi) = ChartStyle.WithTarget(known.Select(i => ys[i]).DefaultIfEmpty(0).Min(), known.Select(i => ys[i]).DefaultIfEmpty(1).Max(), spec);
        canvas.ValueAxisY(ylo, yhi, table.Columns[1].Format ?? ValueFormat.Number, includeZero: false, log: spec.YLog);
        var dated = table.RowCount > 0 && table.Rows[0][0] is DateOnly or DateTime;
        var xlo = known.Select(i => xs[i]).DefaultIfEmpty(0).Min();
        var xhi = known.Select(i => xs[i]).DefaultIfEmpty(1).Max();
        if (dated)
        {
            canvas.DateAxisX(DateOnly.FromDateTime(DateTime.FromOADate(xlo)), DateOnly.FromDateTime(DateTime.FromOADate(xhi)));
        }
        else
        {
            canvas.ValueAxisX(xlo, xhi, table.Columns[0].Format ?? ValueFormat.Number, log: spec.XLog);
        }
        double X(double v) => dated ? canvas.X(DateOnly.FromDateTime(DateTime.FromOADate(v)).DayNumber) : canvas.X(v);
        var dense = known.Length > Dense;
        // Dense points are snapped to a grid of 0.1% by 1 px and drawn once per cell: a point under another adds
        // bytes, not ink. The data table and the CSV keep every row.
        var drawn = new HashSet<(int, int, int)>();
        foreach (var i in known)
        {
            var s = names.IndexOf(groups[i]);
            var (x, y) = (X(xs[i]), canvas.Y(ys[i]));
            if (dense)
            {
                (x, y) = (Math.Round(x * 1000) / 1000, Math.Round(y));
                if (!drawn.Add((s, (int)(x * 1000), (int)y)))
                {
                    continue;
                }
            }
            var title = dense ? null : $"{(groups[i].Length > 0 ? groups[i] + " · " : string.Empty)}{table.Columns[0].Header} {Kinds.Describe.Cell(table, i, 0)}, {table.Columns[1].Header} {Kinds.Describe.Cell(table, i, 1)}";
            canvas.Dot(s, x, y, dense ? 2 : 3, title, dense ? 0.4 : 0.8);
        }
        // Both axes are named: a scatter's axes are two different measures.
        canvas.Label(0, 12, table.Columns[1].Header, "start", "chart-axis-title");
        canvas.Bottom += 16;
        canvas.Label(1, canvas.PlotBottom + 34, table.Columns[0].Header, "end", "chart-axis-title");
        if (names.Count > 1)
        {
            for (var s = 0; s < names.Count; s++)
            {
                canvas.Legend(names[s], s, Swatch.Dot);
            }
        }
        if (spec.Trend && Fit(Drawn(xs, spec.XLog), Drawn(ys, spec.YLog)) is { } fit)
        {
            // The line is fitted to what is drawn: on log axes, to the logarithms, where it is straight.
            double Back(double v, bool log) => log ? Math.Pow(10, v) : v;
            var (fx0, fx1) = (spec.XLog ? Math.Log10(xlo) : xlo, spec.XLog ? Math.Log10(xhi) : xhi);
            canvas.Segment(ChartCanvas.Reference, X(xlo), canvas.Y(Back(fit.Intercept + (fit.Slope * fx0), spec.YLog)), X(xhi), canvas.Y(Back(fit.Intercept + (fit.Slope * fx1), spec.YLog)), 2, dashed: true);
            canvas.Legend($"Trend (r² = {fit.RSquared.ToString("0.00", CultureInfo.InvariantCulture)})", ChartCanvas.Reference, Swatch.Dash);
        }
        return canvas;
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
        if (spec.Trend && Fit(Drawn(xs, spec.XLog), Drawn(ys, spec.YLog)) is { } fit)
        {
            text += $"; the least-squares trend {(fit.Slope >= 0 ? "rises" : "falls")} with r² = {fit.RSquared.ToString("0.00", CultureInfo.InvariantCulture)}";
        }
        return text + ".";
    }

    /// <summary>Values as the axis places them: their logarithms on a log axis.</summary>
    private static double[] Drawn(double[] values, bool log) => log ? [.. values.Select(Math.Log10)] : values;

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
