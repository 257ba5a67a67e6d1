using System.Globalization;

namespace SalesInsights.Pipeline;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>
/// A problem with the site's content, reported with its position so an editor or CI annotation can jump to it.
/// Content problems are diagnostics, never exceptions: a build collects them all and judges them at the end.
/// </summary>
/// <param name="Path">Path relative to the site root, with forward slashes.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record Diagnostic(Severity Severity, string Code, string Message, string Path, int Line = 1, int Column = 1)
{
    public static Diagnostic Error(string code, string message, string path, int line = 1, int column = 1) =>
        new(Severity.Error, code, message, path, Math.Max(1, line), Math.Max(1, column));

    public static Diagnostic Warning(string code, string message, string path, int line = 1, int column = 1) =>
        new(Severity.Warning, code, message, path, Math.Max(1, line), Math.Max(1, column));

    /// <summary>The form compilers use: <c>path:line:column: error CODE: message</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Path}:{Line}:{Column}: {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}");
}
