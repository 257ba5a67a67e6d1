using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SalesInsights.Tests.Support;

/// <summary>A stand-in for "another website" on a free loopback port: tests never reach the internet.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _hits;

    private LoopbackServer(WebApplication app, Uri address, ConcurrentDictionary<string, int> hits)
    {
        _app = app;
        Address = address;
        _hits = hits;
    }

    public Uri Address { get; }

    /// <summary>Requests received for a path, any method.</summary>
    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public static async Task<LoopbackServer> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var hits = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        app.Run(context =>
        {
            hits.AddOrUpdate(context.Request.Path.Value ?? "/", 1, (_, n) => n + 1);
            return handler(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"), hits);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
