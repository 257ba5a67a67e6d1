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
            if (page.Source is not { } source || !SourceFileName.IsBundleIndex(source) || page.Destination is not { } destination)
            {
                continue;
            }
            var folder = Path.GetDirectoryName(Path.Combine(options.SiteRoot, source))!;
            var target = destination[..(destination.LastIndexOf('/') + 1)];
            foreach (var file in sandbox.Files(folder))
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
        return Task.FromResult<ImmutableArray<Document>>([.. inputs, .. files]);
    }
}
