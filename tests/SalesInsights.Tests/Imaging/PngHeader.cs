using System.Buffers.Binary;

namespace SalesInsights.Tests.Imaging;

/// <summary>Reads a PNG's signature and pixel size from its header, so tests check images without a decoder.</summary>
public static class PngHeader
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) Size(ReadOnlySpan<byte> png)
    {
        Assert.True(png.Length > 24 && png[..8].SequenceEqual(Signature), "not a PNG");
        return (BinaryPrimitives.ReadInt32BigEndian(png[16..]), BinaryPrimitives.ReadInt32BigEndian(png[20..]));
    }
}
