using System.Text;
using Inventory.Catalog;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Claims;
using Inventory.Reports.Diff;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>Small defects in what a DPO reads (trial 25 findings 8 and 9, trial 26 finding 6): the diff's
/// <c>classification:</c> line, the shared-with-only wording, binary columns among the "not sampled" ones.</summary>
[TestFixture]
public sealed class DpoWordingTests
{
    [Test]
    public void DiffText_OnlyTheSchemaChanged_BothCountLines()
    {
        var old = Some.Document(Some.Source("app", Some.Table("users", null, Some.Id())));
        var @new = Some.Document(Some.Source("app", Some.Table("users", null, Some.Id()), Some.Table("orders", null, Some.Id())));

        var lines = InventoryDiffWriter.ToText(InventoryDiff.Compare(old, @new)).Split('\n');

        Assert.That(lines.Take(3), Is.EqualTo(new[] { "schema: 1 table-added", "classification: no changes", "+ app/orders (1 column)" }));
    }

    [Test]
    public void DiffText_SchemaOnlyView_NoClassificationLine()
    {
        // --schema-only leaves the classification changes out: a "no changes" line would claim something not compared.
        var old = SampleInventory.BuildPrevious();

        var text = InventoryDiffWriter.ToText(InventoryDiff.Compare(old, SampleInventory.Build()).SchemaOnly());

        Assert.That(text, Does.StartWith("schema: ").And.Not.Contain("classification:"));
    }

    [Test]
    public void SharedWithOnly_ColumnBeyondTheAllowedCategories_ReasonListsWhatTheRecipientMayReceive()
    {
        var inventory = Some.Document(Some.Source("app",
            Some.Table("intercom_contacts", "activity-analytics", Some.Id(), Some.Column("email", "contact.email"), Some.Column("phone", "contact.phone"))
                .SharedWith("intercom")));

        var result = ClaimEvaluator.Evaluate(PolicyDocument.Seed.Claims.Single(c => c.Id == "intercom-email-and-signup-date-only"), PolicyDocument.Seed, inventory);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Findings.Single().Reason,
                Is.EqualTo("contact.phone is shared with 'intercom', which may receive only these categories: contact.email, none"));
            Assert.That(result.Summary, Is.EqualTo("1 column shared with 'intercom' beyond the categories it may receive: contact.email, none"));
        }
    }

    [Test]
    public void SharedWithOnly_Holds_SummaryNamesTheAllowedCategoriesAsSuch()
    {
        var result = ClaimEvaluator.Evaluate(PolicyDocument.Seed.Claims.Single(c => c.Id == "intercom-email-and-signup-date-only"), PolicyDocument.Seed,
            SampleInventory.Build());

        Assert.That(result.Summary, Is.EqualTo("1 table shared with 'intercom', 4 columns, all in the categories it may receive: contact.email, none"));
    }

    [Test]
    public void Coverage_BinaryColumn_CountedApartFromColumnsThatCouldNotBeSampled()
    {
        // Given: a table with a binary column (measured, never decoded, by design) and a column whose read timed out.
        var table = Some.Table("avatars", null, Some.Id(),
            Some.Column("image", null, family: TypeFamily.Binary, declaredType: "bytea", notSampled: NotSampledReason.Binary),
            Some.Column("caption", null, notSampled: NotSampledReason.TimedOut));

        var model = ReportModel.Build(Some.Document(Some.Source("app", table)), PolicyDocument.Seed);

        var coverage = model.Coverage.Single().Tables.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(coverage.NotSampled, Is.EqualTo(1));
            Assert.That(coverage.NotSampledByType, Is.EqualTo(1));
            Assert.That(model.CoverageTotals.NotSampledByType, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Markdown_BinaryColumn_CoverageHasItsOwnColumn()
    {
        var table = Some.Table("avatars", null, Some.Id(),
            Some.Column("image", null, family: TypeFamily.Binary, declaredType: "bytea", notSampled: NotSampledReason.Binary));
        var model = ReportModel.Build(Some.Document(Some.Source("app", table)), PolicyDocument.Seed);

        var md = Encoding.UTF8.GetString(await ReportWriterTests.RenderAsync(ReportWriters.Create("md"), model));

        var header = md.Split('\n').First(l => l.StartsWith("| Table | Activity |", StringComparison.Ordinal));
        var row = md.Split('\n').First(l => l.StartsWith("| `app/avatars`", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(header, Does.EndWith("| Not sampled | Binary (lengths only, by design) |"));
            Assert.That(row, Does.EndWith("| 0 | 1 |"));
        }
    }
}
