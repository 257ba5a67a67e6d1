using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using SalesInsights.Pipeline;

namespace SalesInsights.Templates;

/// <summary>
/// The layouts and partials of the theme, parsed once per build. A site may override any theme file by putting
/// a file of the same name under <c>input/layouts</c> or <c>input/partials</c>. Every layout except <c>base</c>
/// is wrapped in <c>base</c>, which receives the layout's output as <c>content</c>.
/// </summary>
public sealed partial class Theme : IStamped
{
    [GeneratedRegex(@"page\.meta(?:\.(?<dot>\w+)|\[\s*[""'](?<index>\w+)[""']\s*\])")]
    private static partial Regex MetaKey();

    public const string BaseLayout = "base";

    private const int MaxKeptCapacity = 1024 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_page;
    private readonly FrozenDictionary<string, (Template Template, string Path)> _layouts;
    private readonly FrozenDictionary<string, (Template Template, string Path)> _partials;

    /// <summary>The theme's own functions (<c>include</c>), made once: making a Scriban function reflects over the delegate.</summary>
    private readonly ScriptObject _functions = new();

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Scriban reflects over these two delegates' own methods, which live in this assembly; native builds keep it whole (TrimmerRootAssembly in the csproj).")]
    private Theme(FrozenDictionary<string, (Template, string)> layouts, FrozenDictionary<string, (Template, string)> partials, string stamp, FrozenSet<string> metaKeys)
    {
        _layouts = layouts;
        _partials = partials;
        Stamp = stamp;
        MetaKeys = metaKeys;
        _functions.Import("include", new Func<TemplateContext, string, TrustedHtml>((c, name) =>
            _partials.TryGetValue(name, out var partial)
                ? new TrustedHtml(c.RenderTemplate(partial.Template, [], c.CurrentNode))
                : throw new ScriptRuntimeException(c.CurrentNode?.Span ?? default, $"unknown partial '{name}'; the theme has: {string.Join(", ", _partials.Keys.Order(StringComparer.Ordinal))}")));
        _functions.Import("card_html", new Func<TemplateContext, ScriptObject, int, TrustedHtml>(CardHtml));
    }

    /// <summary>
    /// Each article's card, rendered once per heading level: an article's card appears on the home pages, its tags',
    /// author's and year's pages and under "related" on other articles (at 10,000 articles, 2,292 listing pages of
    /// 20 cards each rendered as much template code as all the articles). Keyed by the card object, which a build's
    /// template model makes once per article and never changes.
    /// </summary>
    private readonly ConditionalWeakTable<ScriptObject, string?[]> _cards = [];

    /// <summary>The partial <c>card_html</c> renders: it may read <c>card</c>, <c>card_heading</c> and site-wide values only.</summary>
    public const string CardPartial = "post-card";

    private TrustedHtml CardHtml(TemplateContext context, ScriptObject card, int heading)
    {
        if (!_partials.TryGetValue(CardPartial, out var partial))
        {
            throw new ScriptRuntimeException(context.CurrentNode?.Span ?? default, $"card_html needs the partial '{CardPartial}', which the theme does not have");
        }
        var level = Math.Clamp(heading, 1, 6);
        var rendered = _cards.GetValue(card, static _ => new string?[7]);
        if (Volatile.Read(ref rendered[level]) is { } html)
        {
            return new TrustedHtml(html);
        }
        var scope = new ScriptObject { ["card"] = card, ["card_heading"] = level };
        context.PushGlobal(scope);
        try
        {
            html = context.RenderTemplate(partial.Template, [], context.CurrentNode);
        }
        finally
        {
            context.PopGlobal();
        }
        Volatile.Write(ref rendered[level], html);
        return new TrustedHtml(html);
    }

    /// <summary>A hash of every template's name and text: pages laid out with an equal stamp are equal.</summary>
    public string Stamp { get; }

    public IEnumerable<string> LayoutNames => _layouts.Keys.Where(k => k != BaseLayout).Order(StringComparer.Ordinal);

    public bool HasLayout(string name) => _layouts.ContainsKey(name);

    /// <summary>The front matter keys a template reads as <c>page.meta.&lt;key&gt;</c>: a key no template reads and no module knows is a mistake or a leftover.</summary>
    public FrozenSet<string> MetaKeys { get; }

    /// <summary>Loads the theme, reporting missing folders and template syntax errors with their positions.</summary>
    public static Theme Load(string themeDirectory, string inputDirectory, Func<string, string> relative, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(themeDirectory))
        {
            diagnostics.Report(Diagnostic.Error("SI0401", $"the theme folder '{relative(themeDirectory)}' does not exist; pass --theme DIR", relative(themeDirectory)));
        }
        var texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var layouts = LoadFolder("layouts", themeDirectory, inputDirectory, relative, diagnostics, texts);
        var partials = LoadFolder("partials", themeDirectory, inputDirectory, relative, diagnostics, texts);
        var metaKeys = texts.Values
            .SelectMany(text => MetaKey().Matches(text))
            .Select(match => match.Groups["dot"].Success ? match.Groups["dot"].Value : match.Groups["index"].Value)
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        return new Theme(layouts, partials, ContentHash.Of(texts)!, metaKeys);
    }

    private static FrozenDictionary<string, (Template, string)> LoadFolder(string folder, string themeDirectory, string inputDirectory, Func<string, string> relative, DiagnosticBag diagnostics, IDictionary<string, string> texts)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var sandbox = new FileSandbox([themeDirectory, inputDirectory]);
        foreach (var root in new[] { Path.Combine(themeDirectory, folder), Path.Combine(inputDirectory, folder) })
        {
            foreach (var file in sandbox.Files(root, "*.html"))
            {
                if (file.Refusal is { } refusal)
                {
                    diagnostics.Report(Diagnostic.Error("SI0005", $"'{relative(file.Path)}' is not read: {refusal}", relative(file.Path)));
                    continue;
                }
                var name = Path.GetRelativePath(root, file.Path)[..^".html".Length].Replace('\\', '/');
                files[name] = file.Path; // the site's copy, read second, wins
            }
        }
        var templates = new Dictionary<string, (Template, string)>(StringComparer.Ordinal);
        foreach (var (name, file) in files)
        {
            var path = relative(file);
            if (SourceText.Read(file, path, out var problem) is not { } text)
            {
                diagnostics.Report(problem!);
                continue;
            }
            texts[$"{folder}/{name}"] = path + "\n" + text;
            var template = Template.Parse(text, path);
            if (template.HasErrors)
            {
                foreach (var message in template.Messages)
                {
                    diagnostics.Report(Diagnostic.Error("SI0402", message.Message, path, message.Span.Start.Line + 1, message.Span.Start.Column + 1));
                }
                continue;
            }
            templates[name] = (template, path);
        }
        return templates.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// Renders a document with its layout inside <c>base</c>. Returns null after reporting a diagnostic when the
    /// template fails at run time (an error in the theme, reported at the template's line).
    /// </summary>
    public string? Render(string layout, ScriptObject globals, DiagnosticBag diagnostics, string documentPath)
    {
        if (!_layouts.TryGetValue(layout, out var entry))
        {
            diagnostics.Report(Diagnostic.Error("SI0104", $"unknown layout '{layout}'", documentPath));
            return null;
        }
        var context = new EscapingTemplateContext();
        context.PushGlobal(_functions);
        context.PushGlobal(globals);
        // Each thread writes its pages into one builder it keeps: a new one per page grew chunk by chunk to the
        // page's size, twice (layout, then base), 140 KB of the 232 KB a post page allocated. It is taken off the
        // thread while a page renders, so a render inside a render could never write into another page.
        var builder = t_page ?? new StringBuilder(64 * 1024);
        t_page = null;
        builder.Clear();
        context.PushOutput(new StringBuilderOutput(builder));
        try
        {
            var html = entry.Template.Render(context);
            if (layout != BaseLayout && _layouts.TryGetValue(BaseLayout, out var @base))
            {
                globals.SetValue("content", new TrustedHtml(html), false);
                html = @base.Template.Render(context);
            }
            return html;
        }
        catch (ScriptRuntimeException e)
        {
            var span = e.Span;
            diagnostics.Report(Diagnostic.Error("SI0403", $"{e.OriginalMessage} (while rendering {documentPath})",
                string.IsNullOrEmpty(span.FileName) ? entry.Path : span.FileName, span.Start.Line + 1, span.Start.Column + 1));
            return null;
        }
        finally
        {
            // A builder that once held a huge page (an archive of every article) is not kept for the next one.
            if (builder.Capacity <= MaxKeptCapacity)
            {
                t_page = builder;
            }
        }
    }

    public ImmutableArray<string> PartialNames => [.. _partials.Keys.Order(StringComparer.Ordinal)];
}
