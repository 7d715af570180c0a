using DocumentFormat.OpenXml.Packaging;
using NUnit.Framework;
using System.Text;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;

namespace Inventory.Tests.Reports;

/// <summary>What a newcomer DPO needs to see in the report: conflicts, claim-violating columns in the record, both
/// retentions where they differ, the processor record's tables.</summary>
[TestFixture]
public sealed class ReportPolishTests
{
    private static readonly PolicyDocument Policy = PolicyDocument.Seed;

    private static async Task<string> Render(string format, ReportModel model) =>
        Encoding.UTF8.GetString(await ReportWriterTests.RenderAsync(ReportWriters.Create(format), model));

    private static string NoBreaks(string html) => html.Replace("<wbr>", "", StringComparison.Ordinal);

    /// <summary>The sample with users.notify_to annotated none while every sampled value is an e-mail address.</summary>
    private static InventoryDocument WithConflict()
    {
        var inventory = SampleInventory.Build();
        var users = inventory.Sources[0].Tables.Single(t => t.Name == "users");
        var column = Some.Column("notify_to", "none");
        column.Ordinal = 50;
        column.Status = ColumnStatus.Conflict;
        column.Annotation = new AnnotationRef { DataCategory = "none", File = "annotations/app.users.yml", Line = 7 };
        column.Conflict = "annotated none, but 338/338 non-null sampled values are e-mail addresses (detector.email)";
        column.Classification = new ColumnClassification
        {
            DataCategory = "contact.email", Confidence = 0.97,
            Evidence = [new EvidenceItem("detector", "detector.email", "contact.email", 338, 338, 1.0)],
        };
        users.Columns.Add(column);
        return inventory;
    }

    [TestCase("md")]
    [TestCase("html")]
    [TestCase("json")]
    public async Task Render_ConflictingColumn_ListedWithAnnotatedCategoryAndCounts(string format)
    {
        var text = await Render(format, ReportModel.Build(WithConflict(), Policy));

        Assert.That(text, Does.Contain(format == "json" ? "\"conflicts\"" : "Conflicts: annotations and database labels contradicted by the data"));
        var section = format == "json" ? text[text.IndexOf("\"conflicts\"", StringComparison.Ordinal)..]
            : text[text.IndexOf("Conflicts: annotations and database labels contradicted by the data</h2>", StringComparison.Ordinal) is >= 0 and var i ? i..
                : text.IndexOf("## Conflicts", StringComparison.Ordinal)..];
        Assert.That(section, Does.Contain(format == "html" ? "notify_<wbr>to" : "notify_to"));
        Assert.That(section, Does.Contain("338/338").And.Contain("detector.email"));
        Assert.That(NoBreaks(section), Does.Contain("annotations/app.users.yml:7"));
    }

    [Test]
    public async Task Xlsx_ConflictingColumn_ListedOnTheConflictsSheet()
    {
        using var buffer = new MemoryStream();
        await new XlsxReportWriter().WriteAsync(ReportModel.Build(WithConflict(), Policy), buffer);

        var text = ReportWriterTests.XlsxText(buffer.ToArray());

        Assert.That(text, Does.Contain("Conflits").And.Contain("notify_to").And.Contain("338/338"));
    }

    [Test]
    public async Task Xlsx_ActivityWithoutRecipients_RegisterSaysSoAsTheOtherFormatsDo()
    {
        // Given the seed policy, whose account-management activity names no recipient (trial 30: the register's
        // "Destinataires" cell was blank, where the HTML and Markdown records say "none outside the controller").
        var model = ReportModel.Build(SampleInventory.Build(), Policy);
        using var buffer = new MemoryStream();
        await new XlsxReportWriter().WriteAsync(model, buffer);
        buffer.Position = 0;

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(buffer, false);
        var register = ReportWriterTests.ReadSheet(document.WorkbookPart!, "Registre");
        var recipients = Array.IndexOf(register[0], "Destinataires");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.Activities.Single(a => a.Id == "account-management").Recipients, Is.Empty);
            Assert.That(register.Single(r => r[1] == "account-management")[recipients],
                Is.EqualTo("Aucun en dehors du responsable du traitement (none outside the controller)"));
            Assert.That(register.Single(r => r[1] == "billing-and-payment")[recipients], Is.EqualTo("Stripe (payment gateway) (processor, IE)"));
        }
    }

    [Test]
    public void Build_ConflictingColumn_EvidenceComesFromCountsNotTheFreeText()
    {
        var inventory = WithConflict();
        inventory.AllColumns().Single(x => x.Column.Name == "notify_to").Column.Conflict = "CANARY free text";

        var row = ReportModel.Build(inventory, Policy).Conflicts.Single();

        Assert.That((row.Location, row.Annotated), Is.EqualTo(("app/users.notify_to", "none")));
        Assert.That(row.Evidence, Is.EqualTo("338/338 sampled values match contact.email (detector.email)"));
    }

    /// <summary>Trial41 finding 3: the column rows gave category and status only, so a suggestion at 0.03 and one at 0.99
    /// read alike and a DBA could not see who decided. The CSV and the Colonnes sheet now give the declared type, the
    /// origin, the confidence, the annotation entry and the scan's own suggestion with its evidence.</summary>
    [Test]
    public async Task Render_ColumnRows_SayWhoDecidedWithWhatConfidenceAndTheScansOwnSuggestion()
    {
        // Given a weak suggestion and an annotated column whose annotation overrides what the scan found
        var inventory = SampleInventory.Build();
        var amount = inventory.Sources[0].Tables.Single(t => t.Name == "legacy_payments").Columns.Single(c => c.Name == "amount");
        amount.Classification = new ColumnClassification
        {
            DataCategory = "financial.billing", Confidence = 0.0349, Origin = Origin.Model,
            Evidence = [new EvidenceItem("name-rule", "name.en.amount", "financial.billing", Score: 0.8)],
        };
        amount.ApplyClassification();
        var email = inventory.Sources[0].Tables.Single(t => t.Name == "users").Columns.Single(c => c.Name == "email");
        email.DataCategory = "none";
        email.Annotation = new AnnotationRef { DataCategory = "none", File = "annotations/users.yml", Line = 7, Reason = "a shared mailbox" };
        email.Classification = new ColumnClassification
        {
            DataCategory = "contact.email", Confidence = 0.998, Origin = Origin.Rules,
            Evidence = [new EvidenceItem("detector", "detector.email", "contact.email", 40, 40)],
        };

        // When the CSV and the XLSX are written
        var model = ReportModel.Build(inventory, Policy);
        var csv = await Render("csv", model);
        using var stream = new MemoryStream(await ReportWriterTests.RenderAsync(new XlsxReportWriter(), model));
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = ReportWriterTests.ReadSheet(document.WorkbookPart!, "Colonnes");

        // Then each row says who decided, how sure, where the annotation is, and what the scan itself suggests
        var lines = csv.Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0], Does.EndWith(",also_contains,type,origin,confidence,annotated_at,scan_suggestion"));
            Assert.That(lines, Has.One.StartsWith("app,legacy_payments,amount,financial.billing,suggested,")
                .And.EndsWith(",\"numeric(12,2)\",model,0.03,,financial.billing (0.03) — name.en.amount 0.80"));
            Assert.That(lines, Has.One.StartsWith("app,users,email,none,").And.EndsWith(",text,annotation,1.00,annotations/users.yml:7,contact.email (0.99) — detector.email 40/40"));
            var heading = sheet[0];
            var row = sheet.Single(r => r[1] == "legacy_payments" && r[2] == "amount");
            Assert.That(heading[^5..], Is.EqualTo(new[] { "Type", "Origine", "Confiance", "Annotation", "Suggestion de l'analyse" }));
            // What decided the category: the register's "French (English)" for a fixed word.
            Assert.That(row[^5..], Is.EqualTo(new[] { "numeric(12,2)", "modèle (model)", "0.03", "", "financial.billing (0.03) — name.en.amount 0.80" }));
        }
    }

    // The sample's card column is a suggestion, not a tag: marked so (trial37 finding 7) before its violation.
    [TestCase("md", "`app/legacy_payments.card_number` (suggested, not reviewed) ⚠ violates `no-stored-card-number`")]
    [TestCase("html", "<code>app/<wbr>legacy_<wbr>payments.<wbr>card_<wbr>number</code> <span class=\"muted\">(suggested, not reviewed)</span> <span class=\"undeclared\">⚠ violates <code>no-<wbr>stored-<wbr>card-<wbr>number</code>")]
    public async Task Render_ColumnViolatingAClaim_MarkedInItsActivityTable(string format, string expected)
    {
        // Given the legacy card table annotated with the billing activity (as in the demo).
        var inventory = SampleInventory.Build();
        inventory.Sources[0].Tables.Single(t => t.Name == "legacy_payments").Activity = "billing-and-payment";

        var text = await Render(format, ReportModel.Build(inventory, Policy));

        Assert.That(text, Does.Contain(expected));
        Assert.That(text, Does.Not.Contain("payment_methods.card_last4` ⚠").And.Not.Contain("card_<wbr>last4</code> <span"));
    }

    [Test]
    public async Task Build_AnnotatedRetentionDiffersFromPolicy_BothShownAndFlagged()
    {
        var inventory = SampleInventory.Build();
        inventory.Sources[0].Tables.Single(t => t.Name == "login_events").Retention = "1 year (connection logs)";

        var model = ReportModel.Build(inventory, Policy);
        var ip = model.Columns.Single(c => c.Location == "app/login_events.ip");
        var md = await Render("md", model);
        var csv = await Render("csv", model);

        Assert.That((ip.Retention, ip.RetentionDiffers), Is.EqualTo(("1 year (connection logs)", true)));
        Assert.That(ip.PolicyRetention, Does.StartWith("12 months"));
        Assert.That(md, Does.Contain("⚠ annotation says: 1 year (connection logs) (app/login\\_events)"));
        Assert.That(csv, Does.Contain("app,login_events,ip,automatic.ip_address,tagged,service-operation,1 year (connection logs),12 months"));
        Assert.That(csv.Split('\n')[0], Does.EndWith("retention,policy_retention,retention_differs,also_contains,type,origin,confidence,annotated_at,scan_suggestion"));
    }

    [Test]
    public async Task Render_UndeclaredCategoryRow_GivesThePolicyDefaultFlaggedAsUndeclared()
    {
        // The retention that applies (no rule of account-management covers sign-in times: the policy's default), flagged,
        // in the words of the CSV's column rows (trial 26 finding 2: it said "no retention declared").
        var md = await Render("md", ReportModel.Build(SampleInventory.Build(), Policy));

        var row = md.Split('\n').First(l => l.StartsWith("| `automatic.activity` (not declared)", StringComparison.Ordinal));
        Assert.That(row, Does.Contain("| other data deleted within 30 days (policy default; category not declared by this activity) |"));
    }

    [Test]
    public void Build_ProcessorActivity_ListsEveryAttributedTableAndMarksFoundCategoriesAsTheCustomersToDeclare()
    {
        // Given: apps is annotated with the processor activity but holds no personal column; deployments holds an
        // undeclared category; the processor source's table belongs to the activity too.
        var inventory = SampleInventory.Build();
        inventory.Sources[0].Tables.Add(Some.Table("apps", "hosting-customer-data", Some.Id(), Some.Column("slug", "none")));
        inventory.Sources[0].Tables.Single(t => t.Name == "deployments").Columns.Add(Some.Column("deployed_by_email", "contact.email"));

        var processor = ReportModel.Build(inventory, Policy).ProcessorActivities.Single();

        Assert.That(processor.Tables, Is.EquivalentTo(new[] { "app/deployments", "app/apps", "customer-dbs/tenant_42.orders" }));
        // A host table's category beyond the declaration is the customers' to declare, as a processor source's (users44,
        // trial43 finding 7): marked so, not undeclared.
        var email = processor.Categories.Single(k => k.Category == "contact.email");
        Assert.That((email.Declared, email.CustomersToDeclare), Is.EqualTo((true, true)));
    }
}
