namespace SalesInsights.Preview;

/// <summary>
/// The small script the preview adds to every HTML response (never to a file on disk): it listens to the event
/// stream and reloads the page when its file changed, swaps stylesheets in place, and shows or hides the error
/// overlay. It knows which build it came from, so a page served just before a rebuild still catches up.
/// </summary>
public static class LiveReload
{
    public const string EventsPath = "/__preview/events";

    /// <summary>Where the script itself is served: a file of the site's own origin, so the site's CSP (script-src 'self') admits it.</summary>
    public const string ScriptPath = "/__preview/live-reload.js";

    private const string Script = """
        (() => {
          const me = JSON.parse(document.currentScript.dataset.preview);
          const overlayId = "si-preview-overlay";
          const hideOverlay = () => document.getElementById(overlayId)?.remove();
          const showOverlay = (html) => {
            hideOverlay();
            const holder = document.createElement("div");
            holder.innerHTML = html;
            document.body.appendChild(holder.firstElementChild);
          };
          const source = new EventSource("__EVENTS__");
          source.addEventListener("hello", (e) => {
            const d = JSON.parse(e.data);
            if (d.session !== me.session || d.generation !== me.generation) location.reload();
          });
          source.addEventListener("reload", (e) => {
            const d = JSON.parse(e.data);
            me.generation = d.generation;
            if (d.all || d.files.includes(me.file)) location.reload(); else hideOverlay();
          });
          source.addEventListener("css", (e) => {
            const d = JSON.parse(e.data);
            me.generation = d.generation;
            for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
              const swap = d.swaps.find((s) => new URL(link.href).pathname === s.from);
              if (swap) link.href = swap.to;
            }
            hideOverlay();
          });
          source.addEventListener("errors", (e) => showOverlay(JSON.parse(e.data).html));
          source.addEventListener("ok", hideOverlay);
          // The overlay's hide button: a listener here, since the site's CSP refuses inline event handlers.
          document.addEventListener("click", (e) => { if (e.target.closest?.("[data-si-hide]")) hideOverlay(); });
        })();
        """;

    /// <summary>The script served at <see cref="ScriptPath"/>.</summary>
    public static string Body { get; } = Script.Replace("__EVENTS__", EventsPath, StringComparison.Ordinal);

    /// <summary>The script element for a page served from <paramref name="file"/> of build <paramref name="generation"/>.</summary>
    public static string Tag(string session, int generation, string file)
    {
        var state = PreviewMessages.Serialize(new PageState(session, generation, file));
        return $"<script src=\"{ScriptPath}\" data-preview=\"{System.Net.WebUtility.HtmlEncode(state)}\"></script>";
    }

    /// <summary>Puts <paramref name="snippet"/> just before <c>&lt;/body&gt;</c>, or at the end when there is none.</summary>
    public static string Inject(string html, string snippet)
    {
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + snippet : string.Concat(html.AsSpan(0, at), snippet, html.AsSpan(at));
    }
}
