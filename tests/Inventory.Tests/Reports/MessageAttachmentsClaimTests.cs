using NUnit.Framework;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Claims;
using Inventory.Rules.Policy;

namespace Inventory.Tests.Reports;

/// <summary>trial46 finding M2: the seed's <c>customer-data-processor-scope</c> counted a support desk's attachments
/// (<c>customer_content.file</c> in a table of files attached to tickets) as customers' application data, the trap trial25
/// removed for the tickets' text. Files attached to messages go with the messages; files not attached to any stay
/// customer-owned.</summary>
[TestFixture]
public sealed class MessageAttachmentsClaimTests
{
    private const string ClaimId = "customer-data-processor-scope";

    private static TableEntry Tickets(ColumnStatus? status = null) =>
        Some.Table("tickets", "account-management", Some.Id(), Some.Column("body", "customer_content.message", status));

    private static TableEntry Attachments() =>
        Some.Table("pieces_jointes", "account-management", Some.Id(), Some.Fk("ticket_id"),
            Some.Column("nom_fichier", "customer_content.file"), Some.Column("storage_key", "customer_content.file")).WithFk("tickets", "cascade", "ticket_id");

    [Test]
    public void AttachmentsOfTaggedTickets_LeftOutWithTheMessages_Holds()
    {
        var result = SeedClaims.Evaluate(ClaimId, Tickets(), Attachments());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), result.Summary);
            Assert.That(result.Findings, Is.Empty);
            Assert.That(result.Examined, Is.Zero);
            Assert.That(result.Exempted.Select(e => e.Table), Is.EqualTo(new[] { "pieces_jointes" }));
            Assert.That(result.Exempted.Single().Reason, Does.StartWith("files attached to the messages of tickets.body (customer_content.message)"));
            Assert.That(result.Summary, Does.EndWith("; left out: 1 table (1 attached to messages)"));
        }
    }

    [Test]
    public void FileColumnInTheMessagesOwnTable_LeftOut()
    {
        var result = SeedClaims.Evaluate(ClaimId, Some.Table("tickets", "account-management", Some.Id(),
            Some.Column("body", "customer_content.message"), Some.Column("attachment_path", "customer_content.file")));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), result.Summary);
        Assert.That(result.Exempted.Single().Table, Is.EqualTo("tickets"));
    }

    [Test]
    public void AttachmentsOfTicketsOnlySuggestedAsMessages_Unknown_SaysWhatToConfirm()
    {
        var result = SeedClaims.Evaluate(ClaimId, Tickets(ColumnStatus.Suggested), Attachments());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown), result.Summary);
            Assert.That(result.Summary, Is.EqualTo("2 file columns are attached to messages only suggested as such"));
            Assert.That(result.Unresolved.Select(u => u.Column), Is.EqualTo(new[] { "nom_fichier", "storage_key" }));
            Assert.That(result.Unresolved[0].Reason, Does.Contain("attached to tickets.body, whose category customer_content.message is only suggested"));
            Assert.That(result.Unresolved[0].Reason, Does.Contain("annotate the table with 'hosting-customer-data'"));
        }
    }

    [Test]
    public void FilesNotAttachedToMessages_StillCustomerOwned_Violated()
    {
        // The other direction: generated files of customers' apps in the host's own table, no message in sight.
        var result = SeedClaims.Evaluate(ClaimId, Tickets(),
            Some.Table("build_artifacts", "account-management", Some.Id(), Some.Column("storage_key", "customer_content.file")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            Assert.That(result.Findings.Select(f => $"{f.Table}.{f.Column}"), Is.EqualTo(new[] { "build_artifacts.storage_key" }));
            Assert.That(result.Exempted, Is.Empty);
        }
    }

    [Test]
    public void AttachmentsReferencingATableWithoutMessages_StillCustomerOwned_Violated()
    {
        var result = SeedClaims.Evaluate(ClaimId,
            Some.Table("deployments", "account-management", Some.Id(), Some.Column("git_sha", "none")),
            Some.Table("deployment_files", "account-management", Some.Id(), Some.Fk("deployment_id"), Some.Column("storage_key", "customer_content.file"))
                .WithFk("deployments", "cascade", "deployment_id"));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
        Assert.That(result.Findings.Single().Column, Is.EqualTo("storage_key"));
    }

    [Test]
    public void PolicyCountingMessagesAsCustomerOwned_AttachmentsCountToo()
    {
        // A policy whose claim lists customer_content.message keeps its attachments with them: both are findings.
        var seed = PolicyDocument.Seed;
        var claim = seed.Claims.Single(c => c.Id == ClaimId);
        var widened = claim with
        {
            Parameters = new ClaimParameters(new Dictionary<string, IReadOnlyList<string>>
            {
                ["activity"] = ["hosting-customer-data"],
                ["categories"] = ["customer_content.message", "customer_content.file"],
            }),
        };
        var result = ClaimEvaluator.Evaluate(widened, seed, SeedClaims.App(Tickets(), Attachments()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            Assert.That(result.Findings.Select(f => f.Column), Is.EquivalentTo(new[] { "body", "nom_fichier", "storage_key" }));
            Assert.That(result.Exempted, Is.Empty);
        }
    }

    [Test]
    public void AttachmentsInTheProcessorActivitysTable_InProcessorScope_Holds()
    {
        var attachments = Attachments();
        attachments.Activity = "hosting-customer-data";
        var result = SeedClaims.Evaluate(ClaimId, Tickets(), attachments);

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), result.Summary);
        Assert.That(result.Examined, Is.EqualTo(2));
        Assert.That(result.Exempted, Is.Empty);
    }
}
