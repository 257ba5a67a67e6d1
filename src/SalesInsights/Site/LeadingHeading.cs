using System.Text.RegularExpressions;

namespace SalesInsights.Site;

/// <summary>
/// A <c># Title</c> heading on the first line of a body that has no title in front matter (notes collections name
/// themselves that way): the title, and the body with that line left blank, so line numbers stay and the layout's
/// title is not followed by the same heading again.
/// </summary>
public sealed partial record LeadingHeading(string Title, string BodyWithout)
{
    public static LeadingHeading? Of(string? body)
    {
        if (body is null)
        {
            return null;
        }
        var start = 0;
        while (start < body.Length)
        {
            var end = body.IndexOf('\n', start);
            var line = body[start..(end < 0 ? body.Length : end)];
            if (line.Trim().Length > 0)
            {
                var match = Heading().Match(line.TrimEnd('\r'));
                return match.Success
                    ? new LeadingHeading(match.Groups["title"].Value.Trim(), string.Concat(body.AsSpan(0, start), body.AsSpan(start + line.Length)))
                    : null;
            }
            if (end < 0)
            {
                break;
            }
            start = end + 1;
        }
        return null;
    }

    [GeneratedRegex(@"^ {0,3}#[ \t]+(?<title>.*?)(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex Heading();
}
