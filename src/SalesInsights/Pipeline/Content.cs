namespace SalesInsights.Pipeline;

/// <summary>What a document carries: text held in memory, or a file copied as is when written.</summary>
public abstract record Content;

public sealed record TextContent(string Text) : Content;

/// <summary>A file on disk, copied byte for byte at write time so binary assets never pass through memory.</summary>
public sealed record FileContent(string Path) : Content;

/// <summary>
/// Text already written to the build's output (a page written as soon as it was laid out, so a large build does
/// not hold every page in memory). What later steps need of it travels as metadata.
/// </summary>
public sealed record WrittenContent : Content;
