using Inventory.Model;
using Inventory.Reports;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>Trial 22 finding 4: the columns of a processor source (customer-owned data, the system of the policy's
/// processor activity) were listed as "not attributed to a processing activity"; they belong to the processor activity.</summary>
[TestFixture]
public sealed class ProcessorAttributionTests
{
    private static InventoryDocument Inventory()
    {
        var tenant = Some.Table("orders", null, Some.Id(), Some.Column("customer_email", "contact.email"), Some.Column("buyer_name", "contact.name"));
        var customers = Some.Source("customer-dbs", tenant);
        customers.Role = ProcessingRole.Processor;
        var app = Some.Source("app", Some.Table("users", "account-management", Some.Id(), Some.Column("email", "contact.email")),
            Some.Table("audit", null, Some.Id(), Some.Column("actor_ip", "automatic.ip_address")));
        return Some.Document(app, customers);
    }

    [Test]
    public void Build_ProcessorSourceColumns_AttributedToTheProcessorActivityNotListedAsUnattributed()
    {
        var report = ReportModel.Build(Inventory(), PolicyDocument.Seed, null);

        var hosting = report.ProcessorActivities.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Unassigned.Select(r => r.Location), Is.EqualTo(new[] { "app/audit.actor_ip" }), "a controller table without an activity stays a finding");
            Assert.That(hosting.Categories.SelectMany(c => c.Columns), Is.EquivalentTo(new[] { "customer-dbs/orders.customer_email", "customer-dbs/orders.buyer_name" }));
            Assert.That(hosting.Categories.Where(c => c.Columns.Count > 0).Select(c => c.Declared), Has.All.True, "customer-owned data is the customers' to declare");
            Assert.That(report.UndeclaredCategories, Is.Empty);
            Assert.That(report.Columns.Where(r => r.Source == "customer-dbs" && r.Column != "id").Select(r => r.Activity), Has.All.EqualTo("hosting-customer-data"));
        }
    }

    [Test]
    public void Build_TwoProcessorActivities_ProcessorColumnsStayUnattributedUntilTheTableNamesOne()
    {
        var policy = PolicyDocument.Parse("""
            controller: { name: Example PaaS SAS, address: Strasbourg }
            activities:
              - { id: hosting, name: Hosting, role: processor, purposes: [host], data-categories: [customer_content] }
              - { id: backups, name: Backups, role: processor, purposes: [back up], data-categories: [customer_content] }
            """, "policy.yml");

        var report = ReportModel.Build(Inventory(), policy, null);

        Assert.That(report.Unassigned.Select(r => r.Location), Does.Contain("customer-dbs/orders.customer_email"));
    }
}
