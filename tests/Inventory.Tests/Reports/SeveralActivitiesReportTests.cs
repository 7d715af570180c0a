using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Claims;
using Inventory.Reports.Diff;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>A table annotated with several processing activities (a users table of account management and prospect
/// contact): the record of processing lists its personal columns under every activity, each with that activity's
/// declaration, retention and recipients; the claims, the coverage and <c>diff</c> read every activity.</summary>
[TestFixture]
public sealed class SeveralActivitiesReportTests
{
    private static readonly PolicyDocument Policy = PolicyDocument.Seed;

    private static TableEntry Users(params string[] activities)
    {
        var users = Some.Table("users", null, Some.Id(), Some.Column("email", "contact.email"), Some.Column("phone", "contact.phone"),
            Some.Column("password_hash", "other_personal.credentials"));
        users.SetActivities(activities);
        users.AnnotationFile = "annotations/users.yml";
        return users;
    }

    private static InventoryDocument Inventory(params string[] activities) => Some.Document(Some.Source("app", Users(activities)));

    [Test]
    public void Build_TableOfTwoActivities_ItsColumnsAreListedUnderEachWithThatActivitysRetention()
    {
        var report = ReportModel.Build(Inventory("account-management", "prospect-contact"), Policy, null);

        var accounts = report.Activities.Single(a => a.Id == "account-management");
        var prospects = report.Activities.Single(a => a.Id == "prospect-contact");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(accounts.Categories.Single(c => c.Category == "contact.email").Columns, Is.EqualTo(new[] { "app/users.email" }));
            Assert.That(prospects.Categories.Single(c => c.Category == "contact.email").Columns, Is.EqualTo(new[] { "app/users.email" }));
            Assert.That(accounts.Categories.Single(c => c.Category == "contact.email").Retention, Does.StartWith("account lifetime"));
            Assert.That(prospects.Categories.Single(c => c.Category == "contact.email").Retention, Does.StartWith("3 years after the last contact"));
            Assert.That(accounts.Tables, Is.EqualTo(new[] { "app/users" }));
            Assert.That(prospects.Tables, Is.EqualTo(new[] { "app/users" }));
            // Declared per activity: account management declares the password hash, prospect contact does not, so the
            // hash is account management's data alone (users44: a category one activity of the table declares is not an
            // undeclared category of the others).
            Assert.That(accounts.Categories.Single(c => c.Category == "other_personal.credentials").Declared, Is.True);
            Assert.That(accounts.Categories.Single(c => c.Category == "other_personal.credentials").Columns, Is.EqualTo(new[] { "app/users.password_hash" }));
            Assert.That(prospects.Categories.Select(c => c.Category), Has.None.EqualTo("other_personal.credentials"));
            Assert.That(report.UndeclaredCategories, Is.Empty);
            Assert.That(report.Unassigned, Is.Empty);
            Assert.That(report.UnknownActivities, Is.Empty);
            // The column list: one row per activity of the table, each with the retention that activity applies.
            Assert.That(report.Columns.Where(r => r.Column == "email").Select(r => (r.Activity, r.PolicyRetention.Split(';')[0])),
                Is.EqualTo(new[] { ("account-management", "account lifetime"), ("prospect-contact", "3 years after the last contact from the prospect") }));
            Assert.That(report.Columns.Where(r => r.Column == "id").Select(r => r.Activity), Is.EqualTo(new[] { "" }), "a non-personal column is listed once");
            Assert.That(report.Coverage.Single().Tables.Single().Activity, Is.EqualTo("account-management, prospect-contact"));
        }
    }

    [Test]
    public void Build_RecipientsAndAnnotatedSharesAreReadPerActivity()
    {
        var inventory = Inventory("account-management", "prospect-contact");
        inventory.Sources[0].Tables[0].SharedWith.Add("intercom");

        var report = ReportModel.Build(inventory, Policy, null);

        // Prospect contact declares Intercom; account management does not, so its record names the annotated share.
        Assert.That(report.Activities.Single(a => a.Id == "prospect-contact").AnnotatedRecipients, Is.Empty);
        Assert.That(report.Activities.Single(a => a.Id == "account-management").AnnotatedRecipients.Single(), Does.StartWith("Intercom").And.Contain("app/users"));
    }

    [Test]
    public void Build_OneKnownAndOneUnknownActivity_AttributedToTheKnownOneTheOtherNamed()
    {
        var report = ReportModel.Build(Inventory("account-management", "marketing"), Policy, null);

        Assert.That(report.Activities.Single(a => a.Id == "account-management").Categories.Single(c => c.Category == "contact.email").Columns,
            Is.EqualTo(new[] { "app/users.email" }));
        Assert.That(report.UnknownActivities, Is.EqualTo(new[] { "app/users names unknown activity 'marketing'" }));
        Assert.That(report.Unassigned, Is.Empty);
    }

    [TestCase("md")]
    [TestCase("html")]
    [TestCase("json")]
    [TestCase("csv")]
    public async Task WriteAsync_EveryTextFormat_ListsTheColumnUnderBothActivities(string format)
    {
        var model = ReportModel.Build(Inventory("account-management", "prospect-contact"), Policy, null);

        var text = await ReportWriterTests.RenderTextAsync(format, model);

        if (format == "csv")
        {
            var rows = text.Split('\n').Where(l => l.StartsWith("app,users,email,", StringComparison.Ordinal)).ToList();
            Assert.That(rows, Has.Count.EqualTo(2));
            Assert.That(rows[0], Does.Contain(",account-management,").And.Contain("account lifetime"));
            Assert.That(rows[1], Does.Contain(",prospect-contact,").And.Contain("3 years after the last contact"));
            return;
        }
        // Each activity's section (from its name to the next activity's) names the column.
        int accounts = text.IndexOf("Customer account management", StringComparison.Ordinal);
        int prospects = text.IndexOf("Contacting prospects", StringComparison.Ordinal);
        Assert.That(accounts, Is.GreaterThanOrEqualTo(0));
        Assert.That(prospects, Is.GreaterThan(accounts));
        int next = text.IndexOf("Legal requests", prospects, StringComparison.Ordinal);
        Assert.That(text[accounts..prospects], Does.Contain("users.email"));
        Assert.That(text[prospects..(next < 0 ? text.Length : next)], Does.Contain("users.email"));
    }

    [Test]
    public async Task WriteAsync_Xlsx_ColumnRowsPerActivityAndTheTablesActivities()
    {
        var model = ReportModel.Build(Inventory("account-management", "prospect-contact"), Policy, null);

        var text = ReportWriterTests.XlsxText(await ReportWriterTests.RenderAsync(ReportWriters.Create("xlsx"), model));

        Assert.That(text, Does.Contain("account-management, prospect-contact"));
        Assert.That(text, Does.Contain("3 years after the last contact from the prospect"));
        Assert.That(text, Does.Contain("account lifetime"));
    }

    [Test]
    public void Claims_DeletionPath_TableServingAnExemptActivityAmongOthersIsExempted()
    {
        var users = Users("account-management", "legal-requests");
        users.Name = users.QualifiedName = "contacts";
        var inventory = Some.Document(Some.Source("app", Some.Table("accounts", "account-management", Some.Id(), Some.Column("email", "contact.email")),
            users.WithFk("accounts", "set null")));
        inventory.Sources[0].Tables.Single(t => t.Name == "contacts").Columns.Add(Some.Column("user_id", "none"));

        var result = ClaimEvaluator.Evaluate(Policy.Claims.Single(c => c.Id == "deletion-path"), Policy, inventory);

        Assert.That(result.Findings.Select(f => f.Location), Does.Not.Contain("app/contacts"));
        Assert.That(result.Exempted.Single(f => f.Location == "app/contacts").Reason, Does.Contain("activity 'legal-requests' is exempt"));
    }

    [Test]
    public void Claims_CustomerDataInProcessorScope_TableNamingTheProcessorActivityAmongOthersIsInScope()
    {
        var hosted = Some.Table("apps", null, Some.Id(), Some.Column("payload", "customer_content.application_data"));
        hosted.SetActivities(["service-operation", "hosting-customer-data"]);
        var outside = Some.Table("uploads", "service-operation", Some.Id(), Some.Column("payload", "customer_content.application_data"));
        var inventory = Some.Document(Some.Source("app", hosted, outside));

        var result = ClaimEvaluator.Evaluate(Policy.Claims.Single(c => c.Id == "customer-data-processor-scope"), Policy, inventory);

        Assert.That(result.Findings.Select(f => f.Location), Is.EqualTo(new[] { "app/uploads.payload" }));
    }

    [Test]
    public void ClaimContext_ProcessorTable_OnlyWhenEveryActivityIsAProcessorOne()
    {
        static bool Exempt(params string[] activities)
        {
            var table = Some.Table("apps", null, Some.Id(), Some.Column("email", "contact.email"));
            table.SetActivities(activities);
            var result = ClaimEvaluator.Evaluate(Policy.Claims.Single(c => c.Id == "declared-categories-only"), Policy, Some.Document(Some.Source("app", table)));
            return result.Exempted.Any(f => f.Location == "app/apps");
        }

        Assert.That(Exempt("hosting-customer-data"), Is.True);
        Assert.That(Exempt("hosting-customer-data", "account-management"), Is.False, "the controller's own activity: its claims examine the table");
    }

    [Test]
    public void Diff_ActivityAddedOrRemoved_IsAChangeOfTheListReorderingIsNot()
    {
        var one = Inventory("account-management");
        var two = Inventory("account-management", "prospect-contact");
        var reordered = Inventory("prospect-contact", "account-management");

        var added = InventoryDiff.Compare(one, two).Changes.Single(c => c.Kind == ChangeKind.ActivityChanged);
        var removed = InventoryDiff.Compare(two, one).Changes.Single(c => c.Kind == ChangeKind.ActivityChanged);

        Assert.That((added.Old, added.New), Is.EqualTo(("account-management", "account-management, prospect-contact")));
        Assert.That((removed.Old, removed.New), Is.EqualTo(("account-management, prospect-contact", "account-management")));
        Assert.That(InventoryDiff.Compare(two, reordered).Changes.Where(c => c.Kind == ChangeKind.ActivityChanged), Is.Empty);
        Assert.That(InventoryDiffWriter.Line(added), Is.EqualTo("~ app/users activity: account-management → account-management, prospect-contact (added prospect-contact)"));
        Assert.That(InventoryDiffWriter.Line(removed), Is.EqualTo("~ app/users activity: account-management, prospect-contact → account-management (removed prospect-contact)"));
        var swapped = InventoryDiff.Compare(one, Inventory("prospect-contact")).Changes.Single(c => c.Kind == ChangeKind.ActivityChanged);
        Assert.That(InventoryDiffWriter.Line(swapped), Is.EqualTo("~ app/users activity: account-management → prospect-contact"), "one activity for another: the line says it all");
        var first = InventoryDiff.Compare(Inventory(), one).Changes.Single(c => c.Kind == ChangeKind.ActivityChanged);
        Assert.That(InventoryDiffWriter.Line(first), Is.EqualTo("~ app/users activity: (none) → account-management"));
    }
}
