using System.Collections.Immutable;
using System.Text;
using SalesInsights.Pipeline;
using SalesInsights.Yaml;

namespace SalesInsights.Import;

/// <summary>
/// Writes an <see cref="ImportPlan"/> into a site's input folder, and nowhere else: every path is checked to stay
/// inside it, links in it that lead out are refused, and an existing file (site.yml included) is overwritten only
/// when asked; otherwise nothing at all is written. Settings go into <c>site.yml</c> key by key, keeping its other
/// lines.
/// </summary>
public static class WriteImport
{
    /// <summary>What writing did: files written, or the files in the way (then nothing was written), and problems.</summary>
    public sealed record Outcome(int Written, ImmutableArray<string> InTheWay, ImmutableArray<string> Problems);

    public static async Task<Outcome> RunAsync(ImportPlan plan, string inputDirectory, bool overwrite, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(inputDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(root);
        var sandbox = new FileSandbox([root]);
        var settingsPath = Path.Combine(root, Site.SiteSettings.FileName);
        var targets = plan.Files.Select(f => (File: f, Path: Path.GetFullPath(Path.Combine(root, f.Target.Replace('/', Path.DirectorySeparatorChar))))).ToList();
        var problems = targets.Where(t => !t.Path.StartsWith(root, StringComparison.Ordinal)).Select(t => $"'{t.File.Target}' would be outside {inputDirectory}; not written").ToList();
        targets.RemoveAll(t => !t.Path.StartsWith(root, StringComparison.Ordinal));

        var inTheWay = targets.Where(t => File.Exists(t.Path) || Directory.Exists(t.Path)).Select(t => t.Path).ToList();
        if (!plan.Settings.IsEmpty && File.Exists(settingsPath))
        {
            inTheWay.Add(settingsPath);
        }
        if (inTheWay.Count > 0 && !overwrite)
        {
            return new Outcome(0, [.. inTheWay.Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))], [.. problems]);
        }

        var written = 0;
        foreach (var (file, path) in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var folder = Path.GetDirectoryName(path)!;
            Directory.CreateDirectory(folder);
            // A folder or file of the input that is a link out of it is not written through.
            if ((sandbox.Refusal(folder) ?? (File.Exists(path) ? sandbox.Refusal(path) : null)) is { } refusal)
            {
                problems.Add($"'{file.Target}' is not written: {refusal}");
                continue;
            }
            if (file.Text is { } text)
            {
                await File.WriteAllTextAsync(path, text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                File.Copy(file.Source, path, overwrite: true);
            }
            written++;
        }
        if (!plan.Settings.IsEmpty)
        {
            if (File.Exists(settingsPath) && sandbox.Refusal(settingsPath) is { } refusal)
            {
                problems.Add($"site.yml is not written: {refusal}");
            }
            else
            {
                var existing = File.Exists(settingsPath) ? await File.ReadAllTextAsync(settingsPath, cancellationToken).ConfigureAwait(false) : string.Empty;
                await File.WriteAllTextAsync(settingsPath, Merge(existing, plan.Settings), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
                written++;
            }
        }
        return new Outcome(written, [], [.. problems]);
    }

    /// <summary>
    /// <paramref name="yaml"/> with each setting's top-level key replaced (its line and the indented lines under it)
    /// or, when absent, added at the end; every other line is kept as it was.
    /// </summary>
    public static string Merge(string yaml, IEnumerable<ImportedSetting> settings)
    {
        var lines = yaml.Length == 0 ? new List<string>() : yaml.TrimEnd('\n').Split('\n').ToList();
        var root = YamlText.Parse(yaml, out var error) as YamlMap;
        // Top-level keys with their first line (0-based), from the bottom up so replacing keeps earlier lines in place.
        var keys = error is null && root is not null
            ? root.Entries.Select(e => (Name: (e.Key as YamlScalar)?.Value, Line: e.Key.Line - 1)).Where(k => k.Name is not null).OrderBy(k => k.Line).ToList()
            : [];
        var appended = new List<string>();
        foreach (var setting in settings)
        {
            var index = keys.FindIndex(k => k.Name == setting.Key);
            var line = $"{setting.Key}: {setting.Yaml}";
            if (index < 0)
            {
                appended.Add(line);
                continue;
            }
            var start = keys[index].Line;
            var end = index + 1 < keys.Count ? keys[index + 1].Line : lines.Count;
            // Comments and blank lines just above the next key stay with it.
            while (end - 1 > start && (lines[end - 1].TrimStart().StartsWith('#') || lines[end - 1].Trim().Length == 0))
            {
                end--;
            }
            lines[start] = line;
            for (var i = start + 1; i < end; i++)
            {
                lines[i] = "\0";
            }
        }
        lines.RemoveAll(l => l == "\0");
        return string.Join('\n', lines.Concat(appended)) + "\n";
    }
}
