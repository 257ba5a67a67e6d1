using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace SalesInsights.Markdown.InlineValues;

/// <summary>
/// Reads <c>{{ q.name }}</c>, <c>{{ q.name.column }}</c> and either with <c>| format</c> or <c>| format(arguments)</c>. Only expressions that start
/// with <c>q.</c> are ours; other double braces stay literal text.
/// </summary>
public sealed partial class InlineValueParser : InlineParser
{
    public InlineValueParser() => OpeningCharacters = ['{'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekCharExtra(1) != '{')
        {
            return false;
        }
        var text = slice.Text;
        var start = slice.Start;
        var count = slice.End - (start + 2) + 1;
        var close = count < 2 ? -1 : text.IndexOf("}}", start + 2, count, StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }
        var expression = text[(start + 2)..close].Trim();
        if (!expression.StartsWith("q.", StringComparison.Ordinal) || expression.Contains('\n', StringComparison.Ordinal))
        {
            return false;
        }
        var match = Expression().Match(expression);
        var inline = new InlineValue
        {
            Expression = expression,
            Query = match.Success ? match.Groups["query"].Value : string.Empty,
            ColumnName = match.Success && match.Groups["column"].Success ? match.Groups["column"].Value : null,
            Row = match.Success && match.Groups["row"].Success ? match.Groups["row"].Value : null,
            Format = match.Success && match.Groups["format"].Success ? match.Groups["format"].Value : null,
            Problem = match.Success ? null : $"Cannot read '{{{{ {expression} }}}}'; write {{{{ q.name }}}}, {{{{ q.name.column }}}}, {{{{ q.name.column['row'] }}}} or any of them followed by '| format'.",
            Span = new SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(close + 1)),
            Line = line,
            Column = column,
        };
        processor.Inline = inline;
        slice.Start = close + 2;
        return true;
    }

    [GeneratedRegex(@"^q\.(?<query>[A-Za-z_][A-Za-z0-9_]*)(?:\.(?<column>[A-Za-z_][A-Za-z0-9_]*))?(?:\['(?<row>[^'\]]*)'\])?\s*(?:\|\s*(?<format>[A-Za-z_]+\s*(?:\([^()]*\))?)\s*)?$")]
    private static partial Regex Expression();
}
