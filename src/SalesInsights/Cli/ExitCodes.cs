namespace SalesInsights.Cli;

/// <summary>What the process tells its caller.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The content has errors (diagnostics were printed).</summary>
    public const int ContentErrors = 1;

    /// <summary>The command line itself was wrong, or asks for what the machine cannot give (preview: port in use).</summary>
    public const int Usage = 2;
}
