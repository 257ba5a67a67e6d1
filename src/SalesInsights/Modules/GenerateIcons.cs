using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SalesInsights.Imaging;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>
/// Draws the site's icons and writes its web manifest: <c>/favicon.ico</c> (which every browser asks for),
/// <c>/favicon.svg</c>, <c>/apple-touch-icon.png</c> and the manifest's home-screen icons. A file of the same path
/// in <c>input/static/</c> wins, so a site can bring its own. PNGs are kept in the cache folder under a hash of the
/// drawing, so a build draws them only when the icon changes.
/// </summary>
public sealed class GenerateIcons : IModule
{
    public const string Ico = "favicon.ico";
    public const string Svg = "favicon.svg";
    public const string AppleTouch = "apple-touch-icon.png";
    public const string Manifest = "site.webmanifest";

    /// <summary>Bump when the files' drawing or packing changes without the SVG changing.</summary>
    private const string Version = "icons-1";

    /// <summary>The PNG files: their path in the site, size, whether they fill the square, and their manifest purpose (null: not listed).</summary>
    private static readonly (string Path, int Size, bool FullBleed, string? Purpose)[] Pngs =
    [
        (AppleTouch, 180, true, null),
        ("icons/icon-192.png", 192, false, "any"),
        ("icons/icon-512.png", 512, false, "any"),
        ("icons/icon-maskable-512.png", 512, true, "maskable"),
    ];

    /// <summary>The sizes inside <c>favicon.ico</c>: tabs, taskbars, and high-density tabs.</summary>
    private static readonly int[] IcoSizes = [16, 32, 48];

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var options = context.Get<BuildOptions>();
        var settings = context.Get<SiteSettings>();
        var taken = inputs.Select(d => d.Destination).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var svg = SiteIcon.Svg();
        var folder = Path.Combine(options.CacheDirectory!, "icons", Hash(Version + "\n" + svg));
        var generated = new List<Document>();
        void Add(string destination, Content content)
        {
            if (!taken.Contains(destination))
            {
                generated.Add(new Document(null, destination, content, Metadata.Empty.With(Keys.Kind, Kinds.Asset)));
            }
        }

        Add(Ico, new FileContent(Cached(folder, Ico, () => IcoFile.Pack([.. IcoSizes.Select(s => (s, SiteIcon.Png(s)))]))));
        Add(Svg, new TextContent(svg));
        foreach (var png in Pngs)
        {
            Add(png.Path, new FileContent(Cached(folder, png.Path, () => SiteIcon.Png(png.Size, png.FullBleed))));
        }
        Add(Manifest, new TextContent(ManifestJson(settings)));
        return Task.FromResult<ImmutableArray<Document>>([.. inputs, .. generated]);
    }

    /// <summary>The web manifest: the site's name and colours, and its home-screen icons.</summary>
    public static string ManifestJson(SiteSettings settings)
    {
        var root = settings.BasePath + "/";
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("name", settings.Title);
            json.WriteString("short_name", settings.Title);
            json.WriteString("description", settings.Description);
            json.WriteString("start_url", root);
            json.WriteString("scope", root);
            json.WriteString("display", "minimal-ui");
            json.WriteString("background_color", "#fbfaf7");
            json.WriteString("theme_color", SiteIcon.Background);
            json.WriteStartArray("icons");
            foreach (var png in Pngs.Where(p => p.Purpose is not null))
            {
                json.WriteStartObject();
                json.WriteString("src", settings.BasePath + "/" + png.Path);
                json.WriteString("sizes", $"{png.Size}x{png.Size}");
                json.WriteString("type", "image/png");
                json.WriteString("purpose", png.Purpose);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));

    /// <summary>The cached file's path, drawn first when missing (through a temporary name, so a reader never sees half a file).</summary>
    private static string Cached(string folder, string name, Func<byte[]> draw)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temporary, draw());
            File.Move(temporary, path, overwrite: true);
        }
        return path;
    }
}
