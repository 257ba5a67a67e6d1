using System.Globalization;
using System.Xml;
using System.Xml.Schema;

namespace SalesInsights.Tests.Support;

/// <summary>Well-formedness and schema checks for the site's XML files (feeds, sitemap, SVG).</summary>
public static class XmlChecks
{
    private static readonly Lazy<XmlSchemaSet> Sitemap = new(() =>
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Schemas", "sitemap.xsd"));
        schemas.Compile();
        return schemas;
    });

    /// <summary>Why <paramref name="xml"/> is not well-formed, or null when it is. DTDs are refused, as a feed reader should.</summary>
    public static string? WellFormednessError(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            while (reader.Read())
            {
            }
            return null;
        }
        catch (XmlException e)
        {
            return e.Message;
        }
    }

    /// <summary>Every way <paramref name="xml"/> breaks the sitemaps.org schema, with line and column.</summary>
    public static IReadOnlyList<string> SitemapErrors(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Sitemap.Value, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add(string.Create(CultureInfo.InvariantCulture, $"{e.Exception.LineNumber}:{e.Exception.LinePosition}: {e.Message}"));
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{e.LineNumber}:{e.LinePosition}: {e.Message}"));
        }
        return errors;
    }
}
