using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports.Claims;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>trial38 finding 2: deletion-path leaves out a table whose every tagged personal category its activity keeps
/// under a rule marked not erasable; it read the columns' categories only, so a JSON column tagged with a kept category
/// (the seed's service logs keep automatic data 12 months, not erasable) hid the customer's e-mail its annotation tags at
/// a path, and the table was left out. The annotated paths' categories count too.</summary>
[TestFixture]
public sealed class DeletionPathTaggedPathTests
{
    private static PathEntry Path(string path, string category) => new()
    {
        Path = path, DataCategory = category, Origin = Origin.Annotation,
        Annotation = new AnnotationRef { DataCategory = category, File = "annotations/app.yml", Line = 5 },
    };

    private static ClaimResult Check(params PathEntry[] paths)
    {
        var context = Some.Column("context", "automatic.ip_address", family: TypeFamily.Document);
        context.Paths = [Path("$.client.ip", "automatic.ip_address"), .. paths];
        var users = Some.Table("users", "account-management", Some.Id(), Some.Column("email", "contact.email"));
        var logs = Some.Table("request_logs", "service-operation", Some.Id(), context);
        return SeedClaims.Evaluate("deletion-path", users, logs);
    }

    [Test]
    public void KeptCategoryAtEveryPath_TableLeftOutAsNotErasable()
    {
        var result = Check();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Exempted.Single(e => e.Table == "request_logs").Reason,
                Is.EqualTo("activity 'service-operation' keeps its personal data (automatic.ip_address) under a retention rule marked not erasable (erasable: false)"));
            Assert.That(result.Findings, Is.Empty);
        }
    }

    [Test]
    public void CustomerEmailTaggedAtAPath_TableIsExaminedAndHasNoDeletionPath()
    {
        var result = Check(Path("$.user.email", "contact.email"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Exempted.Select(e => e.Table), Does.Not.Contain("request_logs"));
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            Assert.That(result.Findings.Single().Table, Is.EqualTo("request_logs"));
            Assert.That(result.Findings.Single().Reason, Does.StartWith("personal data with no deletion path"));
        }
    }

    [Test]
    public void AnotherKeptCategoryAtAPath_StillLeftOutAndTheReasonNamesBoth()
    {
        // automatic.user_agent is under the same not-erasable rule (automatic): nothing erasable is hidden.
        var result = Check(Path("$.client.ua", "automatic.user_agent"));

        Assert.That(result.Exempted.Single(e => e.Table == "request_logs").Reason,
            Does.StartWith("activity 'service-operation' keeps its personal data (automatic.ip_address, automatic.user_agent) under"));
    }
}
