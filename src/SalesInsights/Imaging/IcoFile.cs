using System.Buffers.Binary;

namespace SalesInsights.Imaging;

/// <summary>
/// A Windows icon file holding PNG images, which every browser reads for <c>/favicon.ico</c> (the address they
/// ask for when a page names no icon, and the one older browsers and feed readers only know).
/// </summary>
public static class IcoFile
{
    private const int HeaderSize = 6;
    private const int EntrySize = 16;

    /// <param name="images">Square PNG images with their size in pixels (1 to 256).</param>
    public static byte[] Pack(IReadOnlyList<(int Size, byte[] Png)> images)
    {
        ArgumentOutOfRangeException.ThrowIfZero(images.Count);
        var length = HeaderSize + EntrySize * images.Count + images.Sum(i => i.Png.Length);
        var bytes = new byte[length];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 1); // type: icon
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], (ushort)images.Count);
        var offset = HeaderSize + EntrySize * images.Count;
        for (var i = 0; i < images.Count; i++)
        {
            var (size, png) = images[i];
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 256);
            var entry = span.Slice(HeaderSize + EntrySize * i, EntrySize);
            entry[0] = (byte)(size == 256 ? 0 : size); // 0 stands for 256
            entry[1] = (byte)(size == 256 ? 0 : size);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[4..], 1); // colour planes
            BinaryPrimitives.WriteUInt16LittleEndian(entry[6..], 32); // bits per pixel
            BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], (uint)png.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[12..], (uint)offset);
            png.CopyTo(span[offset..]);
            offset += png.Length;
        }
        return bytes;
    }
}
