namespace SalesInsights.Formatting;

/// <summary>
/// A value format with its arguments, as a writer types it: <c>percent</c>, <c>percent(0)</c> (no decimals),
/// <c>ratio(1)</c>, <c>number(2 sig)</c> (two significant figures), <c>currency(EUR)</c>, <c>currency_compact(GBP, 1)</c>.
/// </summary>
/// <param name="Kind">What the number is: a plain number, money, a share...</param>
/// <param name="Decimals">Exactly this many decimals; null for the kind's own rule.</param>
/// <param name="Significant">Round to this many significant figures first (the decimals then follow from them).</param>
/// <param name="Currency">An ISO 4217 code for money; null for the site's currency.</param>
public readonly record struct NumberFormat(ValueFormat Kind, int? Decimals = null, int? Significant = null, string? Currency = null)
{
    public static implicit operator NumberFormat(ValueFormat kind) => new(kind);

    /// <summary>The format as a writer would type it back: <c>currency_compact(EUR, 1)</c>.</summary>
    public override string ToString()
    {
        var arguments = new List<string>();
        if (Currency is not null)
        {
            arguments.Add(Currency);
        }
        if (Significant is { } s)
        {
            arguments.Add($"{s} sig");
        }
        else if (Decimals is { } d)
        {
            arguments.Add(d.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var name = ValueFormatter.Names[(int)Kind];
        return arguments.Count == 0 ? name : $"{name}({string.Join(", ", arguments)})";
    }
}
