using Inventory.Model;
using Inventory.Reports.Claims;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>deletion-path over a fleet of databases whose accounts live in one of them (trial39 finding 3: the
/// support and analytics databases were told to "name the table whose deletion closes an account in the claim's roots",
/// a table they do not have; the account table was in the billing database, which no foreign key can reach).</summary>
[TestFixture]
public sealed class AccountTableInAnotherSourceTests
{
    private static readonly PolicyDocument Policy = PolicyDocument.Parse("""
        controller: { name: Nuage Alsace SAS, address: Strasbourg }
        activities:
          - { id: accounts, name: Accounts, purposes: [accounts], data-categories: [contact] }
          - { id: support, name: Support, purposes: [support], data-categories: [contact, customer_content.message] }
        claims:
          - id: erasable
            text: Data is deleted within 30 days.
            kind: deletion-path
            parameters: { roots: [customers] }
        """, "policy.yml");

    private static ClaimResult Evaluate(params SourceEntry[] sources) =>
        ClaimEvaluator.Evaluate(Policy.Claims.Single(), Policy, Some.Document(sources));

    private static SourceEntry Billing() => Some.Source("billing",
        Some.Table("customers", "accounts", Some.Id(), Some.Column("email", "contact.email")));

    private static SourceEntry Support(params ColumnEntry[] extra) => Some.Source("support",
        Some.Table("tickets", "support", [Some.Id(), Some.Fk("customer_id"), Some.Column("requester_email", "contact.email"), .. extra]));

    [Test]
    public void RootInAnotherSource_ReasonNamesThatSourceAndTheWaysToDecide()
    {
        var result = Evaluate(Billing(), Support());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown), result.Summary);
            Assert.That(result.Unresolved.Select(u => u.Location), Is.EqualTo(new[] { "support/tickets" }));
            Assert.That(result.Unresolved.Single().Reason, Is.EqualTo(
                "no account table (customers) in source 'support' to delete from: the account table is in source 'billing', another database, " +
                "and no foreign key crosses databases, so its deletion cannot be followed here; to decide, give a marker column (deleted_at, anonymized_at) " +
                "the account deletion sets in this table, the activity in the claim's exempt-activities when another job erases these rows, " +
                "or its data under a retention rule marked erasable: false when it is not erased on request"));
            Assert.That(result.Unresolved.Single().Reason, Does.Not.Contain("name the table"));
        }
    }

    [Test]
    public void RootInAnotherSource_MarkerColumnGiven_Holds()
    {
        // The way the reason names does decide: the support table records the deletion itself.
        var result = Evaluate(Billing(), Support(Some.Column("deleted_at", "none")));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), result.Summary);
        Assert.That(result.ExaminedTables, Is.EqualTo(new[] { "billing/customers", "support/tickets" }));
    }

    [Test]
    public void RootInSeveralOtherSources_NamesThemAll()
    {
        var result = Evaluate(Billing(), Some.Source("crm", Some.Table("customers", "accounts", Some.Id(), Some.Column("name", "contact.name"))), Support());

        Assert.That(result.Unresolved.Single().Reason, Does.Contain("the account table is in sources 'billing', 'crm', another database"));
    }

    [Test]
    public void RootInAProcessorSourceOnly_IsNotTheAccountTable()
    {
        // A customer's own `customers` table (processor source) is no account of ours: the reason asks for the roots.
        var customerApp = Some.Source("customer-shop", Some.Table("customers", null, Some.Id(), Some.Column("email", "contact.email")));
        customerApp.Role = ProcessingRole.Processor;

        var result = Evaluate(customerApp, Support());

        Assert.That(result.Unresolved.Single().Reason, Does.StartWith("no account table (customers) in source 'support' to delete from: name the table whose deletion closes an account"));
    }
}
