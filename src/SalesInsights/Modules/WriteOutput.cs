using System.Collections.Immutable;
using System.Text;
using SalesInsights.Markdown;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>Writes every document with a destination, and the files features produced beside them, into the build's output folder.</summary>
public sealed class WriteOutput : IModule
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var target = context.Get<OutputTarget>();
        if (target.Directory is null)
        {
            return inputs;
        }
        var writes = inputs
            .Where(d => d.Destination is not null)
            .Select(d => (d.Destination!, d.Content))
            .Concat(inputs.SelectMany(d => d.Get<GeneratedFile[]>(Keys.GeneratedFiles) ?? []).Select(f => (f.Destination, (Content)new TextContent(f.Content))))
            // Pages may share a generated file (a chart's CSV on every dashboard view): write it once, not concurrently.
            .DistinctBy(w => w.Item1, StringComparer.Ordinal);
        await Parallel.ForEachAsync(writes, cancellationToken, async (write, ct) =>
        {
            var (destination, content) = write;
            var path = Path.Combine(target.Directory, destination);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            switch (content)
            {
                case TextContent text:
                    await File.WriteAllTextAsync(path, text.Text, Utf8, ct).ConfigureAwait(false);
                    break;
                case FileContent file:
                    File.Copy(file.Path, path, overwrite: true);
                    break;
            }
            target.Count();
        }).ConfigureAwait(false);
        return inputs;
    }
}
