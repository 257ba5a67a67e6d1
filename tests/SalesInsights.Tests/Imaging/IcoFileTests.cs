using System.Buffers.Binary;
using SalesInsights.Imaging;

namespace SalesInsights.Tests.Imaging;

public sealed class IcoFileTests
{
    [Fact]
    public void Each_image_gets_a_directory_entry_pointing_at_its_png_bytes()
    {
        int[] sizes = [16, 32, 256];
        var pngs = sizes.Select(s => (s, SiteIcon.Png(s))).ToArray();

        var ico = IcoFile.Pack(pngs);

        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(ico));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(ico.AsSpan(2)));
        Assert.Equal(3, BinaryPrimitives.ReadUInt16LittleEndian(ico.AsSpan(4)));
        for (var i = 0; i < sizes.Length; i++)
        {
            var entry = ico.AsSpan(6 + 16 * i, 16);
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
            var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]);
            Assert.Equal(sizes[i] == 256 ? 0 : sizes[i], entry[0]);
            Assert.Equal(32, BinaryPrimitives.ReadUInt16LittleEndian(entry[6..]));
            Assert.Equal(pngs[i].Item2, ico.AsSpan(offset, length).ToArray());
            Assert.Equal((sizes[i], sizes[i]), PngHeader.Size(ico.AsSpan(offset, length)));
        }
    }

    [Fact]
    public void An_image_larger_than_an_icon_can_hold_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IcoFile.Pack([(257, SiteIcon.Png(8))]));
    }
}
