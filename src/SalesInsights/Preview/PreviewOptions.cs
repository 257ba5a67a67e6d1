namespace SalesInsights.Preview;

/// <summary>How the preview is served. Defaults: loopback only, port 5080, open a browser.</summary>
public sealed record PreviewOptions
{
    public const int DefaultPort = 5080;
    public const string DefaultHost = "127.0.0.1";

    public string InputDirectory { get; init; } = "input";
    public string ThemeDirectory { get; init; } = "theme";

    /// <summary>Address to listen on: an IP address or <c>localhost</c>. Anything but loopback exposes drafts to the network.</summary>
    public string Host { get; init; } = DefaultHost;

    /// <summary>
    /// Host names the preview answers to besides loopback names and <see cref="Host"/> (<c>--allow-host</c>), e.g. a
    /// name of this machine on the local network; every other <c>Host</c> header is refused.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>TCP port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Try to open the site in a browser once it is served.</summary>
    public bool OpenBrowser { get; init; } = true;

    /// <summary>Print where each rebuild's time went (<c>preview --profile</c>), as <c>build --profile</c> does.</summary>
    public bool Profile { get; init; }

    /// <summary>How long the folders must be quiet before a rebuild starts: one save is often several file events.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(20);
}
