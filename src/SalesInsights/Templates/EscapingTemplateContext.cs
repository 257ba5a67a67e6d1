using System.Globalization;
using System.Net;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;

namespace SalesInsights.Templates;

/// <summary>
/// A Scriban context that HTML-escapes every value a template prints, unless it is <see cref="TrustedHtml"/>.
/// Escaping by default means a title with a '&lt;' in it can never inject markup, whatever the theme author forgot.
/// </summary>
internal sealed class EscapingTemplateContext : TemplateContext
{
    /// <summary>
    /// Scriban's built-in functions, created once: a context made without them deep-copies all of them, which cost
    /// more than rendering a page. Templates cannot change them (assignments go to the page's globals).
    /// </summary>
    private static readonly BuiltinFunctions Builtins = new();

    public EscapingTemplateContext()
        : base(Builtins)
    {
        PushCulture(CultureInfo.InvariantCulture);
        LoopLimit = 100_000;
        // Scriban cuts any value longer than 1 MiB to "..." by default: a large listing (every article on the
        // archive page of a big site) would lose its end and still look like a page.
        LimitToString = 0;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => this,
        TrustedHtml trusted => base.Write(span, trusted.Html),
        _ => base.Write(span, WebUtility.HtmlEncode(ObjectToString(textAsObject))),
    };
}
