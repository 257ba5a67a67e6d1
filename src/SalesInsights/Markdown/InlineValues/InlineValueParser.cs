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
        if (!DoubleBraces.TryRead(slice, "q.", out var expression, out var close))
        {
            return false;
        }
        var start = slice.Start;
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
