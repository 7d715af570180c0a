using System.Text;
using System.Text.RegularExpressions;

namespace Inventory.Connectors.MySql;

/// <summary>
/// Reads the foreign-key delete rules out of the text <c>SHOW CREATE TABLE</c> returns. MariaDB lists a constraint in
/// <c>information_schema.REFERENTIAL_CONSTRAINTS</c> only to a user holding some privilege other than SELECT on the
/// table, so a SELECT-only scanner sees its foreign keys (in <c>KEY_COLUMN_USAGE</c>) without their delete rules;
/// <c>SHOW CREATE TABLE</c> needs any privilege on the table and states each rule. Source: MySQL reference,
/// "FOREIGN KEY Constraints" (<c>[CONSTRAINT name] FOREIGN KEY (cols) REFERENCES tbl (cols) [ON DELETE option]
/// [ON UPDATE option]</c>); the server omits the ON DELETE clause for the default rule, which
/// <c>REFERENTIAL_CONSTRAINTS</c> reports as RESTRICT.
/// </summary>
internal static partial class MySqlCreateTableText
{
    /// <summary>The delete rule of each named foreign-key constraint of one table.</summary>
    /// <param name="createTable">The second column of <c>SHOW CREATE TABLE</c>.</param>
    /// <returns>Constraint name → the model's rule (<c>cascade</c>, <c>set-null</c>, <c>set-default</c>,
    /// <c>restrict</c>, <c>no-action</c>), as <see cref="MySqlDialect.DeleteRule"/> maps them; empty when the text
    /// holds no foreign key. Quoted identifiers and string literals (comments, defaults) are never read as clauses.</returns>
    public static IReadOnlyDictionary<string, string> DeleteRules(string createTable)
    {
        ArgumentNullException.ThrowIfNull(createTable);
        var (shape, names) = Shape(createTable);
        var rules = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in ForeignKeyClause().Matches(shape))
        {
            var name = names[int.Parse(m.Groups["name"].Value, System.Globalization.CultureInfo.InvariantCulture)];
            var rule = m.Groups["rule"].Success ? Regex.Replace(m.Groups["rule"].Value, @"\s+", " ") : "RESTRICT";
            rules[name] = MySqlDialect.DeleteRule(rule);
        }
        return rules;
    }

    /// <summary>The statement with each backtick-quoted identifier replaced by <c>`N`</c> (its index in the returned
    /// list, <c>``</c> undoubled) and each string literal by <c>''</c>, so names and comments cannot look like clauses.</summary>
    private static (string Shape, List<string> Names) Shape(string text)
    {
        var shape = new StringBuilder(text.Length);
        var names = new List<string>();
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            if (c == '`')
            {
                var name = new StringBuilder();
                for (i++; i < text.Length; i++)
                {
                    if (text[i] != '`') { name.Append(text[i]); continue; }
                    if (i + 1 < text.Length && text[i + 1] == '`') { name.Append('`'); i++; continue; }
                    i++;
                    break;
                }
                shape.Append('`').Append(names.Count).Append('`');
                names.Add(name.ToString());
            }
            else if (c == '\'')
            {
                for (i++; i < text.Length; i++)
                {
                    if (text[i] == '\\') { i++; continue; }
                    if (text[i] != '\'') continue;
                    if (i + 1 < text.Length && text[i + 1] == '\'') { i++; continue; }
                    i++;
                    break;
                }
                shape.Append("''");
            }
            else
            {
                shape.Append(c);
                i++;
            }
        }
        return (shape.ToString(), names);
    }

    [GeneratedRegex(@"\bCONSTRAINT\s+`(?<name>\d+)`\s+FOREIGN\s+KEY\s*\([^)]*\)\s*REFERENCES\s+[^(]*\([^)]*\)(?:\s+ON\s+UPDATE\s+(?:SET\s+NULL|SET\s+DEFAULT|NO\s+ACTION|CASCADE|RESTRICT))?(?:\s+ON\s+DELETE\s+(?<rule>SET\s+NULL|SET\s+DEFAULT|NO\s+ACTION|CASCADE|RESTRICT))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForeignKeyClause();
}
