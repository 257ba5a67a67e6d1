using System.Net.Sockets;
using System.Text;

namespace SalesInsights.Tests.Support;

/// <summary>Sends a request target exactly as written (HttpClient would normalise <c>..</c> and escapes away).</summary>
public static class RawHttp
{
    public static async Task<int> StatusOfAsync(Uri server, string target, string? host = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        var request = Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: {host ?? server.Authority}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync() ?? string.Empty;
        var parts = statusLine.Split(' ');
        return parts.Length > 1 && int.TryParse(parts[1], out var status) ? status : -1;
    }
}
