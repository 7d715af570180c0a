using Inventory.Model;
using Inventory.Reports.Claims;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>billing-kept and an account table that holds billing data itself: deleting the account deletes it (trial 27:
/// organisations held numero_tva and siret, was counted among the billing tables, and the claim passed).</summary>
[TestFixture]
public sealed class BillingKeptRootTests
{
    private static TableEntry Organisations(params ColumnEntry[] columns) =>
        Some.Table("organisations", "account-management", [Some.Id(), Some.Column("raison_sociale", "contact.company_name"), .. columns]);

    private static TableEntry Invoices() =>
        Some.Table("invoices", "billing-and-payment", Some.Id(), Some.Fk("organisation_id"), Some.Column("vat_number", "financial.tax_id"))
            .WithFk("organisations", "restrict", "organisation_id");

    [Test]
    public void BillingKept_AccountTableHoldingTaxIdsItself_UnknownNamingItsColumns()
    {
        var result = SeedClaims.Evaluate("billing-kept",
            Organisations(Some.Column("numero_tva", "financial.tax_id"), Some.Column("siret", "financial.tax_id")), Invoices());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown), result.Summary);
            Assert.That(result.Unresolved.Single().Table, Is.EqualTo("organisations"));
            Assert.That(result.Unresolved.Single().Reason, Does.StartWith("the account table holds financial.tax_id (numero_tva, siret) itself: its rows are deleted with the account"));
            Assert.That(result.Summary, Is.EqualTo("1 billing table undecided: 1 account table that holds billing data itself (organisations)"));
        }
    }

    [Test]
    public void BillingKept_UndecidedForThreeReasons_SummaryCountsEachReasonThatOccurred()
    {
        // Given organisations holding a SIRET, credit notes whose amount is only suggested and that cascade from it, and
        // payments behind a delete rule the scan could not read (trial46: the summary named "an account table … or a
        // suggested billing category …" whichever applied, and never the unread rule).
        var creditNotes = Some.Table("credit_notes", null, Some.Id(), Some.Fk("organisation_id"),
                Some.Column("amount", "financial.billing", ColumnStatus.Suggested))
            .WithFk("organisations", "cascade", "organisation_id");
        var payments = Some.Table("payments", "billing-and-payment", Some.Id(), Some.Fk("organisation_id"), Some.Column("amount", "financial.billing"))
            .WithFk("organisations", "unknown", "organisation_id");

        var result = SeedClaims.Evaluate("billing-kept",
            Organisations(Some.Column("siret", "financial.tax_id")), Invoices(), creditNotes, payments);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown), result.Summary);
            Assert.That(result.Unresolved.Select(u => u.Table), Is.EquivalentTo(new[] { "organisations", "credit_notes", "payments" }));
            Assert.That(result.Summary, Is.EqualTo("3 billing tables undecided: 1 account table that holds billing data itself (organisations), "
                + "1 with a suggested billing category reached by an account deletion cascade, 1 behind a delete rule that could not be read"));
        }
    }

    [Test]
    public void BillingKept_OnlyASuggestedTableReachedByACascade_SummaryNamesNoAccountTable()
    {
        // The other reasons are absent: the summary must not name an account table holding billing data.
        var creditNotes = Some.Table("credit_notes", null, Some.Id(), Some.Fk("organisation_id"),
                Some.Column("amount", "financial.billing", ColumnStatus.Suggested))
            .WithFk("organisations", "cascade", "organisation_id");

        var result = SeedClaims.Evaluate("billing-kept", Organisations(), Invoices(), creditNotes);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown), result.Summary);
            Assert.That(result.Summary, Is.EqualTo("1 billing table undecided: 1 with a suggested billing category reached by an account deletion cascade"));
        }
    }

    [Test]
    public void BillingKept_AccountTableWithoutBillingData_Holds()
    {
        var result = SeedClaims.Evaluate("billing-kept", Organisations(), Invoices());

        Assert.That((result.Verdict, result.Examined), Is.EqualTo((ClaimVerdict.Holds, 1)), result.Summary);
    }
}
