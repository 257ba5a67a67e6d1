using System.Collections.Immutable;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>
/// Collects the theme's assets and the site's own (<c>input/assets</c>, which overrides a theme file of the same
/// path) plus <c>input/static</c>, copied to the output root as is (favicon, images).
/// </summary>
public sealed class ReadAssets : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var options = context.Get<BuildOptions>();
        var sandbox = context.Get<FileSandbox>();
        IEnumerable<(string Relative, string File)> Files(string root)
        {
            foreach (var file in sandbox.Files(root))
            {
                if (file.Refusal is { } refusal)
                {
                    context.Diagnostics.Report(Diagnostic.Error("SI0005", $"'{options.Relative(file.Path)}' is not published: {refusal}", options.Relative(file.Path)));
                    continue;
                }
                yield return (Path.GetRelativePath(root, file.Path).Replace('\\', '/'), file.Path);
            }
        }

        var assets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in new[] { Path.Combine(options.ThemeDirectory, "assets"), Path.Combine(options.InputDirectory, "assets") })
        {
            foreach (var (relative, file) in Files(root))
            {
                assets[relative] = file;
            }
        }
        var documents = assets
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => new Document(options.Relative(a.Value), "assets/" + a.Key, new FileContent(a.Value),
                Metadata.Empty.With(Keys.Kind, Kinds.Asset).With(FingerprintAssets.LogicalPath, a.Key)));
        var statics = Files(Path.Combine(options.InputDirectory, "static"))
            .Select(f => new Document(options.Relative(f.File), f.Relative, new FileContent(f.File), Metadata.Empty.With(Keys.Kind, Kinds.Asset)));
        return Task.FromResult<ImmutableArray<Document>>([.. inputs, .. documents, .. statics]);
    }
}
