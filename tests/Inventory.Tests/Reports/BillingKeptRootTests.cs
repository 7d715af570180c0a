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
            Assert.That(result.Summary, Does.Contain("an account table that holds billing data itself"));
        }
    }

    [Test]
    public void BillingKept_AccountTableWithoutBillingData_Holds()
    {
        var result = SeedClaims.Evaluate("billing-kept", Organisations(), Invoices());

        Assert.That((result.Verdict, result.Examined), Is.EqualTo((ClaimVerdict.Holds, 1)), result.Summary);
    }
}
