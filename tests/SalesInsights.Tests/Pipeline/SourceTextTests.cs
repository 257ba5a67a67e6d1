using System.Text;
using SalesInsights.Pipeline;

namespace SalesInsights.Tests.Pipeline;

public sealed class SourceTextTests
{
    [Theory]
    [InlineData(new byte[] { 0x61, 0x62 }, "ab")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x61 }, "a")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x61, 0x00, 0xE9, 0x00 }, "aé")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x61 }, "a")]
    [InlineData(new byte[] { 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80 }, "é😀")]
    public void Utf8_and_text_with_a_byte_order_mark_decode(byte[] bytes, string expected)
    {
        Assert.Equal(expected, SourceText.Decode(bytes, "a.md", out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("line one\nJos\u00e9\n", 2, 4, 12, "0xE9")]
    [InlineData("abc\n\ndef\u0080", 3, 4, 8, "0x80")]
    [InlineData("ok\nbroken \u00c3", 2, 8, 10, "0xC3")]
    public void Bytes_that_are_not_utf8_are_named_with_their_line_column_and_offset(string latin1, int line, int column, int offset, string hex)
    {
        var bytes = Encoding.Latin1.GetBytes(latin1);

        Assert.Null(SourceText.Decode(bytes, "a.md", out var problem));
        Assert.Equal((line, column, "SI0006"), (problem!.Line, problem.Column, problem.Code));
        Assert.Contains($"byte offset {offset}", problem.Message, StringComparison.Ordinal);
        Assert.Contains(hex, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_byte_makes_a_file_binary()
    {
        Assert.Null(SourceText.Decode([0x61, 0x0A, 0x00, 0x01], "a.md", out var problem));
        Assert.Contains("binary", problem!.Message, StringComparison.Ordinal);
        Assert.Equal(2, problem.Line);
    }
}
