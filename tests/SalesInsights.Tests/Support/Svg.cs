using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SalesInsights.Tests.Support;

/// <summary>Reads a chart figure's HTML: its SVG as XML, and its data table's cells.</summary>
public static partial class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XElement Of(string figureHtml)
    {
        var start = figureHtml.IndexOf("<svg", StringComparison.Ordinal);
        var end = figureHtml.IndexOf("</svg>", StringComparison.Ordinal) + "</svg>".Length;
        return XElement.Parse(figureHtml[start..end]);
    }

    /// <summary>Every drawing of a figure: the wide one, then the narrow one.</summary>
    public static List<XElement> All(string figureHtml) =>
        [.. Drawing().Matches(figureHtml).Select(m => XElement.Parse(m.Value))];

    /// <summary>Elements painted in a series colour (bars, slices, points, lines, legend swatches).</summary>
    public static List<XElement> Marks(XElement svg, int series) =>
        [.. svg.Descendants().Where(e => e.Attribute("class")?.Value == $"series-{series}")];

    public static List<XElement> AllMarks(XElement svg) =>
        [.. svg.Descendants().Where(e => e.Attribute("class")?.Value.StartsWith("series-", StringComparison.Ordinal) == true)];

    /// <summary>The data table as rows of (text, data-value) cells, header row excluded.</summary>
    public static List<List<(string Text, string Value)>> TableRows(string figureHtml)
    {
        var body = figureHtml[figureHtml.IndexOf("<tbody>", StringComparison.Ordinal)..figureHtml.IndexOf("</tbody>", StringComparison.Ordinal)];
        return [.. Row().Matches(body).Select(row => Cell().Matches(row.Value)
            .Select(c => (System.Net.WebUtility.HtmlDecode(c.Groups["text"].Value), System.Net.WebUtility.HtmlDecode(c.Groups["value"].Value)))
            .ToList())];
    }

    public static List<string> TableHeaders(string figureHtml) =>
        [.. Header().Matches(figureHtml[..figureHtml.IndexOf("</thead>", StringComparison.Ordinal)]).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("<svg.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Drawing();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<t[hd][^>]*data-value=\"(?<value>[^\"]*)\"[^>]*>(?<text>.*?)</t[hd]>")]
    private static partial Regex Cell();

    [GeneratedRegex("<th scope=\"col\">(.*?)</th>")]
    private static partial Regex Header();
}
