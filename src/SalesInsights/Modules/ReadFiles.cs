using System.Globalization;
using System.Collections.Immutable;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>Reads the text files matching a pattern under a folder of the input into documents of one kind.</summary>
public sealed class ReadFiles(string folder, string pattern, string kind) : IModule
{
    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var options = context.Get<BuildOptions>();
        var directory = Path.Combine(options.InputDirectory, folder);
        if (!Directory.Exists(directory))
        {
            return inputs;
        }
        var files = Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var documents = new Document?[files.Length];
        await Parallel.ForAsync(0, files.Length, cancellationToken, async (i, ct) =>
        {
            var relative = options.Relative(files[i]);
            try
            {
                if (context.Session is { } session)
                {
                    // A preview rebuild: an unchanged file gives back last build's document, so its cached results hit
                    // at once; a file the watcher saw unchanged is not even looked at.
                    documents[i] = session.OfFile(files[i], $"{nameof(ReadFiles)}:{kind}", () =>
                    {
                        var info = new FileInfo(files[i]);
                        var stamp = string.Create(CultureInfo.InvariantCulture, $"{kind}:{info.Length}:{info.LastWriteTimeUtc.Ticks}");
                        var text = session.Reuse($"{nameof(ReadFiles)}:{files[i]}:text", stamp, () => File.ReadAllText(files[i]));
                        return session.Reuse($"{nameof(ReadFiles)}:{files[i]}", stamp + ":" + relative, () => Document.FromText(relative, null, text, Metadata.Empty.With(Keys.Kind, kind)));
                    });
                    return;
                }
                var read = await File.ReadAllTextAsync(files[i], ct).ConfigureAwait(false);
                documents[i] = Document.FromText(relative, null, read, Metadata.Empty.With(Keys.Kind, kind));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Diagnostics.Report(Diagnostic.Error("SI0002", $"cannot read the file: {e.Message}", relative));
            }
        }).ConfigureAwait(false);
        return [.. inputs, .. documents.OfType<Document>()];
    }
}
