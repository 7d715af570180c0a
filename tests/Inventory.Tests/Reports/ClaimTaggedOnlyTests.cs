using NUnit.Framework;
using Inventory.Model;
using Inventory.Reports.Claims;
using Inventory.Rules.Policy;

namespace Inventory.Tests.Reports;

/// <summary>Claims decide on tagged categories only (a suggestion is not a tag), and billing-kept follows deletion
/// cascades from the account roots only.</summary>
[TestFixture]
public sealed class ClaimTaggedOnlyTests
{
    private static readonly PolicyDocument Policy = SeedClaims.Policy;

    private static ClaimResult Check(string claimId, InventoryDocument inventory) => SeedClaims.Evaluate(claimId, inventory);

    private static InventoryDocument Doc(params TableEntry[] tables) => SeedClaims.App(tables);

    private static TableEntry Organisations() =>
        Some.Table("organisations", "account-management", Some.Id(), Some.Column("name", "contact.company_name"));

    private static TableEntry Users() =>
        Some.Table("users", "account-management", Some.Id(), Some.Fk("organisation_id"), Some.Column("email", "contact.email"))
            .WithFk("organisations", "cascade", "organisation_id");

    [Test]
    public void BillingKept_CascadeBetweenBillingTablesNoRootReaches_Holds()
    {
        // Given the demo's shape: invoices RESTRICT the organisation's deletion, invoice lines cascade from invoices.
        var result = Check("billing-kept", Doc(Organisations(), Users(),
            Some.Table("invoices", "billing-and-payment", Some.Id(), Some.Fk("organisation_id"), Some.Column("amount_cents", "financial.billing"))
                .WithFk("organisations", "restrict", "organisation_id"),
            Some.Table("invoice_lines", "billing-and-payment", Some.Id(), Some.Fk("invoice_id"), Some.Column("amount_cents", "financial.billing"))
                .WithFk("invoices", "cascade", "invoice_id")));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), string.Join("; ", result.Findings.Select(f => f.Reason)));
    }

    [Test]
    public void BillingKept_CascadeChainFromAccountRoot_ViolatedWithPath()
    {
        // Given: deleting an organisation deletes its billing profile, which deletes its invoices.
        var result = Check("billing-kept", Doc(Organisations(), Users(),
            Some.Table("billing_profiles", "billing-and-payment", Some.Id(), Some.Fk("organisation_id"), Some.Column("vat_number", "financial.tax_id"))
                .WithFk("organisations", "cascade", "organisation_id"),
            Some.Table("invoices", "billing-and-payment", Some.Id(), Some.Fk("billing_profile_id"), Some.Column("amount_cents", "financial.billing"))
                .WithFk("billing_profiles", "cascade", "billing_profile_id")));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated));
        Assert.That(result.Findings.Select(f => f.Table), Is.EquivalentTo(new[] { "billing_profiles", "invoices" }));
        Assert.That(result.Findings.Single(f => f.Table == "invoices").Reason, Does.Contain("organisations → billing_profiles").And.Contain("invoices (invoices_billing_profile_id_fkey"));
    }

    [Test]
    public void BillingKept_SuggestedBillingTableReachedByCascade_UnknownNotViolated()
    {
        var result = Check("billing-kept", Doc(Organisations(), Users(),
            Some.Table("invoices", "billing-and-payment", Some.Id(), Some.Fk("organisation_id"), Some.Column("amount_cents", "financial.billing"))
                .WithFk("organisations", "restrict", "organisation_id"),
            Some.Table("charges", null, Some.Id(), Some.Fk(), Some.Column("amount", "financial.billing", ColumnStatus.Suggested))
                .WithFk("users", "cascade")));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown));
        Assert.That(result.Unresolved.Single().Reason, Does.Contain("suggested"));
    }

    [Test]
    public void BillingKept_OnlySuggestedBillingTableNotReached_UnknownNotHolds()
    {
        // Given nothing annotated yet: invoices RESTRICT the account's deletion, but its billing category is only a suggestion.
        var result = Check("billing-kept", Doc(Organisations(), Users(),
            Some.Table("invoices", null, Some.Id(), Some.Fk("organisation_id"), Some.Column("amount_cents", "financial.billing", ColumnStatus.Suggested))
                .WithFk("organisations", "restrict", "organisation_id")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown));
            Assert.That(result.Unresolved.Select(u => u.Table), Is.EqualTo(new[] { "invoices" }));
            Assert.That(result.Unresolved.Single().Reason.StartsWith("billing category only suggested (not tagged)", StringComparison.Ordinal), Is.True, result.Unresolved.Single().Reason);
            Assert.That(result.Summary.StartsWith("no billing table tagged", StringComparison.Ordinal), Is.True, result.Summary);
        }
    }

    [Test]
    public void BillingKept_SuggestedBillingTableBesideATaggedOneNotReached_Holds()
    {
        // Given one tagged billing table: a table only suggested as billing that no deletion reaches is safe either way.
        var result = Check("billing-kept", Doc(Organisations(), Users(),
            Some.Table("invoices", "billing-and-payment", Some.Id(), Some.Fk("organisation_id"), Some.Column("amount_cents", "financial.billing"))
                .WithFk("organisations", "restrict", "organisation_id"),
            Some.Table("credits", null, Some.Id(), Some.Fk("organisation_id"), Some.Column("amount", "financial.billing", ColumnStatus.Suggested))
                .WithFk("organisations", "restrict", "organisation_id")));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), string.Join("; ", result.Unresolved.Select(f => f.Reason)));
    }

    [Test]
    public void PaymentThroughGateway_PaymentDataOnlySuggested_UnknownNotHolds()
    {
        // Given nothing annotated: a gateway charge id suggested as a payment reference, beside an undecided status column.
        var result = Check("payment-through-gateway", Doc(Some.Table("payment_references", null,
            Some.Id(), Some.Column("gateway_charge_id", "financial.payment_reference", ColumnStatus.Suggested),
            Some.Column("status", "none", ColumnStatus.Suggested))));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown));
            Assert.That(result.Unresolved.Select(u => u.Column), Is.EqualTo(new[] { "gateway_charge_id", "status" }));
            Assert.That(result.Unresolved.Select(u => u.Reason.EndsWith("in a table whose payment data is only suggested", StringComparison.Ordinal)), Is.All.True, string.Join("; ", result.Unresolved.Select(u => u.Reason)));
        }
    }

    [Test]
    public void PaymentThroughGateway_PaymentDataTaggedAndRestAnnotated_Holds()
    {
        var result = Check("payment-through-gateway", Doc(Some.Table("payment_references", "billing-and-payment",
            Some.Id(), Some.Column("gateway_charge_id", "financial.payment_reference"), Some.Column("status", "none"))));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), string.Join("; ", result.Unresolved.Select(f => f.Reason)));
    }

    [Test]
    public void PaymentThroughGateway_SuggestedIban_UnknownNotViolated()
    {
        var result = Check("payment-through-gateway", Doc(Some.Table("payouts", "billing-and-payment",
            Some.Id(), Some.Column("iban", "financial.bank_account", ColumnStatus.Suggested))));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown));
        Assert.That(result.Unresolved.Single().Reason, Does.Contain("suggested financial.bank_account, not tagged"));
    }

    [Test]
    public void DeclaredCategoriesOnly_SuggestedUndeclaredCategory_UnknownNotViolated()
    {
        var result = Check("declared-categories-only", Doc(Some.Table("users", "account-management",
            Some.Id(), Some.Column("email", "contact.email"), Some.Column("secret", "other_personal.credentials", ColumnStatus.Suggested))));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown));
    }

    [Test]
    public void AutomaticDataLimited_SuggestedOtherAutomaticData_UnknownNotViolated()
    {
        var result = Check("automatic-data-limited", Doc(Some.Table("login_events", "service-operation",
            Some.Id(), Some.Column("seen_at", "automatic.activity", ColumnStatus.Suggested))));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown));
    }

    [Test]
    public void SharedWithOnly_SuggestedForbiddenCategory_UnknownNotViolated()
    {
        var result = Check("intercom-email-and-signup-date-only", Doc(Some.Table("intercom_contacts", "activity-analytics",
            Some.Id(), Some.Column("email", "contact.email"), Some.Column("phone", "contact.phone", ColumnStatus.Suggested)).SharedWith("intercom")));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown));
    }

    [Test]
    public void CustomerDataInProcessorScope_SuggestedCustomerContentInControllerTable_UnknownNotViolated()
    {
        var result = Check("customer-data-processor-scope", Doc(Some.Table("uploads", null,
            Some.Id(), Some.Column("blob", "customer_content.file", ColumnStatus.Suggested))));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown));
    }

    [Test]
    public void DeletionPath_UndecidedForTwoReasons_SummaryCountsEachReason()
    {
        // Given a newsletter table whose e-mail is only suggested, and sessions behind a delete rule the scan could not read
        // (trial 30: the summary listed every possible reason, whatever applied, and never the unread rule).
        var result = Check("deletion-path", Doc(Organisations(), Users(),
            Some.Table("newsletter_signups", null, Some.Id(), Some.Column("email", "contact.email", ColumnStatus.Suggested)),
            Some.Table("sessions", "account-management", Some.Id(), Some.Fk(), Some.Column("ip", "automatic.ip_address")).WithFk("users", "unknown")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown));
            Assert.That(result.Summary, Is.EqualTo("2 tables with personal data undecided: 1 with personal data only suggested, 1 behind a delete rule that could not be read"));
        }
    }

    [Test]
    public void DeletionPath_OrganisationIsARootInTheSeedPolicy_UsersCascadingToItHold()
    {
        // Given the demo's shape: no users table deletion is needed, the organisation is the account.
        var result = Check("deletion-path", Doc(Organisations(), Users(),
            Some.Table("api_tokens", "account-management", Some.Id(), Some.Fk(), Some.Column("label", "contact.username")).WithFk("users", "cascade")));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), string.Join("; ", result.Findings.Select(f => f.Reason)));
    }
}
