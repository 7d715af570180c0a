using Inventory.Catalog;
using Inventory.Config;
using Inventory.Connectors;
using Inventory.Model;
using Inventory.Reports.Check;
using Inventory.Rules;
using Inventory.Scanning;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary>Trial40 finding 10: a table dropped (or renamed) while the scan runs was an <c>error</c> issue, exit 3, so a
/// nightly scan of a live fleet turned red on any concurrent migration. Now it is a <c>table-dropped</c> warning: the
/// inventory is complete (exit 0), the table left out of it (it no longer exists), and the gate says it — while a table that
/// cannot be read for another reason (a value the server cannot compute, a view over a dropped table) stays an issue
/// that makes the scan incomplete. Real servers: the scan reads the catalog, the test's statement drops the table
/// (<see cref="DropAfterCatalogConnector"/>, through <see cref="ScanRunner"/>'s connector factory), then sampling runs.</summary>
[TestFixture]
public sealed class TableDroppedDuringScanTests
{
    private static Task<InventoryDocument> ScanAsync(string connection, string provider, Func<Task> afterCatalog) =>
        new ScanRunner(ClassifierFactory.CreateRules(), target => new DropAfterCatalogConnector(ConnectorFactory.Create(target), afterCatalog))
            .RunAsync(new ScanRequest { Sources = [new SourceConfig { Name = "live", Provider = provider, Connection = connection }] });

    /// <summary>Asserts the dropped table's warning, the table left out, the other table read, and what the gate says.</summary>
    private static void AssertDroppedIsAWarning(InventoryDocument document, string engineWords)
    {
        var issue = document.Issues.Single(i => i.Table == "gone");
        var kept = document.Sources.Single().Tables.Single(t => t.QualifiedName == "kept");
        var check = CheckGate.Evaluate(document, new CheckOptions());
        var text = CheckTextWriter.Render(check);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(issue.Kind, Is.EqualTo(ScanIssue.TableDroppedKind));
            Assert.That(issue.IsWarning, Is.True);
            Assert.That(issue.Column, Is.Null, "one issue for the table, not one per column");
            Assert.That(issue.Message, Does.StartWith("dropped during the scan: ").And.Contain(engineWords));
            Assert.That(document.Complete, Is.True, "a concurrent drop does not make the scan incomplete (exit 0)");
            Assert.That(document.Sources.Single().Complete, Is.True);
            Assert.That(issue.Message, Does.EndWith("; left out of the inventory (the next scan reads what replaced it)"));
            Assert.That(document.Sources.Single().Tables.Select(t => t.QualifiedName), Is.EqualTo(new[] { "kept" }), "the dropped table is left out");
            Assert.That(check.Findings.Select(f => f.Key), Has.None.StartsWith("gone."), "no finding on a table that no longer exists");
            Assert.That(kept.Columns.Single(c => c.Name == "city").NotSampled, Is.Null, "the other table is sampled");
            Assert.That(check.ScanComplete, Is.True);
            Assert.That(text, Does.Contain("warning: scan issue: gone  table-dropped: dropped during the scan: "));
            Assert.That(text, Does.Contain("; 1 table dropped during the scan (warning above)").And.Not.Contain("scan incomplete"));
            Assert.That(text, Does.Not.Contain("example.org"), "no sampled value");
        }
    }

    [Test]
    [Category("Integration")]
    public async Task Postgres_TableDroppedAfterCatalog_WarningAndCompleteScan()
    {
        await using var db = await TestPostgres.CreateAsync("fixes41_drop", """
            CREATE TABLE gone (id int PRIMARY KEY, email text, phone text, note text, created_at timestamptz);
            INSERT INTO gone SELECT g, 'u' || g || '@example.org', '+3361234567' || (g % 10), 'n', now() FROM generate_series(1, 50) g;
            CREATE TABLE kept (id int PRIMARY KEY, city text);
            INSERT INTO kept SELECT g, 'Lyon' FROM generate_series(1, 20) g;
            """);
        var document = await ScanAsync(db.ConnectionString, "postgres", () => db.ExecuteAsync("DROP TABLE gone"));
        AssertDroppedIsAWarning(document, "relation not found");
    }

    [Test]
    [Category("Integration")]
    public async Task Postgres_TableUnreadableForAnotherReason_StaysAnIssueExit3()
    {
        // Given a table dropped during the scan and a view whose every read fails (division by zero, SQLSTATE 22012)
        await using var db = await TestPostgres.CreateAsync("fixes41_drop", """
            CREATE TABLE gone (id int PRIMARY KEY, email text, phone text, note text, created_at timestamptz);
            CREATE TABLE kept (id int PRIMARY KEY, city text);
            INSERT INTO kept SELECT g, 'Lyon' FROM generate_series(1, 20) g;
            CREATE VIEW broken AS SELECT id, 1 / (id - id) AS ratio FROM kept;
            """);
        var document = await ScanAsync(db.ConnectionString, "postgres", () => db.ExecuteAsync("DROP TABLE gone"));

        // Then the drop is a warning and the broken view an issue that leaves the scan incomplete
        var broken = document.Issues.Where(i => i.Table == "broken").ToList();
        var text = CheckTextWriter.Render(CheckGate.Evaluate(document, new CheckOptions()));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Issues.Single(i => i.Table == "gone").Kind, Is.EqualTo(ScanIssue.TableDroppedKind));
            Assert.That(broken, Is.Not.Empty);
            Assert.That(broken.Select(i => i.IsWarning), Has.All.False);
            Assert.That(broken.Select(i => i.Kind), Has.None.EqualTo(ScanIssue.TableDroppedKind));
            Assert.That(document.Complete, Is.False, "exit 3");
            Assert.That(text, Does.Contain($"; scan incomplete: {broken.Count} scan issue"));
            Assert.That(text, Does.Contain("; 1 table dropped during the scan (warning above)"));
        }
    }

    [Test]
    [Category("Integration")]
    public async Task MariaDb_TableDroppedAfterCatalog_WarningAndCompleteScan()
    {
        await using var db = await TestMySql.CreateAsync("fixes41_drop", """
            CREATE TABLE gone (id int PRIMARY KEY, email varchar(80), phone varchar(20), note text, created_at datetime);
            INSERT INTO gone SELECT seq, CONCAT('u', seq, '@example.org'), '+33612345678', 'n', NOW() FROM seq_1_to_50;
            CREATE TABLE kept (id int PRIMARY KEY, city varchar(40));
            INSERT INTO kept SELECT seq, 'Lyon' FROM seq_1_to_20;
            """);
        var document = await ScanAsync(db.ConnectionString, "mysql", () => db.ExecuteAsync("DROP TABLE gone"));
        AssertDroppedIsAWarning(document, "table not found (dropped or renamed since the catalog was read) (error 1146)");
    }

    [Test]
    [Category("Integration")]
    public async Task MariaDb_ViewOverADroppedTable_StaysAnIssueExit3()
    {
        // Given a view whose base table is dropped during the scan: the view still exists, its reads fail (error 1356)
        await using var db = await TestMySql.CreateAsync("fixes41_drop", """
            CREATE TABLE base (id int PRIMARY KEY, city varchar(40));
            INSERT INTO base SELECT seq, 'Lyon' FROM seq_1_to_20;
            CREATE VIEW cities AS SELECT id, city FROM base;
            CREATE TABLE kept (id int PRIMARY KEY, city varchar(40));
            INSERT INTO kept SELECT seq, 'Lyon' FROM seq_1_to_20;
            """);
        var document = await ScanAsync(db.ConnectionString, "mysql", () => db.ExecuteAsync("DROP TABLE base"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Issues.Single(i => i.Table == "base").Kind, Is.EqualTo(ScanIssue.TableDroppedKind), "the dropped table itself");
            var view = document.Issues.Where(i => i.Table == "cities").ToList();
            Assert.That(view, Is.Not.Empty);
            Assert.That(view.Select(i => i.IsWarning), Has.All.False, "a view that cannot be read is not a dropped table");
            Assert.That(document.Complete, Is.False, "exit 3");
        }
    }

    [Test]
    public async Task Sqlite_TableDroppedAfterCatalog_WarningAndCompleteScan()
    {
        var files = new TemporarySqliteFiles();
        try
        {
            var path = files.NewPath("fixes41_drop");
            void Execute(string sql) => TemporarySqliteFiles.Execute(path, sql);
            Execute("CREATE TABLE gone (id INTEGER PRIMARY KEY, email TEXT, phone TEXT, note TEXT, created_at TEXT);"
                + "INSERT INTO gone (email, phone, note, created_at) VALUES ('u1@example.org', '+33612345678', 'n', '2026-01-01');"
                + "CREATE TABLE kept (id INTEGER PRIMARY KEY, city TEXT); INSERT INTO kept (city) VALUES ('Lyon'), ('Lyon');");
            var document = await ScanAsync("sqlite:" + path, "sqlite", () => { Execute("DROP TABLE gone"); return Task.CompletedTask; });
            AssertDroppedIsAWarning(document, "no such table");
        }
        finally
        {
            files.DeleteAll();
        }
    }

    [Test]
    public void SqlServer_InvalidObjectName208_IsADroppedTableWarning()
    {
        var dropped = SqlServerConnector.SampleFailureOf(208, "error 208, severity 16", new SampleOptions());
        var other = SqlServerConnector.SampleFailureOf(4104, "error 4104, severity 16", new SampleOptions());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dropped.Kind, Is.EqualTo(ScanIssue.TableDroppedKind));
            Assert.That(dropped.Narrowable, Is.False, "every column fails alike: one issue for the table");
            Assert.That(dropped.Message, Does.StartWith("dropped during the scan: invalid object name (error 208"));
            Assert.That(other.Kind, Is.EqualTo("error"));
        }
    }
}
