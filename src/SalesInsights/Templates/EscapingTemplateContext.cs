using System.Globalization;
using System.Net;
using Scriban;
using Scriban.Parsing;

namespace SalesInsights.Templates;

/// <summary>
/// A Scriban context that HTML-escapes every value a template prints, unless it is <see cref="TrustedHtml"/>.
/// Escaping by default means a title with a '&lt;' in it can never inject markup, whatever the theme author forgot.
/// </summary>
internal sealed class EscapingTemplateContext : TemplateContext
{
    public EscapingTemplateContext()
    {
        PushCulture(CultureInfo.InvariantCulture);
        LoopLimit = 100_000;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => this,
        TrustedHtml trusted => base.Write(span, trusted.Html),
        _ => base.Write(span, WebUtility.HtmlEncode(ObjectToString(textAsObject))),
    };
}
