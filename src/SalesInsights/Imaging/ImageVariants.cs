using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using SalesInsights.Pipeline;
using SkiaSharp;

namespace SalesInsights.Imaging;

/// <summary>
/// Raster pictures made ready for every screen: each is published in a few widths (<see cref="Widths"/>, never
/// wider than the original) in its own format and as WebP, so a phone downloads a small file and a browser that
/// reads WebP a smaller one. The sizes are made once per picture content and kept in a folder named by a hash of
/// the picture's bytes (safe to delete: the next build makes them again); a picture used on many pages, or
/// unchanged since the last build, is neither decoded nor encoded again.
/// </summary>
public sealed class ImageVariants(string cacheDirectory) : IStamped
{
    /// <summary>Bump when resizing or encoding changes, so old files are not served after an upgrade.</summary>
    public const string Version = "images-1";

    /// <summary>The widths published, in pixels: a phone, a tablet or laptop column, a high-density desktop column.</summary>
    public static readonly ImmutableArray<int> Widths = [480, 960, 1600];

    /// <summary>The largest picture decoded (50 megapixels, 200 MB of pixels): a larger one is published as it is.</summary>
    public const long MaxPixels = 50_000_000;

    private const int WebpQuality = 80;
    private const int JpegQuality = 82;

    private readonly ConcurrentDictionary<string, Lazy<ImageSet?>> _thisRun = new(StringComparer.Ordinal);
    private int _hits;
    private int _misses;
    private int _deferred;

    public string Directory { get; } = Path.Combine(Path.GetFullPath(cacheDirectory), "images");

    string IStamped.Stamp => Version + "|" + Directory;

    /// <summary>
    /// False for a build that must be quick rather than complete (the preview's first, see
    /// <see cref="BuildSession.Provisional"/>): a picture whose sizes are not ready is then shown as it is, and
    /// resized by the next build. Not part of the stamp: a page that shows such a picture says so itself
    /// (<see cref="IExecutionContext.MarkIncomplete"/>), so it is never reused.
    /// </summary>
    public bool MakesMisses { get; init; } = true;

    /// <summary>Pictures shown as they are because <see cref="MakesMisses"/> is false and their sizes were not ready.</summary>
    public int Deferred => Volatile.Read(ref _deferred);

    /// <summary>Pictures found ready on disk or made earlier in this build.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Pictures decoded and encoded by this build.</summary>
    public int Misses => Volatile.Read(ref _misses);

    /// <summary>True for the file names this class resizes: PNG, JPEG and WebP (SVG and GIF are published as they are).</summary>
    public static bool IsRaster(string path) => Path.GetExtension(path).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg" or ".webp";

    /// <summary>
    /// The published sizes of the picture at <paramref name="path"/>, or null with <paramref name="problem"/> when it
    /// cannot be read as a picture or is too large to decode; null without a problem when its sizes are left for
    /// the next build (<see cref="MakesMisses"/>).
    /// </summary>
    public ImageSet? Prepare(string path, out string? problem)
    {
        var bytes = File.ReadAllBytes(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        if (!MakesMisses && !_thisRun.ContainsKey(hash) && !File.Exists(Path.Combine(Directory, hash, "set.txt")))
        {
            Interlocked.Increment(ref _deferred);
            problem = null;
            return null;
        }
        string? failure = null;
        var created = false;
        var entry = _thisRun.GetOrAdd(hash, h => new Lazy<ImageSet?>(() =>
        {
            created = true;
            return Load(h) ?? Make(h, bytes, path, out failure);
        }));
        var set = entry.Value;
        if (!created || set is { FromCache: true })
        {
            Interlocked.Increment(ref _hits);
        }
        problem = set is null ? failure ?? "it is not a PNG, JPEG or WebP picture" : null;
        return set;
    }

    private ImageSet? Load(string hash)
    {
        var manifest = Path.Combine(Directory, hash, "set.txt");
        if (!File.Exists(manifest))
        {
            return null;
        }
        var lines = File.ReadAllLines(manifest);
        var size = lines[0].Split(' ');
        var variants = lines.Skip(1).Select(line => line.Split(' ')).Select(p => new ImageVariant(int.Parse(p[0], CultureInfo.InvariantCulture), p[1], Path.Combine(Directory, hash, p[2]))).ToImmutableArray();
        return variants.All(v => File.Exists(v.File))
            ? new ImageSet(hash, int.Parse(size[0], CultureInfo.InvariantCulture), int.Parse(size[1], CultureInfo.InvariantCulture), size[2], variants) { FromCache = true }
            : null;
    }

    private ImageSet? Make(string hash, byte[] bytes, string path, out string? problem)
    {
        problem = null;
        using var codec = SKCodec.Create(new SKMemoryStream(bytes));
        if (codec is null)
        {
            return null;
        }
        var info = codec.Info;
        if ((long)info.Width * info.Height > MaxPixels)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"it is {info.Width}×{info.Height} pixels, more than {MaxPixels / 1_000_000} megapixels; it is published as it is");
            return null;
        }
        Interlocked.Increment(ref _misses);
        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return null;
        }
        // A phone's photo is stored sideways with an EXIF note saying so; the published sizes are turned upright.
        using var upright = Upright(decoded, codec.EncodedOrigin);
        var original = upright ?? decoded;
        var format = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => "jpeg",
            SKEncodedImageFormat.Webp => "webp",
            _ => "png",
        };
        var folder = Path.Combine(Directory, hash);
        var staging = folder + "." + Guid.NewGuid().ToString("N")[..8];
        System.IO.Directory.CreateDirectory(staging);
        var variants = ImmutableArray.CreateBuilder<ImageVariant>();
        var stem = Path.GetFileNameWithoutExtension(path);
        // Every published width up to the original's, and the original's own width when it is narrower than the widest.
        var widths = Widths.Where(w => w < original.Width).Append(Math.Min(original.Width, Widths[^1])).Distinct().Order().ToList();
        foreach (var width in widths)
        {
            var height = Math.Max(1, (int)Math.Round(original.Height * (double)width / original.Width));
            using var resized = width == original.Width ? null : original.Resize(new SKImageInfo(width, height, original.ColorType, original.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell));
            var bitmap = resized ?? original;
            foreach (var (kind, encoding, quality) in new[] { ("webp", SKEncodedImageFormat.Webp, WebpQuality), (format, Encoding(format), JpegQuality) }.DistinctBy(f => f.Item1))
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"{stem}-{width}.{(kind == "jpeg" ? "jpg" : kind)}");
                using (var data = bitmap.Encode(encoding, quality))
                using (var file = File.Create(Path.Combine(staging, name)))
                {
                    data.SaveTo(file);
                }
                variants.Add(new ImageVariant(width, kind, Path.Combine(folder, name)));
            }
        }
        File.WriteAllLines(Path.Combine(staging, "set.txt"),
            [string.Create(CultureInfo.InvariantCulture, $"{original.Width} {original.Height} {format}"), .. variants.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Width} {v.Format} {Path.GetFileName(v.File)}"))]);
        try
        {
            System.IO.Directory.Move(staging, folder);
        }
        catch (IOException)
        {
            System.IO.Directory.Delete(staging, recursive: true); // another build made it first: its files are the same
        }
        return new ImageSet(hash, original.Width, original.Height, format, variants.ToImmutable());
    }

    /// <summary>The bitmap turned as its EXIF origin says, or null when it is upright already.</summary>
    private static SKBitmap? Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var degrees = origin switch
        {
            SKEncodedOrigin.BottomRight => 180,
            SKEncodedOrigin.RightTop => 90,
            SKEncodedOrigin.LeftBottom => 270,
            _ => 0,
        };
        if (degrees == 0)
        {
            return null;
        }
        var turned = degrees == 180 ? new SKBitmap(bitmap.Width, bitmap.Height) : new SKBitmap(bitmap.Height, bitmap.Width);
        using var canvas = new SKCanvas(turned);
        canvas.Translate(turned.Width / 2f, turned.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
        canvas.DrawBitmap(bitmap, 0, 0);
        return turned;
    }

    private static SKEncodedImageFormat Encoding(string format) => format switch
    {
        "jpeg" => SKEncodedImageFormat.Jpeg,
        "webp" => SKEncodedImageFormat.Webp,
        _ => SKEncodedImageFormat.Png,
    };
}

/// <summary>A picture's published sizes: its original dimensions and format, and each width in each format.</summary>
public sealed record ImageSet(string Hash, int Width, int Height, string Format, ImmutableArray<ImageVariant> Variants)
{
    /// <summary>Found ready on disk, not made by this build.</summary>
    public bool FromCache { get; init; }
}

/// <summary>One published file: its width in pixels, its format (webp, jpeg, png) and where it is kept.</summary>
public sealed record ImageVariant(int Width, string Format, string File);
