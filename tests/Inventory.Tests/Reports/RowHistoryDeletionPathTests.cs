using Inventory.Catalog;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Claims;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>deletion-path and tables whose database keeps their rows' earlier versions (MariaDB system versioning, SQL
/// Server temporal tables): a DELETE leaves the rows in the history, so such a table with tagged personal columns is a
/// finding whatever its keys or markers, naming the engine's purge; a SQL Server history table goes with its table.</summary>
[TestFixture]
public sealed class RowHistoryDeletionPathTests
{
    private static ClaimResult Check(params TableEntry[] tables) => SeedClaims.Evaluate("deletion-path", tables);

    private static TableEntry Users() => Some.Table("users", "account-management", Some.Id(), Some.Column("email", "contact.email"));

    private static TableEntry Versioned(TableEntry table, RowHistory history)
    {
        table.History = history;
        return table;
    }

    private static IEnumerable<TestCaseData> Layouts()
    {
        // The account table itself, a table erased with it by CASCADE, and one with a deletion marker: each keeps history.
        yield return new TestCaseData(Versioned(Users(), new RowHistory(RowHistory.SystemVersioning)), null!, "users", "DELETE HISTORY FROM users")
            .SetArgDisplayNames("versioned account table");
        yield return new TestCaseData(Users(),
                Versioned(Some.Table("addresses", "account-management", Some.Id(), Some.Fk(), Some.Column("street", "contact.postal_address")).WithFk("users", "cascade"),
                    new RowHistory(RowHistory.SystemVersioning)), "addresses", "DELETE HISTORY FROM addresses")
            .SetArgDisplayNames("versioned table erased by cascade");
        yield return new TestCaseData(Users(),
                Versioned(Some.Table("profiles", "account-management", Some.Id(), Some.Column("deleted_at", "none"), Some.Column("phone", "contact.phone")),
                    new RowHistory(RowHistory.TemporalTable, HistoryTable: "history.profiles_history")), "profiles", "history.profiles_history")
            .SetArgDisplayNames("temporal table with a deletion marker");
    }

    [TestCaseSource(nameof(Layouts))]
    public void DeletionPath_VersionedTableWithTaggedPersonalData_ViolatedNamingThePurge(TableEntry first, TableEntry? second, string table, string purge)
    {
        var result = second is null ? Check(first) : Check(first, second);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            Assert.That(result.Findings.Select(f => f.Table), Is.EqualTo(new[] { table }));
            Assert.That(result.Findings.Single().Reason, Does.Contain("row history").And.Contain(purge));
        }
    }

    [Test]
    public void DeletionPath_SameTablesWithoutHistory_Hold()
    {
        // The control for the layouts above: without the history, each table is erased (root, cascade, marker).
        var result = Check(Users(),
            Some.Table("addresses", "account-management", Some.Id(), Some.Fk(), Some.Column("street", "contact.postal_address")).WithFk("users", "cascade"),
            Some.Table("profiles", "account-management", Some.Id(), Some.Column("deleted_at", "none"), Some.Column("phone", "contact.phone")));

        Assert.That((result.Verdict, result.Examined), Is.EqualTo((ClaimVerdict.Holds, 3)), result.Summary);
    }

    [Test]
    public void DeletionPath_SqlServerHistoryTableBesideItsTable_OneFindingForTheVersionedTable()
    {
        var result = Check(Users(),
            Versioned(Some.Table("profiles", "account-management", Some.Id(), Some.Fk(), Some.Column("phone", "contact.phone")).WithFk("users", "cascade"),
                new RowHistory(RowHistory.TemporalTable, HistoryTable: "profiles_history")),
            Versioned(Some.Table("profiles_history", null, Some.Id(), Some.Fk(), Some.Column("phone", "contact.phone")),
                new RowHistory(RowHistory.TemporalTable, VersionsOf: "profiles")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Findings.Select(f => f.Table), Is.EqualTo(new[] { "profiles" }));
            Assert.That(result.Findings.Single().Reason, Does.Contain("purge the history table profiles_history"));
            Assert.That(result.Examined, Is.EqualTo(2), "users and profiles; the history table goes with profiles");
        }
    }

    [Test]
    public void DeletionPath_HistoryTableWhoseTableIsNotScanned_ItsOwnFinding()
    {
        // A scan limited to the history table (include patterns) still says where the past rows are.
        var result = Check(Users(),
            Versioned(Some.Table("profiles_history", null, Some.Id(), Some.Column("phone", "contact.phone")),
                new RowHistory(RowHistory.TemporalTable, VersionsOf: "profiles")));

        Assert.That(result.Findings.Single().Reason, Does.Contain("holds the earlier versions of profiles's rows"));
    }

    [Test]
    public void DeletionPath_VersionedTableWithOnlySuggestedPersonalData_Unknown()
    {
        var result = Check(Users(),
            Versioned(Some.Table("notes", "account-management", Some.Id(), Some.Column("phone", "contact.phone", ColumnStatus.Suggested)),
                new RowHistory(RowHistory.SystemVersioning)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown), result.Summary);
            Assert.That(result.Unresolved.Single().Reason, Does.Contain("tag the columns to decide").And.Contain("system-versioning"));
        }
    }

    [Test]
    public void DeletionPath_VersionedTableWithoutPersonalData_NotExamined()
    {
        var result = Check(Users(), Versioned(Some.Table("prices", null, Some.Id(), Some.Column("amount", "none")), new RowHistory(RowHistory.SystemVersioning)));

        Assert.That((result.Verdict, result.Examined), Is.EqualTo((ClaimVerdict.Holds, 1)), result.Summary);
    }
}

/// <summary><c>inventory diff</c> shows a table that starts or stops keeping its rows' history as a schema change.</summary>
[TestFixture]
public sealed class RowHistoryDiffTests
{
    [Test]
    public void Compare_HistoryTurnedOnAndOff_OneSchemaChangeEach()
    {
        TableEntry Users(RowHistory? history) { var t = Some.Table("users", null, Some.Id(), Some.Column("email", "contact.email")); t.History = history; return t; }
        TableEntry Orders(RowHistory? history) { var t = Some.Table("orders", null, Some.Id()); t.History = history; return t; }
        var old = Some.Document(Some.Source("app", Users(null), Orders(new RowHistory(RowHistory.TemporalTable, HistoryTable: "orders_history"))));
        var @new = Some.Document(Some.Source("app", Users(new RowHistory(RowHistory.SystemVersioning)), Orders(null)));

        var diff = Inventory.Reports.Diff.InventoryDiff.Compare(old, @new).SchemaOnly();

        Assert.That(diff.Changes.Select(Inventory.Reports.Diff.InventoryDiffWriter.Line), Is.EqualTo(new[]
        {
            "~ app/orders row history: temporal-table (history in orders_history) → (none)",
            "~ app/users row history: (none) → system-versioning",
        }));
    }

    [Test]
    public void Compare_SameHistory_NoChange()
    {
        TableEntry Users() { var t = Some.Table("users", null, Some.Id()); t.History = new RowHistory(RowHistory.SystemVersioning); return t; }

        var diff = Inventory.Reports.Diff.InventoryDiff.Compare(Some.Document(Some.Source("app", Users())), Some.Document(Some.Source("app", Users())));

        Assert.That(diff.Changes, Is.Empty);
    }
}

/// <summary>The record of processing names, beside each category's retention, the tables whose database keeps their rows'
/// history (a DELETE leaves the rows there), once per table over a fleet of tenants.</summary>
[TestFixture]
public sealed class RowHistoryRecordTests
{
    private static TableEntry Users(RowHistory? history)
    {
        var t = Some.Table("users", "account-management", Some.Id(), Some.Column("email", "contact.email"));
        t.History = history;
        return t;
    }

    [Test]
    public void Build_VersionedTablesInAFleet_OneLinePerTableWithTheSourceCount()
    {
        var inventory = Some.Document(
            Some.Source("tenant-01", Users(new RowHistory(RowHistory.SystemVersioning))),
            Some.Source("tenant-02", Users(new RowHistory(RowHistory.SystemVersioning))),
            Some.Source("billing", Users(new RowHistory(RowHistory.TemporalTable, HistoryTable: "users_history", RetentionPeriod: "6 MONTHS"))),
            Some.Source("legacy", Users(null)));

        var model = ReportModel.Build(inventory, PolicyDocument.Seed);

        var record = model.Activities.Single(a => a.Id == "account-management").Categories.Single(k => k.Category == "contact.email");
        Assert.That(record.RowHistory, Is.EqualTo(new[] { "users (system-versioning) in 2 sources", "users (temporal-table, purged after 6 MONTHS)" }));
    }

    [Test]
    public void Build_NoVersionedTable_NothingSaid()
    {
        var model = ReportModel.Build(Some.Document(Some.Source("app", Users(null))), PolicyDocument.Seed);

        Assert.That(model.Activities.SelectMany(a => a.Categories).SelectMany(k => k.RowHistory), Is.Empty);
    }

    [Test]
    public void Markdown_VersionedTable_RecordWarnsBesideTheRetention()
    {
        var model = ReportModel.Build(Some.Document(Some.Source("app", Users(new RowHistory(RowHistory.SystemVersioning)))), PolicyDocument.Seed);

        var markdown = Inventory.Reports.Writers.TemplateRenderer.Render("report.md.sbn", model);

        Assert.That(markdown, Does.Contain("⚠ deleted and overwritten values kept in the database's row history: users (system-versioning)"));
    }
}
