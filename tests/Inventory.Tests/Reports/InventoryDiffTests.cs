using NUnit.Framework;
using System.Text.Json;
using Inventory.Model;
using Inventory.Reports.Diff;

namespace Inventory.Tests.Reports;

[TestFixture]
public sealed class InventoryDiffTests
{
    [Test]
    public void Compare_SameDocument_NoChanges()
    {
        var diff = InventoryDiff.Compare(SampleInventory.Build(), SampleInventory.Build());

        Assert.That(diff.IsEmpty, Is.True);
        Assert.That(InventoryDiffWriter.ToText(diff), Is.EqualTo("no changes\n"));
    }

    [Test]
    public void Compare_DemoAgainstPrevious_ListsAddedRemovedAndCategoryChanges()
    {
        var diff = InventoryDiff.Compare(SampleInventory.BuildPrevious(), SampleInventory.Build());

        var lines = diff.Changes.Select(InventoryDiffWriter.Line).ToList();
        Assert.That(lines, Is.EqualTo(new[]
        {
            "+ app/intercom_contacts (4 columns; personal: contact.email)",
            "+ app/prospects.phone (contact.phone)",
            "~ app/users.locale category: undecided → automatic.browser_language",
            "~ app/users.locale status: untagged → tagged",
            "- app/users.fax (contact.phone)",
        }));
    }

    [Test]
    public void Compare_TypeActivityAndSourceChanges_Reported()
    {
        var old = Some.Document(Some.Source("app", Some.Table("t", "account-management", Some.Column("a", "none"))), Some.Source("gone"));
        var table = Some.Table("t", "service-operation", Some.Column("a", "none", declaredType: "varchar(10)")).SharedWith("intercom");
        var @new = Some.Document(Some.Source("app", table), Some.Source("added"));

        var kinds = InventoryDiff.Compare(old, @new).Changes.Select(c => c.Kind).ToList();

        Assert.That(kinds, Is.EquivalentTo(new[]
        {
            ChangeKind.SourceAdded, ChangeKind.SourceRemoved, ChangeKind.ActivityChanged, ChangeKind.SharedWithChanged, ChangeKind.TypeChanged,
        }));
    }

    [Test]
    public void ToJson_Demo_HasSummaryAndKebabCaseKinds()
    {
        var json = InventoryDiffWriter.ToJson(InventoryDiff.Compare(SampleInventory.BuildPrevious(), SampleInventory.Build()));

        using var doc = JsonDocument.Parse(json);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(doc.RootElement.GetProperty("summary").GetProperty("table-added").GetInt32(), Is.EqualTo(1));
            Assert.That(doc.RootElement.GetProperty("changes")[0].GetProperty("kind").GetString(), Is.EqualTo("table-added"));
            Assert.That(doc.RootElement.GetProperty("changes")[2].GetProperty("new").GetString(), Is.EqualTo("automatic.browser_language"));
        }
    }

    /// <summary>Before and after annotating three columns, plus one real schema change (a column added).</summary>
    private static (InventoryDocument Old, InventoryDocument New) Annotated()
    {
        var old = Some.Document(Some.Source("app", Some.Table("users", null,
            Some.Column("email", "contact.email", ColumnStatus.Suggested), Some.Column("name", "contact.name", ColumnStatus.Suggested),
            Some.Column("notes", null, ColumnStatus.Untagged))));
        var @new = Some.Document(Some.Source("app", Some.Table("users", null,
            Some.Column("email", "contact.email", ColumnStatus.Tagged), Some.Column("name", "contact.name", ColumnStatus.Tagged),
            Some.Column("notes", "none", ColumnStatus.Tagged), Some.Column("phone", null, ColumnStatus.Untagged))));
        return (old, @new);
    }

    [Test]
    public void ToText_AfterAnnotating_SchemaChangesFirstAndStatusChangesCounted()
    {
        var (old, @new) = Annotated();

        var text = InventoryDiffWriter.ToText(InventoryDiff.Compare(old, @new));

        Assert.That(text, Is.EqualTo(
            "schema: 1 column-added\n" +
            "classification: 1 category-changed, 3 status-changed\n" +
            "+ app/users.phone (undecided)\n" +
            "~ app/users.notes category: undecided → none\n" +
            "~ status suggested → tagged: 2 columns\n" +
            "~ status untagged → tagged: 1 column\n"));
    }

    [Test]
    public void SchemaOnly_AfterAnnotating_KeepsOnlyTheAddedColumn()
    {
        var (old, @new) = Annotated();

        var diff = InventoryDiff.Compare(old, @new).SchemaOnly();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diff.Changes.Select(InventoryDiffWriter.Line), Is.EqualTo(new[] { "+ app/users.phone (undecided)" }));
            Assert.That(InventoryDiffWriter.ToText(diff), Is.EqualTo("schema: 1 column-added\n+ app/users.phone (undecided)\n"));
        }
    }
}
