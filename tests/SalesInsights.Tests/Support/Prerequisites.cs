namespace SalesInsights.Tests.Support;

/// <summary>
/// The outside tools the quality checks run: Debian's Chromium, Java for the Nu HTML Checker, and the npm packages
/// of <c>tests/SalesInsights.Tests/package.json</c>. On a developer's machine a missing tool skips its tests with
/// the command that installs it; on CI (<c>CI=true</c>) a missing tool fails them, so a check can never silently
/// stop running.
/// </summary>
public static class Prerequisites
{
    public static bool OnCi { get; } = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder <c>npm ci</c> installs the test tools into.</summary>
    public static string NodeModules => Path.Combine(Repository.Root, "tests", "SalesInsights.Tests", "node_modules");

    public static string Chromium => Environment.GetEnvironmentVariable("SI_CHROMIUM") ?? "/usr/bin/chromium";

    public static string AxeScript => Path.Combine(NodeModules, "axe-core", "axe.min.js");

    public static string VnuJar => Path.Combine(NodeModules, "vnu-jar", "build", "dist", "vnu.jar");

    public static string? Java { get; } = FindOnPath("java");

    public static void RequireChromium() =>
        Require(File.Exists(Chromium), $"Chromium is not installed at {Chromium} (apt-get install -y chromium)");

    public static void RequireAxe() =>
        Require(File.Exists(AxeScript), $"axe-core is not installed at {AxeScript} (cd tests/SalesInsights.Tests && npm ci --ignore-scripts)");

    public static void RequireNuChecker()
    {
        Require(Java is not null, "java is not on the PATH (apt-get install -y default-jre-headless)");
        Require(File.Exists(VnuJar), $"the Nu HTML Checker is not installed at {VnuJar} (cd tests/SalesInsights.Tests && npm ci --ignore-scripts)");
    }

    private static void Require(bool present, string missing) => Require(present, missing, OnCi);

    /// <summary>Nothing when <paramref name="present"/>; else a failure on CI and a skip elsewhere.</summary>
    public static void Require(bool present, string missing, bool onCi)
    {
        if (present)
        {
            return;
        }
        if (onCi)
        {
            throw new InvalidOperationException($"CI must run this check, but {missing}. .ci/run installs it.");
        }
        throw new SkipTestException($"Skipped on this machine: {missing}. CI fails instead of skipping.");
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
