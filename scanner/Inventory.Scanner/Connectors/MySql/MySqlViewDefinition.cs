using Inventory.Catalog;

namespace Inventory.Connectors.MySql;

/// <summary>
/// Reads which base column each output column of a MySQL or MariaDB view shows, from the view's stored SELECT
/// (<c>information_schema.VIEWS.VIEW_DEFINITION</c>). The server stores the SELECT rewritten in one shape: back-quoted
/// identifiers, database-qualified tables, and every output column written <c>expression AS `alias`</c>, e.g.
/// <c>select `c`.`courriel` AS `mail`,concat(`c`.`nom`,'x') AS `n2` from (`shop`.`clients` `c` join `shop`.`cmd` `k`
/// on(…))</c>. Only that shape is read: an output column that is a plain column reference (<c>`alias`.`column`</c> or
/// <c>`db`.`table`.`column`</c>) of a table named in the top-level FROM gets its base column; an expression, a column of
/// a derived table (a subquery in FROM), an ambiguous name, or a SELECT with UNION, a WITH clause or anything else this
/// reader does not know gets none. No lineage is better than a wrong one.
/// </summary>
internal static class MySqlViewDefinition
{
    /// <summary>The base column of each output column, by position.</summary>
    /// <param name="definition">The stored SELECT.</param>
    /// <returns>One entry per output column in order (null where there is none), or an empty list when the definition is
    /// not a single plain SELECT this reader understands.</returns>
    public static IReadOnlyList<ColumnReference?> OutputColumns(string? definition)
    {
        if (string.IsNullOrWhiteSpace(definition)) return [];
        var tokens = Tokenize(definition);
        if (tokens is null || tokens.Count == 0 || !tokens[0].IsWord("select")) return [];
        // Split the top level at FROM; refuse set operations and trailing clauses we cannot place.
        int depth = 0, from = -1;
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Text == "(" && !t.Quoted) depth++;
            else if (t.Text == ")" && !t.Quoted) depth--;
            else if (depth == 0 && (t.IsWord("union") || t.IsWord("except") || t.IsWord("intersect"))) return [];
            else if (depth == 0 && from < 0 && t.IsWord("from")) from = i;
        }
        if (from < 0) return [];
        var tables = TablesOf(tokens, from + 1);
        var result = new List<ColumnReference?>();
        foreach (var item in SplitTopLevel(tokens, tokens[1].IsWord("distinct") ? 2 : 1, from))
            result.Add(ColumnOf(item, tables));
        return result;
    }

    /// <summary>A select item <c>ref AS `alias`</c> whose ref is a plain column, resolved through the FROM tables.</summary>
    private static ColumnReference? ColumnOf(List<Token> item, Dictionary<string, (string Schema, string Table)?> tables)
    {
        // ident . ident [. ident] AS ident
        if (item.Count is not (5 or 7) || !item[^2].IsWord("as") || !item[^1].Quoted) return null;
        var parts = new List<string>();
        for (int i = 0; i < item.Count - 2; i++)
        {
            if (i % 2 == 0) { if (!item[i].Quoted) return null; parts.Add(item[i].Text); }
            else if (item[i].Text != "." || item[i].Quoted) return null;
        }
        if (parts.Count == 3) return new ColumnReference(parts[0], parts[1], parts[2]);
        return tables.TryGetValue(parts[0], out var table) && table is { } t ? new ColumnReference(t.Schema, t.Table, parts[1]) : null;
    }

    /// <summary>The tables of the top-level FROM clause by the name a select item uses for them: the alias, else the
    /// table's own name; a name two tables share maps to null (ambiguous). Derived tables (a parenthesised SELECT) are
    /// skipped whole, so their alias resolves to nothing.</summary>
    private static Dictionary<string, (string Schema, string Table)?> TablesOf(List<Token> tokens, int start)
    {
        var tables = new Dictionary<string, (string, string)?>(StringComparer.Ordinal);
        void Add(string name, string schema, string table) =>
            tables[name] = tables.ContainsKey(name) ? null : (schema, table);
        for (int i = start; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!t.Quoted && t.Text == "(" && i + 1 < tokens.Count && tokens[i + 1].IsWord("select"))
            {
                int depth = 0;
                for (; i < tokens.Count; i++)
                {
                    if (tokens[i].Text == "(" && !tokens[i].Quoted) depth++;
                    else if (tokens[i].Text == ")" && !tokens[i].Quoted && --depth == 0) break;
                }
                continue;
            }
            bool opensTable = i == start || (!tokens[i - 1].Quoted && (tokens[i - 1].Text is "(" or "," || tokens[i - 1].IsWord("join")));
            if (!opensTable || !t.Quoted || i + 2 >= tokens.Count || tokens[i + 1].Text != "." || !tokens[i + 2].Quoted) continue;
            if (i + 3 < tokens.Count && tokens[i + 3].Text == "." && !tokens[i + 3].Quoted) continue;
            string schema = t.Text, table = tokens[i + 2].Text;
            if (i + 3 < tokens.Count && tokens[i + 3].Quoted) Add(tokens[i + 3].Text, schema, table);
            else Add(table, schema, table);
            i += 2;
        }
        return tables;
    }

    private static IEnumerable<List<Token>> SplitTopLevel(List<Token> tokens, int start, int end)
    {
        var item = new List<Token>();
        int depth = 0;
        for (int i = start; i < end; i++)
        {
            var t = tokens[i];
            if (!t.Quoted && t.Text == "(") depth++;
            else if (!t.Quoted && t.Text == ")") depth--;
            if (depth == 0 && !t.Quoted && t.Text == ",")
            {
                yield return item;
                item = [];
                continue;
            }
            item.Add(t);
        }
        yield return item;
    }

    /// <summary>One token: a back-quoted identifier (unquoted, <see cref="Quoted"/>), a string literal (kept as
    /// <c>'</c>, its text dropped), a word, or one punctuation character.</summary>
    private readonly record struct Token(string Text, bool Quoted)
    {
        public bool IsWord(string word) => !Quoted && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Tokens of the definition; null when a quote is not closed.</summary>
    private static List<Token>? Tokenize(string text)
    {
        var tokens = new List<Token>();
        for (int i = 0; i < text.Length;)
        {
            char ch = text[i];
            if (char.IsWhiteSpace(ch)) { i++; continue; }
            if (ch == '`')
            {
                var name = new System.Text.StringBuilder();
                for (i++; ; i++)
                {
                    if (i >= text.Length) return null;
                    if (text[i] == '`')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '`') { name.Append('`'); i++; continue; }
                        i++;
                        break;
                    }
                    name.Append(text[i]);
                }
                tokens.Add(new Token(name.ToString(), true));
                continue;
            }
            if (ch is '\'' or '"')
            {
                for (i++; ; i++)
                {
                    if (i >= text.Length) return null;
                    if (text[i] == '\\') { i++; continue; }
                    if (text[i] == ch)
                    {
                        if (i + 1 < text.Length && text[i + 1] == ch) { i++; continue; }
                        i++;
                        break;
                    }
                }
                tokens.Add(new Token("'", false));
                continue;
            }
            if (char.IsLetterOrDigit(ch) || ch is '_' or '$' or '@')
            {
                int begin = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$' or '@')) i++;
                tokens.Add(new Token(text[begin..i], false));
                continue;
            }
            tokens.Add(new Token(ch.ToString(), false));
            i++;
        }
        return tokens;
    }
}
