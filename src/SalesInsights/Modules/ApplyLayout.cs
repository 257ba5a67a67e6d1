using System.Collections.Immutable;
using SalesInsights.Html;
using SalesInsights.Pipeline;
using SalesInsights.Site;
using SalesInsights.Templates;

namespace SalesInsights.Modules;

/// <summary>
/// Renders each page's layout inside the theme's base layout. Runs in post-process, when every pipeline's
/// documents exist, because a page shows the site navigation and the fingerprinted asset names.
/// </summary>
public sealed class ApplyLayout(string assetsPipeline, string pagesPipeline) : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var model = CreateModel(context, assetsPipeline, pagesPipeline);
        var session = model.Fingerprint is null ? null : context.Session;
        // A page is a function of its document, the shared model and the theme (a stamped service read through
        // the context), so a session re-renders only the pages whose inputs changed.
        ImmutableArray<object?> modelInputs = [model.Fingerprint];
        var target = context.TryGet<OutputTarget>();
        var results = new Document?[inputs.Length];
        var timings = context.TryGet<DocumentTimings>();
        Parallel.For(0, inputs.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var document = inputs[i];
            Document? Run() => session is null
                ? Render(document, model, context, target)
                : session.GetOrExecute(this, context, document, modelInputs, c => Render(document, model, c, null));
            results[i] = timings is null ? Run() : timings.Measure(nameof(ApplyLayout), document, Run);
        });
        return Task.FromResult<ImmutableArray<Document>>([.. results.OfType<Document>()]);
    }

    /// <param name="target">Where a one-off build writes pages as they are laid out; read outside the cached computation (it is new every build).</param>
    private static Document? Render(Document document, TemplateModel model, IExecutionContext context, OutputTarget? target)
    {
        var layout = document.Get<string>(Keys.Layout) ?? Kinds.Page;
        var html = context.Get<Theme>().Render(layout, model.Globals(document), context.Diagnostics, document.Source ?? document.Destination ?? layout);
        if (html is null)
        {
            return null;
        }
        if (target is { WritesPagesEarly: true } && document.Destination is { } destination)
        {
            // A one-off build writes the page now and keeps only what the link check needs: at 10,000 articles the
            // laid-out pages were two thirds of the build's memory while they waited for the output phase.
            target.Enqueue(destination, html);
            return document with { Content = new WrittenContent(), Metadata = document.Metadata.With(Keys.PageLinks, HtmlLinks.Read(html)) };
        }
        return document.WithText(html);
    }

    /// <summary>The template model shared by every page of a build.</summary>
    public static TemplateModel CreateModel(IExecutionContext context, string assetsPipeline, string pagesPipeline)
    {
        var assets = context.OutputsOf(assetsPipeline)
            .Where(a => a.Get<string>(FingerprintAssets.LogicalPath) is not null)
            .ToDictionary(a => a.Get<string>(FingerprintAssets.LogicalPath)!, a => "/" + a.Destination, StringComparer.Ordinal);
        var nav = context.OutputsOf(pagesPipeline)
            .Where(p => p.Get<ImmutableDictionary<string, object?>>(Keys.Extra)?.GetValueOrDefault("nav") is long)
            .OrderBy(p => (long)p.Get<ImmutableDictionary<string, object?>>(Keys.Extra)!["nav"]!)
            .Select(p => (Title: p.Get<string>(Keys.Title)!, Url: p.Get<string>(Keys.Url)!))
            .Prepend(("Archive", "/archive/"))
            .Prepend(("Articles", "/"))
            .Append(("Tags", "/tags/"))
            .ToImmutableArray();
        return new TemplateModel(context.Get<SiteSettings>(), assets, nav, context.Get<BuildOptions>().Now);
    }
}
