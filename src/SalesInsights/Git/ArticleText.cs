namespace SalesInsights.Git;

/// <summary>What of an article file is its text: everything below the front matter block.</summary>
public static class ArticleText
{
    /// <summary>
    /// Whether two versions of a file say the same below their front matter (YAML between <c>---</c> lines, TOML
    /// between <c>+++</c> lines), line endings and trailing spaces aside.
    /// </summary>
    public static bool SameBody(string before, string after) =>
        string.Equals(Normalized(Body(before)), Normalized(Body(after)), StringComparison.Ordinal);

    public static string Body(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        var lines = text.Split('\n');
        var delimiter = lines[0].TrimEnd() switch
        {
            "---" => "---",
            "+++" => "+++",
            _ => null,
        };
        if (delimiter is null)
        {
            return text;
        }
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() == delimiter)
            {
                return string.Join('\n', lines.Skip(i + 1));
            }
        }
        return text;
    }

    private static string Normalized(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim();
}
