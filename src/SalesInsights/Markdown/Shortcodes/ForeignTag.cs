using System.Text.RegularExpressions;

namespace SalesInsights.Markdown.Shortcodes;

/// <summary>
/// A Liquid tag (<c>{% name args %}</c>, Jekyll) or a Hugo shortcode (<c>{{&lt; name args &gt;}}</c> or
/// <c>{{% name args %}}</c>) found in an article's text, with its arguments read the way both write them:
/// positional (<c>youtube abc123</c>, <c>"posts/x.md"</c>) and named (<c>src="a.png" alt="A chart"</c>).
/// </summary>
public sealed partial record ForeignTag(string Kind, string Name, bool Closing, IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string> Named, int Index, int Length)
{
    /// <summary>True for a shortcode written <c>{{% name %}}</c> (its inner text read as Markdown, in Hugo).</summary>
    public bool Percent { get; init; }

    public const string Liquid = "Liquid tag";
    public const string Shortcode = "Hugo shortcode";

    /// <summary>Every tag in <paramref name="line"/> (code spans are the caller's to leave out).</summary>
    public static IEnumerable<ForeignTag> In(string line)
    {
        foreach (Match match in Tag().Matches(line))
        {
            var kind = match.Groups["liquid"].Success ? Liquid : Shortcode;
            var body = match.Groups["liquid"].Success ? match.Groups["liquid"].Value : match.Groups["angle"].Success ? match.Groups["angle"].Value : match.Groups["percent"].Value;
            body = body.Trim();
            var closing = body.StartsWith('/');
            body = body.TrimStart('/').Trim();
            var words = Argument().Matches(body).Select(m => m.Value).ToList();
            if (words.Count == 0)
            {
                continue;
            }
            var positional = new List<string>();
            var named = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var word in words.Skip(1))
            {
                var equals = word.IndexOf('=');
                if (equals > 0 && !word.StartsWith('"') && !word.StartsWith('\''))
                {
                    named[word[..equals]] = Unquote(word[(equals + 1)..]);
                }
                else
                {
                    positional.Add(Unquote(word));
                }
            }
            yield return new ForeignTag(kind, words[0], closing, positional, named, match.Index, match.Length) { Percent = match.Groups["percent"].Success };
        }
    }

    private static string Unquote(string text) =>
        text.Length >= 2 && (text[0] == '"' || text[0] == '\'' || text[0] == '`') && text[^1] == text[0] ? text[1..^1] : text;

    /// <summary>Liquid's <c>{% %}</c> (with <c>-</c> trimming), Hugo's <c>{{&lt; &gt;}}</c> and <c>{{% %}}</c>.</summary>
    [GeneratedRegex(@"\{%-?(?<liquid>.*?)-?%\}|\{\{<(?<angle>.*?)>\}\}|\{\{%(?<percent>.*?)%\}\}")]
    private static partial Regex Tag();

    /// <summary>A quoted string, or a run of characters up to a space (a <c>name="quoted value"</c> pair is one).</summary>
    [GeneratedRegex(@"[\w.-]+=(?:""[^""]*""|'[^']*'|\S+)|""[^""]*""|'[^']*'|`[^`]*`|\S+")]
    private static partial Regex Argument();
}
