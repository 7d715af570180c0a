namespace Inventory.Connectors.Postgres;

/// <summary>
/// Reads the elements of a PostgreSQL array from its text output (<c>array_out</c>: <c>{a,"b c",NULL}</c>, nested
/// <c>{{1,2},{3,4}}</c>, an optional dimension decoration <c>[0:1]={…}</c>), so that the detectors see each element
/// rather than the array as one value (C29). Quoted elements lose their quotes and backslash escapes; unquoted
/// <c>NULL</c> is an absent element; nested arrays are flattened in order. The text may have been cut by the sampler
/// (<c>left(col::text, n)</c>): an element the cut left unfinished is dropped, never returned in part. Source of the
/// format: PostgreSQL documentation, "Arrays", section "Array Input and Output Syntax".
/// </summary>
internal static class PostgresArrayText
{
    /// <summary>Elements read per array value at most (the rest of a long array is not sampled).</summary>
    public const int MaxElements = 20;

    /// <summary>True when the text has the array output form (<c>{…}</c> or <c>[l:u]={…}</c>); vector types such as
    /// <c>int2vector</c> print <c>1 2</c> and are kept as one value.</summary>
    /// <param name="text">The server's text form.</param>
    public static bool IsArrayText(string text) => text.Length > 0 && (text[0] == '{' || (text[0] == '[' && text.Contains("]={", StringComparison.Ordinal)));

    /// <summary>The non-null elements of one array value, at most <paramref name="max"/>.</summary>
    /// <param name="text">The server's text form of the array (possibly cut).</param>
    /// <param name="max">Elements returned at most.</param>
    /// <returns>The elements in order; empty for <c>{}</c>, for an array of NULLs, or for text that is not an array
    /// (see <see cref="IsArrayText"/>).</returns>
    public static List<string> Elements(string text, int max = MaxElements)
    {
        var result = new List<string>();
        int i = 0;
        if (text.Length > 0 && text[0] == '[')
        {
            // Dimension decoration: [lower:upper][…]={…}
            int eq = text.IndexOf('=');
            if (eq < 0) return result;
            i = eq + 1;
        }
        if (i >= text.Length || text[i] != '{') return result;
        var element = new System.Text.StringBuilder();
        while (i < text.Length && result.Count < max)
        {
            char c = text[i];
            if (c is '{' or ',' or ' ') { i++; continue; }
            if (c == '}') { i++; continue; }
            element.Clear();
            if (c == '"')
            {
                i++;
                bool closed = false;
                while (i < text.Length)
                {
                    char q = text[i];
                    if (q == '\\' && i + 1 < text.Length) { element.Append(text[i + 1]); i += 2; continue; }
                    if (q == '"') { closed = true; i++; break; }
                    element.Append(q);
                    i++;
                }
                if (!closed) break; // cut inside a quoted element
                result.Add(element.ToString());
                continue;
            }
            int start = i;
            while (i < text.Length && text[i] is not (',' or '}')) i++;
            if (i >= text.Length) break; // cut inside an unquoted element
            var bare = text.AsSpan(start, i - start).Trim();
            if (bare.Length > 0 && !bare.Equals("NULL", StringComparison.OrdinalIgnoreCase)) result.Add(bare.ToString());
        }
        return result;
    }
}
