using System.Text;
using Inventory.Connectors;

namespace Inventory.Reports.Export;

/// <summary>
/// Writes <c>COMMENT ON COLUMN</c> statements for PostgreSQL: each exported column's comment becomes the comment the scan
/// recorded with its <c>inventory:</c> line added or replaced (<see cref="CommentLabel.Merge"/>), which the label reader
/// reads back as a database label. One transaction; re-running it gives the same comments. The undo block restores the
/// comments as the scan recorded them. Both start with a check (<see cref="WriteCheck"/>): every column must still be in
/// the database with the comment the scan recorded or the one the script writes, else the script raises an error naming
/// the columns and changes nothing, so a comment a DBA edited after the scan is never overwritten (trial41 finding 1).
/// </summary>
internal static class PostgresCommentScript
{
    /// <summary>The script text.</summary>
    /// <param name="plan">Columns to export (PostgreSQL sources).</param>
    public static string Write(ExportPlan plan)
    {
        var text = new StringBuilder();
        ScriptHeader.Write(text, plan, "--", "PostgreSQL column comments",
            [
                "Sets the comment of each exported column: the comment the scan recorded, with one line `inventory: <category>`",
                "added (or an existing `inventory:`/`category=` line replaced); every other line of the comment is kept as it was.",
                "`inventory scan` reads that line back as a database label. All statements run in one transaction.",
                "It first checks that every column is still there with the comment the scan recorded (or the one it writes):",
                "a column dropped, renamed or whose comment was changed since the scan stops it before any change, naming them;",
                "then re-scan, export again and review, so a comment edited after the scan is never overwritten.",
                "Apply as the owner of the tables (COMMENT ON needs ownership): psql -v ON_ERROR_STOP=1 -f FILE",
            ],
            [
                "Run the commented statements in the UNDO block at the end of this file: they restore each comment as the",
                "scan recorded it (or remove it when there was none).",
            ]);
        text.Append("SET standard_conforming_strings = on;\nBEGIN;\n\n");
        var check = new StringBuilder();
        WriteCheck(check, plan);
        text.Append(check).Append('\n');
        foreach (var column in plan.Columns)
        {
            text.Append("-- ").Append(ScriptHeader.Describe(column)).Append('\n');
            text.Append("COMMENT ON COLUMN ").Append(Target(column)).Append(" IS ")
                .Append(Literal(CommentLabel.Merge(column.Column.Comment, column.Category))).Append(";\n\n");
        }
        text.Append("COMMIT;\n\n");
        text.Append("-- UNDO: restores the comments as the scan recorded them.\n-- BEGIN;\n");
        foreach (var line in check.ToString().Split('\n').SkipLast(1))
            text.Append("-- ").Append(line).Append('\n');
        foreach (var column in plan.Columns)
            text.Append("-- COMMENT ON COLUMN ").Append(OneLineTarget(column)).Append(" IS ")
                .Append(column.Column.Comment is { } old ? EscapedLiteral(old) : "NULL").Append(";\n");
        text.Append("-- COMMIT;\n");
        return text.ToString();
    }

    /// <summary>How many changed columns the check's error names (the count is always given).</summary>
    private const int NamedInError = 20;

    /// <summary>Writes the check that runs before any comment is set: a <c>DO</c> block (PL/pgSQL, trusted, needs no
    /// privilege) that looks up each exported column in <c>pg_attribute</c> and its comment with <c>col_description</c>,
    /// and raises an exception when a column is gone or its comment is neither the one the scan recorded nor the one the
    /// script writes (the error names the first <see cref="NamedInError"/> and counts them all; inside the script's
    /// transaction, so nothing is changed). Every literal is an escape string on one line, so the block can be commented
    /// out line by line for the undo block.</summary>
    /// <param name="text">Receives the block, lines ending with <c>\n</c>.</param>
    /// <param name="plan">The exported columns.</param>
    private static void WriteCheck(StringBuilder text, ExportPlan plan)
    {
        var body = new StringBuilder();
        body.Append("DECLARE\n    changed text[] := ARRAY[]::text[];\n    rel regclass;\n    col smallint;\nBEGIN\n");
        foreach (var column in plan.Columns)
        {
            var name = $"{column.Table.QualifiedName}.{column.Column.Name}";
            var scanned = column.Column.Comment is { } old ? EscapedLiteral(old) : "NULL";
            var written = EscapedLiteral(CommentLabel.Merge(column.Column.Comment, column.Category));
            body.Append("    rel := to_regclass(").Append(EscapedLiteral(TableName(column))).Append(");\n")
                .Append("    col := (SELECT a.attnum FROM pg_attribute AS a WHERE a.attrelid = rel AND a.attname = ")
                .Append(EscapedLiteral(column.Column.Name)).Append(" AND a.attnum > 0 AND NOT a.attisdropped);\n")
                .Append("    IF col IS NULL THEN changed := array_append(changed, ").Append(EscapedLiteral(name + ": not in the database (dropped or renamed since the scan)")).Append(");\n")
                .Append("    ELSIF col_description(rel, col) IS DISTINCT FROM ").Append(scanned)
                .Append(" AND col_description(rel, col) IS DISTINCT FROM ").Append(written)
                .Append(" THEN changed := array_append(changed, ").Append(EscapedLiteral(name + ": its comment was changed since the scan")).Append(");\n")
                .Append("    END IF;\n");
        }
        body.Append("    IF cardinality(changed) > 0 THEN\n")
            .Append("        RAISE EXCEPTION 'inventory export: % of the exported columns changed since the scan, so nothing was applied: %',\n")
            .Append("            cardinality(changed), array_to_string(changed[1:").Append(NamedInError).Append("], '; ') || CASE WHEN cardinality(changed) > ")
            .Append(NamedInError).Append(" THEN ' …' ELSE '' END\n")
            .Append("            USING HINT = 'Re-scan the database, export again and review the new script: a comment edited after the scan would be overwritten.';\n")
            .Append("    END IF;\n")
            .Append("END\n");
        // A dollar-quote tag the body does not hold (a comment may contain $$ or any tag).
        var bodyText = body.ToString();
        var tag = "$inventory_check$";
        for (int i = 1; bodyText.Contains(tag, StringComparison.Ordinal); i++)
            tag = $"$inventory_check{i}$";
        text.Append("-- Check: every column still as the scan saw it (else nothing is changed).\n")
            .Append("DO ").Append(tag).Append('\n').Append(bodyText).Append(tag).Append(";\n");
    }

    /// <summary><c>"schema"."table"</c> as <c>to_regclass</c> reads it.</summary>
    private static string TableName(ExportedColumn column) => Identifiers.QuoteDouble(column.Table.Schema, column.Table.Name);

    /// <summary><c>"schema"."table"."column"</c>, quoted with the connectors' helper.</summary>
    private static string Target(ExportedColumn column) =>
        Identifiers.QuoteDouble(column.Table.Schema, column.Table.Name) + "." + Identifiers.QuoteDouble(column.Column.Name);

    /// <summary><see cref="Target"/> on one line, for the commented undo block: a name holding a line break or another
    /// control character is written as a Unicode-escaped identifier (<c>U&amp;"a\000Ab"</c>, PostgreSQL manual
    /// "Identifiers and Key Words"), so the uncommented line still names the column.</summary>
    private static string OneLineTarget(ExportedColumn column)
    {
        static string Part(string name)
        {
            if (!name.Any(char.IsControl)) return Identifiers.QuoteDouble(name);
            var sb = new StringBuilder("U&\"");
            foreach (var c in name)
                sb.Append(c switch
                {
                    '"' => "\"\"",
                    '\\' => "\\\\",
                    _ when char.IsControl(c) => "\\" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
                    _ => c.ToString(),
                });
            return sb.Append('"').ToString();
        }
        var table = string.IsNullOrEmpty(column.Table.Schema) ? Part(column.Table.Name) : Part(column.Table.Schema) + "." + Part(column.Table.Name);
        return table + "." + Part(column.Column.Name);
    }

    /// <summary>A standard string literal (<c>standard_conforming_strings = on</c>, set by the script): quotes doubled,
    /// backslashes and line breaks literal.</summary>
    internal static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>An escape string literal on one line (<c>E'…\n…'</c>), for the commented undo block.</summary>
    internal static string EscapedLiteral(string value)
    {
        var sb = new StringBuilder("E'");
        foreach (var c in value)
            sb.Append(c switch
            {
                '\'' => "''",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        return sb.Append('\'').ToString();
    }
}
