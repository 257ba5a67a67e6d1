using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SalesInsights.Cli;
using SalesInsights.Site;

namespace SalesInsights.Preview;

/// <summary>
/// The local preview: builds the site into memory, serves it with Kestrel, rebuilds on every change under the
/// input and theme folders, and tells open pages to reload. Serves only files of the built site (see
/// <see cref="RequestPaths"/>), with the theme's 404 page for anything else.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly PreviewOptions _options;
    private readonly ConsoleReporter _reporter;
    private readonly ReloadHub _hub = new();
    private readonly CancellationTokenSource _stopping = new();
    private SecurityHeaders _headers = SecurityHeaders.Load(".");
    private WebApplication? _app;
    private SiteWatcher? _watcher;
    private Task? _watchLoop;

    public PreviewServer(PreviewOptions options, ConsoleReporter reporter)
    {
        _options = options;
        _reporter = reporter;
    }

    /// <summary>The address pages are served from, e.g. <c>http://127.0.0.1:5080</c>; set by <see cref="StartAsync"/>.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The site being served; set by <see cref="StartAsync"/>.</summary>
    public PreviewSite Site { get; private set; } = null!;

    public ReloadHub Hub => _hub;

    /// <summary>True for loopback addresses and <c>localhost</c>: the only hosts the preview binds without a warning.</summary>
    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.Equals("localhost.", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>
    /// Whether a request's <c>Host</c> header names this preview: a loopback name, the address it was told to listen
    /// on, or a name allowed with <c>--allow-host</c>. Anything else is refused (403), as Vite and
    /// webpack-dev-server do: a page on another site whose name an attacker points at 127.0.0.1 (DNS rebinding)
    /// would otherwise read the preview, drafts included, as its own origin.
    /// </summary>
    public bool AcceptsHost(string? hostHeader)
    {
        if (string.IsNullOrEmpty(hostHeader))
        {
            return false;
        }
        var host = new HostString(hostHeader).Host.Trim('[', ']');
        return IsLoopback(host)
            || host.Equals(_options.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
            || _options.AllowedHosts.Any(h => h.Equals(host, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Binds the port, then builds the site once and starts watching. Throws <see cref="PreviewUnavailableException"/>
    /// when the address cannot be used (port taken, host not an address of this machine).
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "SalesInsights.Preview" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (_options.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                kestrel.ListenLocalhost(_options.Port);
            }
            else if (IPAddress.TryParse(_options.Host, out var ip))
            {
                kestrel.Listen(ip, _options.Port);
            }
            else
            {
                throw new PreviewUnavailableException($"'{_options.Host}' is not an IP address; pass --host 127.0.0.1, localhost or an address of this machine");
            }
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.Run(HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or AddressInUseException or System.Net.Sockets.SocketException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            var next = (_options.Port == 0 ? PreviewOptions.DefaultPort : _options.Port + 1).ToString(CultureInfo.InvariantCulture);
            throw new PreviewUnavailableException(e is AddressInUseException || e.InnerException is AddressInUseException
                ? $"port {_options.Port.ToString(CultureInfo.InvariantCulture)} on {_options.Host} is already in use (is another preview running?); try --port {next}"
                : $"cannot listen on {_options.Host}:{_options.Port.ToString(CultureInfo.InvariantCulture)}: {e.InnerException?.Message ?? e.Message}", e);
        }
        _app = app;

        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(bound).Port;
        var host = IPAddress.TryParse(_options.Host, out var address) && address.Equals(IPAddress.Any) ? "127.0.0.1"
            : address is not null && address.Equals(IPAddress.IPv6Any) ? "[::1]"
            : address?.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]"
            : _options.Host;
        Address = new Uri($"http://{host}:{port.ToString(CultureInfo.InvariantCulture)}/");

        var input = Path.GetFullPath(_options.InputDirectory);
        var build = new BuildOptions
        {
            InputDirectory = input,
            ThemeDirectory = Path.GetFullPath(_options.ThemeDirectory),
            IncludeDrafts = true,
            InMemory = true,
            BaseUrl = Address.GetLeftPart(UriPartial.Authority),
            // One "now" for the whole session: pages that print the build time would otherwise all change on every rebuild.
            Now = DateTimeOffset.UtcNow,
            Profile = _options.Profile,
        };
        build = build with { OutputDirectory = Path.Combine(build.SiteRoot, ".cache", "preview") };
        _headers = SecurityHeaders.Load(build.SiteRoot);
        if (_headers.Problem is { } problem)
        {
            _reporter.Error("warning: " + problem);
        }
        Site = new PreviewSite(build, _hub, _reporter);
        _watcher = new SiteWatcher([build.InputDirectory, build.ThemeDirectory], _options.Debounce);
        // Pages are served from the quick first build; the complete one follows at once when it left charts out.
        var incomplete = await Site.StartAsync(cancellationToken).ConfigureAwait(false);
        _watchLoop = Task.Run(() => WatchAsync(incomplete, _stopping.Token), CancellationToken.None);
    }

    private async Task WatchAsync(bool incomplete, CancellationToken cancellationToken)
    {
        try
        {
            if (incomplete)
            {
                await Site.RebuildAsync(null, cancellationToken).ConfigureAwait(false);
            }
            await Site.WarmUpAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var changes = await _watcher!.NextBatchAsync(cancellationToken).ConfigureAwait(false);
                await Site.RebuildAsync(changes, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (System.Threading.Channels.ChannelClosedException)
            {
                return;
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        foreach (var (name, value) in _headers.Headers)
        {
            response.Headers[name] = value;
        }
        if (!AcceptsHost(request.Headers.Host))
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync($"This preview answers only to localhost and 127.0.0.1, not to '{request.Headers.Host}'. Start it with --allow-host NAME to allow another name.", context.RequestAborted).ConfigureAwait(false);
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var path = RequestPaths.Resolve(rawTarget);
        if (path is not null && "/" + path == LiveReload.EventsPath)
        {
            await _hub.StreamAsync(context, Site.Greeting()).ConfigureAwait(false);
            return;
        }
        if (path is not null && ("/" + path == LiveReload.ScriptPath || "/" + path == ErrorOverlay.StylePath))
        {
            var (type, text) = "/" + path == LiveReload.ScriptPath ? ("text/javascript; charset=utf-8", LiveReload.Body) : ("text/css; charset=utf-8", ErrorOverlay.Style);
            response.ContentType = type;
            response.Headers.CacheControl = "no-cache";
            await response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await Site.FirstBuild.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        var snapshot = Site.Snapshot;
        var errors = Site.Errors;
        if (snapshot.Generation == 0)
        {
            // No build has succeeded yet: there is no site to show, only what is wrong with it.
            await WriteHtmlAsync(context, StatusCodes.Status500InternalServerError, ErrorOverlay.Page(errors), "(errors)", snapshot.Generation).ConfigureAwait(false);
            return;
        }

        var file = path is null ? null : Find(snapshot, path);
        if (path is not null && file is null && !path.EndsWith('/') && path.Length > 0 && snapshot.Find(path + "/index.html") is not null)
        {
            // Clean URLs end with a slash, so relative links inside the page resolve against the right folder.
            response.StatusCode = StatusCodes.Status301MovedPermanently;
            var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
            response.Headers.Location = "/" + Uri.EscapeDataString(path).Replace("%2F", "/", StringComparison.Ordinal) + "/" + (query < 0 ? string.Empty : rawTarget[query..]);
            return;
        }
        if (file is null)
        {
            var notFound = snapshot.Find("404.html");
            if (notFound?.Text is { } text)
            {
                await WriteHtmlAsync(context, StatusCodes.Status404NotFound, WithOverlay(text, errors), notFound.Path, snapshot.Generation).ConfigureAwait(false);
            }
            else
            {
                response.StatusCode = StatusCodes.Status404NotFound;
            }
            return;
        }
        if (file.IsHtml && file.Text is { } html)
        {
            await WriteHtmlAsync(context, StatusCodes.Status200OK, WithOverlay(html, errors), file.Path, snapshot.Generation).ConfigureAwait(false);
            return;
        }
        await WriteFileAsync(context, file).ConfigureAwait(false);
    }

    /// <summary>The file for a site path: itself, or the folder's <c>index.html</c> for a path ending in a slash.</summary>
    private static SnapshotFile? Find(SiteSnapshot snapshot, string path) =>
        path.Length == 0 || path.EndsWith('/') ? snapshot.Find(path + "index.html") : snapshot.Find(path);

    private static string WithOverlay(string html, System.Collections.Immutable.ImmutableArray<Pipeline.Diagnostic> errors) =>
        errors.IsEmpty ? html : LiveReload.Inject(html, ErrorOverlay.Render(errors));

    private async Task WriteHtmlAsync(HttpContext context, int status, string html, string file, int generation)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        // Pages change with every save: the browser must always ask again.
        response.Headers.CacheControl = "no-cache, no-store, must-revalidate";
        var body = System.Text.Encoding.UTF8.GetBytes(LiveReload.Inject(html, LiveReload.Tag(Site.SessionId, generation, file)));
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task WriteFileAsync(HttpContext context, SnapshotFile file)
    {
        var request = context.Request;
        var response = context.Response;
        if (!ContentTypes.TryGetContentType(file.Path, out var contentType))
        {
            contentType = "application/octet-stream";
        }
        if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType is "application/javascript" or "application/json" or "image/svg+xml" or "application/xml")
        {
            contentType += "; charset=utf-8";
        }
        response.ContentType = contentType;
        response.Headers.ETag = file.ETag;
        // Fingerprinted names never change content; anything else is revalidated (cheap: ETags).
        response.Headers.CacheControl = IsFingerprinted(file.Path) ? "public, max-age=31536000, immutable" : "no-cache";
        if (request.Headers.IfNoneMatch == file.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        if (file.Bytes is { } bytes)
        {
            response.ContentLength = bytes.Length;
            if (!HttpMethods.IsHead(request.Method))
            {
                await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
            }
            return;
        }
        if (file.DiskPath is not { } disk || !File.Exists(disk))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        response.ContentLength = new FileInfo(disk).Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.SendFileAsync(disk, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary><c>site.1a2b3c4d5e.css</c>: the name carries a hash of the content.</summary>
    internal static bool IsFingerprinted(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var dot = name.LastIndexOf('.');
        return dot > 0 && name.Length - dot - 1 >= 8 && name[(dot + 1)..].All(char.IsAsciiHexDigitLower);
    }

    /// <summary>Stops watching, closes the event streams and the server.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _hub.Close();
        _watcher?.Dispose();
        if (_watchLoop is not null)
        {
            await _watchLoop.ConfigureAwait(false);
        }
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
        _stopping.Dispose();
        _hub.Dispose();
        Site?.Dispose();
    }
}

/// <summary>The preview cannot be served where it was asked to (port in use, unknown address).</summary>
public sealed class PreviewUnavailableException : Exception
{
    public PreviewUnavailableException()
    {
    }

    public PreviewUnavailableException(string message) : base(message)
    {
    }

    public PreviewUnavailableException(string message, Exception inner) : base(message, inner)
    {
    }
}
