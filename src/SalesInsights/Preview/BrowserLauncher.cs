using System.ComponentModel;
using System.Diagnostics;

namespace SalesInsights.Preview;

/// <summary>Opens a URL in the desktop's browser when there is one; never fails the preview when there is not.</summary>
public static class BrowserLauncher
{
    public static bool TryOpen(Uri url)
    {
        var (program, arguments) = OperatingSystem.IsWindows() ? ("cmd", $"/c start \"\" \"{url}\"")
            : OperatingSystem.IsMacOS() ? ("open", url.ToString())
            : ("xdg-open", url.ToString());
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
            });
            return process is not null;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            return false;
        }
    }
}
