using System.Diagnostics;
using System.Globalization;

namespace SalesInsights.Site;

/// <summary>
/// Serialises builds into one output folder: a lock file beside it (<c>.output.lock</c>) names the process that
/// holds it. A second build waits until it is gone; a lock whose process has died is stale and taken over. While
/// it holds the lock, a build may also clear what dead builds left beside the output (their staging folders).
/// The file is created atomically (it must not exist yet), so two builds never both believe they hold it.
/// </summary>
public sealed class OutputLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    private readonly string _path;

    private OutputLock(string path) => _path = path;

    /// <summary>The lock file of <paramref name="output"/>: hidden, beside it.</summary>
    public static string PathOf(string output)
    {
        var full = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.lock");
    }

    /// <summary>Takes the lock, waiting while a live process holds it; <paramref name="waiting"/> hears once whom it waits for.</summary>
    public static async Task<OutputLock> AcquireAsync(string output, Action<string>? waiting, CancellationToken cancellationToken)
    {
        var path = PathOf(output);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var me = Identity(Environment.ProcessId);
        var told = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                using (var writer = new StreamWriter(file))
                {
                    await writer.WriteAsync(me).ConfigureAwait(false);
                }
                return new OutputLock(path);
            }
            catch (IOException) when (File.Exists(path))
            {
                var holder = ReadHolder(path);
                if (holder is null || !IsAlive(holder.Value.Pid, holder.Value.Started))
                {
                    // The process that held it is gone (killed, crashed): its lock is stale.
                    TryDelete(path);
                    continue;
                }
                if (!told)
                {
                    waiting?.Invoke($"waiting for another build (process {holder.Value.Pid.ToString(CultureInfo.InvariantCulture)}) that is writing into {output}");
                    told = true;
                }
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => TryDelete(_path);

    private static string Identity(int pid) =>
        string.Create(CultureInfo.InvariantCulture, $"{pid}\n{StartTicks(pid)}\n");

    private static long StartTicks(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.StartTime.ToUniversalTime().Ticks;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return 0;
        }
    }

    private static (int Pid, long Started)? ReadHolder(string path)
    {
        try
        {
            var lines = File.ReadAllLines(path);
            return lines.Length >= 2 && int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid) && long.TryParse(lines[1], CultureInfo.InvariantCulture, out var started)
                ? (pid, started)
                : null;
        }
        catch (IOException)
        {
            return (0, 0); // being written right now: treat as held, and look again
        }
    }

    /// <summary>A process with that id runs and started when the lock says (an id the system gave to a new process is not the holder).</summary>
    private static bool IsAlive(int pid, long started)
    {
        if (pid == 0)
        {
            return true;
        }
        var now = StartTicks(pid);
        return now != 0 && (started == 0 || now == started);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
