namespace Inventory.Rules.Detectors;

/// <summary>PostgreSQL full-text search vectors (<c>tsvector</c>, PostgreSQL manual 8.11.2): their text form is a list of
/// quoted lexemes, each with optional positions and weights (<c>'jean':1 'martin':2A 'o''brien':3</c>; a quote inside a
/// lexeme is doubled, a backslash escapes the next character). Pure and thread-safe.</summary>
internal static class FullTextVector
{
    /// <summary>Lexemes read per column at most.</summary>
    public const int MaxLexemes = 5_000;

    /// <summary>True for the declared type <c>tsvector</c> (any case, schema-qualified or quoted).</summary>
    /// <param name="declaredType">The column's declared type.</param>
    public static bool IsDeclared(string? declaredType)
    {
        if (string.IsNullOrWhiteSpace(declaredType)) return false;
        var t = declaredType.Trim().Trim('"');
        int dot = t.LastIndexOf('.');
        if (dot >= 0) t = t[(dot + 1)..].Trim('"');
        return t.Equals("tsvector", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The lexemes of a column's vectors, in order, at most <see cref="MaxLexemes"/>; a value that is not in
    /// the vector text form gives none.</summary>
    /// <param name="values">The sampled vectors as text.</param>
    public static List<string> Lexemes(IReadOnlyList<string> values)
    {
        var lexemes = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var v in values)
        {
            if (string.IsNullOrEmpty(v)) continue;
            int i = 0;
            while (i < v.Length && lexemes.Count < MaxLexemes)
            {
                while (i < v.Length && v[i] == ' ') i++;
                if (i >= v.Length) break;
                if (v[i] != '\'') break; // not the vector text form: the rest of the value is left
                current.Clear();
                i++;
                bool closed = false;
                while (i < v.Length)
                {
                    char c = v[i++];
                    if (c == '\\' && i < v.Length) { current.Append(v[i++]); continue; }
                    if (c == '\'')
                    {
                        if (i < v.Length && v[i] == '\'') { current.Append('\''); i++; continue; }
                        closed = true;
                        break;
                    }
                    current.Append(c);
                }
                if (!closed) break;
                if (current.Length > 0) lexemes.Add(current.ToString());
                // Positions and weights (:1,3A) up to the next space.
                while (i < v.Length && v[i] != ' ') i++;
            }
        }
        return lexemes;
    }
}
