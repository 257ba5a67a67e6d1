using System.Collections.Immutable;
using SalesInsights.Pipeline;

namespace SalesInsights.Import;

/// <summary>
/// What importing a Hugo or Jekyll site would do, decided before anything is written: the files to write into the
/// input folder, the settings for <c>site.yml</c>, and what could not be carried over, each a warning at its file
/// and line in the old site.
/// </summary>
public sealed record ImportPlan(ImmutableArray<ImportedFile> Files, ImmutableArray<ImportedSetting> Settings, ImmutableArray<Diagnostic> Notes);

/// <summary>
/// One file to write: <see cref="Target"/> is relative to the input folder with '/' separators; the content is
/// <see cref="Text"/> when the import changed it, else the bytes of <see cref="Source"/> (a full path).
/// </summary>
public sealed record ImportedFile(string Source, string Target, string? Text = null);

/// <summary>A <c>site.yml</c> key and its value as YAML text (<c>"My Blog"</c>, <c>10</c>, <c>{ series: series }</c>).</summary>
public sealed record ImportedSetting(string Key, string Yaml);
