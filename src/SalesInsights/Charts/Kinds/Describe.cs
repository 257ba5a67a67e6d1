using SalesInsights.Formatting;

namespace SalesInsights.Charts.Kinds;

/// <summary>Alt-text sentences the kinds share, written from the drawn table so they state the same numbers.</summary>
internal static class Describe
{
    /// <summary>"Bar chart of win rate by segment: highest Enterprise 31.2%, lowest SMB 18.0%."</summary>
    public static string Extremes(IChartKind kind, ChartTable table, string valueWord = "highest", string lowWord = "lowest")
    {
        var labels = table.Labels();
        var x = Kinds.Describe.Lower(table.Columns[0].Header);
        if (table.Columns.Length == 2)
        {
            var values = table.Values(1);
            var subject = $"{kind.Noun} of {Kinds.Describe.Lower(table.Columns[1].Header)} by {x}";
            if (!values.Any(v => !double.IsNaN(v)))
            {
                return $"{subject}: no values.";
            }
            var hi = ArgMax(values);
            var lo = ArgMin(values);
            return $"{subject}: {valueWord} {labels[hi]} {Cell(table, hi, 1)}, {lowWord} {labels[lo]} {Cell(table, lo, 1)}.";
        }
        var parts = new List<string>();
        for (var c = 1; c < table.Columns.Length; c++)
        {
            var values = table.Values(c);
            if (values.Any(v => !double.IsNaN(v)))
            {
                var hi = ArgMax(values);
                parts.Add($"{table.Columns[c].Header} {valueWord} at {labels[hi]} ({Cell(table, hi, c)})");
            }
        }
        var series = string.Join(", ", table.Columns.Skip(1).Select(c => c.Header));
        return $"{kind.Noun} of {series} by {x}, {labels.Length} {(labels.Length == 1 ? "category" : "categories")}: {string.Join("; ", parts)}.";
    }

    /// <summary>For series over an ordered x: where it starts, ends and peaks.</summary>
    public static string Trend(IChartKind kind, ChartTable table)
    {
        var labels = table.Labels();
        var x = Kinds.Describe.Lower(table.Columns[0].Header);
        if (labels.Length == 0)
        {
            return $"{kind.Noun}: no data.";
        }
        var parts = new List<string>();
        for (var c = 1; c < table.Columns.Length; c++)
        {
            var values = table.Values(c);
            if (!values.Any(v => !double.IsNaN(v)))
            {
                continue;
            }
            var first = Array.FindIndex(values, v => !double.IsNaN(v));
            var last = Array.FindLastIndex(values, v => !double.IsNaN(v));
            var hi = ArgMax(values);
            var lo = ArgMin(values);
            var name = table.Columns.Length > 2 ? table.Columns[c].Header + ": " : string.Empty;
            parts.Add($"{name}{Cell(table, first, c)} at {labels[first]} to {Cell(table, last, c)} at {labels[last]}, highest {Cell(table, hi, c)} at {labels[hi]}, lowest {Cell(table, lo, c)} at {labels[lo]}");
        }
        var subject = table.Columns.Length == 2 ? Kinds.Describe.Lower(table.Columns[1].Header) : string.Join(", ", table.Columns.Skip(1).Select(c => c.Header));
        return $"{kind.Noun} of {subject} over {x} from {labels[0]} to {labels[^1]}: {string.Join("; ", parts)}.";
    }

    /// <summary>A header inside a sentence: first letter lowered, unless the word is an acronym ("USD", "ARR").</summary>
    public static string Lower(string header) =>
        header.Length > 1 && char.IsUpper(header[0]) && !char.IsUpper(header[1]) ? char.ToLowerInvariant(header[0]) + header[1..] : header;

    public static string Cell(ChartTable table, int row, int column) => ChartTable.Text(table.Rows[row][column], table.Columns[column]);

    public static string Format(double value, ChartTable table, int column) => ValueFormatter.Format(value, table.Columns[column].Format ?? ValueFormat.Number);

    public static int ArgMax(double[] values)
    {
        var best = -1;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]) && (best < 0 || values[i] > values[best]))
            {
                best = i;
            }
        }
        return Math.Max(0, best);
    }

    public static int ArgMin(double[] values)
    {
        var best = -1;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]) && (best < 0 || values[i] < values[best]))
            {
                best = i;
            }
        }
        return Math.Max(0, best);
    }
}
