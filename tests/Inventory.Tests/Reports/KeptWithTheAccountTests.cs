using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports.Claims;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>What an account deletion keeps, read by a newcomer DPO (trial 27): rows that cascade from a table kept by
/// ON DELETE SET NULL stay with it (deletion-path named nothing for ticket attachments under support tickets).</summary>
[TestFixture]
public sealed class KeptWithTheAccountTests
{
    private static TableEntry Users() => Some.Table("users", "account-management", Some.Id(), Some.Column("email", "contact.email"));

    /// <summary>Support messages kept by SET NULL when their author's account goes; <paramref name="alsoContains"/> is what
    /// the scan found in their text.</summary>
    private static TableEntry Tickets(params string[] alsoContains) =>
        Some.Table("support_tickets", "account-management", Some.Id(), Some.Fk(),
            Some.Column("body", "customer_content.message", classification: new ColumnClassification
            {
                DataCategory = "customer_content.message", Confidence = 0.95, Origin = Origin.Rules,
                Evidence = [new EvidenceItem("detector", "detector.free-text", "customer_content.message", 40, 40, 1.0)],
                AlsoContains = alsoContains,
            })).WithFk("users", "set-null");

    /// <summary>Files attached to a ticket, deleted with it (ON DELETE CASCADE).</summary>
    private static TableEntry Attachments(ColumnEntry content) =>
        Some.Table("ticket_attachments", "account-management", Some.Id(), Some.Fk("ticket_id"), content).WithFk("support_tickets", "cascade", "ticket_id");

    private static ColumnEntry BinaryFile() =>
        Some.Column("file", "customer_content.file", family: TypeFamily.Binary, declaredType: "bytea", notSampled: NotSampledReason.Binary);

    private const string Chain =
        "ticket_attachments_ticket_id_fkey → support_tickets is ON DELETE CASCADE, whose support_tickets_user_id_fkey → users is ON DELETE SET NULL";

    [Test]
    public void DeletionPath_BinaryFilesCascadingFromTicketsKeptBySetNull_UnknownNamingTheChain()
    {
        var result = SeedClaims.Evaluate("deletion-path", Users(), Tickets(), Attachments(BinaryFile()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown), result.Summary);
            Assert.That(result.Unresolved.Select(u => u.Table), Is.EqualTo(new[] { "ticket_attachments" }));
            Assert.That(result.Unresolved.Single().Reason, Does.Contain(Chain).And.Contain("file: not sampled (binary)").And.Contain("this table's rows stay too"));
        }
    }

    [Test]
    public void DeletionPath_BinaryFilesKeptBySetNullDirectly_Unknown()
    {
        var attachments = Some.Table("ticket_attachments", "account-management", Some.Id(), Some.Fk(), BinaryFile()).WithFk("users", "set-null");

        var result = SeedClaims.Evaluate("deletion-path", Users(), attachments);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown), result.Summary);
            Assert.That(result.Unresolved.Single().Reason, Does.StartWith("ticket_attachments_user_id_fkey → users is ON DELETE SET NULL, which keeps the row; its content was not read"));
        }
    }

    [Test]
    public void DeletionPath_FileNamesCascadingFromTicketsThatHoldPhones_BothUnknownTheAttachmentsNamingTheChain()
    {
        var result = SeedClaims.Evaluate("deletion-path", Users(), Tickets("contact.phone"), Attachments(Some.Column("file_name", "customer_content.file")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown), result.Summary);
            Assert.That(result.Unresolved.Select(u => u.Table), Is.EquivalentTo(new[] { "support_tickets", "ticket_attachments" }));
            Assert.That(result.Unresolved.Single(u => u.Table == "ticket_attachments").Reason,
                Does.Contain(Chain).And.Contain("support_tickets is itself not erased with personal data"));
        }
    }

    [Test]
    public void DeletionPath_FileNamesCascadingFromTicketsWithNothingPersonalFound_Holds()
    {
        // Nothing the scan read in either table names a person: unlinked, not kept (as for the tickets alone).
        var result = SeedClaims.Evaluate("deletion-path", Users(), Tickets(), Attachments(Some.Column("file_name", "customer_content.file")));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), result.Summary);
    }

    [Test]
    public void DeletionPath_ContactColumnsCascadingFromTicketsKeptBySetNull_ViolatedNamingTheWholeChain()
    {
        var contacts = Some.Table("ticket_contacts", "account-management", Some.Id(), Some.Fk("ticket_id"), Some.Column("phone", "contact.phone"))
            .WithFk("support_tickets", "cascade", "ticket_id");

        var result = SeedClaims.Evaluate("deletion-path", Users(), Tickets(), contacts);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            Assert.That(result.Findings.Single().Reason, Does.Contain(
                "ticket_contacts_ticket_id_fkey → support_tickets is ON DELETE CASCADE, whose support_tickets_user_id_fkey → users is ON DELETE SET NULL, "
                + "which keeps those rows, so this table's rows stay too, with its personal columns (phone)"));
        }
    }

    [Test]
    public void DeletionPath_TwoSources_ContentKeptWithAReportedTableOfItsOwnSource()
    {
        // Source "app" reports a table of another name first; in source "crm" the tickets hold a tagged phone column
        // (a finding) and their attachments cascade from them.
        var notes = Some.Table("legacy_notes", "account-management", Some.Id(), Some.Fk(),
            Some.Column("body", "customer_content.message", classification: new ColumnClassification
            {
                DataCategory = "customer_content.message", Confidence = 0.95, Origin = Origin.Rules, AlsoContains = ["contact.phone"],
            })).WithFk("users", "set-null");
        var tickets = Some.Table("support_tickets", "account-management", Some.Id(), Some.Fk(), Some.Column("caller_phone", "contact.phone")).WithFk("users", "set-null");
        var inventory = Some.Document(Some.Source("app", Users(), notes),
            Some.Source("crm", Users(), tickets, Attachments(Some.Column("file_name", "customer_content.file"))));

        var result = SeedClaims.Evaluate("deletion-path", inventory);

        Assert.That(result.Unresolved.Select(u => u.Location), Is.EquivalentTo(new[] { "app/legacy_notes", "crm/ticket_attachments" }),
            string.Join(" | ", result.Findings.Concat(result.Unresolved).Select(f => f.Location)));
    }
}
