using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SalesInsights.Markdown.Shortcodes;

/// <summary>
/// What Jekyll and Hugo writers leave in their Markdown, made ours before Markdig reads it, line for line so every
/// position stays true: <c>{% highlight lang %}</c> and <c>{{&lt; highlight lang &gt;}}</c> become code fences;
/// <c>{% link %}</c>, <c>{% post_url %}</c>, <c>{{&lt; ref &gt;}}</c> and <c>{{&lt; relref &gt;}}</c> become this
/// site's addresses (so the link check sees them); <c>{{&lt; figure &gt;}}</c> becomes a figure;
/// <c>{{&lt; youtube &gt;}}</c> a link to the video, or an embedded player when the site allows active content;
/// <c>{{ site.baseurl }}</c> and <c>{% raw %}</c> disappear. Any other tag stays as text with a warning (SI0704) at
/// its position. Code blocks and code spans are left alone; a fence that never closes is reported (SI0703), and a
/// data block (chart, kpi, sql, datasets) that never closes is an error that stops it being read as data.
/// </summary>
public static partial class ForeignSyntax
{
    /// <summary>Fenced blocks whose body is read as data: unclosed, their "body" is the rest of the article.</summary>
    private static readonly HashSet<string> DataLanguages = new(StringComparer.OrdinalIgnoreCase) { "chart", "kpi", "sql", "datasets" };

    private static readonly HashSet<string> Understood = new(StringComparer.OrdinalIgnoreCase)
    {
        "highlight", "endhighlight", "link", "post_url", "raw", "endraw", "figure", "youtube", "ref", "relref",
    };

    public static string Rewrite(string markdown, MarkdownRenderContext context)
    {
        // Nothing to do in the common case: no fence-like line that could stay open, no tag.
        if (!markdown.Contains("{%", StringComparison.Ordinal) && !markdown.Contains("{{", StringComparison.Ordinal)
            && !markdown.Contains("```", StringComparison.Ordinal) && !markdown.Contains("~~~", StringComparison.Ordinal))
        {
            return markdown;
        }
        var lines = markdown.Split('\n');
        (int Line, char Char, int Length, string Info)? fence = null;
        var highlightFrom = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var ending = lines[i].Length > line.Length ? "\r" : string.Empty;
            if (fence is { } open)
            {
                if (ClosingFence().Match(line) is { Success: true } close && close.Groups["fence"].Value[0] == open.Char && close.Groups["fence"].Length >= open.Length)
                {
                    fence = null;
                }
                continue;
            }
            if (highlightFrom >= 0)
            {
                if (EndHighlight().IsMatch(line))
                {
                    lines[i] = "```" + ending;
                    highlightFrom = -1;
                }
                continue; // code inside a highlight block is left as written
            }
            if (OpeningFence().Match(line) is { Success: true } opening && !(opening.Groups["fence"].Value[0] == '`' && opening.Groups["info"].Value.Contains('`')))
            {
                fence = (i, opening.Groups["fence"].Value[0], opening.Groups["fence"].Length, opening.Groups["info"].Value.Trim());
                continue;
            }
            if (StartHighlight().Match(line) is { Success: true } highlight)
            {
                lines[i] = "```" + highlight.Groups["lang"].Value + ending;
                highlightFrom = i;
                continue;
            }
            lines[i] = RewriteLine(line, i, context) + ending;
        }
        if (highlightFrom >= 0)
        {
            context.Warning("SI0703", "this highlight block has no end tag, so everything after it shows as code; add {% endhighlight %} (or {{< /highlight >}}) after the code", highlightFrom, 0);
        }
        if (fence is { } unclosed)
        {
            var language = unclosed.Info.Split(' ', 2)[0];
            var marker = new string(unclosed.Char, unclosed.Length);
            if (DataLanguages.Contains(language))
            {
                context.Error("SI0703", $"the {marker}{language} block opened here is never closed, so the rest of the article would be read as its {(language == "sql" ? "SQL" : "YAML")}; add a line with {marker} where the block ends", unclosed.Line, 0);
                // Read as plain text from here on, so its "YAML" is not reported again line by line.
                var original = lines[unclosed.Line];
                lines[unclosed.Line] = original[..original.IndexOf(marker, StringComparison.Ordinal)] + marker + "text" + (original.EndsWith('\r') ? "\r" : string.Empty);
            }
            else
            {
                context.Warning("SI0703", $"the code block opened here with {marker} is never closed, so everything after it shows as code; add a line with {marker} where the code ends", unclosed.Line, 0);
            }
        }
        return string.Join('\n', lines);
    }

    /// <summary>Rewrites the tags of one line of prose, outside its code spans.</summary>
    private static string RewriteLine(string line, int index, MarkdownRenderContext context)
    {
        if (!line.Contains("{%", StringComparison.Ordinal) && !line.Contains("{{", StringComparison.Ordinal))
        {
            return line;
        }
        var result = new StringBuilder(line.Length);
        var position = 0;
        foreach (var (start, end, isCode) in Segments(line))
        {
            var text = line[start..end];
            result.Append(isCode ? text : RewriteProse(text, index, start, context));
            position = end;
        }
        return result.Append(line.AsSpan(position)).ToString();
    }

    private static string RewriteProse(string text, int line, int offset, MarkdownRenderContext context)
    {
        text = SiteUrl().Replace(text, match => match.Groups["path"].Success ? match.Groups["path"].Value : string.Empty);
        var result = new StringBuilder(text.Length);
        var position = 0;
        foreach (var tag in ForeignTag.In(text))
        {
            result.Append(text, position, tag.Index - position);
            position = tag.Index + tag.Length;
            var replacement = Replace(tag, context);
            if (replacement is null)
            {
                var name = (tag.Closing ? "/" : string.Empty) + tag.Name;
                var what = tag.Kind == ForeignTag.Liquid ? $"{{% {name} %}}" : tag.Percent ? $"{{{{% {name} %}}}}" : $"{{{{< {name} >}}}}";
                var known = Data.NameSuggestions.DidYouMean(tag.Name, Understood);
                context.Warning("SI0704", Included(tag) is { } file
                    ? $"the Liquid tag {{% {tag.Name} {file} %}} inserts {(tag.Name == "include" ? "a file of the old site's _includes folder" : "a file of the old site")}, which this site never reads; it is shown as written: paste that file's text here as Markdown or HTML"
                    : $"the {tag.Kind} {what} is not understood here and is shown as written; replace it with Markdown or HTML.{known}", line, offset + tag.Index);
                replacement = text.Substring(tag.Index, tag.Length);
            }
            result.Append(replacement);
        }
        return result.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>
    /// The file Jekyll's <c>{% include file %}</c> (or <c>include_relative</c>) names, or null for another tag. It is
    /// never read: an include is the old site's template code, and its path could lead anywhere.
    /// </summary>
    private static string? Included(ForeignTag tag) =>
        tag.Kind == ForeignTag.Liquid && tag.Name is "include" or "include_relative" && tag.Positional.Count > 0 ? tag.Positional[0] : null;

    /// <summary>The Markdown or HTML a tag stands for, or null when it is not one of the understood ones.</summary>
    private static string? Replace(ForeignTag tag, MarkdownRenderContext context)
    {
        string First() => tag.Positional.Count > 0 ? tag.Positional[0] : string.Empty;
        switch (tag.Name.ToLowerInvariant())
        {
            case "raw" or "endraw":
                return string.Empty;
            case "link" when tag.Kind == ForeignTag.Liquid && First().Length > 0:
                return ContentReference.Url(First());
            case "post_url" when tag.Kind == ForeignTag.Liquid && First().Length > 0:
                return ContentReference.PostUrl(First());
            case "ref" or "relref" when tag.Kind == ForeignTag.Shortcode && First().Length > 0:
                return ContentReference.Url(First());
            case "figure" when tag.Kind == ForeignTag.Shortcode && tag.Named.TryGetValue("src", out var src):
                return Figure(src, tag.Named);
            case "youtube" when tag.Kind == ForeignTag.Shortcode && (tag.Named.GetValueOrDefault("id") ?? First()) is { Length: > 0 } id && VideoId().IsMatch(id):
                var title = tag.Named.GetValueOrDefault("title") ?? "the video";
                return context.AllowsActiveContent
                    ? $"<iframe src=\"https://www.youtube-nocookie.com/embed/{id}\" title=\"{WebUtility.HtmlEncode(title)}\" loading=\"lazy\" allowfullscreen></iframe>"
                    : $"[Watch {title.Replace("]", "\\]", StringComparison.Ordinal)} on YouTube](https://www.youtube.com/watch?v={id})";
            default:
                return null;
        }
    }

    private static string Figure(string src, IReadOnlyDictionary<string, string> named)
    {
        static string Attribute(string text) => WebUtility.HtmlEncode(text);
        var image = $"<img src=\"{Attribute(src)}\" alt=\"{Attribute(named.GetValueOrDefault("alt") ?? string.Empty)}\">";
        if (named.TryGetValue("link", out var link))
        {
            image = $"<a href=\"{Attribute(link)}\">{image}</a>";
        }
        var caption = named.GetValueOrDefault("caption") ?? named.GetValueOrDefault("title");
        return caption is null ? $"<figure>{image}</figure>" : $"<figure>{image}<figcaption>{Attribute(caption)}</figcaption></figure>";
    }

    /// <summary>The line split into prose and code spans (backtick runs of equal length), in order.</summary>
    private static IEnumerable<(int Start, int End, bool IsCode)> Segments(string line)
    {
        var position = 0;
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] != '`')
            {
                i++;
                continue;
            }
            var run = 1;
            while (i + run < line.Length && line[i + run] == '`')
            {
                run++;
            }
            var close = line.IndexOf(new string('`', run), i + run, StringComparison.Ordinal);
            if (close < 0)
            {
                i += run;
                continue;
            }
            if (i > position)
            {
                yield return (position, i, false);
            }
            yield return (i, close + run, true);
            position = i = close + run;
        }
        if (position < line.Length)
        {
            yield return (position, line.Length, false);
        }
    }

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})(?<info>.*)$")]
    private static partial Regex OpeningFence();

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})\s*$")]
    private static partial Regex ClosingFence();

    /// <summary>Jekyll's <c>{% highlight go %}</c>, Hugo's <c>{{&lt; highlight go &gt;}}</c> and <c>{{% highlight go %}}</c>.</summary>
    [GeneratedRegex(@"^\s*(?:\{%-?\s*highlight\s+(?<lang>[\w+#.-]+)[^%]*-?%\}|\{\{<\s*highlight\s+(?<lang>[\w+#.-]+)[^>]*>\}\}|\{\{%\s*highlight\s+(?<lang>[\w+#.-]+)[^%]*%\}\})\s*$")]
    private static partial Regex StartHighlight();

    [GeneratedRegex(@"^\s*(?:\{%-?\s*endhighlight\s*-?%\}|\{\{<\s*/\s*highlight\s*>\}\}|\{\{%\s*/\s*highlight\s*%\}\})\s*$")]
    private static partial Regex EndHighlight();

    /// <summary>Jekyll's site prefixes, which this site adds by itself: <c>{{ site.baseurl }}</c>, <c>{{ "/x" | relative_url }}</c>.</summary>
    [GeneratedRegex(@"\{\{\s*site\.(?:baseurl|url)\s*\}\}|\{\{\s*[""'](?<path>[^""']*)[""']\s*\|\s*(?:relative_url|absolute_url)\s*\}\}")]
    private static partial Regex SiteUrl();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{6,20}$")]
    private static partial Regex VideoId();
}
