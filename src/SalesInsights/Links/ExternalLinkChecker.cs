using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace SalesInsights.Links;

/// <summary>What asking another site about one URL showed.</summary>
public enum ExternalLinkState
{
    /// <summary>It answered with a page (after redirects).</summary>
    Ok,

    /// <summary>It is gone: 404, 410, another client error, or no such host or server.</summary>
    Broken,

    /// <summary>It did not say: a timeout, rate limiting, a server error or a refusal to talk to robots. Worth a look, not a failed build.</summary>
    Unconfirmed,
}

public sealed record ExternalLinkResult(ExternalLinkState State, string Detail);

/// <summary>
/// Asks other sites whether a URL still answers: HEAD first (cheap), GET when a server refuses HEAD. Each URL has
/// its own time limit, so one slow host cannot stall the build for longer than that.
/// </summary>
public sealed class ExternalLinkChecker(HttpClient http, TimeSpan timeout)
{
    /// <summary>Status codes that say more about the server's mood than about the page: not proof it is gone.</summary>
    private static readonly HashSet<int> Inconclusive = [401, 403, 408, 425, 429, 999];

    /// <summary>A client that follows redirects and identifies itself; time limits come from <see cref="CheckAsync"/>.</summary>
    public static HttpClient CreateClient(string userAgent)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 10, AutomaticDecompression = DecompressionMethods.All })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("SalesInsights-LinkCheck", "1.0"));
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue($"(+{userAgent})"));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.8));
        return client;
    }

    public async Task<ExternalLinkResult> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var status = await StatusAsync(HttpMethod.Head, url, limit.Token).ConfigureAwait(false);
            if (status is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest)
            {
                status = await StatusAsync(HttpMethod.Get, url, limit.Token).ConfigureAwait(false);
            }
            var code = (int)status;
            return code < 400 ? new(ExternalLinkState.Ok, $"{code}")
                : Inconclusive.Contains(code) || code >= 500 ? new(ExternalLinkState.Unconfirmed, $"the server answered {code} {status}")
                : new(ExternalLinkState.Broken, $"the server answered {code} {status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(ExternalLinkState.Unconfirmed, string.Create(CultureInfo.InvariantCulture, $"no answer within {timeout.TotalSeconds:0.#} s"));
        }
        catch (HttpRequestException e)
        {
            return new(ExternalLinkState.Broken, $"cannot reach it: {e.Message}");
        }
    }

    private async Task<HttpStatusCode> StatusAsync(HttpMethod method, Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return response.StatusCode;
    }
}
