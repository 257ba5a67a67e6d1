using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SalesInsights.Site;

/// <summary>The starting text of a new article: front matter a build accepts, marked as a draft, and a short body.</summary>
public static partial class PostScaffold
{
    public const string SummaryPlaceholder = "TODO: one or two sentences on why this matters to someone who sells.";

    public static string Create(string title, DateOnly date, string author, IReadOnlyList<string> tags)
    {
        var text = new StringBuilder();
        text.Append("---\n");
        text.Append("title: ").Append(Quoted(title)).Append('\n');
        text.Append("date: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        text.Append("author: ").Append(Scalar(author)).Append('\n');
        text.Append("tags: [").AppendJoin(", ", tags.Select(Scalar)).Append("]\n");
        text.Append("draft: true\n");
        text.Append("summary: ").Append(Quoted(SummaryPlaceholder)).Append('\n');
        text.Append("---\n\n");
        text.Append("Start with the claim, then show the numbers that support it.\n");
        return text.ToString();
    }

    /// <summary>A YAML scalar written plain when that reads back as the same string, else double-quoted.</summary>
    public static string Scalar(string value) => PlainWord().IsMatch(value) && !IsYamlKeyword(value) ? value : Quoted(value);

    public static string Quoted(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\t' => text.Append("\\t"),
                _ when char.IsControl(c) => text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => text.Append(c),
            };
        }
        return text.Append('"').ToString();
    }

    private static bool IsYamlKeyword(string value) =>
        value.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "~"
        || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} ._-]*$")]
    private static partial Regex PlainWord();
}
