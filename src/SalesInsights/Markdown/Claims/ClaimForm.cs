namespace SalesInsights.Markdown.Claims;

/// <summary>One side of a claim: a value from a named query (<c>q.name.column['row']</c>) or a number typed in.</summary>
/// <param name="Query">The query's name; null for a number.</param>
/// <param name="Column">The column; null for the first.</param>
/// <param name="Row">The row whose first column has this text; null for the first row.</param>
/// <param name="Number">The number, when the operand is one.</param>
public sealed record ClaimOperand(string? Query, string? Column, string? Row, double Number, string Text);

/// <summary>A tolerance: an amount (<c>0.02</c>) or a share of the reference value (<c>5%</c>).</summary>
public sealed record Tolerance(double Amount, bool Relative)
{
    /// <summary>The tolerance in the reference value's units.</summary>
    public double Of(double reference) => Relative ? Math.Abs(reference) * Amount : Amount;

    public override string ToString() => Relative ? $"{Amount * 100:0.##}%" : Amount.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What a claim states.</summary>
public abstract record ClaimForm;

/// <summary><c>a &gt; b</c>, <c>a &gt;= b</c>, <c>a &lt; b</c>, <c>a &lt;= b</c> (<c>by</c> a margin), or <c>a = b</c> (<c>within</c> a tolerance).</summary>
public sealed record Comparison(ClaimOperand Left, string Operator, ClaimOperand Right, Tolerance? Tolerance) : ClaimForm;

/// <summary><c>a between low and high</c>, both ends included.</summary>
public sealed record Range(ClaimOperand Value, ClaimOperand Low, ClaimOperand High) : ClaimForm;

/// <summary><c>'Enterprise' is largest in q.cycle.days</c> (or smallest): the row with that first column holds the extreme, <c>by</c> a margin over the runner-up.</summary>
public sealed record Extreme(string Label, bool Largest, ClaimOperand Column, Tolerance? Margin) : ClaimForm;
