using System.Collections.Immutable;
using SalesInsights.Markdown;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>Writes every document with a destination, and the files features produced beside them, into the build's output folder.</summary>
public sealed class WriteOutput : IModule
{
    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var target = context.Get<OutputTarget>();
        if (target.Directory is null)
        {
            return inputs;
        }
        await Parallel.ForEachAsync(FilesOf(inputs), cancellationToken, (write, ct) =>
        {
            var (destination, content) = write;
            switch (content)
            {
                case TextContent text:
                    target.Write(destination, text.Text);
                    break;
                case FileContent file:
                    target.Copy(destination, file.Path);
                    break;
                case WrittenContent:
                    break; // written when it was laid out
            }
            return ValueTask.CompletedTask;
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
                    yield return (file.Destination, file.CopyFrom is { } copy ? new FileContent(copy) : new TextContent(file.Content));
                }
            }
        }
    }
}
