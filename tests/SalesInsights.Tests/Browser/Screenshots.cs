namespace SalesInsights.Tests.Browser;

/// <summary>
/// Where browser tests save screenshots: <c>screenshots/</c> in the test output folder, always; and the committed
/// <c>theme/screenshots/</c> the README shows, only when <c>SI_UPDATE_SCREENSHOTS=1</c> asks to refresh them.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static bool UpdateTheme => Environment.GetEnvironmentVariable("SI_UPDATE_SCREENSHOTS") == "1";

    /// <summary><c>post-phone.png</c>, <c>home-desktop.png</c>, <c>tag-phone-dark.png</c>: the names the theme's README uses.</summary>
    public static string PathFor(string pageType, int width, bool dark = false) =>
        Path.Combine(Folder, $"{pageType}-{(width < 600 ? "phone" : "desktop")}{(dark ? "-dark" : string.Empty)}.png");

    public static void Publish(string file)
    {
        if (UpdateTheme)
        {
            var folder = Directory.CreateDirectory(Path.Combine(Support.Repository.Theme, "screenshots")).FullName;
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }
    }
}
