using System.Globalization;
using Markdig;
using SalesInsights.Formatting;
using SalesInsights.Markdown.InlineValues;

namespace SalesInsights.Markdown.Claims;

/// <summary>
/// Checks every <c>{{ claim ... }}</c> of a document against the results of its named queries (those the inline
/// values read, so a claim and the figures in its sentence come from the same rows). A claim that does not hold
/// is an error at its line naming the values on both sides; every claim, holding or not, is recorded for
/// <c>check</c> to list. Runs after <see cref="InlineValueFeature"/>, whose query results it reads.
/// </summary>
public sealed class ClaimFeature : IMarkdownFeature
{
    public void Configure(MarkdownPipelineBuilder builder) => builder.Extensions.AddIfNotAlready<ClaimExtension>();

    public void Prepare(MarkdownNodes nodes, MarkdownRenderContext context)
    {
        foreach (var claim in nodes.Inlines<Claim>())
        {
            context.Replace(claim, string.Empty, string.Empty);
            if (claim.Form is not { } form)
            {
                context.Error("SI320", $"Cannot read the claim '{claim.Text}': {claim.Problem}.", claim.Line, claim.Column);
                continue;
            }
            var outcome = Check(form, claim, context);
            if (outcome is null)
            {
                continue; // a value could not be read: reported at the claim, or at its query
            }
            var (holds, values) = outcome.Value;
            context.AddClaim(new ClaimOutcome(context.SourcePath, context.LineOffset + claim.Line + 1, claim.Column + 1, claim.Text, holds, values));
            if (!holds)
            {
                context.Error("SI321", $"The claim '{claim.Text}' does not hold: {values}.", claim.Line, claim.Column);
            }
        }
    }

    private static (bool Holds, string Values)? Check(ClaimForm form, Claim claim, MarkdownRenderContext context)
    {
        double? Read(ClaimOperand operand)
        {
            if (operand.Query is null)
            {
                return operand.Number;
            }
            if (NamedValues.Find(context, operand.Query, operand.Column, operand.Row, $"claim {claim.Text}", claim.Line, claim.Column) is not { } value)
            {
                return null;
            }
            if (NamedValues.AsNumber(value.Raw) is { } number)
            {
                return number;
            }
            context.Error("SI322", $"'{operand.Text}' in the claim '{claim.Text}' is {ValueFormatter.Format(value.Raw, ValueFormat.Number)}, not a number.", claim.Line, claim.Column);
            return null;
        }

        switch (form)
        {
            case Comparison c:
            {
                if (Read(c.Left) is not { } left || Read(c.Right) is not { } right)
                {
                    return null;
                }
                var margin = c.Tolerance?.Of(right) ?? 0;
                var holds = c.Operator switch
                {
                    ">" => left > right + margin,
                    ">=" => left >= right + margin,
                    "<" => left < right - margin,
                    "<=" => left <= right - margin,
                    _ => Math.Abs(left - right) <= (c.Tolerance is null ? 1e-9 * Math.Max(1, Math.Abs(right)) : margin),
                };
                var tolerance = c.Tolerance is null ? string.Empty : $" ({(c.Operator == "=" ? "within" : "by")} {c.Tolerance}: {Show(margin)})";
                return (holds, $"{Side(c.Left, left)}, {Side(c.Right, right)}{tolerance}");
            }
            case Range r:
            {
                if (Read(r.Value) is not { } value || Read(r.Low) is not { } low || Read(r.High) is not { } high)
                {
                    return null;
                }
                return (value >= low && value <= high, $"{Side(r.Value, value)}, the range is {Show(low)} to {Show(high)}");
            }
            case Extreme e:
                return CheckExtreme(e, claim, context);
            default:
                throw new InvalidOperationException($"A claim form without a check: {form.GetType().Name}.");
        }
    }

    private static (bool Holds, string Values)? CheckExtreme(Extreme e, Claim claim, MarkdownRenderContext context)
    {
        if (NamedValues.Column(context, e.Column.Query!, e.Column.Column, $"claim {claim.Text}", claim.Line, claim.Column) is not { } rows)
        {
            return null;
        }
        var numbers = rows.Where(r => NamedValues.AsNumber(r.Value) is not null).Select(r => (r.Label, Value: NamedValues.AsNumber(r.Value)!.Value)).ToList();
        if (!numbers.Any(r => r.Label == e.Label))
        {
            context.Error("SI309", $"Query '{e.Column.Query}' has no row '{e.Label}' for the claim '{claim.Text}'; its rows: {string.Join(", ", rows.Select(r => r.Label))}.", claim.Line, claim.Column);
            return null;
        }
        var ordered = e.Largest ? numbers.OrderByDescending(r => r.Value).ToList() : numbers.OrderBy(r => r.Value).ToList();
        var named = numbers.First(r => r.Label == e.Label);
        var others = ordered.Where(r => r.Label != e.Label).ToList();
        if (others.Count == 0)
        {
            return (true, $"'{e.Label}' is the only row, {Show(named.Value)}");
        }
        var runnerUp = others[0];
        var margin = e.Margin?.Of(runnerUp.Value) ?? 0;
        var holds = e.Largest ? named.Value > runnerUp.Value + margin : named.Value < runnerUp.Value - margin;
        var by = e.Margin is null ? string.Empty : $" (by {e.Margin}: {Show(margin)})";
        return (holds, $"'{e.Label}' is {Show(named.Value)}, the {(e.Largest ? "largest" : "smallest")} of the others is '{runnerUp.Label}' at {Show(runnerUp.Value)}{by}");
    }

    private static string Side(ClaimOperand operand, double value) =>
        operand.Query is null ? operand.Text : $"{operand.Text} is {Show(value)}";

    /// <summary>Six significant figures, no trailing zeros: enough to see why a claim fails, without a float's noise.</summary>
    private static string Show(double value) =>
        double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).ToString("#,##0.######", CultureInfo.InvariantCulture);
}
