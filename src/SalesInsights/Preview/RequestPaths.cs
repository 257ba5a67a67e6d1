namespace SalesInsights.Preview;

/// <summary>
/// Turns the raw request target into a path inside the built site, refusing anything that could reach outside
/// it or into hidden files: <c>..</c> and <c>.</c> segments in any encoding, encoded slashes and backslashes,
/// empty segments (<c>//etc</c>), drive letters, control characters and dotfiles. Refused paths are served as 404.
/// </summary>
public static class RequestPaths
{
    /// <summary>
    /// The site-relative path of <paramref name="rawTarget"/> (query removed, percent-decoded once, no leading
    /// slash; "" for the root), or null when the target is refused. A trailing slash is kept.
    /// </summary>
    public static string? Resolve(string rawTarget)
    {
        var query = rawTarget.IndexOfAny(['?', '#']);
        var path = query < 0 ? rawTarget : rawTarget[..query];
        if (path.Length == 0 || path[0] != '/')
        {
            return null; // absolute-form (http://host/...) and asterisk-form targets are not site paths
        }
        var segments = path[1..].Split('/');
        var decoded = new string[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            if (segments[i].Length == 0 && !last)
            {
                return null;
            }
            string segment;
            try
            {
                segment = Uri.UnescapeDataString(segments[i]);
            }
            catch (UriFormatException)
            {
                return null;
            }
            if (!IsSafeSegment(segment, allowEmpty: last))
            {
                return null;
            }
            decoded[i] = segment;
        }
        return string.Join('/', decoded);
    }

    private static bool IsSafeSegment(string segment, bool allowEmpty)
    {
        if (segment.Length == 0)
        {
            return allowEmpty;
        }
        if (segment[0] == '.')
        {
            return false; // ".", ".." and dotfiles
        }
        foreach (var c in segment)
        {
            if (c is '/' or '\\' or ':' || char.IsControl(c))
            {
                return false;
            }
        }
        return true;
    }
}
