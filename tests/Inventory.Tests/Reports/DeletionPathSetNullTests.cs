using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports.Claims;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>deletion-path and ON DELETE SET NULL (trial 26 finding 4): SET NULL cuts the link to the account and keeps
/// the row, so a table holding personal columns reached only that way is not erased; customer content of the company's
/// own processing (support messages) is walked too, and content the scan found personal data in (<c>alsoContains</c>)
/// that SET NULL keeps is undecided.</summary>
[TestFixture]
public sealed class DeletionPathSetNullTests
{
    private static readonly PolicyDocument Policy = SeedClaims.Policy;

    private static ClaimResult Check(params TableEntry[] tables) => SeedClaims.Evaluate("deletion-path", tables);

    private static TableEntry Users() => Some.Table("users", "account-management", Some.Id(), Some.Column("email", "contact.email"));

    /// <summary>A support message column whose sampled text held phone numbers (the scan's <c>alsoContains</c>).</summary>
    private static ColumnEntry Body(params string[] alsoContains) => Some.Column("body", "customer_content.message", classification: new ColumnClassification
    {
        DataCategory = "customer_content.message", Confidence = 0.95, Origin = Origin.Rules,
        Evidence = [new EvidenceItem("detector", "detector.free-text", "customer_content.message", 40, 40, 1.0)],
        AlsoContains = alsoContains,
    });

    [Test]
    public void DeletionPath_PersonalTableReachedOnlyBySetNull_ViolatedNamingTheKeyAndTheColumns()
    {
        var result = Check(Users(),
            Some.Table("audit", null, Some.Id(), Some.Fk(), Some.Column("ip", "automatic.ip_address")).WithFk("users", "set-null"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            Assert.That(result.Findings.Single().Table, Is.EqualTo("audit"));
            Assert.That(result.Findings.Single().Reason, Does.Contain("audit_user_id_fkey → users is ON DELETE SET NULL").And.Contain("keeps the row").And.Contain("ip"));
        }
    }

    [Test]
    public void DeletionPath_TwoSetNullKeysToTheAccountTable_BothNamed()
    {
        // Naming only the first key (the assignee's) sent the reader to make it CASCADE, which would erase a ticket when
        // the agent's account goes, while the requester's key kept it (trial 27).
        var result = Check(Users(),
            Some.Table("tickets", "account-management", Some.Id(), Some.Fk("assignee_id"), Some.Fk("requester_id"), Some.Column("requester_ip", "automatic.ip_address"))
                .WithFk("users", "set-null", "assignee_id").WithFk("users", "set-null", "requester_id"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            Assert.That(result.Findings.Single().Reason, Does.Contain(
                "tickets_assignee_id_fkey → users is ON DELETE SET NULL and tickets_requester_id_fkey → users is ON DELETE SET NULL, which keeps the row"));
        }
    }

    [Test]
    public void DeletionPath_CascadeUnderASetNullTable_KeptWithItAndNamesTheSetNullKey()
    {
        var result = Check(Users(),
            Some.Table("support_tickets", "account-management", Some.Id(), Some.Fk(), Some.Column("subject", "none")).WithFk("users", "set-null"),
            Some.Table("ticket_contacts", "account-management", Some.Id(), Some.Fk("ticket_id"), Some.Column("phone", "contact.phone"))
                .WithFk("support_tickets", "cascade", "ticket_id"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            Assert.That(result.Findings.Single().Table, Is.EqualTo("ticket_contacts"));
            Assert.That(result.Findings.Single().Reason, Does.Contain("support_tickets_user_id_fkey → users is ON DELETE SET NULL"));
        }
    }

    [Test]
    public void DeletionPath_SupportMessagesKeptBySetNullHoldingContactData_UnknownNamingTheTable()
    {
        var result = Check(Users(),
            Some.Table("support_tickets", "account-management", Some.Id(), Some.Fk(), Body("contact.phone")).WithFk("users", "set-null"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown), result.Summary);
            Assert.That(result.Unresolved.Single().Table, Is.EqualTo("support_tickets"));
            Assert.That(result.Unresolved.Single().Reason, Does.Contain("ON DELETE SET NULL").And.Contain("body").And.Contain("contact.phone"));
            Assert.That(result.Examined, Is.EqualTo(2));
        }
    }

    [Test]
    public void DeletionPath_SupportMessagesCascadeFromTheAccount_HoldsAndAreExamined()
    {
        var result = Check(Users(),
            Some.Table("support_tickets", "account-management", Some.Id(), Some.Fk(), Body("contact.phone")).WithFk("users", "cascade"));

        Assert.That((result.Verdict, result.Examined), Is.EqualTo((ClaimVerdict.Holds, 2)), result.Summary);
    }

    [Test]
    public void DeletionPath_SupportMessagesWithNoPathToTheAccount_Violated()
    {
        var result = Check(Users(),
            Some.Table("support_tickets", "account-management", Some.Id(), Some.Fk(), Body()).WithFk("users", "restrict"));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
        Assert.That(result.Findings.Single().Table, Is.EqualTo("support_tickets"));
    }

    [Test]
    public void DeletionPath_ContentWithoutPersonalDataKeptBySetNull_Holds()
    {
        // SET NULL unlinks the message from the account; nothing the scan found in it names a person.
        var result = Check(Users(),
            Some.Table("support_tickets", "account-management", Some.Id(), Some.Fk(), Body()).WithFk("users", "set-null"));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), result.Summary);
    }

    [Test]
    public void DeletionPath_CustomerContentOfTheProcessorActivity_NotWalked()
    {
        // Customer-owned data (the processor activity's) is erased on the customer's instruction, not with our account.
        var policy = Policy;
        var claim = policy.Claims.Single(c => c.Id == "deletion-path");
        var withoutExemptions = new PolicyClaim
        {
            Id = claim.Id, Text = claim.Text, Kind = claim.Kind,
            Parameters = new ClaimParameters(new Dictionary<string, IReadOnlyList<string>> { ["roots"] = ["users"] }),
        };
        var result = ClaimEvaluator.Evaluate(withoutExemptions, policy, Some.Document(Some.Source("app", Users(),
            Some.Table("deployments", "hosting-customer-data", Some.Id(), Some.Fk("app_id"), Some.Column("build_log", "customer_content.source_code")))));

        Assert.That((result.Verdict, result.Examined), Is.EqualTo((ClaimVerdict.Holds, 1)), result.Summary);
    }
}
