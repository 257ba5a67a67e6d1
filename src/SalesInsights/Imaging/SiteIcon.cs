using System.Globalization;
using SkiaSharp;

namespace SalesInsights.Imaging;

/// <summary>
/// The site's icon, drawn from one description of its shapes: a tile in the theme's accent colour with three rising
/// bars. Written as SVG for browsers that take it and as PNG at any size for <c>favicon.ico</c> and home screens.
/// </summary>
public static class SiteIcon
{
    /// <summary>The theme's light accent (<c>--accent</c> in <c>theme/assets/css/site.css</c>): the tile is opaque, so it reads on any tab bar.</summary>
    public const string Background = "#0a58a8";

    public const string Foreground = "#ffffff";

    /// <summary>The shapes live on a 64-unit square; every output scales it.</summary>
    private const float Grid = 64;

    private const float CornerRadius = 14;

    /// <summary>
    /// The bars stay inside the middle 80% circle, so a launcher that masks the full-bleed icon to a circle
    /// (a "maskable" icon) cuts none of them: the farthest corner is 25.5 units from the centre, the circle 25.6.
    /// </summary>
    private static readonly (float X, float Y, float Width, float Height)[] Bars =
        [(14, 34, 9, 16), (27.5f, 24, 9, 26), (41, 14, 9, 36)];

    /// <summary>The icon as an SVG document (the tile rounded).</summary>
    public static string Svg()
    {
        static string N(float value) => value.ToString("0.##", CultureInfo.InvariantCulture);
        var bars = string.Concat(Bars.Select(b => $"<rect x=\"{N(b.X)}\" y=\"{N(b.Y)}\" width=\"{N(b.Width)}\" height=\"{N(b.Height)}\" rx=\"1.5\"/>"));
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(Grid)} {N(Grid)}\">"
            + $"<rect width=\"{N(Grid)}\" height=\"{N(Grid)}\" rx=\"{N(CornerRadius)}\" fill=\"{Background}\"/>"
            + $"<g fill=\"{Foreground}\">{bars}</g></svg>\n";
    }

    /// <param name="size">Width and height in pixels.</param>
    /// <param name="fullBleed">
    /// Fill the whole square (home-screen icons, which the system rounds or masks itself) instead of rounding the tile.
    /// </param>
    public static byte[] Png(int size, bool fullBleed = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        canvas.Scale(size / Grid);
        using var paint = new SKPaint { IsAntialias = true, Color = SKColor.Parse(Background), Style = SKPaintStyle.Fill };
        if (fullBleed)
        {
            canvas.DrawRect(0, 0, Grid, Grid, paint);
        }
        else
        {
            canvas.DrawRoundRect(0, 0, Grid, Grid, CornerRadius, CornerRadius, paint);
        }
        paint.Color = SKColor.Parse(Foreground);
        foreach (var bar in Bars)
        {
            canvas.DrawRoundRect(bar.X, bar.Y, bar.Width, bar.Height, 1.5f, 1.5f, paint);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
