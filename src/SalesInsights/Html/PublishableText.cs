using System.Text;

namespace SalesInsights.Html;

/// <summary>
/// The characters a page or feed can carry: those XML 1.0 allows (tab, line feed, carriage return, and every other
/// character from U+0020 on except unpaired surrogates and U+FFFE/U+FFFF). A NUL in a title, written as "\u0000"
/// in YAML, is a valid string everywhere in the build but makes the feed's XML unwritable.
/// </summary>
public static class PublishableText
{
    /// <summary>The index of the first character no page or feed may hold, or -1.</summary>
    public static int FirstUnpublishable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF')
            {
                return i;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// <paramref name="text"/> with every character no page or feed may hold replaced by U+FFFD, as a decoder
    /// replaces bytes it cannot read: a reader sees where something was, and the XML stays well-formed.
    /// </summary>
    public static string Clean(string text)
    {
        var first = FirstUnpublishable(text);
        if (first < 0)
        {
            return text;
        }
        var clean = new StringBuilder(text, 0, first, text.Length);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else
            {
                clean.Append(c < ' ' && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return clean.ToString();
    }

    /// <summary>How a character is named in a message: its code point, as U+0000.</summary>
    public static string Name(char c) => $"U+{(int)c:X4}";
}
