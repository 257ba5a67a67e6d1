using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Import;

/// <summary>
/// Collects an <see cref="ImportPlan"/> while a Hugo or Jekyll site is read: files to write, settings and notes.
/// Every file of the old site is found through a <see cref="FileSandbox"/> rooted at it, so a link that leads out
/// of the old site is named and never read.
/// </summary>
internal sealed class PlanBuilder(string root, string shownRoot)
{
    private readonly FileSandbox _sandbox = new([root]);
    private readonly List<ImportedFile> _files = [];
    private readonly Dictionary<string, string> _targets = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ImportedSetting> _settings = [];
    private readonly List<Diagnostic> _notes = [];

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>A file of the old site as the writer knows it: the folder they named, then the path inside.</summary>
    public string Shown(string path)
    {
        var relative = Path.GetRelativePath(Root, path).Replace('\\', '/');
        return relative == "." ? shownRoot : shownRoot.TrimEnd('/') + "/" + relative;
    }

    /// <summary>The path of <paramref name="path"/> inside the old site, with '/' separators.</summary>
    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    public void Note(string code, string path, int line, string message, int column = 1) =>
        _notes.Add(Diagnostic.Warning(code, message, Shown(path), Math.Max(1, line), Math.Max(1, column)));

    /// <summary>The files under <paramref name="folder"/> that may be read (names starting with a dot skipped); a link out of the site is noted.</summary>
    public IEnumerable<string> Files(string folder)
    {
        foreach (var file in _sandbox.Files(folder))
        {
            if (file.Refusal is { } refusal)
            {
                Note("SI0801", file.Path, 1, $"not imported: {refusal}");
                continue;
            }
            if (File.Exists(file.Path))
            {
                yield return file.Path;
            }
        }
    }

    /// <summary>The text of a Markdown file, or null (noted) when it is not UTF-8 text.</summary>
    public string? ReadText(string path)
    {
        var text = SourceText.Read(path, Shown(path), out var problem);
        if (problem is not null)
        {
            _notes.Add(problem with { Severity = Severity.Warning, Message = "not imported: " + problem.Message });
        }
        return text;
    }

    /// <summary>The front matter of a Markdown file's text; a block that cannot be read is noted (the file is still imported).</summary>
    public FrontMatter FrontMatterOf(string path, string text)
    {
        var frontMatter = FrontMatter.Parse(text, out var error);
        if (error is not null)
        {
            Note("SI0101", path, error.Line, error.Message + "; imported as it is: fix it before building", error.Column);
        }
        return frontMatter;
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> (relative to the input folder), with <paramref name="text"/> instead when the import changed it.</summary>
    public void Add(string source, string target, string? text = null)
    {
        if (_targets.TryGetValue(target, out var first))
        {
            Note("SI0803", source, 1, $"not imported: it would be written to input/{target}, where {Shown(first)} goes already; rename one of them");
            return;
        }
        _targets[target] = source;
        _files.Add(new ImportedFile(source, target, text));
    }

    public void Setting(string key, string? yaml)
    {
        if (yaml is not null)
        {
            _settings.RemoveAll(s => s.Key == key);
            _settings.Add(new ImportedSetting(key, yaml));
        }
    }

    /// <summary>A text value of <c>site.yml</c>, quoted so YAML reads it as written.</summary>
    public static string? Quoted(string? text) =>
        text is null ? null : "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>Notes a whole folder of the old site that is not carried over, once, with how many files it holds.</summary>
    public void FolderNotCarried(string folder, string why)
    {
        if (Directory.Exists(folder))
        {
            var count = _sandbox.Files(folder).Count(f => f.Refusal is null && File.Exists(f.Path));
            Note("SI0802", folder, 1, $"not imported ({count} file(s)): {why}");
        }
    }

    public static bool IsMarkdown(string path) => Path.GetExtension(path).ToLowerInvariant() is ".md" or ".markdown";

    public ImportPlan Build() => new([.. _files], [.. _settings], [.. _notes.OrderBy(n => n.Path, StringComparer.Ordinal).ThenBy(n => n.Line)]);
}
