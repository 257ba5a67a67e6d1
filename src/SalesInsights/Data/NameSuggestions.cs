namespace SalesInsights.Data;

/// <summary>"Did you mean" hints: the known name closest to a misspelt one by edit distance, if close enough to help.</summary>
public static class NameSuggestions
{
    /// <summary>Text to append to an error message: <c> Did you mean 'x'?</c>, or empty when nothing is close.</summary>
    public static string DidYouMean(string name, IEnumerable<string> known)
    {
        var best = Closest(name, known);
        return best is null ? string.Empty : $" Did you mean '{best}'?";
    }

    public static string? Closest(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        // A suggestion that needs most of the word changed is noise, not help.
        var allowed = Math.Max(2, name.Length / 2);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Levenshtein distance with two rolling rows.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
