using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace SalesInsights.Markdown.Claims;

/// <summary>
/// Reads <c>{{ claim ... }}</c>: a comparison (<c>q.a &gt; q.b</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>, optionally
/// <c>by 2%</c>; <c>q.a = 5 within 0.1</c>), a range (<c>q.a between 0.1 and 0.2</c>) or an extreme
/// (<c>'Enterprise' is largest in q.cycle.days by 5%</c>). Other double braces are left to other parsers.
/// </summary>
public sealed partial class ClaimParser : InlineParser
{
    public ClaimParser() => OpeningCharacters = ['{'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (!DoubleBraces.TryRead(slice, "claim ", out var inner, out var close))
        {
            return false;
        }
        var start = slice.Start;
        var claimText = inner["claim ".Length..].Trim();
        var form = Read(claimText, out var problem);
        processor.Inline = new Claim
        {
            Text = claimText,
            Form = form,
            Problem = problem,
            Span = new SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(close + 1)),
            Line = line,
            Column = column,
        };
        slice.Start = close + 2;
        return true;
    }

    /// <summary>The claim <paramref name="text"/> says, or null with what to write instead.</summary>
    public static ClaimForm? Read(string text, out string? problem)
    {
        problem = null;
        if (Extreme().Match(text) is { Success: true } extreme)
        {
            return Operand(extreme.Groups["column"].Value) is { Query: not null } column
                ? new Extreme(extreme.Groups["label"].Value, extreme.Groups["which"].Value == "largest", column, Tolerance(extreme.Groups["margin"]))
                : Fail("an extreme is of a query's column: 'Enterprise' is largest in q.cycle.days", out problem);
        }
        if (Between().Match(text) is { Success: true } between
            && Operand(between.Groups["value"].Value) is { } value && Operand(between.Groups["low"].Value) is { } low && Operand(between.Groups["high"].Value) is { } high)
        {
            return new Range(value, low, high);
        }
        if (Compare().Match(text) is { Success: true } compare
            && Operand(compare.Groups["left"].Value) is { } left && Operand(compare.Groups["right"].Value) is { } right)
        {
            var op = compare.Groups["op"].Value == "==" ? "=" : compare.Groups["op"].Value;
            var tolerance = Tolerance(compare.Groups["tolerance"]);
            if (tolerance is not null && (compare.Groups["word"].Value == "within") != (op == "="))
            {
                return Fail(op == "=" ? "an equality takes a tolerance with 'within' (q.a = q.b within 1%)" : "a comparison takes a margin with 'by' (q.a > q.b by 1%)", out problem);
            }
            if (left.Query is null && right.Query is null)
            {
                return Fail("a claim compares at least one value from the data", out problem);
            }
            return new Comparison(left, op, right, tolerance);
        }
        return Fail("write a comparison (q.a > q.b, optionally 'by 5%'; q.a = q.b within 0.01), a range (q.a between 0.1 and 0.2) or an extreme ('Enterprise' is largest in q.cycle.days)", out problem);
    }

    private static ClaimForm? Fail(string what, out string? problem)
    {
        problem = what;
        return null;
    }

    /// <summary><c>q.name</c>, <c>q.name.column</c>, <c>q.name.column['row']</c>, or a number (<c>0.15</c>, <c>15%</c>).</summary>
    public static ClaimOperand? Operand(string text)
    {
        text = text.Trim();
        if (Reference().Match(text) is { Success: true } reference)
        {
            return new ClaimOperand(
                reference.Groups["query"].Value,
                reference.Groups["column"].Success ? reference.Groups["column"].Value : null,
                reference.Groups["row"].Success ? reference.Groups["row"].Value : null,
                double.NaN,
                text);
        }
        var percent = text.EndsWith('%');
        var digits = percent ? text[..^1] : text;
        return double.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number)
            ? new ClaimOperand(null, null, null, percent ? number / 100 : number, text)
            : null;
    }

    private static Tolerance? Tolerance(Group group)
    {
        if (!group.Success)
        {
            return null;
        }
        var text = group.Value.Trim();
        var relative = text.EndsWith('%');
        var amount = double.Parse(relative ? text[..^1] : text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return new Tolerance(relative ? amount / 100 : amount, relative);
    }

    private const string Value = @"(?:q\.[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?(?:\['[^'\]]*'\])?|-?[0-9][0-9,]*(?:\.[0-9]+)?%?)";
    private const string Amount = @"[0-9]+(?:\.[0-9]+)?%?";

    [GeneratedRegex(@"^q\.(?<query>[A-Za-z_][A-Za-z0-9_]*)(?:\.(?<column>[A-Za-z_][A-Za-z0-9_]*))?(?:\['(?<row>[^'\]]*)'\])?$")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^(?<left>" + Value + @")\s*(?<op>>=|<=|==|>|<|=)\s*(?<right>" + Value + @")(?:\s+(?<word>by|within)\s+(?<tolerance>" + Amount + @"))?$")]
    private static partial Regex Compare();

    [GeneratedRegex(@"^(?<value>" + Value + @")\s+between\s+(?<low>" + Value + @")\s+and\s+(?<high>" + Value + @")$")]
    private static partial Regex Between();

    [GeneratedRegex(@"^'(?<label>[^']*)'\s+is\s+(?<which>largest|smallest)\s+in\s+(?<column>\S+)(?:\s+by\s+(?<margin>" + Amount + @"))?$")]
    private static partial Regex Extreme();
}
