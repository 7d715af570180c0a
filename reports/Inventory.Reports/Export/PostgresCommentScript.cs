using System.Text;
using Inventory.Connectors;

namespace Inventory.Reports.Export;

/// <summary>
/// Writes <c>COMMENT ON COLUMN</c> statements for PostgreSQL: each exported column's comment becomes the comment the scan
/// recorded with its <c>inventory:</c> line added or replaced (<see cref="CommentLabel.Merge"/>), which the label reader
/// reads back as a database label. One transaction; re-running it gives the same comments. The undo block restores the
/// comments as the scan recorded them.
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
                "Comments changed in the database after the scan are overwritten: re-scan and re-export first if in doubt.",
                "Apply as the owner of the tables (COMMENT ON needs ownership): psql -v ON_ERROR_STOP=1 -f FILE",
            ],
            [
                "Run the commented statements in the UNDO block at the end of this file: they restore each comment as the",
                "scan recorded it (or remove it when there was none).",
            ]);
        text.Append("SET standard_conforming_strings = on;\nBEGIN;\n\n");
        foreach (var column in plan.Columns)
        {
            text.Append("-- ").Append(ScriptHeader.Describe(column)).Append('\n');
            text.Append("COMMENT ON COLUMN ").Append(Target(column)).Append(" IS ")
                .Append(Literal(CommentLabel.Merge(column.Column.Comment, column.Category))).Append(";\n\n");
        }
        text.Append("COMMIT;\n\n");
        text.Append("-- UNDO: restores the comments as the scan recorded them.\n-- BEGIN;\n");
        foreach (var column in plan.Columns)
            text.Append("-- COMMENT ON COLUMN ").Append(OneLineTarget(column)).Append(" IS ")
                .Append(column.Column.Comment is { } old ? EscapedLiteral(old) : "NULL").Append(";\n");
        text.Append("-- COMMIT;\n");
        return text.ToString();
    }

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
