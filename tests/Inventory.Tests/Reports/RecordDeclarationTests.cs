using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>Trial43 finding 7 and its ROPA section. The processor record marks a category its tables hold beyond the
/// policy's declaration the same way whether it sits in a processor-role source or in a host table annotated with the
/// processor activity: the customers' to declare, never "(not declared)". And a controller activity's undeclared category
/// that another controller activity declares (organisations under account-management holding the SIRET billing keeps for
/// 10 years) suggests the annotation of a table serving both.</summary>
[TestFixture]
public sealed class RecordDeclarationTests
{
    private const string Hosting = "hosting-customer-data";

    private static InventoryDocument HostAndCustomer()
    {
        // Host tables annotated with the processor activity (an add-on's server address, a webhook's secret) and a
        // customer's database scanned as a processor source.
        var panel = Some.Source("panel",
            Some.Table("accounts", "account-management", Some.Id(), Some.Column("email", "contact.email")),
            Some.Table("addons", Hosting, Some.Id(), Some.Column("server_ip", "automatic.ip_address")),
            Some.Table("webhooks", Hosting, Some.Id(), Some.Column("secret", "other_personal.credentials"), Some.Column("payload", "customer_content.application_data")));
        var shop = Some.Source("shop",
            Some.Table("customers", null, Some.Id(), Some.Column("email", "contact.email"), Some.Column("last_ip", "automatic.ip_address")));
        shop.Role = ProcessingRole.Processor;
        return Some.Document(panel, shop);
    }

    [Test]
    public void ProcessorRecord_HostTableAndProcessorSource_SameMarkNeitherUndeclared()
    {
        var report = ReportModel.Build(HostAndCustomer(), PolicyDocument.Seed, null);

        var hosting = report.ProcessorActivities.Single(a => a.Id == Hosting);
        var byCategory = hosting.Categories.ToDictionary(c => c.Category);
        using (Assert.EnterMultipleScope())
        {
            // automatic.ip_address is held both in a host table (addons) and in the processor source (customers).
            Assert.That(byCategory["automatic.ip_address"].Columns, Is.EquivalentTo(new[] { "panel/addons.server_ip", "shop/customers.last_ip" }));
            foreach (var found in new[] { "automatic.ip_address", "other_personal.credentials", "contact.email" })
                Assert.That((byCategory[found].Declared, byCategory[found].CustomersToDeclare), Is.EqualTo((true, true)), found);
            Assert.That((byCategory["customer_content"].Declared, byCategory["customer_content"].CustomersToDeclare), Is.EqualTo((true, false)), "declared by the policy");
            Assert.That(report.UndeclaredCategories.Select(u => u.Activity), Has.None.EqualTo(Hosting));
            // The retention is the processor's (the controller served decides) and never says "not declared".
            Assert.That(byCategory["other_personal.credentials"].Retention, Does.Contain("processor activity: the controller served decides").And.Not.Contain("not declared"));
        }
    }

    [TestCase("md")]
    [TestCase("html")]
    public async Task ProcessorRecord_Rendered_MarkedAndTheLegendSaysWhy(string format)
    {
        var text = await ReportWriterTests.RenderTextAsync(format, ReportModel.Build(HostAndCustomer(), PolicyDocument.Seed, null));

        var processor = text[text.IndexOf("Processor record (Art. 30(2))", StringComparison.Ordinal)..];
        // Up to the table of processor sources ("Sources held as processor" in Markdown, "Source held as processor" in HTML).
        processor = processor[..processor.IndexOf(" held as processor", StringComparison.Ordinal)];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(processor, Does.Contain("automatic.ip_address").And.Contain("other_personal.credentials"));
            Assert.That(processor, Does.Not.Contain("not declared"), "no category of the processor record is flagged");
            Assert.That(processor.Split("(customers' to declare)").Length - 1, Is.EqualTo(3 + 1), "three categories marked, and the legend names the mark");
            Assert.That(processor.ReplaceLineEndings(" "), Does.Contain("in a processor-role source or in a host table annotated with the activity alike"));
        }
    }

    [Test]
    public async Task XlsxProcessorSheet_FoundCategoriesMarked()
    {
        var bytes = await ReportWriterTests.RenderAsync(ReportWriters.Create("xlsx"), ReportModel.Build(HostAndCustomer(), PolicyDocument.Seed, null));

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var rows = ReportWriterTests.ReadSheet(document.WorkbookPart!, "Sous-traitant");
        var categories = rows[1][Array.IndexOf(XlsxReportWriter.ProcessorHeadings.ToArray(), "Catégories de données personnelles concernées")];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(categories, Does.Contain("automatic.ip_address (à déclarer par les clients / customers' to declare)"));
            Assert.That(categories, Does.Contain("customer_content").And.Not.Contain("customer_content ("), "declared by the policy: no mark");
        }
    }

    [Test]
    public void OrganisationsUnderAccountManagement_TaxIdBillingDeclares_SuggestsBothActivities_AndTheSuggestionClearsIt()
    {
        // Given the auditor's case: organisations (SIREN/SIRET) annotated account-management only
        var organisations = Some.Table("organisations", "account-management", Some.Id(), Some.Column("name", "contact.company_name"), Some.Column("siret", "financial.tax_id"));
        var report = ReportModel.Build(Some.Document(Some.Source("panel", organisations)), PolicyDocument.Seed, null);

        // Then the finding names billing-and-payment with its retention and the annotation of a table serving both
        var row = report.UndeclaredCategories.Single();
        var record = report.Activities.Single(a => a.Id == "account-management").Categories.Single(c => c.Category == "financial.tax_id");
        const string Expected = "declared by billing-and-payment (kept 10 years after the end of the financial year): if the table serves it too, "
            + "annotate organisations with activity: [account-management, billing-and-payment]";
        using (Assert.EnterMultipleScope())
        {
            Assert.That((row.Activity, row.Category), Is.EqualTo(("account-management", "financial.tax_id")));
            Assert.That(row.DeclaredByAnother, Is.EqualTo(Expected));
            Assert.That(record.Declared, Is.False);
            Assert.That(record.DeclaredByAnother, Is.EqualTo(Expected));
            Assert.That(record.Retention, Does.Contain("policy default"), "until annotated, this activity's default applies");
        }

        // When the table is annotated as suggested
        organisations.SetActivities(["account-management", "billing-and-payment"]);
        var fixedReport = ReportModel.Build(Some.Document(Some.Source("panel", organisations)), PolicyDocument.Seed, null);

        // Then nothing is undeclared and billing's record keeps the SIRET for its 10 years
        var billing = fixedReport.Activities.Single(a => a.Id == "billing-and-payment").Categories.Single(c => c.Category == "financial.tax_id");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fixedReport.UndeclaredCategories, Is.Empty);
            Assert.That(billing.Columns, Is.EqualTo(new[] { "panel/organisations.siret" }));
            Assert.That(billing.Retention, Does.StartWith("10 years after the end of the financial year"));
        }
    }

    /// <summary>Every (activity A, category c) of the built-in policy where A is a controller activity that does not
    /// declare c: the other controller activities declaring c.</summary>
    private static IEnumerable<TestCaseData> UndeclaredPairs()
    {
        var policy = PolicyDocument.Seed;
        var controllers = policy.Activities.Where(a => !a.IsProcessor).ToList();
        var categories = controllers.SelectMany(a => a.DataCategories).Where(c => c.Contains('.', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var activity in controllers)
            foreach (var category in categories.Where(c => !activity.Declares(c)))
                yield return new TestCaseData(activity.Id, category).SetName($"{activity.Id} holding {category}");
    }

    [TestCaseSource(nameof(UndeclaredPairs))]
    public void EveryUndeclaredCategoryAnotherActivityDeclares_SuggestedPerDeclaringActivity_AndEachSuggestionClearsIt(string activity, string category)
    {
        var policy = PolicyDocument.Seed;
        var declaring = policy.Activities.Where(a => !a.IsProcessor && a.Id != activity && a.Declares(category)).Select(a => a.Id).ToList();
        // Three tenants' copies of one table: the suggestion names it once.
        TableEntry Tenant() => Some.Table("records", activity, Some.Id(), Some.Column("held", category));
        var document = Some.Document(Some.Source("t1", Tenant()), Some.Source("t2", Tenant()), Some.Source("t3", Tenant()));

        var row = ReportModel.Build(document, policy, null).UndeclaredCategories.Single(u => u.Category == category);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(declaring, Is.Not.Empty, "the pairs are categories another controller activity declares");
            Assert.That(row.Activity, Is.EqualTo(activity));
            foreach (var other in declaring)
                Assert.That(row.DeclaredByAnother, Does.Contain($"activity: [{activity}, {other}]"), other);
            Assert.That(row.DeclaredByAnother!.Split("records").Length - 1, Is.EqualTo(1), row.DeclaredByAnother);
        }
        foreach (var other in declaring)
        {
            foreach (var (_, t) in document.AllTables()) t.SetActivities([activity, other]);
            var after = ReportModel.Build(document, policy, null);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(after.UndeclaredCategories.Where(u => u.Category == category), Is.Empty, $"annotated [{activity}, {other}]");
                Assert.That(after.Activities.Single(a => a.Id == other).Categories.SelectMany(k => k.Columns).Where(l => l.EndsWith(".held", StringComparison.Ordinal)),
                    Is.EquivalentTo(new[] { "t1/records.held", "t2/records.held", "t3/records.held" }), $"the column is {other}'s data");
                Assert.That(after.Activities.Single(a => a.Id == activity).Categories.SelectMany(k => k.Columns), Has.None.EndsWith(".held"), $"not {activity}'s");
            }
        }
    }

    [Test]
    public void CategoryNoControllerActivityDeclares_NoSuggestion()
    {
        var table = Some.Table("patients", "account-management", Some.Id(), Some.Column("allergies", "other_personal.health"));

        var row = ReportModel.Build(Some.Document(Some.Source("panel", table)), PolicyDocument.Seed, null).UndeclaredCategories.Single();

        Assert.That((row.Category, row.DeclaredByAnother), Is.EqualTo(("other_personal.health", (string?)null)));
    }
}
