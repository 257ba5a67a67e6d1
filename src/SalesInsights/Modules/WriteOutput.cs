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
        await Parallel.ForEachAsync(FilesOf(inputs), cancellationToken, async (write, ct) =>
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

    /// <summary>
    /// Every file the documents make: their own destinations and the files features produced beside them. Pages may
    /// share a generated file (a chart's CSV on every dashboard view): it comes once, so it is not written concurrently.
    /// </summary>
    public static IEnumerable<(string Destination, Content Content)> FilesOf(IEnumerable<Document> documents)
    {
        var shared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (document.Destination is { } destination)
            {
                yield return (destination, document.Content);
            }
            foreach (var file in document.Get<GeneratedFile[]>(Keys.GeneratedFiles) ?? [])
            {
                if (shared.Add(file.Destination))
                {
                    yield return (file.Destination, new TextContent(file.Content));
                }
            }
        }
    }
}
