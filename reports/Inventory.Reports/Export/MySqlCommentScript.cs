using Inventory.Connectors.MySql;
using System.Text;

namespace Inventory.Reports.Export;

/// <summary>
/// Writes column-comment statements for MySQL and MariaDB. Their only way to change a column comment is
/// <c>ALTER TABLE … MODIFY COLUMN name definition COMMENT '…'</c>, which replaces the whole column definition, and the
/// inventory records only the declared type and nullability of a column. So each statement restates those two and is
/// <b>guarded</b>: it runs only when the live column (read from <c>information_schema</c> when the script is applied) has
/// exactly that type and nullability, no default, nothing in <c>EXTRA</c> (auto-increment, ON UPDATE, generated,
/// invisible), no column-level CHECK constraint (MariaDB keeps those in the column's definition, so <c>MODIFY</c> would
/// drop them) and the table's default collation — the case where restating type and nullability loses nothing. A MariaDB
/// <c>JSON</c> column (<c>SHOW CREATE TABLE</c>: <c>longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin … CHECK
/// (json_valid(`c`))</c>, the only check on it) is restated in that exact form, so it keeps its collation and its check.
/// Any other column is skipped with a result row naming it and saying why (the DBA sets its comment by hand). The guard
/// and the statement run as a prepared statement, since plain MySQL scripts have no IF. Sources: MariaDB "JSON Data
/// Type" (an alias of LONGTEXT with a json_valid CHECK) and "CONSTRAINT" (column-level checks), checked on MariaDB 10.11.
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
                "INVISIBLE, CHARACTER SET/COLLATE, a column's own CHECK (MariaDB). So each statement is guarded: it runs only",
                "when information_schema shows the column with that exact type and nullability, no default, an empty EXTRA,",
                "no CHECK of its own and the table's default collation. A MariaDB JSON column (LONGTEXT utf8mb4_bin with its",
                "json_valid CHECK) is restated in that form, collation and CHECK included, as SHOW CREATE TABLE prints it.",
                "Any other column is skipped and named, with the reason, in a result row `inventory_export_skipped`:",
                "set its comment by hand.",
                "Comments changed after the scan are overwritten. ALTER TABLE commits implicitly: there is no transaction.",
                "Tables of the scanned database are named without it: run the script in that database (or a copy of it),",
                "as a user with ALTER on the tables: mysql --show-warnings DATABASE < FILE (or mariadb DATABASE < FILE).",
            ],
            [
                "Run the commented statements in the UNDO block at the end: they restore each comment as the scan recorded it",
                "(same type and nullability restated; apply them only to columns the script did not skip).",
            ]);
        text.Append("SET @@SESSION.sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '');\n");
        // MariaDB keeps a column's CHECK in its definition (MODIFY drops it) and lists it in CHECK_CONSTRAINTS under the
        // column's name; MySQL's checks are table constraints that MODIFY keeps, and its CHECK_CONSTRAINTS has no
        // TABLE_NAME (5.7 has no such view): the count is read on MariaDB only.
        text.Append("SET @inventory_checks_sql = IF(VERSION() LIKE '%MariaDB%',\n    ")
            .Append(Literal("SELECT COUNT(*), COALESCE(MAX(CHECK_CLAUSE = CONCAT('json_valid(`', REPLACE(@inventory_column, '`', '``'), '`)')), 0) " +
                "INTO @inventory_checks, @inventory_json_check FROM information_schema.CHECK_CONSTRAINTS " +
                "WHERE CONSTRAINT_SCHEMA = @inventory_schema AND TABLE_NAME = @inventory_table AND CONSTRAINT_NAME = @inventory_column"))
            .Append(",\n    'SELECT 0, 0 INTO @inventory_checks, @inventory_json_check');\n")
            .Append("PREPARE inventory_checks FROM @inventory_checks_sql;\n\n");
        foreach (var column in plan.Columns)
        {
            var comment = CommentLabel.Merge(column.Column.Comment, column.Category);
            text.Append("-- ").Append(ScriptHeader.Describe(column)).Append('\n');
            text.Append("SET @inventory_schema = ").Append(InCurrentDatabase(column) ? "DATABASE()" : Literal(column.Table.Schema))
                .Append(", @inventory_table = ").Append(Literal(column.Table.Name))
                .Append(", @inventory_column = ").Append(Literal(column.Column.Name)).Append(";\n");
            text.Append("EXECUTE inventory_checks;\n");
            text.Append("SET @inventory_why = (SELECT CASE\n")
                .Append("    WHEN c.COLUMN_TYPE <> ").Append(Literal(column.Column.DeclaredType))
                .Append(" OR c.IS_NULLABLE <> ").Append(column.Column.Nullable ? "'YES'" : "'NO'")
                .Append(" THEN 'its type or nullability is not the one the scan recorded'\n")
                .Append("    WHEN NOT (c.COLUMN_DEFAULT IS NULL OR (c.IS_NULLABLE = 'YES' AND c.COLUMN_DEFAULT = 'NULL')) THEN 'it has a DEFAULT'\n")
                .Append("    WHEN c.EXTRA <> '' THEN CONCAT('it has ', UPPER(c.EXTRA))\n");
            // Only a column the scan recorded as longtext can be a MariaDB JSON column (the type is checked first).
            if (IsLongText(column))
                text.Append("    WHEN @inventory_checks = 1 AND @inventory_json_check = 1 AND c.COLLATION_NAME = 'utf8mb4_bin' THEN 'json'\n");
            text.Append("    WHEN @inventory_checks > 0 THEN 'it has a CHECK constraint of its own'\n")
                .Append("    WHEN c.COLLATION_NAME IS NOT NULL AND c.COLLATION_NAME <> t.TABLE_COLLATION THEN CONCAT('its collation ', c.COLLATION_NAME, ' is not the table''s ', t.TABLE_COLLATION)\n")
                .Append("    ELSE '' END FROM information_schema.COLUMNS AS c\n")
                .Append("    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME\n")
                .Append("    WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);\n");
            text.Append("SET @inventory_ddl = CASE COALESCE(@inventory_why, 'missing')\n    WHEN '' THEN ").Append(Literal(Modify(column, comment)));
            if (IsLongText(column))
                text.Append("\n    WHEN 'json' THEN ").Append(Literal(ModifyJson(column, comment)));
            text.Append("\n    ELSE ").Append(Literal($"SELECT CONCAT({Literal($"skipped {Target(column)}: ")}, " +
                    "IF(@inventory_why IS NULL, 'the column is not in the table', @inventory_why), '; set the comment by hand') AS inventory_export_skipped"))
                .Append(" END;\n");
            text.Append("PREPARE inventory_stmt FROM @inventory_ddl; EXECUTE inventory_stmt; DEALLOCATE PREPARE inventory_stmt;\n\n");
        }
        text.Append("DEALLOCATE PREPARE inventory_checks;\n\n");
        text.Append("-- UNDO: restores the comments as the scan recorded them (only for columns the script did not skip).\n");
        foreach (var column in plan.Columns)
        {
            text.Append("-- ").Append(ScriptHeader.Safe(Modify(column, column.Column.Comment ?? ""))).Append(";\n");
            if (IsLongText(column))
                text.Append("--   (a MariaDB JSON column, restated with its CHECK: ")
                    .Append(ScriptHeader.Safe(ModifyJson(column, column.Column.Comment ?? ""))).Append(";)\n");
        }
        return text.ToString();
    }

    /// <summary>The statement that sets the comment of a MariaDB JSON column, as <c>SHOW CREATE TABLE</c> prints one:
    /// <c>ALTER TABLE … MODIFY COLUMN `c` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin [NOT] NULL COMMENT '…'
    /// CHECK (json_valid(`c`))</c>, so its collation and its check are kept.</summary>
    internal static string ModifyJson(ExportedColumn column, string comment) =>
        $"ALTER TABLE {Table(column)} MODIFY COLUMN {Quote(column.Column.Name)} longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin " +
        $"{(column.Column.Nullable ? "NULL" : "NOT NULL")} COMMENT {Literal(comment)} CHECK (json_valid({Quote(column.Column.Name)}))";

    private static bool IsLongText(ExportedColumn column) => column.Column.DeclaredType.Equals("longtext", StringComparison.OrdinalIgnoreCase);

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
