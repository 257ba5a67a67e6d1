using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SalesInsights.Tests.Support;

/// <summary>Reads a chart figure's HTML: its SVG as XML, and its data table's cells.</summary>
public static partial class Svg
{
    /// <summary>Inline SVG in HTML needs no namespace declaration, so its elements parse without one.</summary>
    public static readonly XNamespace Ns = XNamespace.None;

    /// <summary>The figure's drawing: its plot (<c>svg.chart-area</c>), inside the frame with the gutter beside it.</summary>
    public static XElement Of(string figureHtml) =>
        Frame(figureHtml).Elements("svg").Single(e => e.Attribute("class")?.Value == "chart-area");

    /// <summary>The gutter beside the plot (value or category labels), or null when the chart has none.</summary>
    public static XElement? Gutter(string figureHtml) =>
        Frame(figureHtml).Elements("svg").SingleOrDefault(e => e.Attribute("class")?.Value == "chart-gutter");

    /// <summary>The <c>div.chart-frame</c> holding the gutter and the plot.</summary>
    public static XElement Frame(string figureHtml)
    {
        var start = figureHtml.IndexOf("<div class=\"chart-frame", StringComparison.Ordinal);
        var end = figureHtml.IndexOf("</svg></div>", start, StringComparison.Ordinal) + "</svg></div>".Length;
        return XElement.Parse(figureHtml[start..end]);
    }

    /// <summary>The legend's entries, as text, in order.</summary>
    public static List<string> Legend(string figureHtml) =>
        [.. LegendItem().Matches(figureHtml).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];

    /// <summary>Marks painted in a series colour (bars, slices, points, lines): an element whose class, or whose group's, names series <paramref name="series"/>.</summary>
    public static List<XElement> Marks(XElement svg, int series) =>
        [.. svg.Descendants().Where(e => e.Name.LocalName is not "g" and not "title" && (HasClass(e, $"c{series}") || (e.Parent is { } g && g.Name.LocalName == "g" && HasClass(g, $"c{series}"))))];

    public static List<XElement> AllMarks(XElement svg) =>
        [.. Enumerable.Range(1, 8).SelectMany(s => Marks(svg, s))];

    /// <summary>Every text of the drawing, gutter included, as the reader sees it (a wrapped label's lines joined by a space).</summary>
    public static List<string> Texts(string figureHtml) =>
        [.. Frame(figureHtml).Descendants("text").Select(t => t.Elements("tspan").Any() ? string.Join(' ', t.Elements("tspan").Select(s => s.Value)) : t.Value)];

    public static bool HasClass(XElement element, string name) =>
        (element.Attribute("class")?.Value ?? string.Empty).Split(' ').Contains(name, StringComparer.Ordinal);

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

    [GeneratedRegex("<li><span class=\"key[^\"]*\" aria-hidden=\"true\"></span>(.*?)</li>")]
    private static partial Regex LegendItem();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<t[hd][^>]*data-value=\"(?<value>[^\"]*)\"[^>]*>(?<text>.*?)</t[hd]>")]
    private static partial Regex Cell();

    [GeneratedRegex("<th scope=\"col\">(.*?)</th>")]
    private static partial Regex Header();
}
