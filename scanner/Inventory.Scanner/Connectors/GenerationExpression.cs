namespace Inventory.Connectors;

/// <summary>
/// Reads which columns of its own table a generated (computed) column's expression reads, from the expression text the
/// engine's catalog holds: MySQL/MariaDB <c>information_schema.COLUMNS.GENERATION_EXPRESSION</c>
/// (<c>concat(`company_name`,' (',`city`,')')</c>), PostgreSQL <c>pg_get_expr</c> of the column's default when
/// <c>attgenerated</c> is set (<c>((company_name || ' ('::text) || city)</c>), SQLite the <c>GENERATED ALWAYS AS (…)</c>
/// or <c>AS (…)</c> clause of the table's <c>CREATE TABLE</c> text (<see cref="SqliteExpressions"/>). The reader only
/// tokenises: string literals are skipped, a quoted identifier (<c>"…"</c>, <c>`…`</c>, <c>[…]</c>) or a bare word
/// names a column when it is one of the table's columns, a bare word followed by <c>(</c> is a function and a word after
/// <c>::</c> a type. It never throws on any text: an unclosed quote or parenthesis ends the expression there.
/// </summary>
internal static class GenerationExpression
{
    /// <summary>Longest expression read, in characters (a generation expression longer than this is cut there).</summary>
    internal const int MaxLength = 16_384;

    /// <summary>The table's columns the expression names, in the order it first names them, without the generated column
    /// itself.</summary>
    /// <param name="expression">The generation expression as the catalog gives it, or null.</param>
    /// <param name="column">The generated column's exact name.</param>
    /// <param name="tableColumns">Exact names of every column of the table.</param>
    /// <returns>The exact names of the columns read (may be empty: an expression of constants), or null when there is no
    /// expression.</returns>
    public static IReadOnlyList<string>? ColumnsRead(string? expression, string column, IReadOnlyList<string> tableColumns)
    {
        ArgumentNullException.ThrowIfNull(tableColumns);
        if (string.IsNullOrWhiteSpace(expression)) return null;
        var read = new List<string>();
        foreach (var (text, quoted, next) in Identifiers(expression.Length > MaxLength ? expression[..MaxLength] : expression))
        {
            if (!quoted && next == '(') continue; // a function call
            var name = tableColumns.FirstOrDefault(c => c == text)
                ?? (quoted ? null : tableColumns.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)));
            if (name is not null && name != column && !read.Contains(name, StringComparer.Ordinal)) read.Add(name);
        }
        return read;
    }

    /// <summary>The generation expression of each generated column of a SQLite <c>CREATE TABLE</c> statement: the text
    /// inside the parentheses after <c>AS</c> in the column's definition (<c>label TEXT GENERATED ALWAYS AS (a || b)
    /// VIRTUAL</c> gives <c>a || b</c>).</summary>
    /// <param name="createTable">The table's <c>sqlite_schema.sql</c>, or null.</param>
    /// <returns>Expressions by exact column name (as the statement spells it); empty when there is none or the text is
    /// not a column list this reader understands.</returns>
    public static IReadOnlyDictionary<string, string> SqliteExpressions(string? createTable)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(createTable) || createTable.Length > 4 * MaxLength * 16) return result;
        int open = createTable.IndexOf('(', StringComparison.Ordinal);
        if (open < 0) return result;
        foreach (var (start, end) in TopLevelParts(createTable, open + 1))
        {
            var part = createTable[start..end];
            var words = Identifiers(part).ToList();
            if (words.Count == 0) continue;
            var first = words[0];
            if (!first.Quoted && IsConstraintKeyword(first.Text)) continue;
            int asAt = AsClause(part);
            if (asAt < 0) continue;
            int close = Closing(part, asAt);
            if (close < 0) continue;
            result.TryAdd(first.Text, part[(asAt + 1)..close]);
        }
        return result;
    }

    private static bool IsConstraintKeyword(string word) =>
        word.Equals("constraint", StringComparison.OrdinalIgnoreCase) || word.Equals("primary", StringComparison.OrdinalIgnoreCase)
        || word.Equals("unique", StringComparison.OrdinalIgnoreCase) || word.Equals("check", StringComparison.OrdinalIgnoreCase)
        || word.Equals("foreign", StringComparison.OrdinalIgnoreCase);

    /// <summary>The index of the <c>(</c> that opens the generation expression of one column definition (the first
    /// top-level <c>AS</c> word followed by a parenthesis), or -1.</summary>
    private static int AsClause(string definition)
    {
        int depth = 0;
        for (int i = 0; i < definition.Length; i++)
        {
            char c = definition[i];
            if (c is '\'' or '"' or '`' or '[') { i = SkipQuoted(definition, i); continue; }
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (depth == 0 && (c is 'a' or 'A') && i + 1 < definition.Length && definition[i + 1] is 's' or 'S'
                && (i == 0 || !IsWordChar(definition[i - 1])) && (i + 2 == definition.Length || !IsWordChar(definition[i + 2])))
            {
                int j = i + 2;
                while (j < definition.Length && char.IsWhiteSpace(definition[j])) j++;
                if (j < definition.Length && definition[j] == '(') return j;
            }
        }
        return -1;
    }

    /// <summary>The index of the parenthesis closing the one at <paramref name="open"/>, or -1.</summary>
    private static int Closing(string text, int open)
    {
        int depth = 0;
        for (int i = open; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\'' or '"' or '`' or '[') { i = SkipQuoted(text, i); continue; }
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>The comma-separated parts of a parenthesised list starting at <paramref name="start"/>, up to its closing
    /// parenthesis (or the end of the text).</summary>
    private static IEnumerable<(int Start, int End)> TopLevelParts(string text, int start)
    {
        int depth = 0, from = start;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\'' or '"' or '`' or '[') { i = SkipQuoted(text, i); continue; }
            if (c == '(') depth++;
            else if (c == ')')
            {
                if (depth == 0) { yield return (from, i); yield break; }
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                yield return (from, i);
                from = i + 1;
            }
        }
        if (from < text.Length) yield return (from, text.Length);
    }

    /// <summary>The index of the last character of the quoted text opening at <paramref name="at"/> (a doubled closing
    /// quote is part of the text); the text's last index when it never closes.</summary>
    private static int SkipQuoted(string text, int at)
    {
        char close = text[at] == '[' ? ']' : text[at];
        for (int i = at + 1; i < text.Length; i++)
        {
            if (text[i] != close) continue;
            if (close != ']' && i + 1 < text.Length && text[i + 1] == close) { i++; continue; }
            if (close == '\'' && i > 0 && text[i - 1] == '\\' && (i < 2 || text[i - 2] != '\\')) continue; // MySQL's \' escape
            return i;
        }
        return text.Length - 1;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    /// <summary>The identifiers of an expression: quoted ones unquoted, bare words, each with the next non-blank
    /// character after it; string literals and words after <c>::</c> (PostgreSQL casts) are left out.</summary>
    private static IEnumerable<(string Text, bool Quoted, char Next)> Identifiers(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\'') { i = SkipQuoted(text, i); continue; }
            string word;
            bool quoted;
            int end;
            if (c is '"' or '`' or '[')
            {
                end = SkipQuoted(text, i);
                char close = c == '[' ? ']' : c;
                word = text[(i + 1)..Math.Max(i + 1, end)].Replace(new string(close, 2), close.ToString(), StringComparison.Ordinal);
                quoted = true;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                end = i;
                while (end + 1 < text.Length && IsWordChar(text[end + 1])) end++;
                word = text[i..(end + 1)];
                quoted = false;
                int before = i - 1;
                while (before >= 0 && char.IsWhiteSpace(text[before])) before--;
                if (before >= 1 && text[before] == ':' && text[before - 1] == ':') { i = end; continue; } // a cast's type
            }
            else continue;
            int after = end + 1;
            while (after < text.Length && char.IsWhiteSpace(text[after])) after++;
            yield return (word, quoted, after < text.Length ? text[after] : '\0');
            i = end;
        }
    }
}
