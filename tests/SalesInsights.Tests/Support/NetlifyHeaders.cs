using Tomlyn;
using Tomlyn.Model;

namespace SalesInsights.Tests.Support;

/// <summary>The headers netlify.toml puts on every page of the live site, for serving the built site as Netlify would.</summary>
public static class NetlifyHeaders
{
    /// <summary>
    /// The <c>/*</c> headers, adapted to plain-HTTP loopback: <c>upgrade-insecure-requests</c> would send the page's
    /// own requests to https://127.0.0.1, and HSTS means nothing over HTTP. Everything else, the CSP's sources
    /// included, is enforced exactly.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ForEveryPage()
    {
        var config = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(Repository.Root, "netlify.toml")))!;
        var rule = ((TomlTableArray)config["headers"]).Single(h => (string)h["for"] == "/*");
        return ((TomlTable)rule["values"])
            .Where(h => h.Key != "Strict-Transport-Security")
            .ToDictionary(
                h => h.Key,
                h => h.Key == "Content-Security-Policy"
                    ? string.Join("; ", ((string)h.Value).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(d => d != "upgrade-insecure-requests"))
                    : (string)h.Value,
                StringComparer.OrdinalIgnoreCase);
    }
}
