using System.Collections.Immutable;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>
/// Publishes the files of page bundles: an article written as <c>input/posts/&lt;slug&gt;/index.md</c> is published at
/// <c>/posts/&lt;slug&gt;/</c>, and every other file of its folder (pictures, downloads, in subfolders too) beside
/// it, so <c>![A chart](picture.png)</c> in the article finds its picture. A draft's files are published with it or
/// not at all.
/// </summary>
public sealed class CopyBundleFiles(params string[] pipelines) : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var options = context.Get<BuildOptions>();
        var sandbox = context.Get<FileSandbox>();
        var files = ImmutableArray.CreateBuilder<Document>();
        foreach (var page in pipelines.SelectMany(p => context.OutputsOf(p)))
        {
            if (page.Source is not { } source || page.Destination is not { } destination || !destination.EndsWith(".html", StringComparison.Ordinal))
            {
                continue;
            }
            var folder = Path.GetDirectoryName(Path.Combine(options.SiteRoot, source))!;
            var target = destination[..(destination.LastIndexOf('/') + 1)];
            var beside = SourceFileName.IsBundleIndex(source) ? sandbox.Files(folder) : Siblings(page, folder, sandbox);
            foreach (var file in beside)
            {
                var relative = Path.GetRelativePath(folder, file.Path).Replace('\\', '/');
                if (SitePipelines.MarkdownPatterns.Any(pattern => relative.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)))
                {
                    continue; // the article itself, and Markdown notes beside it, are not published as files
                }
                if (file.Refusal is { } refusal)
                {
                    context.Diagnostics.Report(Diagnostic.Error("SI0005", $"'{options.Relative(file.Path)}' is not published: {refusal}", options.Relative(file.Path)));
                    continue;
                }
                files.Add(new Document(options.Relative(file.Path), target + relative, new FileContent(file.Path), Metadata.Empty.With(Keys.Kind, Kinds.Asset)));
            }
        }
        return Task.FromResult<ImmutableArray<Document>>([.. inputs, .. files.DistinctBy(f => f.Destination)]);
    }

    /// <summary>
    /// The files a single-file article links to by a relative address in its own folder (<c>posts/x.md</c> showing
    /// <c>![A chart](x-chart.png)</c>): published beside its page, where that address finds them. Other files of
    /// the folder may belong to other articles and are left alone.
    /// </summary>
    private static IEnumerable<SandboxedFile> Siblings(Document page, string folder, FileSandbox sandbox)
    {
        var links = page.Get<ImmutableArray<Markdown.MarkdownLink>>(Keys.Links);
        foreach (var url in (links.IsDefault ? [] : links).Select(l => l.Url).Distinct(StringComparer.Ordinal))
        {
            var end = url.IndexOfAny(['?', '#']);
            var path = Uri.UnescapeDataString(end < 0 ? url : url[..end]);
            if (!SourceFileName.IsSiblingPath(path))
            {
                continue;
            }
            var file = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(file))
            {
                yield return new SandboxedFile(file, sandbox.Refusal(file));
            }
        }
    }
}
