using System.Globalization;
using System.Collections.Immutable;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>Reads the text files matching any of some patterns under a folder of the input into documents of one kind.</summary>
public sealed class ReadFiles(string folder, string kind, params string[] patterns) : IModule
{
    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var options = context.Get<BuildOptions>();
        var directory = Path.Combine(options.InputDirectory, folder);
        if (!Directory.Exists(directory))
        {
            return inputs;
        }
        var files = new List<string>();
        var sandbox = context.Get<FileSandbox>();
        foreach (var file in patterns.SelectMany(pattern => sandbox.Files(directory, pattern)).DistinctBy(f => f.Path).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (file.Refusal is { } refusal)
            {
                context.Diagnostics.Report(Diagnostic.Error("SI0005", $"'{options.Relative(file.Path)}' is not read: {refusal}", options.Relative(file.Path)));
                continue;
            }
            files.Add(file.Path);
        }
        // A page bundle's folder holds one article, its index; other Markdown beside it is the writer's, not a page.
        static bool IsIndex(string file) => Path.GetFileNameWithoutExtension(file).Equals("index", StringComparison.OrdinalIgnoreCase);
        var root = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var bundles = files.Where(f => IsIndex(f) && Path.GetDirectoryName(f) != root).Select(f => Path.GetDirectoryName(f)! + Path.DirectorySeparatorChar).ToList();
        files.RemoveAll(f => !IsIndex(f) && bundles.Any(b => f.StartsWith(b, StringComparison.Ordinal)));
        var documents = new Document?[files.Count];
        await Parallel.ForAsync(0, files.Count, cancellationToken, async (i, ct) =>
        {
            var relative = options.Relative(files[i]);
            try
            {
                if (context.Session is { } session)
                {
                    // A preview rebuild: an unchanged file gives back last build's document, so its cached results hit
                    // at once; a file the watcher saw unchanged is not even looked at.
                    var outcome = session.OfFile(files[i], $"{nameof(ReadFiles)}:{kind}", () =>
                    {
                        var info = new FileInfo(files[i]);
                        var stamp = string.Create(CultureInfo.InvariantCulture, $"{kind}:{info.Length}:{info.LastWriteTimeUtc.Ticks}");
                        var source = session.Reuse($"{nameof(ReadFiles)}:{files[i]}:text", stamp, () => new SourceRead(SourceText.Read(files[i], relative, out var problem), problem));
                        return source.Text is not { } text ? source
                            : session.Reuse($"{nameof(ReadFiles)}:{files[i]}", stamp + ":" + relative, () => source with { Document = Document.FromText(relative, null, text, Metadata.Empty.With(Keys.Kind, kind)) });
                    });
                    // A file that is not text stays an error on every rebuild until it is fixed, even when unchanged.
                    if (outcome.Problem is { } refused)
                    {
                        context.Diagnostics.Report(refused);
                    }
                    documents[i] = outcome.Document;
                    return;
                }
                var (read, problem) = await SourceText.ReadAsync(files[i], relative, ct).ConfigureAwait(false);
                if (problem is not null)
                {
                    context.Diagnostics.Report(problem);
                    return;
                }
                documents[i] = Document.FromText(relative, null, read!, Metadata.Empty.With(Keys.Kind, kind));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Diagnostics.Report(Diagnostic.Error("SI0002", $"cannot read the file: {e.Message}", relative));
            }
        }).ConfigureAwait(false);
        return [.. inputs, .. documents.OfType<Document>()];
    }

    /// <summary>What reading one file gave a preview session: its text and document, or why it was refused.</summary>
    private sealed record SourceRead(string? Text, Diagnostic? Problem)
    {
        public Document? Document { get; init; }
    }
}
