using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace SalesInsights.Preview;

/// <summary>
/// The Server-Sent Events endpoint browsers listen on: every open page gets each event the preview publishes
/// (reload, swap a stylesheet, show or hide the error overlay). A slow client loses old events, never blocks a build.
/// </summary>
public sealed class ReloadHub : IDisposable
{
    private readonly ConcurrentDictionary<Channel<PreviewEvent>, bool> _clients = new();
    private readonly CancellationTokenSource _closed = new();

    public int Clients => _clients.Count;

    public void Publish(PreviewEvent message)
    {
        foreach (var client in _clients.Keys)
        {
            client.Writer.TryWrite(message);
        }
    }

    /// <summary>Ends every open stream (the server is stopping).</summary>
    public void Close() => _closed.Cancel();

    public void Dispose() => _closed.Dispose();

    /// <summary>Streams events to one browser until it goes away or the hub closes.</summary>
    /// <param name="greeting">Events the client gets first: who the server is and the current state.</param>
    public async Task StreamAsync(HttpContext context, IEnumerable<PreviewEvent> greeting)
    {
        var channel = Channel.CreateBounded<PreviewEvent>(new BoundedChannelOptions(32) { FullMode = BoundedChannelFullMode.DropOldest });
        _clients[channel] = true;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _closed.Token);
        try
        {
            var response = context.Response;
            response.ContentType = "text/event-stream; charset=utf-8";
            response.Headers.CacheControl = "no-cache, no-store";
            response.Headers["X-Accel-Buffering"] = "no";
            await response.WriteAsync("retry: 500\n\n", stop.Token).ConfigureAwait(false);
            foreach (var message in greeting)
            {
                await WriteAsync(response, message, stop.Token).ConfigureAwait(false);
            }
            await response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            while (!stop.IsCancellationRequested)
            {
                // A comment every 15 s keeps proxies from closing the stream and lets us notice a gone client.
                using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                heartbeat.CancelAfter(TimeSpan.FromSeconds(15));
                try
                {
                    var message = await channel.Reader.ReadAsync(heartbeat.Token).ConfigureAwait(false);
                    await WriteAsync(response, message, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    await response.WriteAsync(": ping\n\n", stop.Token).ConfigureAwait(false);
                }
                await response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The browser left or the server is stopping: nothing to clean up beyond the subscription.
        }
        finally
        {
            _clients.TryRemove(channel, out _);
        }
    }

    private static Task WriteAsync(HttpResponse response, PreviewEvent message, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.Append("event: ").Append(message.Name).Append('\n');
        foreach (var line in message.Data.Split('\n'))
        {
            text.Append("data: ").Append(line).Append('\n');
        }
        text.Append('\n');
        return response.WriteAsync(text.ToString(), cancellationToken);
    }
}

/// <summary>One Server-Sent Event: a name the page script listens for and its JSON data.</summary>
public sealed record PreviewEvent(string Name, string Data);
