using Inventory.Connectors.MySql;
using System.Text;

namespace Inventory.Reports.Export;

/// <summary>
/// Writes column-comment statements for MySQL and MariaDB. Their only way to change a column comment is
/// <c>ALTER TABLE … MODIFY COLUMN name definition COMMENT '…'</c>, which replaces the whole column definition, and the
/// inventory records only the declared type and nullability of a column. So each statement restates those two and is
/// <b>guarded</b>: it runs only when the live column (read from <c>information_schema</c> when the script is applied) has
/// exactly that type and nullability, no default, nothing in <c>EXTRA</c> (auto-increment, ON UPDATE, generated,
/// invisible) and the table's default collation — the case where restating type and nullability loses nothing. Any other
/// column is skipped with a message naming it (the DBA sets its comment by hand). The guard and the statement run as a
/// prepared statement, since plain MySQL scripts have no IF.
/// </summary>
internal static class MySqlCommentScript
{
    /// <summary>The script text.</summary>
    /// <param name="plan">Columns to export (MySQL or MariaDB sources).</param>
    public static string Write(ExportPlan plan)
    {
        var text = new StringBuilder();
        ScriptHeader.Write(text, plan, "--", "MySQL / MariaDB column comments",
            [
                "Sets the comment of each exported column: the comment the scan recorded, with one line `inventory: <category>`",
                "added (or an existing `inventory:`/`category=` line replaced); every other line is kept. `inventory scan` reads it back.",
                "MySQL changes a comment only through ALTER TABLE … MODIFY COLUMN, which restates the whole column definition.",
                "Preserved: the declared type and NULL/NOT NULL, as recorded by the scan.",
                "Not recorded by the scan, hence not restated: DEFAULT, AUTO_INCREMENT, ON UPDATE, generated expressions,",
                "INVISIBLE, CHARACTER SET/COLLATE. So each statement is guarded: it runs only when information_schema shows the",
                "column with that exact type and nullability, no default, an empty EXTRA and the table's default collation.",
                "Any other column is skipped and named in a result row `inventory_export_skipped`: set its comment by hand.",
                "Comments changed after the scan are overwritten. ALTER TABLE commits implicitly: there is no transaction.",
                "Tables of the scanned database are named without it: run the script in that database (or a copy of it),",
                "as a user with ALTER on the tables: mysql --show-warnings DATABASE < FILE (or mariadb DATABASE < FILE).",
            ],
            [
                "Run the commented statements in the UNDO block at the end: they restore each comment as the scan recorded it",
                "(same type and nullability restated; apply them only to columns the script did not skip).",
            ]);
        text.Append("SET @@SESSION.sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '');\n\n");
        foreach (var column in plan.Columns)
        {
            var modify = Modify(column, CommentLabel.Merge(column.Column.Comment, column.Category));
            var skipped = $"skipped {Target(column)}: its definition has more than the type and nullability this script restates; set the comment by hand";
            text.Append("-- ").Append(ScriptHeader.Describe(column)).Append('\n');
            text.Append("SET @inventory_ok = (SELECT COUNT(*) FROM information_schema.COLUMNS AS c\n")
                .Append("    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME\n")
                .Append("    WHERE c.TABLE_SCHEMA = ").Append(InCurrentDatabase(column) ? "DATABASE()" : Literal(column.Table.Schema))
                .Append(" AND c.TABLE_NAME = ").Append(Literal(column.Table.Name))
                .Append(" AND c.COLUMN_NAME = ").Append(Literal(column.Column.Name)).Append('\n')
                .Append("    AND c.COLUMN_TYPE = ").Append(Literal(column.Column.DeclaredType))
                .Append(" AND c.IS_NULLABLE = ").Append(column.Column.Nullable ? "'YES'" : "'NO'").Append('\n')
                .Append("    AND (c.COLUMN_DEFAULT IS NULL OR (c.IS_NULLABLE = 'YES' AND c.COLUMN_DEFAULT = 'NULL')) AND c.EXTRA = ''\n")
                .Append("    AND (c.COLLATION_NAME IS NULL OR c.COLLATION_NAME = t.TABLE_COLLATION));\n");
            text.Append("SET @inventory_ddl = IF(@inventory_ok = 1,\n    ").Append(Literal(modify)).Append(",\n    ")
                .Append(Literal($"SELECT {Literal(skipped)} AS inventory_export_skipped")).Append(");\n");
            text.Append("PREPARE inventory_stmt FROM @inventory_ddl; EXECUTE inventory_stmt; DEALLOCATE PREPARE inventory_stmt;\n\n");
        }
        text.Append("-- UNDO: restores the comments as the scan recorded them (only for columns the script did not skip).\n");
        foreach (var column in plan.Columns)
            text.Append("-- ").Append(ScriptHeader.Safe(Modify(column, column.Column.Comment ?? ""))).Append(";\n");
        return text.ToString();
    }

    /// <summary>The statement that sets one comment: <c>ALTER TABLE `s`.`t` MODIFY COLUMN `c` type [NOT] NULL COMMENT '…'</c>.</summary>
    internal static string Modify(ExportedColumn column, string comment) =>
        $"ALTER TABLE {Table(column)} MODIFY COLUMN {Quote(column.Column.Name)} {column.Column.DeclaredType} " +
        $"{(column.Column.Nullable ? "NULL" : "NOT NULL")} COMMENT {Literal(comment)}";

    private static string Target(ExportedColumn column) => Table(column) + "." + Quote(column.Column.Name);

    /// <summary>True for a table of the database the source was scanned in (its default schema): the script names it
    /// without the database, so it applies to the database it is run in (<c>mysql DB &lt; FILE</c>), e.g. a copy.</summary>
    private static bool InCurrentDatabase(ExportedColumn column) =>
        column.Table.Schema.Length == 0 || column.Table.Schema == column.Source.DefaultSchema;

    private static string Table(ExportedColumn column) =>
        InCurrentDatabase(column) ? Quote(column.Table.Name) : Quote(column.Table.Schema, column.Table.Name);

    private static string Quote(string identifier) => MySqlDialect.Quote(identifier);

    private static string Quote(string schema, string name) => schema.Length == 0 ? Quote(name) : Quote(schema) + "." + Quote(name);

    /// <summary>A MySQL string literal with backslash escapes on (the script clears <c>NO_BACKSLASH_ESCAPES</c>):
    /// quote doubled, backslash and control characters escaped, so the literal stays on one line.</summary>
    internal static string Literal(string value)
    {
        var sb = new StringBuilder("'");
        foreach (var c in value)
            sb.Append(c switch
            {
                '\'' => "''",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                '\u001A' => "\\Z",
                _ => c.ToString(),
            });
        return sb.Append('\'').ToString();
    }
}
