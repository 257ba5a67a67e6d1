using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace SalesInsights.Tests.Support;

/// <summary>
/// The W3C Nu HTML Checker (<c>vnu.jar</c> from npm), run once over a whole folder in one JVM: starting Java per
/// page would cost more than checking the site.
/// </summary>
public static class NuHtmlChecker
{
    /// <summary>Every HTML error in the folder's pages, as <c>page:line:column: message</c> relative to the folder.</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(string folder, CancellationToken cancellationToken = default)
    {
        Prerequisites.RequireNuChecker();
        var start = new ProcessStartInfo(Prerequisites.Java!)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // A small, quick JVM: the checker is a short batch job on a shared 2-core machine.
        foreach (var argument in new[] { "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss4m", "-jar", Prerequisites.VnuJar, "--errors-only", "--skip-non-html", "--format", "json", folder })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var report = await process.StandardError.ReadToEndAsync(cancellationToken);
        await output;
        await process.WaitForExitAsync(cancellationToken);
        if (!report.TrimStart().StartsWith('{'))
        {
            throw new InvalidOperationException($"vnu.jar did not report JSON (exit {process.ExitCode}):\n{report}\n{await output}");
        }
        using var json = JsonDocument.Parse(report);
        var root = Path.GetFullPath(folder);
        return json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
            .Select(m =>
            {
                var url = m.TryGetProperty("url", out var u) ? u.GetString() ?? string.Empty : string.Empty;
                var file = url.StartsWith("file:", StringComparison.Ordinal) ? Path.GetRelativePath(root, Uri.UnescapeDataString(url["file:".Length..])).Replace('\\', '/') : url;
                var line = m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0;
                var column = m.TryGetProperty("firstColumn", out var c) ? c.GetInt32() : m.TryGetProperty("lastColumn", out var lc) ? lc.GetInt32() : 0;
                var extract = m.TryGetProperty("extract", out var e) ? $" — near “{e.GetString()?.ReplaceLineEndings(" ").Trim()}”" : string.Empty;
                return string.Create(CultureInfo.InvariantCulture, $"{file}:{line}:{column}: {m.GetProperty("message").GetString()}{extract}");
            })
            .ToList();
    }
}
