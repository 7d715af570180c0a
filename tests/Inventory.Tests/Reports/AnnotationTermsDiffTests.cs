using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Diff;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary><c>diff</c> and the report's changes show a change of an annotation's <c>retention</c> or
/// <c>shared-with</c>, a table's and a column entry's own (trial 27: a column's own terms, recorded since then, changed
/// without a line).</summary>
[TestFixture]
public sealed class AnnotationTermsDiffTests
{
    private static InventoryDocument Users(string? tableRetention, string? ipRetention, params string[] phoneSharedWith)
    {
        var phone = Some.Column("phone", "contact.phone");
        phone.Annotation!.SharedWith = phoneSharedWith.Length == 0 ? null : [.. phoneSharedWith];
        var ip = Some.Column("last_sign_in_ip", "automatic.ip_address", family: Inventory.Catalog.TypeFamily.Network);
        ip.Annotation!.Retention = ipRetention;
        var users = Some.Table("users", "account-management", Some.Id(), phone, ip);
        users.Retention = tableRetention;
        return SeedClaims.App(users);
    }

    [Test]
    public void Compare_ColumnEntrySharedWithAndRetentionChanged_OneLineEach()
    {
        var diff = InventoryDiff.Compare(Users("account lifetime", "13 months"), Users("account lifetime", "6 months", "intercom"));

        Assert.That(diff.Changes.Select(InventoryDiffWriter.Line), Is.EqualTo(new[]
        {
            "~ app/users.phone shared-with: (none) → intercom",
            "~ app/users.last_sign_in_ip retention: 13 months → 6 months",
        }));
    }

    [Test]
    public void Compare_TableRetentionChanged_OneLineForTheTable()
    {
        var diff = InventoryDiff.Compare(Users("account lifetime", null), Users("account lifetime + 30 days", null));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diff.Changes.Select(InventoryDiffWriter.Line), Is.EqualTo(new[] { "~ app/users retention: account lifetime → account lifetime + 30 days" }));
            Assert.That(InventoryDiffWriter.ToText(diff), Does.StartWith("schema: no changes\nclassification: 1 retention-changed\n"));
            Assert.That(InventoryDiffWriter.ToJson(diff), Does.Contain("\"kind\": \"retention-changed\""));
        }
    }

    [Test]
    public void Build_PreviousWithOtherColumnTerms_TheReportListsTheChanges()
    {
        var model = ReportModel.Build(Users(null, "13 months"), SeedClaims.Policy, previous: Users(null, null, "intercom"));

        Assert.That(model.ChangeRows.Select(r => $"{r.Kind} {r.Location} {r.Old} → {r.New}"), Is.EqualTo(new[]
        {
            "shared-with-changed app/users.phone intercom → ",
            "retention-changed app/users.last_sign_in_ip  → 13 months",
        }));
    }

    [Test]
    public void Compare_SameTerms_NoChanges()
    {
        Assert.That(InventoryDiff.Compare(Users("a", "b", "intercom"), Users("a", "b", "intercom")).IsEmpty, Is.True);
    }
}
