using DocumentFormat.OpenXml.Packaging;
using Inventory.Annotations;
using Inventory.Catalog;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Claims;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using Inventory.Tests.Annotations;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>A column entry's own <c>retention:</c> and <c>shared-with:</c> (README, Annotations: "per column: reason,
/// retention, shared-with"; its example gives <c>last_sign_in_ip</c> a retention of 13 months) reach the inventory, the
/// report and the claims (trial 27: both were read from the file and then dropped; the report showed the table's
/// retention for that column and the shared-with-only claim never saw a column shared on its own).</summary>
[TestFixture]
public sealed class ColumnAnnotationTermsTests
{
    private static readonly PolicyDocument Policy = PolicyDocument.Seed;

    private const string UsersAnnotation = """
        table: users
        activity: account-management
        retention: account lifetime + 30 days
        columns:
          id: none
          email: contact.email
          telephone: { category: contact.phone, shared-with: [intercom] }
          last_sign_in_ip:
            category: automatic.ip_address
            retention: 13 months
        """;

    private static InventoryDocument Merged(string annotation)
    {
        var document = Some.Document(Some.Source("app", Some.Table("users", null,
            Some.Column("id", null, family: TypeFamily.Integer),
            Some.Column("email", null),
            Some.Column("telephone", null),
            Some.Column("last_sign_in_ip", null, family: TypeFamily.Network))));
        return SeedClaims.Annotated(document, ("users.yml", annotation));
    }

    [Test]
    public void Apply_ColumnEntryWithRetentionAndSharedWith_RecordedOnTheColumn()
    {
        var columns = Merged(UsersAnnotation).Sources[0].Tables[0].Columns;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(columns.Single(c => c.Name == "last_sign_in_ip").Annotation!.Retention, Is.EqualTo("13 months"));
            Assert.That(columns.Single(c => c.Name == "telephone").Annotation!.SharedWith, Is.EqualTo(new[] { "intercom" }));
            Assert.That(columns.Single(c => c.Name == "email").Annotation!.Retention, Is.Null);
            Assert.That(columns.Single(c => c.Name == "email").Annotation!.SharedWith, Is.Null);
        }
    }

    [Test]
    public void Build_ColumnRetention_OverridesTheTablesInTheColumnRowAndTheRecord()
    {
        var model = ReportModel.Build(Merged(UsersAnnotation), Policy);

        var ip = model.Columns.Single(c => c.Location == "app/users.last_sign_in_ip");
        var email = model.Columns.Single(c => c.Location == "app/users.email");
        var record = model.Activities.Single(a => a.Id == "account-management").Categories.Single(k => k.Category == "automatic.ip_address");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ip.Retention, Is.EqualTo("13 months"));
            Assert.That(ip.RetentionDiffers, Is.True);
            Assert.That(email.Retention, Is.EqualTo("account lifetime + 30 days"));
            Assert.That(record.AnnotatedRetention, Is.EqualTo(new[] { "13 months (app/users.last_sign_in_ip)" }));
        }
    }

    [Test]
    public async Task Xlsx_AnnotatedRetentionDiffers_RegisterWarnsAndColumnSheetGivesThePolicysAndTheFlag()
    {
        var bytes = await ReportWriterTests.RenderAsync(new XlsxReportWriter(), ReportModel.Build(Merged(UsersAnnotation), Policy));

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var register = ReportWriterTests.ReadSheet(document.WorkbookPart!, "Registre");
        var columns = ReportWriterTests.ReadSheet(document.WorkbookPart!, "Colonnes");
        var retentionCell = register.Single(r => r[1] == "account-management")[Array.IndexOf(register[0], "Durées de conservation")];
        var ip = columns.Single(r => r[1] == "users" && r[2] == "last_sign_in_ip");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(retentionCell, Does.Contain("⚠ automatic.ip_address: l'annotation indique (annotation says): 13 months (app/users.last_sign_in_ip)"));
            Assert.That(columns[0][7..10], Is.EqualTo(new[] { "Durée selon la politique", "Diffère de la politique", "Contient aussi" }));
            // The policy's retention in the register's language (French by default); the policy's own period as written.
            Assert.That(ip[6..9], Is.EqualTo(new[] { "13 months", "other data deleted within 30 days (durée par défaut de la politique ; catégorie non déclarée par ce traitement)", "Oui" }));
        }
    }

    [Test]
    public void SharedWithOnly_ColumnSharedOnItsOwn_ThatColumnCheckedAndTheOthersNot()
    {
        var result = ClaimEvaluator.Evaluate(Policy.Claims.Single(c => c.Id == "intercom-email-and-signup-date-only"), Policy,
            Merged(UsersAnnotation));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            Assert.That(result.Findings.Select(f => f.Column), Is.EqualTo(new[] { "telephone" }));
        }
    }
}
