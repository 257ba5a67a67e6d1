using SalesInsights.Preview;

namespace SalesInsights.Tests.Support;

/// <summary>The headers netlify.toml puts on every page of the live site, for serving the built site as Netlify would.</summary>
public static class NetlifyHeaders
{
    /// <summary>
    /// The <c>/*</c> headers, adapted to plain-HTTP loopback as the preview adapts them (<see cref="SecurityHeaders"/>):
    /// without <c>upgrade-insecure-requests</c> and HSTS. Everything else, the CSP's sources included, is enforced exactly.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ForEveryPage()
    {
        var headers = SecurityHeaders.Load(Repository.Root);
        Assert.Null(headers.Problem);
        return headers.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
    }
}
