using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SalesInsights.Charts;

/// <summary>
/// Makes ScottPlot's SVG fit for a page: an image role labelled by a title and description we insert, a viewBox
/// instead of fixed pixels so it scales to the column, ids prefixed so two charts on a page never share a
/// clip path, text as plain <c>&lt;text&gt;</c> with a font stack instead of per-glyph positions measured
/// with a font the reader may not have, and the theme's class names on what is text, grid, background or a series.
/// </summary>
internal static partial class SvgAccessibility
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Rewrite(string svg, string id, string title, string description, int width, int height, string cssClass = "chart-svg")
    {
        var document = XDocument.Parse(svg);
        var root = document.Root!;
        root.SetAttributeValue("width", null);
        root.SetAttributeValue("height", null);
        root.SetAttributeValue("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {width} {height}"));
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-labelledby", $"{id}-title {id}-desc");
        root.SetAttributeValue("class", cssClass);
        root.SetAttributeValue("font-family", ChartStyle.FontStack);
        root.AddFirst(
            new XElement(Svg + "title", new XAttribute("id", $"{id}-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{id}-desc"), description));

        // Skia numbers clip paths with a counter shared by every drawing in the process, so the same chart got
        // different ids from build to build (whichever chart a thread drew first): renumbered in document order,
        // a chart's SVG depends on the chart alone.
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        string Rename(string original) =>
            renamed.TryGetValue(original, out var name) ? name : renamed[original] = string.Create(CultureInfo.InvariantCulture, $"{id}-clip{renamed.Count + 1}");
        foreach (var element in root.Descendants().ToList())
        {
            if (element.Attribute("id") is { } elementId && element.Name != Svg + "title" && element.Name != Svg + "desc")
            {
                elementId.Value = Rename(elementId.Value);
            }
            foreach (var attribute in element.Attributes())
            {
                if (attribute.Value.Contains("url(#", StringComparison.Ordinal))
                {
                    attribute.Value = Reference().Replace(attribute.Value, m => $"url(#{Rename(m.Groups[1].Value)})");
                }
            }
            Recolor(element);
            if (element.Name == Svg + "text")
            {
                if (element.Attribute("fill") is null)
                {
                    element.SetAttributeValue("fill", "currentColor");
                    element.SetAttributeValue("class", "chart-text");
                }
                element.SetAttributeValue("x", First(element.Attribute("x")?.Value));
                element.SetAttributeValue("y", First(element.Attribute("y")?.Value));
                element.SetAttributeValue("font-family", null);
                element.Value = element.Value.Trim();
            }
        }
        // Skia's backgrounds are transparent here, so the full-size rectangle it writes first only hides the card.
        root.Elements(Svg + "rect").FirstOrDefault(r => r.Attribute("fill")?.Value is "none" or "transparent" || r.Attribute("fill-opacity")?.Value == "0")?.Remove();
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// Marks what each paint is with the theme's class names (<c>chart-text</c>, <c>chart-grid</c>, <c>chart-bg</c>,
    /// <c>series-N</c>). Text becomes <c>currentColor</c>, which the theme sets to its chart foreground; other paints
    /// keep their drawn colours, made for the light plate charts sit on in both themes, with the class as a hook.
    /// </summary>
    private static void Recolor(XElement element)
    {
        foreach (var name in new[] { "fill", "stroke" })
        {
            if (element.Attribute(name) is not { } attribute || Classes.GetValueOrDefault(attribute.Value.ToUpperInvariant()) is not { } cssClass)
            {
                continue;
            }
            if (element.Attribute("class") is { } existing && existing.Value != cssClass)
            {
                continue; // an element gets one class: its fill's
            }
            if (cssClass == "chart-text")
            {
                attribute.Value = "currentColor";
            }
            element.SetAttributeValue("class", cssClass);
        }
    }

    private static readonly Dictionary<string, string> Classes = BuildClasses();

    private static Dictionary<string, string> BuildClasses()
    {
        var classes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Hex(ChartStyle.Text)] = "chart-text",
            [Hex(ChartStyle.Grid)] = "chart-grid",
            // Skia's near-black default and white (legend box, slice separators) follow the card's text and surface.
            ["#010101"] = "chart-text",
            ["WHITE"] = "chart-bg",
            ["#FFFFFF"] = "chart-bg",
        };
        for (var i = 0; i < ChartStyle.ThemedSeries; i++)
        {
            classes[ChartStyle.Palette[i].ToUpperInvariant()] = $"series-{i + 1}";
        }
        return classes;
    }

    [GeneratedRegex(@"url\(#([^)]*)\)")]
    private static partial Regex Reference();

    private static string Hex(ScottPlot.Color color) => color.ToHex()[..7].ToUpperInvariant();

    /// <summary>The first of Skia's comma-separated glyph positions: where the text starts.</summary>
    private static string? First(string? positions)
    {
        if (positions is null)
        {
            return null;
        }
        var comma = positions.IndexOf(',', StringComparison.Ordinal);
        return (comma < 0 ? positions : positions[..comma]).Trim();
    }
}
