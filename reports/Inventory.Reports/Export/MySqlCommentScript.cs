using Inventory.Connectors.MySql;
using System.Text;

namespace Inventory.Reports.Export;

/// <summary>
/// Writes column-comment statements for MySQL and MariaDB. Their only way to change a column comment is
/// <c>ALTER TABLE … MODIFY COLUMN name definition COMMENT '…'</c>, which replaces the whole column definition, and the
/// inventory records only the declared type and nullability of a column. So each statement restates those two and is
/// <b>guarded</b>: it runs only on a column of a base table (<c>TABLE_TYPE = 'BASE TABLE'</c>: never a view, whose
/// columns MySQL cannot comment, nor a MariaDB system-versioned table, which refuses ALTER by default) when the live
/// column (read from <c>information_schema</c> when the script is applied) has exactly that type and nullability and no
/// column-level CHECK constraint (MariaDB keeps those in the column's definition, so <c>MODIFY</c> would drop them), and
/// when its default and <c>EXTRA</c> are among those the statement restates exactly, read from <c>information_schema</c>
/// at apply time: <c>AUTO_INCREMENT</c>, <c>ON UPDATE CURRENT_TIMESTAMP[(n)]</c> (MariaDB spells it
/// <c>current_timestamp()</c>; MySQL adds <c>DEFAULT_GENERATED</c> to <c>EXTRA</c>), and the default: on MariaDB 10.2.7
/// and later any (its <c>COLUMN_DEFAULT</c> is SQL: a literal quoted as <c>'active'</c>, <c>b'101'</c> or <c>-3</c>, an
/// expression as written, <c>curdate()</c>, <c>(1 + 2)</c>, and <c>NULL</c>, restated as it is), on MySQL only
/// <c>CURRENT_TIMESTAMP[(n)]</c> (its <c>COLUMN_DEFAULT</c> is a literal's bare value, which cannot be told from an
/// expression). A character set and collation other than the table's are restated after the type. A MariaDB
/// <c>JSON</c> column (<c>SHOW CREATE TABLE</c>: <c>longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin … CHECK (json_valid(`c`))</c>, the only check on it) is restated in that exact
/// form, so it keeps its collation and its check. Any other column is skipped with a result row naming it and saying why
/// (the DBA sets its comment by hand). The guard and the statement run as a prepared statement, since plain MySQL scripts
/// have no IF; the UNDO block at the end is the same guarded block with the comments the scan recorded, commented out line
/// by line with the prefix <see cref="UndoPrefix"/>. Columns of views never reach it: <see cref="LabelSelection"/> leaves
/// them out of every export and <c>--include-views</c> is refused for this format (trial 35 finding 2: MariaDB shows a base
/// column's comment on the view column, and ALTER TABLE on a view is ERROR 1347); the guard's base-table test refuses one
/// all the same. Sources: MariaDB "JSON Data Type" (an alias of LONGTEXT with a json_valid CHECK), "CONSTRAINT" (column-level checks), "Information Schema COLUMNS
/// Table" (COLUMN_DEFAULT, EXTRA; SQL since 10.2.7) and MySQL 8.0 "The INFORMATION_SCHEMA COLUMNS Table"
/// (DEFAULT_GENERATED), checked on MariaDB 10.11. A column whose comment is neither the one the scan recorded nor the one the script writes (a DBA edited it
/// after the scan) is skipped the same way, so the edit is never overwritten.
/// </summary>
internal static class MySqlCommentScript
{
    /// <summary>The prefix of every line of the UNDO block: a comment to MySQL (<c>--</c> and a space), removed by
    /// <c>sed -n 's/^-- undo&gt; //p' FILE</c> to get the undo script.</summary>
    public const string UndoPrefix = "-- undo> ";

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
                "Restated: the declared type and NULL/NOT NULL, as recorded by the scan; AUTO_INCREMENT, DEFAULT CURRENT_TIMESTAMP",
                "and ON UPDATE CURRENT_TIMESTAMP, CHARACTER SET and COLLATE where not the table's, and on MariaDB 10.2.7+ any DEFAULT",
                "(literal or expression, as information_schema shows it in SQL), all as they are when the script runs.",
                "Not restated: generated expressions, INVISIBLE, a column's own CHECK (MariaDB), a MySQL DEFAULT other than",
                "CURRENT_TIMESTAMP. So each statement is guarded: it runs only on a column of a base table, when information_schema",
                "shows the column with that exact type and nullability, no other default or EXTRA and no CHECK of its own.",
                "A MariaDB JSON column (LONGTEXT utf8mb4_bin with its json_valid CHECK) is restated in that form,",
                "collation and CHECK included, as SHOW CREATE TABLE prints it.",
                "Any other column is skipped and named, with the reason, in a result row `inventory_export_skipped`:",
                "set its comment by hand. Columns of views are not written (a view column has no comment of its own).",
                "A column whose comment was changed after the scan is skipped too (re-scan and export again): never overwritten.",
                "ALTER TABLE commits implicitly: there is no transaction. Interrupted half-way, run the script again: a column",
                "already done is written again with the same comment, and the rest is done.",
                "Tables of the scanned database are named without it: run the script in that database (or a copy of it),",
                "as a user with ALTER on the tables: mysql --show-warnings DATABASE < FILE (or mariadb DATABASE < FILE).",
            ],
            [
                "The UNDO block at the end restores each comment as the scan recorded it, with the same guard and skips.",
                $"Its lines start with `{UndoPrefix.TrimEnd()}`: sed -n 's/^{UndoPrefix}//p' FILE | mariadb DATABASE",
            ]);
        WriteGuarded(text, plan.Columns.Select(c => (c, CommentLabel.Merge(c.Column.Comment, c.Category), ScriptHeader.Describe(c))), "");
        text.Append("-- UNDO: restores the comments as the scan recorded them, with the same guard (sed -n 's/^")
            .Append(UndoPrefix).Append("//p' FILE | mariadb DATABASE).\n");
        WriteGuarded(text, plan.Columns.Select(c => (c, c.Column.Comment ?? "", ScriptHeader.Safe($"{c.Table.QualifiedName}.{c.Column.Name}: restore the scanned comment"))), UndoPrefix);
        return text.ToString();
    }

    /// <summary>Writes the guarded statements that give each column its comment, every line starting with
    /// <paramref name="prefix"/>: the session setup, one block per column, and the clean-up.</summary>
    private static void WriteGuarded(StringBuilder output, IEnumerable<(ExportedColumn Column, string Comment, string Description)> columns, string prefix)
    {
        var text = new StringBuilder();
        text.Append("SET @@SESSION.sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '');\n");
        // MariaDB 10.2.7 and later show COLUMN_DEFAULT as SQL (a literal quoted, an expression as written, NULL as NULL),
        // which the statement restates as it is; MySQL shows a literal's bare value, which cannot be told from an
        // expression, so there only CURRENT_TIMESTAMP is restated.
        text.Append("SET @inventory_version = VERSION();\n")
            .Append("SET @inventory_sql_defaults = @inventory_version LIKE '%MariaDB%' AND ").Append(VersionNumber).Append(" >= 100207;\n");
        // MariaDB keeps a column's CHECK in its definition (MODIFY drops it) and lists it in CHECK_CONSTRAINTS under the
        // column's name; MySQL's checks are table constraints that MODIFY keeps, and its CHECK_CONSTRAINTS has no
        // TABLE_NAME (5.7 has no such view): the count is read on MariaDB only.
        text.Append("SET @inventory_checks_sql = IF(@inventory_version LIKE '%MariaDB%',\n    ")
            .Append(Literal("SELECT COUNT(*), COALESCE(MAX(CHECK_CLAUSE = CONCAT('json_valid(`', REPLACE(@inventory_column, '`', '``'), '`)')), 0) " +
                "INTO @inventory_checks, @inventory_json_check FROM information_schema.CHECK_CONSTRAINTS " +
                "WHERE CONSTRAINT_SCHEMA = @inventory_schema AND TABLE_NAME = @inventory_table AND CONSTRAINT_NAME = @inventory_column"))
            .Append(",\n    'SELECT 0, 0 INTO @inventory_checks, @inventory_json_check');\n")
            .Append("PREPARE inventory_checks FROM @inventory_checks_sql;\n\n");
        foreach (var (column, comment, description) in columns)
        {
            text.Append("-- ").Append(description).Append('\n');
            text.Append("SET @inventory_schema = ").Append(InCurrentDatabase(column) ? "DATABASE()" : Literal(column.Table.Schema))
                .Append(", @inventory_table = ").Append(Literal(column.Table.Name))
                .Append(", @inventory_column = ").Append(Literal(column.Column.Name)).Append(";\n");
            text.Append("EXECUTE inventory_checks;\n");
            // Every test is NULL-safe (<=>): a view has no TABLE_COLLATION, and a NULL test would let the column through.
            text.Append("SET @inventory_why = (SELECT CASE\n")
                .Append("    WHEN NOT (t.TABLE_TYPE <=> 'BASE TABLE') THEN CONCAT('it is in a ', LOWER(COALESCE(t.TABLE_TYPE, 'relation')), ', not a base table')\n")
                .Append("    WHEN NOT (c.COLUMN_TYPE <=> ").Append(Literal(column.Column.DeclaredType))
                .Append(") OR NOT (c.IS_NULLABLE <=> ").Append(column.Column.Nullable ? "'YES'" : "'NO'")
                .Append(") THEN 'its type or nullability is not the one the scan recorded'\n")
                // A comment edited after the scan (neither the scanned one nor the one the script writes) is kept (trial41
                // finding 1): the forward and the undo blocks accept the same two.
                .Append("    WHEN NOT (c.COLUMN_COMMENT <=> ").Append(Literal(column.Column.Comment ?? ""))
                .Append(" OR c.COLUMN_COMMENT <=> ").Append(Literal(CommentLabel.Merge(column.Column.Comment, column.Category)))
                .Append(") THEN 'its comment was changed since the scan (re-scan and export again)'\n")
                .Append("    WHEN NOT (c.COLUMN_DEFAULT IS NULL OR (c.IS_NULLABLE = 'YES' AND c.COLUMN_DEFAULT = 'NULL') OR ")
                .Append(CurrentTimestampDefault).Append(" OR @inventory_sql_defaults) THEN ")
                .Append("'it has a DEFAULT other than CURRENT_TIMESTAMP, which MySQL''s information_schema does not show as SQL'\n")
                .Append("    WHEN NOT (").Append(RestatedExtra).Append(" IN ('', 'auto_increment') OR ").Append(OnUpdateCurrentTimestamp)
                .Append(") THEN CONCAT('it has ', UPPER(c.EXTRA))\n");
            // Only a column the scan recorded as longtext can be a MariaDB JSON column (the type is checked first).
            if (IsLongText(column))
                text.Append("    WHEN @inventory_checks = 1 AND @inventory_json_check = 1 AND c.COLLATION_NAME <=> 'utf8mb4_bin' THEN 'json'\n");
            text.Append("    WHEN @inventory_checks > 0 THEN 'it has a CHECK constraint of its own'\n")
                .Append("    ELSE '' END").Append(FromColumn);
            // What the statement restates besides type and nullability, as the live column has it (checked above).
            // A character set and collation other than the table's follow the type, as SHOW CREATE TABLE prints them.
            text.Append("SET @inventory_charset = (SELECT IF(c.COLLATION_NAME IS NULL OR c.COLLATION_NAME <=> t.TABLE_COLLATION, '', ")
                .Append("CONCAT(' CHARACTER SET ', c.CHARACTER_SET_NAME, ' COLLATE ', c.COLLATION_NAME))").Append(FromColumn);
            text.Append("SET @inventory_restated = (SELECT CONCAT(\n")
                .Append("    IF(").Append(CurrentTimestampDefault).Append(" OR (@inventory_sql_defaults AND c.COLUMN_DEFAULT IS NOT NULL), CONCAT(' DEFAULT ', c.COLUMN_DEFAULT), ''),\n")
                .Append("    IF(").Append(OnUpdateCurrentTimestamp).Append(", CONCAT(' ON UPDATE ', SUBSTRING(").Append(RestatedExtra).Append(", 11)), ''),\n")
                .Append("    IF(").Append(RestatedExtra).Append(" = 'auto_increment', ' AUTO_INCREMENT', ''))").Append(FromColumn);
            var (head, nullability, tail) = Modify(column, comment);
            text.Append("SET @inventory_ddl = CASE COALESCE(@inventory_why, 'missing')\n    WHEN '' THEN CONCAT(")
                .Append(Literal(head)).Append(", @inventory_charset, ").Append(Literal(nullability)).Append(", @inventory_restated, ").Append(Literal(tail)).Append(')');
            if (IsLongText(column))
            {
                var (jsonHead, jsonTail) = ModifyJson(column, comment);
                text.Append("\n    WHEN 'json' THEN CONCAT(").Append(Literal(jsonHead)).Append(", @inventory_restated, ").Append(Literal(jsonTail)).Append(')');
            }
            text.Append("\n    ELSE ").Append(Literal($"SELECT CONCAT({Literal($"skipped {Target(column)}: ")}, " +
                    "IF(@inventory_why IS NULL, 'the column is not in the table', @inventory_why), '; set the comment by hand') AS inventory_export_skipped"))
                .Append(" END;\n");
            text.Append("PREPARE inventory_stmt FROM @inventory_ddl; EXECUTE inventory_stmt; DEALLOCATE PREPARE inventory_stmt;\n\n");
        }
        text.Append("DEALLOCATE PREPARE inventory_checks;\n\n");
        if (prefix.Length == 0)
        {
            output.Append(text);
            return;
        }
        foreach (var line in text.ToString().Split('\n').SkipLast(1))
            output.Append(line.Length == 0 ? prefix.TrimEnd() : prefix + line).Append('\n');
    }

    /// <summary>The end of the two guard queries: the live column and its table, by the block's variables.</summary>
    private const string FromColumn = " FROM information_schema.COLUMNS AS c\n" +
        "    JOIN information_schema.TABLES AS t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME\n" +
        "    WHERE c.TABLE_SCHEMA = @inventory_schema AND c.TABLE_NAME = @inventory_table AND c.COLUMN_NAME = @inventory_column);\n";

    /// <summary>The live column's EXTRA without MySQL's <c>DEFAULT_GENERATED</c> (which only marks an expression
    /// default, restated with the default itself), lower case.</summary>
    private const string RestatedExtra = "TRIM(REPLACE(LOWER(c.EXTRA), 'default_generated', ''))";

    /// <summary>SQL: the server's version as a number, major × 10000 + minor × 100 + patch (<c>10.11.19-MariaDB-0+deb12u1</c>:
    /// 101119), from <c>@inventory_version</c> cut at its first <c>-</c>.</summary>
    private const string VersionNumber = "(SUBSTRING_INDEX(@inventory_version, '.', 1) * 10000 " +
        "+ SUBSTRING_INDEX(SUBSTRING_INDEX(@inventory_version, '.', 2), '.', -1) * 100 " +
        "+ SUBSTRING_INDEX(SUBSTRING_INDEX(SUBSTRING_INDEX(@inventory_version, '-', 1), '.', 3), '.', -1))";

    /// <summary>SQL test: the live default is CURRENT_TIMESTAMP (MySQL <c>CURRENT_TIMESTAMP</c>, MariaDB
    /// <c>current_timestamp()</c>, with a precision of 0 to 6) on a TIMESTAMP or DATETIME column.</summary>
    private const string CurrentTimestampDefault = "(c.DATA_TYPE IN ('timestamp', 'datetime') AND LOWER(c.COLUMN_DEFAULT) IN ('current_timestamp', " +
        "'current_timestamp()', 'current_timestamp(0)', 'current_timestamp(1)', 'current_timestamp(2)', 'current_timestamp(3)', " +
        "'current_timestamp(4)', 'current_timestamp(5)', 'current_timestamp(6)'))";

    /// <summary>SQL test: the live EXTRA is exactly <c>on update CURRENT_TIMESTAMP</c> (any precision; MariaDB
    /// <c>on update current_timestamp()</c>) on a TIMESTAMP or DATETIME column.</summary>
    private const string OnUpdateCurrentTimestamp = "(c.DATA_TYPE IN ('timestamp', 'datetime') AND " + RestatedExtra + " IN ('on update current_timestamp', " +
        "'on update current_timestamp()', 'on update current_timestamp(0)', 'on update current_timestamp(1)', 'on update current_timestamp(2)', " +
        "'on update current_timestamp(3)', 'on update current_timestamp(4)', 'on update current_timestamp(5)', 'on update current_timestamp(6)'))";

    /// <summary>The statement that sets the comment of a MariaDB JSON column, as <c>SHOW CREATE TABLE</c> prints one, in two
    /// parts around its live default (<c> DEFAULT '{}'</c> or nothing): <c>ALTER TABLE … MODIFY COLUMN `c` longtext
    /// CHARACTER SET utf8mb4 COLLATE utf8mb4_bin [NOT] NULL</c> and <c> COMMENT '…' CHECK (json_valid(`c`))</c>, so its
    /// collation and its check are kept.</summary>
    internal static (string Head, string Tail) ModifyJson(ExportedColumn column, string comment) =>
        ($"ALTER TABLE {Table(column)} MODIFY COLUMN {Quote(column.Column.Name)} longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin " +
         $"{(column.Column.Nullable ? "NULL" : "NOT NULL")}", $" COMMENT {Literal(comment)} CHECK (json_valid({Quote(column.Column.Name)}))");

    private static bool IsLongText(ExportedColumn column) => column.Column.DeclaredType.Equals("longtext", StringComparison.OrdinalIgnoreCase);

    /// <summary>The statement that sets one comment, in three parts around what is restated from the live column:
    /// <c>ALTER TABLE `t` MODIFY COLUMN `c` type</c>, then its character set and collation where they are not the
    /// table's, <c> [NOT] NULL</c>, then its default (MariaDB: any, as <c>COLUMN_DEFAULT</c> shows it; MySQL:
    /// CURRENT_TIMESTAMP), <c>ON UPDATE …</c> and <c>AUTO_INCREMENT</c>, and <c> COMMENT '…'</c>.</summary>
    internal static (string Head, string Nullability, string Tail) Modify(ExportedColumn column, string comment) =>
        ($"ALTER TABLE {Table(column)} MODIFY COLUMN {Quote(column.Column.Name)} {column.Column.DeclaredType}",
         column.Column.Nullable ? " NULL" : " NOT NULL", $" COMMENT {Literal(comment)}");

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
