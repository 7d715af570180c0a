using System.Globalization;

namespace Inventory.Connectors.Postgres;

/// <summary>One output column of a view's SELECT as PostgreSQL's parser stored it: its position and, when it shows a
/// column of a relation as it is, that relation and column.</summary>
/// <param name="Position">The view column's attnum (<c>:resno</c>).</param>
/// <param name="Relation">The oid of the relation the column comes from (<c>:resorigtbl</c>), 0 for an expression.</param>
/// <param name="Column">The attnum of that relation's column (<c>:resorigcol</c>), 0 for an expression.</param>
internal readonly record struct RuleTargetColumn(int Position, long Relation, int Column);

/// <summary>
/// Reads the output columns of a view's stored rule, the text of <c>pg_rewrite.ev_action</c>: PostgreSQL's node tree
/// format (src/backend/nodes/outfuncs.c), <c>({QUERY :key value … :targetList ({TARGETENTRY … :resno 1 … :resorigtbl
/// 16384 :resorigcol 2 :resjunk false} …) …})</c>. The parser fills <c>resorigtbl</c>/<c>resorigcol</c> for an output
/// column that is a plain column reference, through aliases, joins and subqueries in FROM (parse_target.c,
/// <c>markTargetListOrigins</c>), and leaves them 0 for an expression, so the mapping is exact or absent. Only the
/// top-level query's target list is read: the entries of nested queries (subqueries, CTEs, SubLinks) sit deeper in the
/// brace nesting. Inside tokens, <c>outToken</c> escapes braces, parentheses, whitespace and backslashes with a
/// backslash, so unescaped braces are structure.
/// </summary>
internal static class PostgresRuleTree
{
    /// <summary>The non-junk output columns of the top-level query of a rule's text.</summary>
    /// <param name="ruleText">The <c>ev_action</c> text.</param>
    /// <returns>The columns in target-list order; empty when the text holds no target list this reader understands
    /// (then no lineage is recorded, never a wrong one).</returns>
    public static IReadOnlyList<RuleTargetColumn> OutputColumns(string ruleText)
    {
        var result = new List<RuleTargetColumn>();
        int depth = 0;
        bool inTargetList = false, sawQuery = false;
        string? key = null;
        int resno = 0, column = 0;
        long relation = 0;
        bool junk = false;
        foreach (var (token, structural) in Tokens(ruleText))
        {
            if (structural)
            {
                if (token == "{") depth++;
                else if (token == "}")
                {
                    if (inTargetList && depth == 2)
                    {
                        if (!junk && resno > 0) result.Add(new RuleTargetColumn(resno, relation, column));
                        resno = 0; relation = 0; column = 0; junk = false;
                    }
                    depth--;
                    // The first top-level query ends: later queries of a multi-statement rule are not a view's.
                    if (depth == 0 && sawQuery) break;
                }
                key = null;
                continue;
            }
            if (depth == 1 && token == "QUERY") sawQuery = true;
            if (depth == 1 && token.StartsWith(':'))
            {
                inTargetList = token == ":targetList";
                key = null;
                continue;
            }
            if (!inTargetList || depth != 2) continue;
            if (token.StartsWith(':')) { key = token; continue; }
            switch (key)
            {
                case ":resno": resno = int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0; break;
                case ":resorigtbl": relation = long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 0; break;
                case ":resorigcol": column = int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 0; break;
                case ":resjunk": junk = token != "false"; break;
            }
            key = null;
        }
        return result;
    }

    /// <summary>The tokens of node text: <c>{</c>, <c>}</c>, <c>(</c>, <c>)</c> as structural tokens, everything else
    /// split on unescaped whitespace (backslash escapes kept out of structure).</summary>
    private static IEnumerable<(string Token, bool Structural)> Tokens(string text)
    {
        var current = new System.Text.StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (ch == '\\' && i + 1 < text.Length)
            {
                current.Append(text[i + 1]);
                i++;
                continue;
            }
            if (ch is '{' or '}' or '(' or ')' || char.IsWhiteSpace(ch))
            {
                if (current.Length > 0) { yield return (current.ToString(), false); current.Clear(); }
                if (!char.IsWhiteSpace(ch)) yield return (ch.ToString(), true);
                continue;
            }
            current.Append(ch);
        }
        if (current.Length > 0) yield return (current.ToString(), false);
    }
}
