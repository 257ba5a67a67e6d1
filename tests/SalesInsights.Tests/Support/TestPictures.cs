using SkiaSharp;

namespace SalesInsights.Tests.Support;

/// <summary>Pictures made for tests: a gradient of a given size, encoded as PNG or JPEG, so resizing has something to do.</summary>
public static class TestPictures
{
    public static byte[] Gradient(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint())
        {
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.SteelBlue, SKColors.Orange], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, paint);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }
}
