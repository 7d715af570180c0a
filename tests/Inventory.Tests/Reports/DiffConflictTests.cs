using NUnit.Framework;
using System.Text.Json;
using Inventory.Model;
using Inventory.Reports.Diff;

namespace Inventory.Tests.Reports;

/// <summary>A column annotated <c>none</c> whose values are e-mail addresses is a conflict (the merger's status and
/// message, as <c>inventory check</c> reports them); <c>inventory diff</c> must say so, not only print <c>(none)</c>.</summary>
[TestFixture]
public sealed class DiffConflictTests
{
    private const string Message = "annotated none, but 300/300 non-null sampled values are e-mail (detector.email)";

    private static ColumnEntry Contradicted(string name)
    {
        var column = Some.Column(name, "none", ColumnStatus.Conflict);
        column.Conflict = Message;
        return column;
    }

    [Test]
    public void AddedColumnAnnotatedNone_ContradictedByItsValues_FlaggedInTextAndJson()
    {
        var old = Some.Document(Some.Source("portail", Some.Table("accounts", null, Some.Id())));
        var @new = Some.Document(Some.Source("portail", Some.Table("accounts", null, Some.Id(), Contradicted("backup_email"))));

        var diff = InventoryDiff.Compare(old, @new);
        var text = InventoryDiffWriter.ToText(diff);
        using var json = JsonDocument.Parse(InventoryDiffWriter.ToJson(diff));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text.Split('\n'), Does.Contain($"+ portail/accounts.backup_email (none); conflict: {Message}"));
            Assert.That(json.RootElement.GetProperty("changes")[0].GetProperty("conflict").GetString(), Is.EqualTo(Message));
            Assert.That(text.Contains('@', StringComparison.Ordinal), Is.False);
        }
    }

    [Test]
    public void ChangedColumn_CategoryToNoneWithConflict_FlaggedOnItsCategoryLine()
    {
        var old = Some.Document(Some.Source("portail", Some.Table("accounts", null, Some.Column("backup_email", "contact.email"))));
        var @new = Some.Document(Some.Source("portail", Some.Table("accounts", null, Contradicted("backup_email"))));

        var text = InventoryDiffWriter.ToText(InventoryDiff.Compare(old, @new));

        Assert.That(text.Split('\n'), Does.Contain($"~ portail/accounts.backup_email category: contact.email → none; conflict: {Message}"));
        Assert.That(text.Contains("! portail/accounts.backup_email", StringComparison.Ordinal), Is.False);
    }

    [Test]
    public void StatusOnlyChangeToConflict_NamedOnItsOwnLine()
    {
        var old = Some.Document(Some.Source("portail", Some.Table("accounts", null, Some.Column("backup_email", "none"))));
        var @new = Some.Document(Some.Source("portail", Some.Table("accounts", null, Contradicted("backup_email"))));

        var text = InventoryDiffWriter.ToText(InventoryDiff.Compare(old, @new));

        Assert.That(text.Split('\n'), Does.Contain($"! portail/accounts.backup_email conflict: {Message}"));
    }

    [Test]
    public void AddedColumnWithoutConflict_LineUnchanged()
    {
        var old = Some.Document(Some.Source("portail", Some.Table("accounts", null, Some.Id())));
        var @new = Some.Document(Some.Source("portail", Some.Table("accounts", null, Some.Id(), Some.Column("plan", "none"))));

        var diff = InventoryDiff.Compare(old, @new);

        Assert.That(diff.Changes.Select(InventoryDiffWriter.Line), Is.EqualTo(new[] { "+ portail/accounts.plan (none)" }));
        Assert.That(InventoryDiffWriter.ToJson(diff).Contains("conflict", StringComparison.Ordinal), Is.False);
    }
}
