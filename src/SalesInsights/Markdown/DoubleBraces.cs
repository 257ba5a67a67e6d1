using Markdig.Helpers;

namespace SalesInsights.Markdown;

/// <summary>
/// <c>{{ ... }}</c> on one line, as inline values and claims are written: each parser reads the text between the
/// braces and takes it only when it starts with its own word (<c>q.</c>, <c>claim </c>).
/// </summary>
public static class DoubleBraces
{
    /// <summary>The trimmed text between <c>{{</c> at the slice's start and the next <c>}}</c>, when it starts with <paramref name="prefix"/>.</summary>
    /// <param name="close">Where the closing braces start in the slice's text.</param>
    public static bool TryRead(StringSlice slice, string prefix, out string inner, out int close)
    {
        inner = string.Empty;
        close = -1;
        if (slice.PeekCharExtra(1) != '{')
        {
            return false;
        }
        var text = slice.Text;
        var start = slice.Start;
        var count = slice.End - (start + 2) + 1;
        close = count < 2 ? -1 : text.IndexOf("}}", start + 2, count, StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }
        inner = text[(start + 2)..close].Trim();
        return inner.StartsWith(prefix, StringComparison.Ordinal) && !inner.Contains('\n', StringComparison.Ordinal);
    }
}
