using System.CommandLine;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Cli;

/// <summary><c>new post "Title"</c>: a draft article with its front matter filled in, never over an existing file.</summary>
public static class NewCommand
{
    public static Command Create()
    {
        var title = new Argument<string>("title") { Description = "The article's title; its file name and URL are made from it" };
        var tags = new Option<string?>("--tags") { Description = "Comma-separated tags, e.g. --tags quota,careers" };
        var input = new Option<string>("--input") { Description = "Folder of the site's content", DefaultValueFactory = _ => "input" };
        var post = new Command("post", "Create input/posts/<slug>.md as a draft") { title, tags, input };
        post.SetAction((result, cancellationToken) => RunAsync(
            new NewPostOptions(result.GetValue(title)!, SplitTags(result.GetValue(tags)), result.GetValue(input)!, DateOnly.FromDateTime(DateTime.Now)),
            Console.Out, Console.Error, cancellationToken));
        return new Command("new", "Create a new piece of content") { post };
    }

    public static IReadOnlyList<string> SplitTags(string? tags) =>
        [.. (tags ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    public static async Task<int> RunAsync(NewPostOptions options, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var slug = Slugs.From(options.Title);
        if (slug.Length == 0)
        {
            await errors.WriteLineAsync($"error: cannot make a file name from the title '{options.Title}'; use letters or digits").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        var inputDirectory = Path.GetFullPath(options.InputDirectory);
        if (!Directory.Exists(inputDirectory))
        {
            await errors.WriteLineAsync($"error: the input folder '{options.InputDirectory}' does not exist; pass --input DIR").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var settings = SiteSettings.Load(inputDirectory, SiteSettings.FileName, new DiagnosticBag());
        var path = Path.Combine(inputDirectory, "posts", slug + ".md");
        var shown = Path.GetRelativePath(Environment.CurrentDirectory, path).Replace('\\', '/');
        var text = PostScaffold.Create(options.Title.Trim(), options.Date, settings.Author, options.Tags);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // CreateNew: refusing to overwrite is decided by the file system, not by an earlier look that could race.
            await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            await writer.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (File.Exists(path))
        {
            await errors.WriteLineAsync($"error: {shown} already exists; nothing was written. Choose another title, or edit that file").ConfigureAwait(false);
            return ExitCodes.ContentErrors;
        }
        await output.WriteLineAsync($"Created {shown} (a draft: see it with 'preview' or 'build --drafts'; set 'draft: false' to publish it)").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}

/// <summary>What <c>new post</c> was asked for.</summary>
public sealed record NewPostOptions(string Title, IReadOnlyList<string> Tags, string InputDirectory, DateOnly Date);
