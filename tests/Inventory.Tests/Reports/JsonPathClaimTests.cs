using NUnit.Framework;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports.Claims;
using Inventory.Rules.Policy;

namespace Inventory.Tests.Reports;

/// <summary>A JSON column carries one category; the categories its path annotations give (contact data, card data
/// inside a payment payload) must still be read by the category claims.</summary>
[TestFixture]
public sealed class JsonPathClaimTests
{
    private static readonly PolicyDocument Policy = SeedClaims.Policy;

    private static ClaimResult Check(string claimId, InventoryDocument inventory) => SeedClaims.Evaluate(claimId, inventory);

    private static PathEntry Path(string path, string category, Origin origin) => new()
    {
        Path = path, DataCategory = category, Origin = origin,
        Annotation = origin == Origin.Annotation ? new AnnotationRef { DataCategory = category, File = "annotations/app.yml", Line = 3 } : null,
    };

    private static InventoryDocument Payloads(params PathEntry[] paths)
    {
        var payload = Some.Column("payload", "contact.email", family: TypeFamily.Document);
        payload.Paths = [Path("$.customer.email", "contact.email", Origin.Annotation), .. paths];
        return Some.Document(Some.Source("app", Some.Table("users", "account-management", Some.Id(), payload)));
    }

    [Test]
    public void DeclaredCategoriesOnly_UndeclaredCategoryTaggedAtAPath_ViolatedNamingThePath()
    {
        // No activity of the seed policy declares geolocation; the column's own category (contact.email) is declared.
        var result = Check("declared-categories-only", Payloads(Path("$.visit.city", "automatic.geolocation", Origin.Annotation)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            var finding = result.Findings.Single();
            Assert.That(finding.Column, Is.EqualTo("payload"));
            Assert.That(finding.DataCategory, Is.EqualTo("automatic.geolocation"));
            Assert.That(finding.Reason, Is.EqualTo("at $.visit.city: automatic.geolocation is declared by no processing activity"));
        }
    }

    [Test]
    public void DeclaredCategoriesOnly_UndeclaredCategoryOnlySuggestedAtAPath_Holds()
    {
        // A path category the scan found but nobody tagged is a suggestion, not a tag.
        var result = Check("declared-categories-only", Payloads(Path("$.visit.city", "automatic.geolocation", Origin.Rules)));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), result.Summary);
    }

    [Test]
    public void PaymentThroughGateway_ForbiddenCategoryTaggedAtAPath_ViolatedNamingThePath()
    {
        // The seed policy forbids bank details outside the gateway; here they sit inside a JSON payload.
        var result = Check("payment-through-gateway", Payloads(Path("$.refund.iban", "financial.bank_account", Origin.Annotation)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            var finding = result.Findings.Single();
            Assert.That(finding.Column, Is.EqualTo("payload"));
            Assert.That(finding.DataCategory, Is.EqualTo("financial.bank_account"));
            Assert.That(finding.Reason, Does.StartWith("at $.refund.iban: financial.bank_account is stored"));
        }
    }

    [Test]
    public void PaymentThroughGateway_PaymentCategoryTaggedAtAPathOfASharedTable_ViolatedForTheRecipient()
    {
        // A card reference inside a payload makes its table hold payment data; sharing it beyond the gateway is a finding.
        var inventory = Payloads(Path("$.card.token", "financial.payment_reference", Origin.Annotation));
        inventory.Sources[0].Tables[0].SharedWith("intercom");

        var result = Check("payment-through-gateway", inventory);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            Assert.That(result.Findings.Select(f => f.Reason),
                Has.Some.EqualTo("table with payment data is shared with 'intercom', not only with the gateway 'stripe'"));
        }
    }

    [Test]
    public void PaymentThroughGateway_PaymentCategoryOnlySuggestedAtAPath_NoFinding()
    {
        var result = Check("payment-through-gateway", Payloads(Path("$.refund.iban", "financial.bank_account", Origin.Rules)));

        Assert.That(result.Findings, Is.Empty, result.Summary);
    }

    [Test]
    public void PaymentThroughGateway_NothingCarriesAPaymentCategory_HoldsAndSaysNothingWasChecked()
    {
        // trial23: a claim whose categories match nothing passed with "0 tables hold payment data", easy to misread.
        var result = Check("payment-through-gateway", Payloads());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds));
            Assert.That(result.Examined, Is.Zero);
            Assert.That(result.Summary, Does.StartWith("no table holds financial.payment_card, financial.payment_reference, financial.bank_account: nothing is tagged"));
        }
    }

    [Test]
    public void AutomaticDataLimited_UnlistedAutomaticCategoryTaggedAtAPath_ViolatedNamingThePath()
    {
        var result = Check("automatic-data-limited", Payloads(Path("$.visit.city", "automatic.geolocation", Origin.Annotation)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            var finding = result.Findings.Single();
            Assert.That(finding.Column, Is.EqualTo("payload"));
            Assert.That(finding.Reason, Is.EqualTo("at $.visit.city: automatic.geolocation is collected; only automatic.ip_address, automatic.user_agent, automatic.browser_language are declared"));
        }
    }

    [Test]
    public void AutomaticDataLimited_AllowedAutomaticCategoryTaggedAtAPath_Holds()
    {
        var result = Check("automatic-data-limited", Payloads(Path("$.client.ip", "automatic.ip_address", Origin.Annotation)));

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), result.Summary);
    }
}
