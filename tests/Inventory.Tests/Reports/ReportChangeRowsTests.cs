using Inventory.Reports;
using Inventory.Reports.Diff;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>Trial 17 finding 17: the report's changes since the previous inventory put schema changes first and count
/// status transitions (one row per transition), as <c>inventory diff</c> does, instead of one row per column.</summary>
[TestFixture]
public sealed class ReportChangeRowsTests
{
    [Test]
    public void ChangeRows_FirstAnnotationPass_SchemaFirstAndOneRowPerStatusTransition()
    {
        // Given a first annotation pass over 120 columns, one column added and one type changed in between
        var changes = new List<InventoryChange>();
        for (int i = 0; i < 120; i++)
            changes.Add(new InventoryChange(ChangeKind.StatusChanged, "app", "t" + (i / 10), "c" + i, "suggested", i % 4 == 0 ? "conflict" : "tagged"));
        changes.Insert(50, new InventoryChange(ChangeKind.CategoryChanged, "app", "t5", "c50", "none", "contact.email"));
        changes.Add(new InventoryChange(ChangeKind.ColumnAdded, "app", "customers", "newsletter_email", null, "contact.email"));
        changes.Add(new InventoryChange(ChangeKind.TypeChanged, "app", "customers", "phone", "character varying(40)", "text"));
        var diff = new InventoryDiff { Changes = changes };

        // When
        var rows = ReportModelBuilder.ChangeRowsOf(diff);

        // Then
        Assert.That(rows.Select(r => (r.Kind, r.Location, r.Old, r.New)), Is.EqualTo(new[]
        {
            ("column-added", "app/customers.newsletter_email", "", "contact.email"),
            ("type-changed", "app/customers.phone", "character varying(40)", "text"),
            ("category-changed", "app/t5.c50", "none", "contact.email"),
            ("status-changed", "30 columns in 12 tables: app/t0, app/t1, app/t2, app/t3, app/t4 and 7 others", "suggested", "conflict"),
            ("status-changed", "90 columns in 12 tables: app/t0, app/t1, app/t2, app/t3, app/t4 and 7 others", "suggested", "tagged"),
        }));
    }

    [Test]
    public void ChangeRows_TransitionInTwoTables_NamesBothTables()
    {
        // Trial30: "29 columns" alone in the Where column said nowhere
        var diff = new InventoryDiff
        {
            Changes =
            [
                new InventoryChange(ChangeKind.StatusChanged, "panel", "public.users", "email", "suggested", "tagged"),
                new InventoryChange(ChangeKind.StatusChanged, "panel", "public.users", "name", "suggested", "tagged"),
                new InventoryChange(ChangeKind.StatusChanged, "shop", "orders", "customer", "suggested", "tagged"),
            ],
        };

        var row = ReportModelBuilder.ChangeRowsOf(diff).Single();

        Assert.That(row.Location, Is.EqualTo("3 columns in 2 tables: panel/public.users, shop/orders"));
    }
}
