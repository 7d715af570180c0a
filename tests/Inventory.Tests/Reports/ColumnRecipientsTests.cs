using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Claims;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>One rule for a column's recipients (its table's <c>shared-with</c> ∪ its own entry's) in the record of
/// processing, shared-with-only and payment-through-gateway (session 25: payment-through-gateway read only the table's,
/// so a card column shared on its own entry with an analytics tool passed).</summary>
[TestFixture]
public sealed class ColumnRecipientsTests
{
    private static ColumnEntry SharedOnItsOwn(ColumnEntry column, params string[] recipients)
    {
        column.Annotation ??= new AnnotationRef { DataCategory = column.Status == ColumnStatus.Suggested ? null : column.DataCategory, File = "annotations/app.yml", Line = 4 };
        column.Annotation.SharedWith = [.. recipients];
        return column;
    }

    private static TableEntry Payments(ColumnEntry card) =>
        Some.Table("payment_methods", "billing-and-payment", Some.Id(), Some.Fk("organisation_id"), card);

    [Test]
    public void PaymentThroughGateway_CardColumnSharedOnItsOwnBeyondTheGateway_ViolatedOnThatColumn()
    {
        var result = SeedClaims.Evaluate("payment-through-gateway",
            Payments(SharedOnItsOwn(Some.Column("card_token", "financial.payment_reference"), "intercom")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            Assert.That(result.Findings.Single().Column, Is.EqualTo("card_token"));
            Assert.That(result.Findings.Single().Reason, Does.Contain("shared with 'intercom'").And.Contain("not only with the gateway 'stripe'"));
        }
    }

    [Test]
    public void PaymentThroughGateway_CardColumnSharedOnItsOwnWithTheGateway_Holds()
    {
        var result = SeedClaims.Evaluate("payment-through-gateway",
            Payments(SharedOnItsOwn(Some.Column("card_token", "financial.payment_reference"), "stripe")));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), result.Summary);
    }

    [Test]
    public void PaymentThroughGateway_SuggestedCardColumnSharedOnItsOwnBeyondTheGateway_Unknown()
    {
        var card = SharedOnItsOwn(Some.Column("card_token", "financial.payment_reference", ColumnStatus.Suggested), "intercom");

        var result = SeedClaims.Evaluate("payment-through-gateway", Payments(card));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown), result.Summary);
            Assert.That(result.Unresolved.Single().Column, Is.EqualTo("card_token"));
        }
    }

    [Test]
    public void PaymentThroughGateway_TableSharedBeyondTheGateway_OneFindingForTheTable()
    {
        var table = Payments(SharedOnItsOwn(Some.Column("card_token", "financial.payment_reference"), "intercom")).SharedWith("intercom");

        var result = SeedClaims.Evaluate("payment-through-gateway", table);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Findings, Has.Count.EqualTo(1), string.Join(" | ", result.Findings.Select(f => f.Reason)));
            Assert.That(result.Findings.Single().Column, Is.Null);
        }
    }

    [Test]
    public void SharedWithOnly_TableSharedWithAnotherRecipientAndAColumnWithIntercom_OnlyThatColumnChecked()
    {
        var users = Some.Table("users", "account-management", Some.Id(),
            SharedOnItsOwn(Some.Column("email", "contact.email"), "intercom"),
            Some.Column("phone", "contact.phone")).SharedWith("stripe");

        var result = SeedClaims.Evaluate("intercom-email-and-signup-date-only", users);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), result.Summary);
            Assert.That(result.Examined, Is.EqualTo(1));
        }
    }

    [Test]
    public void Build_RecipientNamedByTheTableAndByAColumn_ListedOnceForTheTable()
    {
        var users = Some.Table("users", "account-management", Some.Id(),
            SharedOnItsOwn(Some.Column("email", "contact.email"), "intercom")).SharedWith("intercom");

        var record = ReportModel.Build(SeedClaims.App(users), SeedClaims.Policy).Activities.Single(a => a.Id == "account-management");

        Assert.That(record.AnnotatedRecipients, Is.EqualTo(new[] { "Intercom (analytics and customer messaging) (processor, US): app/users" }));
    }

    [Test]
    public void Build_RecipientNamedByAColumnOnly_ListedForThatColumn()
    {
        var users = Some.Table("users", "account-management", Some.Id(),
            SharedOnItsOwn(Some.Column("email", "contact.email"), "intercom"), Some.Column("phone", "contact.phone"));

        var record = ReportModel.Build(SeedClaims.App(users), SeedClaims.Policy).Activities.Single(a => a.Id == "account-management");

        Assert.That(record.AnnotatedRecipients, Is.EqualTo(new[] { "Intercom (analytics and customer messaging) (processor, US): app/users.email" }));
    }
}
