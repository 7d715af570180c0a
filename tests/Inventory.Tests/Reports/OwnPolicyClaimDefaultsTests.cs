using NUnit.Framework;
using Inventory.Model;
using Inventory.Reports.Claims;
using Inventory.Rules.Policy;

namespace Inventory.Tests.Reports;

/// <summary>A DPO's own policy, written from docs/policy-format.md with a claim's optional parameters left out, gets
/// the same verdicts as the built-in policy that spells them (trial39 finding 2: a policy without
/// <c>categories:</c> on <c>customer-data-in-processor-scope</c> made the support desk's ticket bodies violations).</summary>
[TestFixture]
public sealed class OwnPolicyClaimDefaultsTests
{
    private static PolicyDocument Policy(string categories = "") => PolicyDocument.Parse($$"""
        controller: { name: Nuage Alsace SAS, address: Strasbourg }
        activities:
          - { id: support, name: Customer support, purposes: [answer support requests], data-categories: [contact.email, customer_content.message] }
          - id: hosting
            name: Hosting customers' applications
            role: processor
            purposes: [host customers' applications]
            data-categories: [customer_content]
        claims:
          - id: customer-data-processor
            text: Customer-owned application data is hosted for customers and never used by us.
            kind: customer-data-in-processor-scope
            parameters:
              activity: hosting
        {{categories}}
        """, "policy.yml");

    private static ClaimResult Evaluate(PolicyDocument policy, params TableEntry[] tables) =>
        ClaimEvaluator.Evaluate(policy.Claims.Single(), policy, Some.Document(Some.Source("support", tables)));

    private static TableEntry Tickets(string bodyCategory) =>
        Some.Table("tickets", "support", Some.Id(), Some.Column("requester_email", "contact.email"), Some.Column("body", bodyCategory));

    [Test]
    public void WithoutCategories_SupportTicketBodies_AreNotCustomerOwned()
    {
        var result = Evaluate(Policy(), Tickets("customer_content.message"),
            Some.Table("ticket_messages", "support", Some.Id(), Some.Column("body", "customer_content.message")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), result.Summary);
            Assert.That(result.Findings, Is.Empty);
            Assert.That(result.Examined, Is.Zero);
            Assert.That(result.Summary, Does.Contain("customer_content.application_data").And.Not.Contain("customer_content.message"));
        }
    }

    [TestCase("customer_content.source_code")]
    [TestCase("customer_content.application_data")]
    [TestCase("customer_content.file")]
    [TestCase("customer_content.transaction_history")]
    public void WithoutCategories_EachCustomerOwnedKindInAControllerTable_IsViolated(string category)
    {
        var result = Evaluate(Policy(), Tickets("customer_content.message"),
            Some.Table("debug_dumps", "support", Some.Id(), Some.Column("payload", category)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            Assert.That(result.Findings.Select(f => f.Location), Is.EqualTo(new[] { "support/debug_dumps.payload" }));
        }
    }

    [Test]
    public void CategoriesNamingTheWholeKind_StillCountMessages()
    {
        // A DPO who means every customer_content kind says so, and gets it.
        var policy = Policy("      categories: [customer_content]");

        var result = Evaluate(policy, Tickets("customer_content.message"));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
        Assert.That(result.Findings.Select(f => f.Location), Is.EqualTo(new[] { "support/tickets.body" }));
    }

    [Test]
    public void DefaultCategories_AreTheBuiltInPolicysList()
    {
        // The seed spells the list out; the default must agree with it, or an own policy and the seed judge apart.
        var seed = PolicyDocument.Seed.Claims.Single(c => c.Kind == ClaimKinds.CustomerDataInProcessorScope);

        Assert.That(ClaimChecks.CustomerOwnedCategories, Is.EquivalentTo(seed.Parameters.Strings("categories")));
    }
}
