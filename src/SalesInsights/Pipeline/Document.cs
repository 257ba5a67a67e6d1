namespace SalesInsights.Pipeline;

/// <summary>One unit flowing through the pipelines: never changed in place, only copied with <c>with</c>.</summary>
/// <param name="Source">Path of the file it came from, relative to the site root (e.g. <c>input/posts/a.md</c>); null when generated.</param>
/// <param name="Destination">Path inside the output folder (e.g. <c>posts/a/index.html</c>); null when nothing is written.</param>
/// <param name="Content">The text or file it carries.</param>
/// <param name="Metadata">Everything known about it, keyed by the constants in the site's key class.</param>
public sealed record Document(string? Source, string? Destination, Content Content, Metadata Metadata)
{
    public static Document FromText(string? source, string? destination, string text, Metadata? metadata = null) =>
        new(source, destination, new TextContent(text), metadata ?? Metadata.Empty);

    /// <summary>The text content, or the empty string for file content.</summary>
    public string Text => Content is TextContent text ? text.Text : string.Empty;

    public T? Get<T>(string key) => Metadata.Get<T>(key);

    public Document With(string key, object? value) => this with { Metadata = Metadata.With(key, value) };

    public Document WithText(string text) => this with { Content = new TextContent(text) };

    public override string ToString() => Source ?? Destination ?? "(document)";
}
