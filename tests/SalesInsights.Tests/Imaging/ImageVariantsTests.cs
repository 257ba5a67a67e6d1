using SalesInsights.Imaging;
using SalesInsights.Tests.Support;
using SkiaSharp;

namespace SalesInsights.Tests.Imaging;

public sealed class ImageVariantsTests
{
    [Fact]
    public void A_large_picture_is_made_in_each_width_as_webp_and_in_its_own_format()
    {
        using var folder = new TemporaryFolder("si-images-");
        var picture = folder.PathOf("photo.jpg");
        File.WriteAllBytes(picture, TestPictures.Gradient(2000, 1000, SKEncodedImageFormat.Jpeg));

        var set = new ImageVariants(folder.PathOf("cache")).Prepare(picture, out var problem);

        Assert.Null(problem);
        Assert.NotNull(set);
        Assert.Equal((2000, 1000, "jpeg"), (set.Width, set.Height, set.Format));
        Assert.Equal(["480 jpeg", "480 webp", "960 jpeg", "960 webp", "1600 jpeg", "1600 webp"], set.Variants.Select(v => $"{v.Width} {v.Format}").Order(StringComparer.Ordinal).OrderBy(v => int.Parse(v.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var variant in set.Variants)
        {
            using var codec = SKCodec.Create(variant.File);
            Assert.Equal(variant.Width, codec.Info.Width);
            Assert.Equal(variant.Width / 2, codec.Info.Height);
            Assert.Equal(variant.Format == "webp" ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
        }
        Assert.True(new FileInfo(set.Variants.Single(v => v is { Width: 480, Format: "webp" }).File).Length < new FileInfo(picture).Length);
    }

    [Fact]
    public void A_small_picture_is_never_made_larger()
    {
        using var folder = new TemporaryFolder("si-images-");
        var picture = folder.PathOf("icon.png");
        File.WriteAllBytes(picture, TestPictures.Gradient(300, 200));

        var set = new ImageVariants(folder.PathOf("cache")).Prepare(picture, out _);

        Assert.Equal(["300 png", "300 webp"], set!.Variants.Select(v => $"{v.Width} {v.Format}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_same_picture_is_made_once_and_found_in_the_cache_by_the_next_build()
    {
        using var folder = new TemporaryFolder("si-images-");
        var picture = folder.PathOf("photo.png");
        var copy = folder.PathOf("same-photo-elsewhere.png");
        File.WriteAllBytes(picture, TestPictures.Gradient(1000, 500));
        File.Copy(picture, copy);

        var first = new ImageVariants(folder.PathOf("cache"));
        first.Prepare(picture, out _);
        first.Prepare(copy, out _);
        var written = Directory.GetFiles(folder.PathOf("cache"), "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var next = new ImageVariants(folder.PathOf("cache"));
        var again = next.Prepare(picture, out _);

        Assert.Equal((1, 1), (first.Misses, first.Hits));
        Assert.Equal((0, 1), (next.Misses, next.Hits));
        Assert.True(again!.FromCache);
        Assert.All(written, w => Assert.Equal(w.Value, File.GetLastWriteTimeUtc(w.Key)));
    }

    [Fact]
    public void A_file_that_is_not_a_picture_is_refused_with_a_reason()
    {
        using var folder = new TemporaryFolder("si-images-");
        var picture = folder.PathOf("broken.png");
        File.WriteAllText(picture, "not a picture");

        Assert.Null(new ImageVariants(folder.PathOf("cache")).Prepare(picture, out var problem));
        Assert.Contains("not a PNG, JPEG or WebP", problem, StringComparison.Ordinal);
    }
}
