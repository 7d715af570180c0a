using DocumentFormat.OpenXml.Packaging;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>trial38 finding 1: an activity declaring the broad <c>financial</c> category, with a rule keeping
/// <c>financial.billing</c> and <c>financial.tax_id</c> 10 years (not erasable), had its register say "other data deleted
/// within 30 days (policy default)" for its invoices, while the column rows and the deletion-path claim used the 10-year
/// rule. The record's retention of a broad category now names the narrower rules that apply to the columns it lists.</summary>
[TestFixture]
public sealed class NarrowerRetentionTests
{
    private const string PolicyText = """
        controller: { name: Example Hosting SAS, address: Lyon }
        rights:
          default-retention: other data deleted within 30 days
        activities:
          - id: billing
            name: Billing
            purposes: [invoice the services]
            data-categories: [financial, contact]
            retention:
              - categories: [financial.billing, financial.tax_id]
                period: 10 years
                erasable: false
              - categories: [financial.bank_account]
                period: 13 months
        """;

    private const string Default = "other data deleted within 30 days (policy default)";
    private const string TenYears = "10 years; not erasable on request";
    private const string Financial = Default + ", except financial.billing and financial.tax_id (this activity's rule): " + TenYears
        + ", except financial.bank_account (this activity's rule): 13 months";

    private static PolicyDocument Policy => PolicyDocument.Parse(PolicyText, "policy.yml");

    private static InventoryDocument Inventory(params ColumnEntry[] extra) => Some.Document(Some.Source("billing",
        Some.Table("invoices", "billing", [Some.Id(), Some.Column("amount_cents", "financial.billing"), Some.Column("vat_number", "financial.tax_id"),
            Some.Column("iban", "financial.bank_account"), Some.Column("card_brand", "financial.payment_card"),
            Some.Column("billing_email", "contact.email"), .. extra])));

    [Test]
    public void Build_BroadDeclaredCategory_RecordNamesTheNarrowerRulesItsColumnsFallUnder()
    {
        var model = ReportModel.Build(Inventory(), Policy);

        var categories = model.Activities.Single(a => a.Id == "billing").Categories;
        var amount = model.Columns.Single(c => c.Location == "billing/invoices.amount_cents");
        var card = model.Columns.Single(c => c.Location == "billing/invoices.card_brand");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(categories.Single(k => k.Category == "financial").Retention, Is.EqualTo(Financial));
            // contact has no narrower rule: its retention is unchanged.
            Assert.That(categories.Single(k => k.Category == "contact").Retention, Is.EqualTo(Default));
            // The column rows keep each column's own rule, which the record now states too.
            Assert.That(amount.PolicyRetention, Is.EqualTo(TenYears));
            Assert.That(card.PolicyRetention, Is.EqualTo(Default));
        }
    }

    [Test]
    public void Build_NoColumnHoldsTheNarrowerCategory_RecordKeepsTheBroadRetentionAlone()
    {
        var inventory = Some.Document(Some.Source("billing",
            Some.Table("payments", "billing", Some.Id(), Some.Column("card_brand", "financial.payment_card"))));

        var model = ReportModel.Build(inventory, Policy);

        Assert.That(model.Activities.Single(a => a.Id == "billing").Categories.Single(k => k.Category == "financial").Retention, Is.EqualTo(Default));
    }

    [Test]
    public void Build_ColumnAnnotatedWithItsNarrowerRulesPeriod_IsNotFlaggedAsDiffering()
    {
        var inventory = Inventory();
        inventory.Sources[0].Tables[0].Columns.Single(c => c.Name == "amount_cents").Annotation!.Retention = "10 years";
        inventory.Sources[0].Tables[0].Columns.Single(c => c.Name == "card_brand").Annotation!.Retention = "5 years";

        var model = ReportModel.Build(inventory, Policy);

        var financial = model.Activities.Single(a => a.Id == "billing").Categories.Single(k => k.Category == "financial");
        using (Assert.EnterMultipleScope())
        {
            // amount_cents says its own rule's period: not a difference; card_brand says another than the default: one.
            Assert.That(financial.AnnotatedRetention, Is.EqualTo(new[] { "5 years (billing/invoices.card_brand)" }));
            Assert.That(model.Columns.Single(c => c.Location == "billing/invoices.amount_cents").RetentionDiffers, Is.False);
        }
    }

    [Test]
    public void WithNarrowerRules_BroadCategoryWithoutAnyRetention_SaysSoBeforeTheNarrowerRule()
    {
        var policy = PolicyDocument.Parse(PolicyText.Replace("rights:\n  default-retention: other data deleted within 30 days\n", ""), "policy.yml");
        var activity = policy.Activities.Single();

        var text = ReportModelBuilder.WithNarrowerRules(null, activity, "financial", ["financial.billing", "financial.payment_card"], policy)?.English;

        Assert.That(text, Is.EqualTo("no retention declared, except financial.billing (this activity's rule): " + TenYears));
    }

    [TestCase("md")]
    [TestCase("html")]
    [TestCase("json")]
    public async Task Render_RecordCarriesTheNarrowerRule(string format)
    {
        var text = await ReportWriterTests.RenderTextAsync(format, ReportModel.Build(Inventory(), Policy));

        Assert.That(text, Does.Contain("except financial.billing and financial.tax_id (this activity&#39;s rule): " + TenYears)
            .Or.Contain("except financial.billing and financial.tax_id (this activity's rule): " + TenYears)
            .Or.Contain("except financial.billing and financial.tax\\_id (this activity's rule): " + TenYears));
    }

    [Test]
    public async Task Xlsx_RegisterRetentionCellCarriesTheNarrowerRule()
    {
        var bytes = await ReportWriterTests.RenderAsync(new XlsxReportWriter(), ReportModel.Build(Inventory(), Policy));

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var register = ReportWriterTests.ReadSheet(document.WorkbookPart!, "Registre");
        var cell = register.Single(r => r[1] == "billing")[Array.IndexOf(register[0], "Durées de conservation")];

        // The register (French by default) words the rules' provenance in French (session 48).
        Assert.That(cell, Does.Contain("financial: other data deleted within 30 days (durée par défaut de la politique), sauf financial.billing et financial.tax_id (règle de ce traitement) : 10 years ; non effaçable sur demande, sauf financial.bank_account (règle de ce traitement) : 13 months"));
    }
}
