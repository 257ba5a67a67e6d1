using Microsoft.Playwright;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Browser;

/// <summary>Browser tests share one Chromium and one server of the sample site, and run one at a time (2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// Debian's Chromium driven by Microsoft.Playwright (its Node driver ships in the build output's <c>.playwright/</c>
/// folder; Playwright's own browser download is not used). Started on first use, so that a machine without
/// Chromium skips the browser tests instead of failing the whole collection.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
        // Containers often give /dev/shm only 64 MB, too little for Chromium: use /tmp instead.
        "--disable-dev-shm-usage",
    ];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private StaticSiteServer? _server;

    public BuiltSite Site { get; private set; } = null!;

    /// <summary>The sample site's root on loopback, ending with a slash.</summary>
    public Uri Address => _server!.Address;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Chromium, or a skip (locally) / failure (CI) when it is missing.</summary>
    public async Task<IBrowser> BrowserAsync()
    {
        Prerequisites.RequireChromium();
        await _gate.WaitAsync();
        try
        {
            _playwright ??= await Playwright.CreateAsync();
            return _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Prerequisites.Chromium,
                Headless = true,
                Args = ChromiumArgs,
            });
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The sample site, built once and served on loopback with the live site's headers (its CSP above all).</summary>
    public async Task<BuiltSite> SiteAsync()
    {
        await _gate.WaitAsync();
        try
        {
            Site = await SampleSite.GetAsync();
            _server ??= await StaticSiteServer.StartAsync(Site.Output, headers: NetlifyHeaders.ForEveryPage());
            return Site;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => _gate.Dispose();
}
