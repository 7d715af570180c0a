using Inventory.Catalog;
using Inventory.Reports.Export;
using NUnit.Framework;

namespace Inventory.Tests.Export;

/// <summary>Each export format of one small inventory, checked against the expected file in <c>Export/Expected</c>
/// (reviewed by hand; the writers are deterministic: no clock, no culture). Set <c>INVENTORY_UPDATE_EXPECTED=1</c>
/// to rewrite them after an intended change, then review the diff.</summary>
[TestFixture]
public sealed class ExpectedFileTests
{
    private static string ExpectedPath(string name) =>
        Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "Export", "Expected", name);

    /// <summary>users: id (none), email (annotated, with a comment), last_ip (suggested 0.95), nickname (suggested 0.6);
    /// a view over users; the source's provider set per format.</summary>
    private static ExportPlan Plan(string provider, string schema)
    {
        var users = ExportDocuments.Table(schema, "users",
        [
            ExportDocuments.Tagged("id", "none", 1, "bigint", nullable: false),
            ExportDocuments.Tagged("email", "contact.email", 2, "varchar(255)", nullable: false, comment: "Login e-mail, unique"),
            ExportDocuments.Suggested("last_ip", "automatic.ip_address", 0.95, 3),
            ExportDocuments.Suggested("nickname", "contact.username", 0.6, 4),
        ], defaultSchema: schema);
        var view = ExportDocuments.Table(schema, "active_users", [ExportDocuments.Tagged("email", "contact.email", 1, "varchar(255)")], TableKind.View, schema);
        return ExportDocuments.Plan(ExportDocuments.Document(provider, view, users), threshold: 0.9);
    }

    [TestCase("sqlserver", "dbo", ExportFormat.SqlServerLabels, "labels-sqlserver.sql")]
    [TestCase("postgres", "public", ExportFormat.PostgresComments, "labels-postgres.sql")]
    [TestCase("mysql", "shop", ExportFormat.MySqlComments, "labels-mysql.sql")]
    [TestCase("postgres", "public", ExportFormat.Fides, "fides-dataset.yml")]
    public void Write_SmallInventory_MatchesTheExpectedFile(string provider, string schema, ExportFormat format, string file)
    {
        var actual = LabelExport.Write(Plan(provider, schema), format);
        var path = ExpectedPath(file);
        if (Environment.GetEnvironmentVariable("INVENTORY_UPDATE_EXPECTED") == "1")
            File.WriteAllText(path, actual);
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path).ReplaceLineEndings("\n")));
    }
}
