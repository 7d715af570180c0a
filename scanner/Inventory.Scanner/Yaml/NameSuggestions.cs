namespace Inventory.Yaml;

/// <summary>"Did you mean" suggestions for misspelt keys, categories, ids, tables and columns, by edit distance.</summary>
public static class NameSuggestions
{
    /// <summary>The candidate closest to <paramref name="name"/>, or null when none is close enough: a candidate equal
    /// ignoring case wins; otherwise the smallest Levenshtein distance, at most max(2, length / 3), ties in ordinal order.
    /// An exact match is not a suggestion (null).</summary>
    /// <param name="name">What the user wrote.</param>
    /// <param name="candidates">The valid names.</param>
    /// <returns>The suggestion, or null.</returns>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            if (c != name && string.Equals(c, name, StringComparison.OrdinalIgnoreCase)) return c;
            var d = Levenshtein(name, c);
            if (d < bestDistance || (d == bestDistance && string.CompareOrdinal(c, best) < 0))
            {
                best = c;
                bestDistance = d;
            }
        }
        return best is not null && bestDistance > 0 && bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    /// <summary>Levenshtein distance: the fewest single-character insertions, deletions and substitutions (cost 1 each)
    /// turning <paramref name="a"/> into <paramref name="b"/>. Two-row dynamic programme, O(|a|·|b|) time.</summary>
    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
