using System.Text;
using Inventory.Connectors.SqlServer;

namespace Inventory.Reports.Export;

/// <summary>
/// Writes T-SQL that labels each exported personal column the way SQL Server Management Studio's Data Discovery &amp;
/// Classification did before SQL Server 2019 (SSMS 17.5 and later on SQL Server 2012–2017, which have no
/// <c>ADD SENSITIVITY CLASSIFICATION</c>): four column extended properties, <c>sys_information_type_name</c>,
/// <c>sys_information_type_id</c>, <c>sys_sensitivity_label_name</c> and <c>sys_sensitivity_label_id</c>, with the same
/// names and ids as <see cref="SqlServerClassifications.For"/> (the scan reads the two names back as the column's label).
/// Each property is set with <c>sys.sp_updateextendedproperty</c> when the column already has it, else
/// <c>sys.sp_addextendedproperty</c>, so re-running the script changes nothing. The legacy format has no rank. Columns
/// exported as <c>none</c> get no property (existing ones are left alone); columns of views get none (their base tables
/// carry them). Sources: Microsoft Learn, "sp_addextendedproperty", "sp_updateextendedproperty", "SQL Data Discovery
/// and Classification" (the extended properties SSMS used before SQL Server 2019).
/// </summary>
internal static class SqlServerExtendedPropertiesScript
{
    /// <summary>The four properties, in the order they are written: name, and the classification's value for it.</summary>
    private static readonly (string Name, Func<SqlServerClassification, string> Value)[] Properties =
    [
        ("sys_information_type_name", c => c.InformationType),
        ("sys_information_type_id", c => c.InformationTypeId),
        ("sys_sensitivity_label_name", c => c.Label),
        ("sys_sensitivity_label_id", c => c.LabelId),
    ];

    /// <summary>The script text.</summary>
    /// <param name="plan">Columns to export (SQL Server sources).</param>
    public static string Write(ExportPlan plan)
    {
        var personal = SqlServerClassificationScript.PersonalTableColumns(plan);
        var text = new StringBuilder();
        ScriptHeader.Write(text, plan, "--", "SQL Server classification extended properties (before SQL Server 2019)",
            [
                $"Labels {personal.Count} personal columns with the four column extended properties SSMS's Data Discovery &",
                "Classification wrote before SQL Server 2019: sys_information_type_name/_id, sys_sensitivity_label_name/_id.",
                "For SQL Server 2012 to 2017, which have no ADD SENSITIVITY CLASSIFICATION; on SQL Server 2019+ or Azure SQL use",
                "--format sqlserver-labels instead (SSMS there reads sys.sensitivity_classifications).",
                "Each property is updated when the column has it, else added, so re-running the script changes nothing.",
                "Columns exported as `none` get no property; existing ones on them are left alone. Columns of views get none.",
                "Built-in information types are used where one maps back to the exact category; other categories are custom",
                "information types named by the category (e.g. contact.email), which `inventory scan` reads back as-is.",
                "All statements run in one transaction (XACT_ABORT on). Apply with sqlcmd -b -i FILE as a user with ALTER on",
                "the tables (or db_owner).",
            ],
            [
                "Run the commented statements in the UNDO block at the end: they drop the properties this script sets.",
                "Where the scan saw an earlier label on a column, the UNDO block names it so it can be set again.",
            ]);
        text.Append("SET XACT_ABORT ON;\nBEGIN TRANSACTION;\n\n");
        foreach (var column in personal)
        {
            var classification = SqlServerClassifications.For(column.Category);
            text.Append("-- ").Append(ScriptHeader.Describe(column)).Append('\n');
            // The property's row of this column, as sys.extended_properties keys it (the same for the four properties).
            var table = Literal(Table(column));
            var where = $"ep.class = 1 AND ep.major_id = OBJECT_ID({table}) AND ep.minor_id = COLUMNPROPERTY(OBJECT_ID({table}), {Literal(column.Column.Name)}, 'ColumnId')";
            foreach (var (name, value) in Properties)
            {
                var arguments = Arguments(column, name, value(classification));
                text.Append("IF EXISTS (SELECT 1 FROM sys.extended_properties AS ep WHERE ").Append(where)
                    .Append(" AND ep.name = ").Append(Literal(name)).Append(")\n")
                    .Append("    EXEC sys.sp_updateextendedproperty ").Append(arguments).Append(";\nELSE\n")
                    .Append("    EXEC sys.sp_addextendedproperty ").Append(arguments).Append(";\n");
            }
            text.Append('\n');
        }
        text.Append("COMMIT TRANSACTION;\n\n");
        text.Append("-- UNDO: drops the properties set above.\n");
        foreach (var column in personal)
        {
            foreach (var (name, _) in Properties)
                text.Append("-- EXEC sys.sp_dropextendedproperty ").Append(ScriptHeader.Safe(Arguments(column, name, null))).Append(";\n");
            if (column.Column.DatabaseLabel is { Source: not "comment" } before)
                text.Append("--   (the scan saw ").Append(ScriptHeader.Safe($"label '{before.Label ?? ""}', information type '{before.InformationType ?? ""}'"))
                    .Append(" on this column before)\n");
        }
        return text.ToString();
    }

    /// <summary>The procedures' named arguments for one property of one column: <c>@name</c>, <c>@value</c> (left out
    /// when null, as <c>sp_dropextendedproperty</c> takes none), and the column's three levels (schema, table, column)
    /// as plain names, not quoted identifiers.</summary>
    private static string Arguments(ExportedColumn column, string name, string? value) =>
        $"@name = {Literal(name)}, " + (value is null ? "" : $"@value = {Literal(value)}, ") +
        $"@level0type = N'SCHEMA', @level0name = {Literal(column.Table.Schema)}, @level1type = N'TABLE', @level1name = {Literal(column.Table.Name)}, " +
        $"@level2type = N'COLUMN', @level2name = {Literal(column.Column.Name)}";

    /// <summary><c>[schema].[table]</c>, quoted with the connectors' helper, for <c>OBJECT_ID</c>.</summary>
    private static string Table(ExportedColumn column) => SqlServerIdentifiers.Quote(column.Table.Schema, column.Table.Name);

    private static string Literal(string value) => SqlServerClassificationScript.Literal(value);
}
