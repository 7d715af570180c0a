using Inventory.Classification;
using System.Security.Cryptography;
using System.Text;
using Inventory.Connectors.SqlServer;

namespace Inventory.Reports.Export;

/// <summary>A SQL Server sensitivity classification for one data category.</summary>
/// <param name="InformationType">Information type name.</param>
/// <param name="InformationTypeId">Information type id (a GUID, upper case).</param>
/// <param name="Label">Sensitivity label name.</param>
/// <param name="LabelId">Sensitivity label id (a GUID, upper case).</param>
/// <param name="Rank">NONE, LOW, MEDIUM, HIGH or CRITICAL.</param>
/// <param name="BuiltIn">True when the information type is one of SQL Server's built-in ones.</param>
public sealed record SqlServerClassification(string InformationType, string InformationTypeId, string Label, string LabelId, string Rank, bool BuiltIn);

/// <summary>
/// Our data categories as SQL Server sensitivity classifications, the inverse of the label reader
/// (<see cref="Annotations.DatabaseLabels"/>): each category is written so that the reader maps it back to exactly that
/// category.
/// <list type="bullet">
/// <item>Where SQL Server's built-in information protection policy has an information type the reader maps to the category
/// itself, that type and its built-in id are used: <c>contact</c> → Contact Info, <c>contact.name</c> → Name,
/// <c>financial</c> → Financial, <c>financial.payment_card</c> → Credit Card, <c>financial.bank_account</c> → Banking,
/// <c>automatic.ip_address</c> → Networking, <c>other_personal.credentials</c> → Credentials,
/// <c>other_personal.date_of_birth</c> → Date Of Birth, <c>other_personal.national_id</c> → National ID,
/// <c>other_personal.health</c> → Health.</item>
/// <item>Every other category has no exact built-in type (Contact Info would read back as bare <c>contact</c>, Other as
/// nothing): it is written as a custom information type named by the category itself (<c>contact.email</c>), which the
/// reader takes as-is, with a stable id derived from the name (RFC 9562 UUID version 5).</item>
/// </list>
/// Labels follow DESIGN.md §7: <c>Highly Confidential</c> for customer content, <c>Confidential - GDPR</c> for every other
/// personal category. Ranks: HIGH for card, bank, credentials, national id, health, special categories and customer
/// content; LOW for automatic data; MEDIUM otherwise. Built-in names and ids: the default SQL Information Protection
/// policy of SSMS and Azure SQL (the ids SSMS writes with its classification wizard).
/// </summary>
public static class SqlServerClassifications
{
    /// <summary>Built-in information types: name → id.</summary>
    public static IReadOnlyDictionary<string, string> BuiltInInformationTypes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Banking"] = "8A462631-4130-0A31-9A52-C6A9CA125F92",
        ["Contact Info"] = "5C503E21-22C6-81FA-620B-F369B8EC38D1",
        ["Credentials"] = "C64ABA7B-3A3E-95B6-535D-3BC535DA5A59",
        ["Credit Card"] = "D22FA6E9-5EE4-3BDE-4C2B-A409604C4646",
        ["Date Of Birth"] = "3DE7CC52-710D-4E96-7E20-4D5188D2590C",
        ["Financial"] = "C44193E1-0E58-4B2A-9001-F7D6E7BC1373",
        ["Health"] = "6E2C5B18-97CF-3073-27AB-F12F87493DA7",
        ["Name"] = "57845286-7598-22F5-9659-15B24AEB125E",
        ["National ID"] = "6F5A11A7-08B1-19C3-59E5-8C89CF4F8444",
        ["Networking"] = "B40AD280-0F6A-6CA8-11BA-2F1A08651FCF",
        ["SSN"] = "D936EC2C-04A4-9CF7-44C2-378A96456C61",
        ["Other"] = "9C5B4809-0CCC-0637-6547-91A6F8BB609D",
    };

    /// <summary>Built-in sensitivity labels: name → id.</summary>
    public static IReadOnlyDictionary<string, string> BuiltInLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Public"] = "1866CA45-1973-4C28-9D12-04D407F147AD",
        ["General"] = "684A0DB2-D514-49D8-8C0C-DF84A7B083EB",
        ["Confidential"] = "331F0B13-76B5-2F1B-A77B-DEF5A73C73C2",
        ["Confidential - GDPR"] = "989ADC05-3F3F-0588-A635-F475B994915B",
        ["Highly Confidential"] = "B82CE05B-60A9-4CF3-8A8A-D6A0BB76E903",
        ["Highly Confidential - GDPR"] = "3302AE7F-B8AC-46BC-97F8-378828781EFD",
    };

    /// <summary>Categories with an exact built-in information type.</summary>
    private static readonly Dictionary<string, string> Exact = new(StringComparer.Ordinal)
    {
        ["contact"] = "Contact Info",
        ["contact.name"] = "Name",
        ["financial"] = "Financial",
        ["financial.payment_card"] = "Credit Card",
        ["financial.bank_account"] = "Banking",
        ["automatic.ip_address"] = "Networking",
        ["other_personal.credentials"] = "Credentials",
        ["other_personal.date_of_birth"] = "Date Of Birth",
        ["other_personal.national_id"] = "National ID",
        ["other_personal.health"] = "Health",
    };

    /// <summary>Namespace of the custom information type ids (a fixed random UUID; never change it, or re-runs would
    /// give existing classifications new ids).</summary>
    private static readonly Guid CustomTypeNamespace = new("6d1f0a52-8a5e-4c2b-9a43-51c0f1d2e7b4");

    /// <summary>The classification of a personal data category.</summary>
    /// <param name="category">A data category other than <c>none</c>.</param>
    /// <returns>Information type, label, their ids and rank.</returns>
    /// <exception cref="ArgumentException">The category is <c>none</c> (not personal: nothing to classify).</exception>
    public static SqlServerClassification For(string category)
    {
        if (category == "none") throw new ArgumentException("'none' is not personal data: it gets no sensitivity classification", nameof(category));
        var top = DataCategory.TopLevelOf(category);
        var label = top == "customer_content" ? "Highly Confidential" : "Confidential - GDPR";
        var rank = top switch
        {
            "customer_content" => "HIGH",
            "automatic" => "LOW",
            _ when category is "financial.payment_card" or "financial.bank_account" or "other_personal.credentials"
                or "other_personal.national_id" or "other_personal.health" or "other_personal.special_category" => "HIGH",
            _ => "MEDIUM",
        };
        return Exact.TryGetValue(category, out var type)
            ? new SqlServerClassification(type, BuiltInInformationTypes[type], label, BuiltInLabels[label], rank, BuiltIn: true)
            : new SqlServerClassification(category, CustomTypeId(category), label, BuiltInLabels[label], rank, BuiltIn: false);
    }

    /// <summary>The id of a custom information type: a name-based UUID (version 5, SHA-1) of the category in a fixed
    /// namespace, so every export gives a category the same id.</summary>
    /// <param name="category">The category (the information type name).</param>
    public static string CustomTypeId(string category)
    {
        var name = Encoding.UTF8.GetBytes(category);
        var input = new byte[16 + name.Length];
        CustomTypeNamespace.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D").ToUpperInvariant();
    }
}

/// <summary>
/// Writes T-SQL that classifies each exported personal column with <c>ADD SENSITIVITY CLASSIFICATION</c> (SQL Server
/// 2019+, Azure SQL Database, Azure SQL Managed Instance). Each add is preceded by a guarded
/// <c>DROP SENSITIVITY CLASSIFICATION</c> (only when the column has one), so re-running the script gives the same
/// classifications. Columns exported as <c>none</c> get no classification (and an existing one is left alone).
/// </summary>
internal static class SqlServerClassificationScript
{
    /// <summary>The script text.</summary>
    /// <param name="plan">Columns to export (SQL Server sources).</param>
    public static string Write(ExportPlan plan)
    {
        // Sensitivity classifications apply to table columns; views get none (their base tables carry them): the selection
        // leaves view columns out (ExportOptions.IncludeViews is refused for this format), the header counts them.
        var personal = PersonalTableColumns(plan);
        var text = new StringBuilder();
        ScriptHeader.Write(text, plan, "--", "SQL Server sensitivity classifications",
            [
                $"Classifies {personal.Count} personal columns with ADD SENSITIVITY CLASSIFICATION (SQL Server 2019+ or Azure SQL),",
                "visible in SSMS (Data Discovery & Classification), sys.sensitivity_classifications, auditing, Defender and Purview.",
                "A column that already has a classification gets it dropped first, so re-running the script changes nothing.",
                "Columns exported as `none` get no classification; an existing one on them is left alone.",
                "Columns of views get none either: classify their base tables.",
                "Built-in information types are used where one maps back to the exact category; other categories are custom",
                "information types named by the category (e.g. contact.email), which `inventory scan` reads back as-is.",
                "All statements run in one transaction (XACT_ABORT on). Apply with sqlcmd -b -i FILE as a user with ALTER ANY",
                "SENSITIVITY CLASSIFICATION (or db_owner).",
            ],
            [
                "Run the commented statements in the UNDO block at the end: they drop the classifications this script adds.",
                "Where the scan saw an earlier classification on a column, the UNDO block names it so it can be re-added.",
            ]);
        text.Append("SET XACT_ABORT ON;\nBEGIN TRANSACTION;\n\n");
        foreach (var column in personal)
        {
            var c = SqlServerClassifications.For(column.Category);
            var target = Target(column);
            var table = SqlServerIdentifiers.Quote(column.Table.Schema, column.Table.Name);
            text.Append("-- ").Append(ScriptHeader.Describe(column)).Append('\n');
            text.Append("IF EXISTS (SELECT 1 FROM sys.sensitivity_classifications AS sc WHERE sc.major_id = OBJECT_ID(")
                .Append(Literal(table)).Append(") AND sc.minor_id = COLUMNPROPERTY(OBJECT_ID(").Append(Literal(table)).Append("), ")
                .Append(Literal(column.Column.Name)).Append(", 'ColumnId'))\n");
            text.Append("    DROP SENSITIVITY CLASSIFICATION FROM ").Append(target).Append(";\n");
            text.Append("ADD SENSITIVITY CLASSIFICATION TO ").Append(target).Append('\n')
                .Append("    WITH (LABEL = ").Append(Plain(c.Label)).Append(", LABEL_ID = ").Append(Plain(c.LabelId))
                .Append(", INFORMATION_TYPE = ").Append(Plain(c.InformationType)).Append(", INFORMATION_TYPE_ID = ").Append(Plain(c.InformationTypeId))
                .Append(", RANK = ").Append(c.Rank).Append(");\n\n");
        }
        text.Append("COMMIT TRANSACTION;\n\n");
        text.Append("-- UNDO: drops the classifications added above.\n");
        foreach (var column in personal)
        {
            text.Append("-- DROP SENSITIVITY CLASSIFICATION FROM ").Append(ScriptHeader.Safe(Target(column))).Append(";\n");
            if (column.Column.DatabaseLabel is { Source: not "comment" } before)
                text.Append("--   (the scan saw ").Append(ScriptHeader.Safe($"label '{before.Label ?? ""}', information type '{before.InformationType ?? ""}', rank '{before.Rank ?? ""}'"))
                    .Append(" on this column before)\n");
        }
        return text.ToString();
    }

    /// <summary>The exported personal columns of tables (never of views), in the plan's order: the columns both SQL Server
    /// formats label.</summary>
    internal static List<ExportedColumn> PersonalTableColumns(ExportPlan plan) =>
        plan.Columns.Where(c => c.IsPersonal && c.Table.Kind is Catalog.TableKind.Table or Catalog.TableKind.PartitionedTable).ToList();

    /// <summary><c>[schema].[table].[column]</c>, quoted with the connectors' helper.</summary>
    private static string Target(ExportedColumn column) =>
        SqlServerIdentifiers.Quote(column.Table.Schema, column.Table.Name) + "." + SqlServerIdentifiers.Quote(column.Column.Name);

    /// <summary>A plain string literal, as the ADD SENSITIVITY CLASSIFICATION syntax documents its values (labels, types,
    /// GUIDs and category names are ASCII).</summary>
    private static string Plain(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A Unicode string literal: <c>N'…'</c> with quotes doubled.</summary>
    internal static string Literal(string value) => "N'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
