using System.Globalization;
using System.Text;

namespace SalesInsights.Search;

/// <summary>
/// How text becomes search terms, the same way in the build and in the reader's browser (<c>theme/assets/js/search.js</c>
/// folds a query with the same steps): compatibility-decomposed (NFKD), every combining mark dropped (so "Tomás"
/// and "tomas" meet), lowercased without a culture, and cut at every character that is not a letter or a decimal
/// digit. Terms shorter than <see cref="MinLength"/> are too common to narrow anything; longer than
/// <see cref="MaxLength"/> they are hashes, identifiers or run-together text nobody types, and only bloat the index.
/// </summary>
public static class SearchTerms
{
    public const int MinLength = 2;
    public const int MaxLength = 24;

    /// <summary>The terms of <paramref name="text"/> in order, repeats included.</summary>
    public static IEnumerable<string> Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }
        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inTerm = i < folded.Length && IsTermCharacter(folded, i);
            if (inTerm && start < 0)
            {
                start = i;
            }
            else if (!inTerm && start >= 0)
            {
                var length = i - start;
                if (length is >= MinLength and <= MaxLength)
                {
                    yield return folded.Substring(start, length);
                }
                start = -1;
            }
            if (inTerm && char.IsHighSurrogate(folded[i]))
            {
                i++; // the low half belongs to the same letter
            }
        }
    }

    /// <summary>NFKD without combining marks, lowercased invariantly: what both sides compare.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var kept = new StringBuilder(decomposed.Length);
        Span<char> units = stackalloc char[2];
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                kept.Append(char.ToLowerInvariant((char)rune.Value)); // most text: no lookup of categories
                continue;
            }
            var category = Rune.GetUnicodeCategory(rune);
            if (category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                var lower = Rune.ToLowerInvariant(rune);
                kept.Append(units[..lower.EncodeToUtf16(units)]);
            }
        }
        return kept.ToString();
    }

    /// <summary>A letter (any script) or a decimal digit, as the browser's <c>[\p{L}\p{Nd}]</c>.</summary>
    private static bool IsTermCharacter(string text, int index) =>
        Rune.TryGetRuneAt(text, index, out var rune) && (Rune.IsLetter(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber);
}
