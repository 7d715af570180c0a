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
    private static readonly PolicyDocument Policy = PolicyDocument.Seed;

    private static ClaimResult Check(string claimId, InventoryDocument inventory) =>
        ClaimEvaluator.Evaluate(Policy.Claims.Single(c => c.Id == claimId), Policy, inventory);

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
}
