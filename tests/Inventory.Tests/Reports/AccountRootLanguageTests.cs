using Inventory.Model;
using Inventory.Reports.Claims;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>Trial32 finding 10: the seed policy's account tables (the deletion-path and billing-kept roots) were English
/// only, so a French, German or Spanish schema always read "no account table". Generated schemas of each language: the
/// account table, a child table cascading from it, a billing table restricting or cascading.</summary>
[TestFixture]
public sealed class AccountRootLanguageTests
{
    private static readonly string[] Roots =
        ["utilisateurs", "comptes", "organisations", "benutzer", "konten", "organisationen", "usuarios", "cuentas", "organizaciones", "users", "accounts"];

    /// <summary>Names that are not account tables in the seed policy: the people a shop or a CRM serves.</summary>
    private static readonly string[] NotRoots = ["clients", "customers", "kunden", "clientes", "abonnes", "mitglieder"];

    /// <summary>An account table and a sessions table cascading from it.</summary>
    private static (TableEntry Account, TableEntry Child) Schema(string root) =>
    (
        Some.Table(root, "account-management", Some.Id(), Some.Column("courriel", "contact.email")),
        Some.Table($"{root}_sessions", "account-management", Some.Id(), Some.Fk("owner_id"), Some.Column("ip", "automatic.ip_address"))
            .WithFk(root, "cascade", "owner_id")
    );

    [Test]
    public void DeletionPath_AccountTableInEachLanguage_Holds([ValueSource(nameof(Roots))] string root)
    {
        var tables = Schema(root);

        var result = SeedClaims.Evaluate("deletion-path", SeedClaims.App(tables.Account, tables.Child));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), result.Summary);
    }

    [Test]
    public void BillingKept_InvoicesCascadingFromAnAccountTableInEachLanguage_Violated([ValueSource(nameof(Roots))] string root)
    {
        var tables = Schema(root);
        var invoices = Some.Table("factures", "billing-and-payment", Some.Id(), Some.Fk("owner_id"), Some.Column("montant", "financial.billing"))
            .WithFk(root, "cascade", "owner_id");

        var result = SeedClaims.Evaluate("billing-kept", SeedClaims.App(tables.Account, tables.Child, invoices));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
    }

    [Test]
    public void DeletionPath_PeopleServedNotAccounts_NoRoot([ValueSource(nameof(NotRoots))] string table)
    {
        var tables = Schema(table);

        var result = SeedClaims.Evaluate("deletion-path", SeedClaims.App(tables.Account, tables.Child));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown), result.Summary);
        Assert.That(result.Unresolved.First().Reason, Does.StartWith("no account table ("));
    }
}
