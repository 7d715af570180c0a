using DocumentFormat.OpenXml.Packaging;
using Inventory.Catalog;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>One retention answer per column in every format (trial 26 finding 2): a category an activity's tables hold
/// but the activity does not declare gets the retention that actually applies — the activity's rule when one covers
/// the category, else the policy's default — flagged as undeclared, in the record (HTML, Markdown, XLSX, JSON) and in
/// the column rows (CSV, the XLSX column sheet) alike.</summary>
[TestFixture]
public sealed class UndeclaredRetentionTests
{
    private static readonly PolicyDocument Policy = PolicyDocument.Seed;

    /// <summary>users.last_sign_in_at is automatic.activity, which account-management does not declare and none of its
    /// rules covers: the policy default applies.</summary>
    private const string DefaultApplies = "other data deleted within 30 days (policy default; category not declared by this activity)";
    private const string DefaultAppliesFr = "other data deleted within 30 days (durée par défaut de la politique ; catégorie non déclarée par ce traitement)";

    /// <summary>login_events.device_id is automatic.device_id, which service-operation does not declare, but its rule for
    /// the whole automatic category covers it.</summary>
    private const string RuleApplies = "12 months; automatically collected data cannot be changed or removed; not erasable on request "
        + "(this activity's rule for automatic; category not declared by this activity)";

    /// <summary>The seed's processor activity keeps customer content for the contract's lifetime, on the customer's
    /// instruction; its customers' own categories (an e-mail column of a customer database) have no rule of their own.</summary>
    private const string ProcessorApplies = "contract lifetime; deleted within 30 days after termination, on the customer's instruction "
        + "(processor activity: the controller served decides, GDPR Art. 28(3)(g))";

    private static InventoryDocument Inventory()
    {
        var inventory = SampleInventory.Build();
        var column = Some.Column("device_id", "automatic.device_id");
        column.Ordinal = 60;
        inventory.Sources[0].Tables.Single(t => t.Name == "login_events").Columns.Add(column);
        return inventory;
    }

    private static Task<string> Render(string format, ReportModel model) => ReportWriterTests.RenderTextAsync(format, model);

    [Test]
    public void Build_UndeclaredCategoryNoRuleCovers_RecordAndColumnRowGiveThePolicyDefaultFlagged()
    {
        var model = ReportModel.Build(Inventory(), Policy);

        var record = model.Activities.Single(a => a.Id == "account-management").Categories.Single(k => k.Category == "automatic.activity");
        var row = model.Columns.Single(c => c.Location == "app/users.last_sign_in_at");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.Declared, Is.False);
            Assert.That(record.Retention, Is.EqualTo(DefaultApplies));
            Assert.That(row.PolicyRetention, Is.EqualTo(DefaultApplies));
            Assert.That(row.Retention, Is.EqualTo(DefaultApplies));
        }
    }

    [Test]
    public void Build_UndeclaredCategoryTheActivitysRuleCovers_RecordAndColumnRowGiveThatRuleFlagged()
    {
        var model = ReportModel.Build(Inventory(), Policy);

        var record = model.Activities.Single(a => a.Id == "service-operation").Categories.Single(k => k.Category == "automatic.device_id");
        var row = model.Columns.Single(c => c.Location == "app/login_events.device_id");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.Retention, Is.EqualTo(RuleApplies));
            Assert.That(row.PolicyRetention, Is.EqualTo(RuleApplies));
        }
    }

    [Test]
    public void Build_DeclaredCategory_RetentionWithoutTheFlag()
    {
        var model = ReportModel.Build(Inventory(), Policy);

        var record = model.Activities.Single(a => a.Id == "service-operation").Categories.Single(k => k.Category == "automatic.ip_address");
        var row = model.Columns.Single(c => c.Location == "app/login_events.ip");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.Retention, Is.EqualTo("12 months; automatically collected data cannot be changed or removed; not erasable on request"));
            Assert.That(row.PolicyRetention, Is.EqualTo(record.Retention));
        }
    }

    [Test]
    public void Build_ProcessorSourceCategoryTheProcessorActivityDoesNotName_NotFlagged()
    {
        // Customer-owned data in a processor source is the customers' to declare: never called undeclared.
        var inventory = Inventory();
        var email = inventory.Sources.Single(s => s.Name == "customer-dbs").Tables[0].Columns.Single(c => c.Name == "customer_email");
        email.DataCategory = "contact.email";
        email.Status = ColumnStatus.Tagged;

        var model = ReportModel.Build(inventory, Policy);

        var row = model.Columns.Single(c => c.Location == "customer-dbs/tenant_42.orders.customer_email");
        var record = model.ProcessorActivities.Single().Categories.Single(k => k.Category == "contact.email");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(row.Activity, Is.EqualTo("hosting-customer-data"));
            // No rule of the processor activity names contact data: the processor activity's own retention, unflagged, in
            // both places; never the policy's default, the host's rule for its own data (trial 30).
            Assert.That(row.PolicyRetention, Is.EqualTo(ProcessorApplies));
            Assert.That(record.Retention, Is.EqualTo(row.PolicyRetention));
            Assert.That(row.RetentionDiffers, Is.False);
        }
    }

    [TestCase("md")]
    [TestCase("html")]
    [TestCase("csv")]
    [TestCase("json")]
    public async Task Render_UndeclaredCategory_SameRetentionWordsInRecordAndColumns(string format)
    {
        var text = await Render(format, ReportModel.Build(Inventory(), Policy));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(DefaultApplies));
            Assert.That(text, Does.Contain(RuleApplies));
            Assert.That(text, Does.Not.Contain("no retention declared"));
        }
    }

    [Test]
    public async Task Xlsx_UndeclaredCategory_RegisterAndColumnSheetGiveTheFlaggedRetention()
    {
        var bytes = await ReportWriterTests.RenderAsync(new XlsxReportWriter(), ReportModel.Build(Inventory(), Policy));

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var register = ReportWriterTests.ReadSheet(document.WorkbookPart!, "Registre");
        var columns = ReportWriterTests.ReadSheet(document.WorkbookPart!, "Colonnes");
        var retentionCell = register.Single(r => r[1] == "account-management")[Array.IndexOf(register[0], "Durées de conservation")];
        using (Assert.EnterMultipleScope())
        {
            // The register (French by default) words the flag in French, the policy's period as written (session 48).
            Assert.That(retentionCell, Does.Contain($"automatic.activity: {DefaultAppliesFr}"));
            Assert.That(columns.Single(r => r[1] == "users" && r[2] == "last_sign_in_at")[6], Is.EqualTo(DefaultAppliesFr));
        }
    }
}
