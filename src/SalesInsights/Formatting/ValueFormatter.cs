using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesInsights.Formatting;

/// <summary>How a number is shown to readers; the names are what writers type after <c>format:</c> or <c>|</c>.</summary>
public enum ValueFormat
{
    Number,
    Integer,
    Currency,
    CurrencyCompact,
    Percent,
    Compact,
    Ratio,
}

/// <summary>
/// The one formatter for numbers a reader sees, in prose, chart axes, data tables and alt text alike, so a figure
/// quoted in a sentence reads exactly as it does under the chart. Always invariant culture: a site must not change
/// with the build machine's locale. Thousands are separated by commas in every format, and compact forms use the
/// same K, M, B, T everywhere.
/// </summary>
public static partial class ValueFormatter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The format names, in the order of <see cref="ValueFormat"/>.</summary>
    public static IReadOnlyList<string> Names => NameList;

    private static readonly string[] NameList = ["number", "integer", "currency", "currency_compact", "percent", "compact", "ratio"];

    /// <summary>Decimals and significant figures a writer may ask for: more is false precision for any figure of ours.</summary>
    public const int MaxDigits = 6;

    /// <summary>The currency money is shown in when a format names none; <c>site.yml</c>'s <c>currency</c> for a build.</summary>
    private static readonly AsyncLocal<string?> SiteCurrencyValue = new();

    /// <summary>
    /// The site's currency (an ISO 4217 code), for everything formatted in the current build's flow. Set once by the
    /// build that read <c>site.yml</c>; an async local, so builds running side by side (tests, preview) keep theirs.
    /// </summary>
    public static string SiteCurrency
    {
        get => SiteCurrencyValue.Value ?? "USD";
        set => SiteCurrencyValue.Value = value;
    }

    /// <summary>Symbols written before the amount; any other code is written as a prefix with a space ("CHF 1,200").</summary>
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["USD"] = "$", ["EUR"] = "€", ["GBP"] = "£", ["JPY"] = "¥", ["INR"] = "₹", ["CNY"] = "CN¥", ["KRW"] = "₩",
        ["AUD"] = "A$", ["CAD"] = "CA$", ["NZD"] = "NZ$", ["HKD"] = "HK$", ["SGD"] = "S$", ["BRL"] = "R$", ["MXN"] = "MX$",
    };

    /// <summary>Whether <paramref name="code"/> is written like an ISO 4217 currency code (three capital letters).</summary>
    public static bool IsCurrencyCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    /// <summary>A bare format name (<c>percent</c>), as chart and tile settings take it.</summary>
    public static bool TryParse(string? name, out ValueFormat format)
    {
        var index = Array.IndexOf(NameList, name?.Trim().ToLowerInvariant() ?? string.Empty);
        format = index < 0 ? ValueFormat.Number : (ValueFormat)index;
        return index >= 0;
    }

    /// <summary>
    /// A format with its arguments: <c>name</c> or <c>name(arguments)</c>, where the arguments are a number of
    /// decimals (<c>percent(0)</c>), significant figures (<c>number(2 sig)</c>) and, for money, a currency code
    /// (<c>currency(EUR)</c>, <c>currency_compact(GBP, 1)</c>). <paramref name="problem"/> says what to fix.
    /// </summary>
    public static bool TryParse(string? text, out NumberFormat format, out string? problem)
    {
        format = ValueFormat.Number;
        problem = null;
        var match = Spec().Match(text ?? string.Empty);
        if (!match.Success)
        {
            problem = $"Cannot read the format '{text}'; write a name, then arguments in brackets if any: percent(0), number(2 sig), currency(EUR).";
            return false;
        }
        var name = match.Groups["name"].Value;
        if (!TryParse(name, out ValueFormat kind))
        {
            problem = $"Unknown format '{name}'; use one of {string.Join(", ", Names)}.{Data.NameSuggestions.DidYouMean(name, Names)}";
            return false;
        }
        format = kind;
        if (!match.Groups["arguments"].Success)
        {
            return true;
        }
        foreach (var argument in match.Groups["arguments"].Value.Split(',', StringSplitOptions.TrimEntries))
        {
            var digits = Digits().Match(argument);
            if (digits.Success && int.TryParse(digits.Groups["n"].Value, NumberStyles.None, Invariant, out var n) && n <= MaxDigits)
            {
                if (digits.Groups["sig"].Success)
                {
                    if (n == 0)
                    {
                        problem = $"'{argument}' in '{text}': a number has at least one significant figure.";
                        return false;
                    }
                    format = format with { Significant = n };
                }
                else
                {
                    format = format with { Decimals = n };
                }
            }
            else if (digits.Success)
            {
                problem = $"'{argument}' in '{text}' asks for more than {MaxDigits} digits, which no figure of ours has.";
                return false;
            }
            else if (IsCurrencyCode(argument) && kind is ValueFormat.Currency or ValueFormat.CurrencyCompact)
            {
                format = format with { Currency = argument };
            }
            else
            {
                problem = kind is ValueFormat.Currency or ValueFormat.CurrencyCompact
                    ? $"'{argument}' in '{text}' is not a number of decimals (2), of significant figures (2 sig) or a currency code (EUR)."
                    : $"'{argument}' in '{text}' is not a number of decimals (2) or of significant figures (2 sig).";
                return false;
            }
        }
        if (format.Decimals is not null && format.Significant is not null)
        {
            problem = $"'{text}' asks for both decimals and significant figures; give one of them.";
            return false;
        }
        return true;
    }

    /// <summary>A value of any type as text: numbers in <paramref name="format"/>, dates in ISO form, NULL as an en dash.</summary>
    public static string Format(object? value, NumberFormat format) => value switch
    {
        null => "–",
        long l => Format((double)l, format),
        int i => Format((double)i, format),
        double d => Format(d, format),
        decimal m => Format((double)m, format),
        float f => Format((double)f, format),
        DateOnly date => date.ToString("yyyy-MM-dd", Invariant),
        DateTime time => time.TimeOfDay == TimeSpan.Zero ? time.ToString("yyyy-MM-dd", Invariant) : time.ToString("yyyy-MM-dd HH:mm", Invariant),
        bool b => b ? "yes" : "no",
        _ => value.ToString() ?? string.Empty,
    };

    public static string Format(double value, NumberFormat format) => Format(value, format, unit: null);

    /// <summary>
    /// Numbers shown side by side (an axis' ticks, a table's column) in one style: the same compact unit for all (the
    /// largest one's: 0.5M beside 1.5M, never 500K beside 1.5M), as many decimals as the most precise one needs
    /// (1.0 beside 1.5) unless the format fixes them, and zero as a bare 0 ("$0", never "$0.00" beside "$5,000").
    /// </summary>
    public static IReadOnlyList<string> FormatAll(IReadOnlyList<double> values, NumberFormat format)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
        {
            return [.. values.Select(v => Format(v, format))];
        }
        int? unit = format.Kind is ValueFormat.Compact or ValueFormat.CurrencyCompact ? Tier(finite.Max(Math.Abs)) : null;
        if (format.Decimals is null && format.Significant is null)
        {
            var scale = unit is { } tier ? Math.Pow(1000, tier) : format.Kind == ValueFormat.Percent ? 0.01 : 1;
            var decimals = format.Kind is ValueFormat.Integer ? 0 : finite.Max(v => DecimalsNeeded(v / scale));
            // Money has whole units or cents, never tenths of a dollar.
            format = format with { Decimals = format.Kind == ValueFormat.Currency && decimals > 0 ? 2 : decimals };
        }
        return [.. values.Select(v => v == 0 ? Format(0, format with { Decimals = 0 }, unit: 0) : Format(v, format, unit))];
    }

    /// <summary>
    /// The labels of an axis' round ticks (evenly spaced, ascending): <see cref="FormatAll"/>, with money compact
    /// ("$0 $0.5M $1.0M": currency labels are wide) and a true minus sign ("−$20K"). The writer's kind and currency
    /// hold; the decimals are the ticks' own, since a fixed number would print two close ticks alike or pad round ones.
    /// </summary>
    public static IReadOnlyList<string> FormatAxis(IReadOnlyList<double> ticks, NumberFormat format)
    {
        var axis = format with
        {
            Kind = format.Kind == ValueFormat.Currency ? ValueFormat.CurrencyCompact : format.Kind,
            Decimals = null,
            Significant = null,
        };
        return [.. FormatAll(ticks, axis).Select(label => label.StartsWith('-') ? "\u2212" + label[1..] : label)];
    }

    private static string Format(double value, NumberFormat format, int? unit)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "–";
        }
        var kind = format.Kind;
        var shown = kind == ValueFormat.Percent ? value * 100 : value;
        if (format.Significant is { } significant)
        {
            shown = RoundSignificant(shown, significant);
        }
        var decimals = format.Decimals ?? (format.Significant is { } s ? SignificantDecimals(shown, s, kind, unit) : null);
        var text = kind switch
        {
            ValueFormat.Integer => Grouped(shown, decimals ?? 0),
            ValueFormat.Currency => Money(format, Grouped(Math.Abs(shown), decimals ?? CurrencyDecimals(shown))),
            ValueFormat.CurrencyCompact => Money(format, Compact(Math.Abs(shown), decimals, unit)),
            ValueFormat.Percent => Grouped(shown, decimals ?? 1) + "%",
            ValueFormat.Compact => Compact(Math.Abs(shown), decimals, unit),
            ValueFormat.Ratio => Grouped(shown, decimals ?? 1) + "×",
            _ => decimals is { } d ? Grouped(shown, d) : shown.ToString(Math.Abs(shown) >= 100 ? "#,##0.#" : "#,##0.##", Invariant),
        };
        // A minus only where a nonzero figure is printed: "-0.0%" would claim a sign the shown value does not have.
        var negative = shown < 0 && text.Any(c => c is >= '1' and <= '9');
        if (kind is ValueFormat.Currency or ValueFormat.CurrencyCompact or ValueFormat.Compact)
        {
            return (negative ? "-" : string.Empty) + text;
        }
        return negative || !text.StartsWith('-') ? text : text[1..];
    }

    /// <summary>The default when a writer names no format: whole numbers for integers, two decimals at most otherwise.</summary>
    public static ValueFormat DefaultFor(Type type) => type == typeof(long) ? ValueFormat.Integer : ValueFormat.Number;

    private static string Grouped(double value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("#,##0" + (decimals > 0 ? "." + new string('0', decimals) : string.Empty), Invariant);

    /// <summary>Cents only below 100 and only when there are some: $12.50, $0, $5,000.</summary>
    private static int CurrencyDecimals(double value) =>
        Math.Abs(value) >= 100 || Math.Abs(Math.Round(value, 2) - Math.Round(value)) < 1e-9 ? 0 : 2;

    private static string Money(NumberFormat format, string amount)
    {
        var code = format.Currency ?? SiteCurrency;
        return Symbols.TryGetValue(code, out var symbol) ? symbol + amount : code + " " + amount;
    }

    private static readonly string[] Suffixes = ["", "K", "M", "B", "T"];

    /// <summary>The largest unit that keeps the number under 1,000 after rounding to one decimal (999,999 is 1M, not 1000K).</summary>
    private static int Tier(double value)
    {
        value = Math.Abs(value);
        var tier = 0;
        while (tier < Suffixes.Length - 1 && Math.Round(value / Math.Pow(1000, tier), 1) >= 1000)
        {
            tier++;
        }
        return tier;
    }

    /// <summary>In <paramref name="unit"/> when given (a shared axis unit), else the value's own; one decimal at most unless fixed.</summary>
    private static string Compact(double value, int? decimals, int? unit)
    {
        var tier = unit ?? Tier(value);
        var scaled = value / Math.Pow(1000, tier);
        var text = decimals is { } d ? Grouped(scaled, d) : scaled.ToString("#,##0.#", Invariant);
        return text + Suffixes[tier];
    }

    private static double RoundSignificant(double value, int digits)
    {
        if (value == 0)
        {
            return 0;
        }
        var magnitude = Math.Floor(Math.Log10(Math.Abs(value)));
        var scale = Math.Pow(10, magnitude - digits + 1);
        return Math.Round(value / scale, MidpointRounding.AwayFromZero) * scale;
    }

    /// <summary>The decimals that show exactly <paramref name="digits"/> significant figures of a value already rounded to them.</summary>
    private static int SignificantDecimals(double shown, int digits, ValueFormat kind, int? unit)
    {
        if (shown == 0)
        {
            return 0;
        }
        var scaled = kind is ValueFormat.Compact or ValueFormat.CurrencyCompact ? Math.Abs(shown) / Math.Pow(1000, unit ?? Tier(shown)) : Math.Abs(shown);
        var magnitude = (int)Math.Floor(Math.Log10(scaled));
        return Math.Clamp(digits - 1 - magnitude, 0, MaxDigits);
    }

    /// <summary>How many decimals <paramref name="value"/> needs to be shown exactly, up to <see cref="MaxDigits"/>.</summary>
    private static int DecimalsNeeded(double value)
    {
        for (var d = 0; d < MaxDigits; d++)
        {
            if (Math.Abs(Math.Round(value, d) - value) < 1e-9 * Math.Max(1, Math.Abs(value)))
            {
                return d;
            }
        }
        return MaxDigits;
    }

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_]+)\s*(?:\((?<arguments>[^()]*)\))?\s*$")]
    private static partial Regex Spec();

    [GeneratedRegex(@"^(?<n>\d+)(?:\s*(?<sig>sig))?$")]
    private static partial Regex Digits();
}
