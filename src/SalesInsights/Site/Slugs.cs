using System.Globalization;
using System.Text;

namespace SalesInsights.Site;

/// <summary>URL-safe names: lower case ASCII letters, digits and single hyphens.</summary>
public static class Slugs
{
    public static string From(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        var hyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // é -> e
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
                hyphen = false;
            }
            else if (!hyphen && slug.Length > 0)
            {
                slug.Append('-');
                hyphen = true;
            }
        }
        return slug.ToString().TrimEnd('-');
    }
}
