using System.Text;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>trial38 finding 4: a support message holding e-mail addresses and phone numbers, under an activity that
/// declares the bare <c>contact</c>, was listed twice in that category (once per subcategory found inside it), and the
/// record grouped the two copies as a fleet: "`ticket_messages.body (also contains)` in 1 sources (helpdesk)". It is
/// listed once, under its own <c>source/table.column</c>.</summary>
[TestFixture]
public sealed class EmbeddedCategoryOnceTests
{
    private const string PolicyText = """
        controller: { name: Example Hosting SAS, address: Lyon }
        activities:
          - id: support
            name: Customer support
            purposes: [answer support requests]
            data-categories: [contact, customer_content.message]
        """;

    private const string Body = "helpdesk/ticket_messages.body (also contains)";

    private static ReportModel Model()
    {
        var found = new ColumnClassification
        {
            DataCategory = "customer_content.message", Confidence = 0.95, Origin = Origin.Rules, AlsoContains = ["contact.email", "contact.phone"],
            Evidence =
            [
                new EvidenceItem("contains", "contains.contact.email", "contact.email", 12, 40, 0.3, "values with it inside their text"),
                new EvidenceItem("contains", "contains.contact.phone", "contact.phone", 5, 40, 0.125, "values with it inside their text"),
            ],
        };
        var inventory = Some.Document(Some.Source("helpdesk",
            Some.Table("ticket_messages", "support", Some.Id(), Some.Column("body", "customer_content.message", classification: found)),
            Some.Table("customers", "support", Some.Id(), Some.Column("email", "contact.email"))));
        return ReportModel.Build(inventory, PolicyDocument.Parse(PolicyText, "policy.yml"));
    }

    [Test]
    public void Build_TwoSubcategoriesFoundInsideOneColumn_ListedOnceUnderTheBroadCategory()
    {
        var contact = Model().Activities.Single().Categories.Single(k => k.Category == "contact");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(contact.Columns, Is.EqualTo(new[] { "helpdesk/customers.email", Body }));
            Assert.That(contact.Entries.Select(e => e.Location), Is.EqualTo(contact.Columns));
            Assert.That(contact.Groups.Select(g => g.Location), Is.EqualTo(contact.Columns), "one place each: no fleet line");
            Assert.That(contact.Groups.Select(g => g.Where), Has.All.Null);
        }
    }

    [TestCase("md")]
    [TestCase("html")]
    public async Task Render_TheColumnKeepsItsSourceAndNoFleetWording(string format)
    {
        var text = Encoding.UTF8.GetString(await ReportWriterTests.RenderAsync(ReportWriters.Create(format), Model())).Replace("<wbr>", "", StringComparison.Ordinal);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("helpdesk/ticket_messages.body (also contains)").Or.Contain("helpdesk/ticket\\_messages.body (also contains)"));
            Assert.That(text, Does.Not.Contain("in 1 sources"));
        }
    }
}
