using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace SalesInsights.Tests.Support;

/// <summary>
/// Serves a built site folder on a free loopback port the way a static host does: clean URLs answer with their
/// <c>index.html</c>, anything else missing gets <c>404.html</c> with status 404. <c>pathBase</c> serves
/// the site under a sub-path (e.g. <c>/blog</c>) to prove it works when not at the root of its host.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticSiteServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The site's root URL, ending with a slash.</summary>
    public Uri Address { get; }

    public static async Task<StaticSiteServer> StartAsync(string folder, string pathBase = "", IReadOnlyDictionary<string, string>? headers = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var files = new PhysicalFileProvider(Path.GetFullPath(folder));
        if (headers is not null)
        {
            app.Use((context, next) =>
            {
                foreach (var (name, value) in headers)
                {
                    context.Response.Headers[name] = value;
                }
                return next(context);
            });
        }
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = pathBase });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = pathBase });
        app.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            var notFound = files.GetFileInfo("404.html");
            if (notFound.Exists)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(notFound, context.RequestAborted);
            }
        });
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StaticSiteServer(app, new Uri(bound.TrimEnd('/') + pathBase + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
