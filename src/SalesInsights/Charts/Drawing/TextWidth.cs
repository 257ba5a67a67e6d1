using SkiaSharp;

namespace SalesInsights.Charts.Drawing;

/// <summary>
/// How wide a label will be on the page, measured with DejaVu Sans, the widest common sans of the theme's font
/// stack: a gutter or wrap decided on it has room for the narrower faces readers' systems pick.
/// </summary>
public static class TextWidth
{
    private static readonly SKTypeface Face = SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;

    public static double Of(string text, double size = ChartCanvas.TextSize)
    {
        using var font = new SKFont(Face, (float)size);
        return font.MeasureText(text);
    }
}
