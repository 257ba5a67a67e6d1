using System.Security.Cryptography;
using SalesInsights.Cli;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Hostile;

/// <summary>
/// A site that built cleanly once, then meets hostile or careless input: each build runs the real <c>build</c>
/// command, and what it printed, its exit code and the output folder before and after are there to assert on.
/// A secret file lives beside the site, outside it, for links to point at.
/// </summary>
public sealed class HostileSite : IDisposable
{
    /// <summary>Text of the file outside the site: it must never show up in the output.</summary>
    public const string Secret = "TOP-SECRET-7d1f0c";

    private readonly TestSite _site = new();
    private readonly TemporaryFolder _outside = new("si-outside-");

    public HostileSite()
    {
        File.WriteAllText(SecretFile, $"name,amount\n{Secret},1\n");
        _site.Post("neighbour", "A Neighbour", body: "We won {{ q.won.n | integer }} deals.\n\n```sql name=won\nSELECT count(*) AS n FROM deals WHERE status = 'won'\n```\n");
        _site.Write("input/data/deals.csv", "deal_id,region,amount,status\n1,EMEA,1200.5,won\n2,AMER,300,lost\n3,APAC,700,won\n");
    }

    public string Root => _site.Root;

    public string Output => _site.Output;

    /// <summary>A folder outside the site, holding <see cref="SecretFile"/>.</summary>
    public string Outside => _outside.Root;

    public string SecretFile => Path.Combine(Outside, "secret.csv");

    public HostileSite Write(string relativePath, string text)
    {
        _site.Write(relativePath, text);
        return this;
    }

    public HostileSite WriteBytes(string relativePath, byte[] bytes)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    public HostileSite Link(string relativePath, string target)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (Directory.Exists(target))
        {
            Directory.CreateSymbolicLink(path, target);
        }
        else
        {
            File.CreateSymbolicLink(path, target);
        }
        return this;
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Runs <c>build</c> as the command line does; returns its exit code and everything it printed.</summary>
    public async Task<(int Exit, string Printed)> BuildAsync(CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await BuildCommand.RunAsync(_site.Options(), new ConsoleReporter(output, errors, interactive: false), cancellationToken);
        return (exit, output + "\n" + errors);
    }

    /// <summary>Builds the site as it is (it must succeed) and returns a fingerprint of every output file.</summary>
    public async Task<IReadOnlyDictionary<string, string>> BuildCleanAsync()
    {
        var (exit, printed) = await BuildAsync();
        Assert.True(exit == ExitCodes.Success, printed);
        return OutputFiles();
    }

    /// <summary>Every file of the output folder, by relative path, with a hash of its bytes.</summary>
    public IReadOnlyDictionary<string, string> OutputFiles() => !Directory.Exists(Output)
        ? new Dictionary<string, string>()
        : Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Output, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    /// <summary>No file of the output carries the secret, the outside folder's path or this machine's site path.</summary>
    public void AssertNothingLeaked()
    {
        if (!Directory.Exists(Output))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Outside, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Root, text, StringComparison.Ordinal);
        }
    }

    /// <summary>The build printed an error at <paramref name="path"/>:<paramref name="line"/> with <paramref name="code"/>, and no staging folder was left behind.</summary>
    public void AssertErrorAt(string printed, string path, int line, string code)
    {
        Assert.Contains(printed.Split('\n'), l => l.StartsWith($"{path}:{line}:", StringComparison.Ordinal) && l.Contains($"error {code}:", StringComparison.Ordinal));
        Assert.Empty(Directory.GetDirectories(Root, ".output.*"));
    }

    public void Dispose()
    {
        _site.Dispose();
        _outside.Dispose();
    }
}
