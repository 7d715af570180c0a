using NUnit.Framework;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Rules.Policy;

namespace Inventory.Tests.Reports;

/// <summary>The Art. 30 record lists the categories a JSON column's path annotations tag under the table's activity,
/// as <c>table.column $.path</c>, not only the column's one category.</summary>
[TestFixture]
public sealed class JsonPathRecordTests
{
    private static PathEntry Path(string path, string category, Origin origin) => new()
    {
        Path = path, DataCategory = category, Origin = origin,
        Annotation = origin == Origin.Annotation ? new AnnotationRef { DataCategory = category, File = "annotations/app.yml", Line = 3 } : null,
    };

    [Test]
    public void Build_JsonColumnWithTaggedPaths_EachPathCategoryUnderTheTablesActivity()
    {
        var payload = Some.Column("payload", "financial.payment_reference", family: TypeFamily.Document);
        payload.Paths =
        [
            Path("$.data.id", "financial.payment_reference", Origin.Annotation),
            Path("$.data.billing_details.email", "contact.email", Origin.Annotation),
            Path("$.data.card.last4", "financial.payment_card", Origin.Annotation),
            Path("$.data.billing_details.phone", "contact.phone", Origin.Rules), // suggested only: not in the record
        ];
        var inventory = Some.Document(Some.Source("app", Some.Table("webhook_events", "account-management", Some.Id(), payload)));

        var activity = ReportModel.Build(inventory, PolicyDocument.Seed).Activities.Single(a => a.Id == "account-management");
        var columns = activity.Categories.SelectMany(k => k.Columns.Select(c => (k.Category, c))).ToList();

        Assert.That(columns, Is.EquivalentTo(new[]
        {
            ("financial.payment_reference", "app/webhook_events.payload"),
            ("contact.email", "app/webhook_events.payload $.data.billing_details.email"),
            ("financial.payment_card", "app/webhook_events.payload $.data.card.last4"),
        }));
    }
}
