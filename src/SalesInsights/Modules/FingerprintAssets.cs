using System.Security.Cryptography;
using SalesInsights.Pipeline;

namespace SalesInsights.Modules;

/// <summary>
/// Puts a hash of the content into the names of stylesheets and scripts (<c>site.1a2b3c4d.css</c>), so they can
/// be cached for a year and a change still reaches every reader at once.
/// </summary>
public sealed class FingerprintAssets : ForEachDocument
{
    /// <summary>The asset's path as templates ask for it, e.g. <c>css/site.css</c>.</summary>
    public const string LogicalPath = "si:asset-path";

    private static readonly HashSet<string> Fingerprinted = new(StringComparer.OrdinalIgnoreCase) { ".css", ".js" };

    protected override Document? Execute(Document input, IExecutionContext context)
    {
        if (input.Get<string>(LogicalPath) is null || input.Content is not FileContent file || !Fingerprinted.Contains(Path.GetExtension(file.Path)))
        {
            return input;
        }
        var bytes = File.ReadAllBytes(file.Path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 5));
        var destination = input.Destination!;
        var extension = Path.GetExtension(destination);
        return input with { Destination = $"{destination[..^extension.Length]}.{hash}{extension}" };
    }
}
