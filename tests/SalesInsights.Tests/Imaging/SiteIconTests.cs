using System.Xml.Linq;
using SalesInsights.Imaging;
using SkiaSharp;

namespace SalesInsights.Tests.Imaging;

public sealed class SiteIconTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(180)]
    [InlineData(512)]
    public void A_png_is_drawn_at_the_size_asked_for(int size)
    {
        Assert.Equal((size, size), PngHeader.Size(SiteIcon.Png(size)));
    }

    [Fact]
    public void The_rounded_tile_leaves_its_corners_transparent_and_the_full_bleed_one_fills_them()
    {
        using var rounded = SKBitmap.Decode(SiteIcon.Png(64));
        using var fullBleed = SKBitmap.Decode(SiteIcon.Png(64, fullBleed: true));

        Assert.Equal(0, rounded.GetPixel(0, 0).Alpha);
        Assert.Equal(SKColor.Parse(SiteIcon.Background), fullBleed.GetPixel(0, 0));
    }

    [Fact]
    public void The_bars_are_drawn_in_the_foreground_colour_on_the_accent_tile()
    {
        using var icon = SKBitmap.Decode(SiteIcon.Png(64));

        Assert.Equal(SKColor.Parse(SiteIcon.Foreground), icon.GetPixel(45, 40)); // inside the tallest bar
        Assert.Equal(SKColor.Parse(SiteIcon.Background), icon.GetPixel(45, 8)); // above it
    }

    [Fact]
    public void The_svg_is_a_square_document_with_the_tile_and_three_bars()
    {
        var svg = XDocument.Parse(SiteIcon.Svg()).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.Equal("0 0 64 64", svg.Attribute("viewBox")?.Value);
        Assert.Equal(SiteIcon.Background, svg.Element(ns + "rect")?.Attribute("fill")?.Value);
        Assert.Equal(3, svg.Element(ns + "g")!.Elements(ns + "rect").Count());
    }
}
