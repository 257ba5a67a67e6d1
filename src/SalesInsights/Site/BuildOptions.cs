using SalesInsights.Pipeline;

namespace SalesInsights.Site;

/// <summary>What one build reads and writes. Paths are absolute once <see cref="Resolve"/> has run.</summary>
public sealed record BuildOptions
{
    public string InputDirectory { get; init; } = "input";
    public string ThemeDirectory { get; init; } = "theme";
    public string OutputDirectory { get; init; } = "output";

    /// <summary>Include drafts and future-dated posts (always on in preview).</summary>
    public bool IncludeDrafts { get; init; }

    /// <summary>Overrides site.yml's base_url (e.g. a Netlify deploy preview's URL).</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The moment that separates published from future-dated posts.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Folder of caches that survive between builds (chart images); safe to delete.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Check links to other sites too (slow; off by default).</summary>
    public bool CheckExternalLinks { get; init; }

    /// <summary>How long one external link may take to answer before it counts as unconfirmed (10 s).</summary>
    public TimeSpan ExternalLinkTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Measure time per document as well as per module (<c>build --profile</c>).</summary>
    public bool Profile { get; init; }

    /// <summary>Hears what the build says about itself while it runs, such as waiting for another build's lock.</summary>
    public Action<string>? Notice { get; init; }

    /// <summary>Write nothing: validate only.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Render everything but write no files: the caller serves <see cref="BuildResult.Outputs"/> from memory (the
    /// preview). Unlike <see cref="DryRun"/>, nothing is skipped.
    /// </summary>
    public bool InMemory { get; init; }

    /// <summary>The folder diagnostics are relative to: the parent of the input folder.</summary>
    public string SiteRoot => Path.GetDirectoryName(Path.GetFullPath(InputDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".";

    public BuildOptions Resolve() => this with
    {
        InputDirectory = Path.GetFullPath(InputDirectory),
        ThemeDirectory = Path.GetFullPath(ThemeDirectory),
        OutputDirectory = Path.GetFullPath(OutputDirectory),
        CacheDirectory = Path.GetFullPath(CacheDirectory ?? Path.Combine(SiteRoot, ".cache")),
    };

    /// <summary>The folders this build may read files from: the input and the theme (links resolved).</summary>
    public FileSandbox Sandbox() => new([InputDirectory, ThemeDirectory]);

    /// <summary>A path relative to the site root with forward slashes, as diagnostics show it.</summary>
    public string Relative(string absolutePath) => Path.GetRelativePath(SiteRoot, absolutePath).Replace('\\', '/');
}
