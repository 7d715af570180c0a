using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Connectors;
using Inventory.Scanning;
using Inventory.Tests.Connectors.Postgres;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;
using NUnit.Framework;

namespace Inventory.Tests.Connectors;

/// <summary>The catalog read runs under the scan's lock timeout (<c>sample: lock-timeout:</c>), not a fixed one, on real
/// servers: a lock held by another session on the catalog's path makes it fail after that timeout with an error naming
/// the lock and the setting to raise; a lock the catalog's path does not take leaves it unaffected. SQLite's own tests
/// are in <see cref="Sqlite.SqliteSampleStatementTests"/>; no SQL Server runs here (its catalog session is parsed in
/// <see cref="SqlServer.SqlServerDialectTests"/>).</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class CatalogLockTimeoutLiveTests
{
    private static readonly SampleOptions OneSecondLockTimeout = new() { LockTimeout = TimeSpan.FromSeconds(1) };

    private readonly TemporarySqliteFiles _files = new();

    [TearDown]
    public void DeleteFiles() => _files.DeleteAll();

    private sealed class UndecidedClassifier : IColumnClassifier
    {
        public ColumnClassification Classify(ColumnEvidence column) => ColumnClassification.Undecided();
    }

    [Test]
    public void Scan_SqliteSourceLockedLongerThanItsSampleLockTimeout_FailsNamingThatTimeout()
    {
        // Given a source whose sample: sets a lock timeout of 1 s, on a database another connection holds an exclusive
        // lock on (the scan read the catalog under a fixed 5 s, whatever the source's sample: said)
        var path = _files.NewPath("inv_catalog_lock");
        using (var setup = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            setup.Open();
            using var create = setup.CreateCommand();
            create.CommandText = "CREATE TABLE person (email TEXT); INSERT INTO person VALUES ('ana.k@example.com');";
            create.ExecuteNonQuery();
        }
        using var writer = new SqliteConnection($"Data Source={path};Pooling=False");
        writer.Open();
        using (var begin = writer.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();
        }
        var source = new SourceConfig { Name = "app", Provider = "sqlite", Connection = "sqlite:" + path, Sample = OneSecondLockTimeout };

        // When it is scanned
        var error = Assert.ThrowsAsync<ConnectorException>(() => new ScanRunner(new UndecidedClassifier()).RunAsync(new ScanRequest { Sources = [source] }));

        // Then the catalog read gave up after the source's lock timeout, and says so
        Assert.That(error!.Message.Contains("stayed locked longer than the lock timeout of 1 s", StringComparison.Ordinal), Is.True, error.Message);
    }

    private const string PostgresSetup = """
        CREATE SCHEMA app;
        CREATE TABLE app.customer (id int PRIMARY KEY, email text);
        COMMENT ON COLUMN app.customer.email IS 'contact address';
        INSERT INTO app.customer VALUES (1, 'ana.k@example.com');
        """;

    /// <summary>Another session of the database that holds <paramref name="lockStatement"/> in an open transaction
    /// until disposed (which ends the session and lets go of the lock).</summary>
    private static async Task<NpgsqlConnection> HoldPostgresLockAsync(TestDatabase db, string lockStatement)
    {
        var holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ConnectionString);
        await holder.OpenAsync();
        await using var cmd = new NpgsqlCommand("BEGIN; " + lockStatement, holder);
        await cmd.ExecuteNonQueryAsync();
        return holder;
    }

    [Test]
    public async Task Postgres_SystemCatalogLockedByAnotherSession_FailsAfterTheScansLockTimeoutNamingIt()
    {
        // Given a session holding ACCESS EXCLUSIVE on pg_description, which the catalog's relation and column queries
        // read (as VACUUM FULL or DDL on it would), and a scan whose lock timeout is 1 s (the catalog ran under a fixed
        // 5 s, and its error named neither)
        await using var db = await TestPostgres.CreateAsync("catlock", PostgresSetup);
        await using var holder = await HoldPostgresLockAsync(db, "LOCK TABLE pg_catalog.pg_description IN ACCESS EXCLUSIVE MODE");
        await using var connector = PostgresTestKit.Connector(db);

        // When the catalog is read with the scan's timeouts
        var error = Assert.ThrowsAsync<ConnectorException>(() => connector.ReadCatalogAsync(CatalogFilter.All, OneSecondLockTimeout));

        // Then the server's lock timeout (55P03) ended it, and the error names the lock, the timeout and the setting
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.SqlState, Is.EqualTo("55P03"), error.Message);
            Assert.That(error.Message.Contains("waited longer than the lock timeout of 1 s for a lock", StringComparison.Ordinal), Is.True, error.Message);
            Assert.That(error.Message.Contains("raise lock-timeout: under the source's sample:", StringComparison.Ordinal), Is.True, error.Message);
            Assert.That(error.Message.Contains("ana.k", StringComparison.Ordinal), Is.False, error.Message);
            Assert.That(error.Message.Split("(SQLSTATE 55P03)"), Has.Length.EqualTo(2), $"the SQLSTATE once (trial34): {error.Message}");
        }
    }

    [Test]
    public async Task Postgres_UserTableLockedByAnotherSession_CatalogIsReadAnyway()
    {
        // Given a session holding ACCESS EXCLUSIVE on a user table (as ALTER TABLE does), and a 1 s lock timeout
        await using var db = await TestPostgres.CreateAsync("catlock", PostgresSetup);
        await using var holder = await HoldPostgresLockAsync(db, "LOCK TABLE app.customer IN ACCESS EXCLUSIVE MODE");
        await using var connector = PostgresTestKit.Connector(db);

        // When the catalog is read
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All, OneSecondLockTimeout);

        // Then it is read whole: its queries read system catalogs only and never open the locked relation
        var customer = catalog.Tables.Single(t => t.Name == "customer");
        Assert.That(customer.Columns.Select(c => (c.Name, c.Comment)), Is.EqualTo(new[] { ("id", (string?)null), ("email", "contact address") }));
    }

    [Test]
    public async Task MariaDb_TableWriteLockedByAnotherSession_CatalogIsReadAnyway()
    {
        // Given a session holding LOCK TABLES … WRITE on a table, and a 1 s lock timeout
        await using var db = await TestMySql.CreateAsync("catlock", "CREATE TABLE customer (id int PRIMARY KEY, email varchar(100) COMMENT 'contact address');");
        await using var holder = new MySqlConnection(db.ConnectionString);
        await holder.OpenAsync();
        await using (var lockTables = new MySqlCommand("LOCK TABLES customer WRITE", holder))
            await lockTables.ExecuteNonQueryAsync();
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(db.ConnectionString, "mysql"));

        // When the catalog is read
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All, OneSecondLockTimeout);

        // Then it is read whole: information_schema takes high-priority shared metadata locks, which only the exclusive
        // lock DDL holds at its very end blocks
        var customer = catalog.Tables.Single(t => t.Name == "customer");
        Assert.That(customer.Columns.Select(c => (c.Name, c.Comment)), Is.EqualTo(new[] { ("id", (string?)null), ("email", "contact address") }));
    }
    /// <summary>Two sessions that leave an exclusive metadata lock granted on <c>customer</c> for up to 60 s: the first
    /// reads <c>ledger</c> in an open transaction (a shared lock until it ends); the second renames both tables in one
    /// statement, which takes the exclusive lock on <c>customer</c> (the first in the server's order) and then waits for
    /// <c>ledger</c>'s, holding the one it has (as any DDL waiting behind a long transaction does). Disposed in reverse:
    /// the reader's end lets the rename finish, whose tables the test database's drop removes.</summary>
    internal sealed class ExclusiveMetadataLock : IAsyncDisposable
    {
        private readonly MySqlConnection _reader;
        private readonly MySqlConnection _renamer;
        private readonly Task _rename;

        private ExclusiveMetadataLock(MySqlConnection reader, MySqlConnection renamer, Task rename) =>
            (_reader, _renamer, _rename) = (reader, renamer, rename);

        public static async Task<ExclusiveMetadataLock> HoldAsync(TestMySqlDatabase db)
        {
            var reader = new MySqlConnection(db.ConnectionString);
            await reader.OpenAsync();
            await using (var read = new MySqlCommand("START TRANSACTION; SELECT COUNT(*) FROM ledger;", reader))
                await read.ExecuteScalarAsync();
            var renamer = new MySqlConnection(db.ConnectionString);
            await renamer.OpenAsync();
            var id = renamer.ServerThread;
            var rename = Task.Run(async () =>
            {
                await using var cmd = new MySqlCommand("SET SESSION lock_wait_timeout = 60; RENAME TABLE customer TO customer_renamed, ledger TO ledger_renamed", renamer);
                try { await cmd.ExecuteNonQueryAsync(); } catch (MySqlException) { /* ended by the test's end */ }
            });
            // Deterministic: go on only once the server shows the rename waiting (with customer's lock granted).
            await using var watcher = new MySqlConnection(db.ConnectionString);
            await watcher.OpenAsync();
            for (int i = 0; ; i++)
            {
                await using var state = new MySqlCommand($"SELECT STATE FROM information_schema.PROCESSLIST WHERE ID = {id}", watcher);
                if (await state.ExecuteScalarAsync() is "Waiting for table metadata lock") break;
                if (i == 300) throw new InvalidOperationException("the rename never waited for ledger's metadata lock");
                await Task.Delay(20);
            }
            return new ExclusiveMetadataLock(reader, renamer, rename);
        }

        public async ValueTask DisposeAsync()
        {
            await _reader.DisposeAsync();
            await _rename;
            await _renamer.DisposeAsync();
        }
    }

    private const string LockedSetup = "CREATE TABLE customer (id int PRIMARY KEY, email varchar(100)); CREATE TABLE ledger (id int PRIMARY KEY);";

    [Test]
    public async Task MariaDb_TableExclusivelyLockedByWaitingDdl_LeftOutWithAnIssueNamingTheLockTimeout()
    {
        // Given DDL of another session that holds customer's exclusive metadata lock while it waits behind a long
        // transaction, and a lock timeout of 1 s (information_schema waited for the lock, then skipped the table's
        // columns with a mere warning: customer was catalogued with no column, as if SELECT were not granted)
        await using var db = await TestMySql.CreateAsync("catmdl", LockedSetup);
        await using var held = await ExclusiveMetadataLock.HoldAsync(db);
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(db.ConnectionString, "mysql"));

        // When the catalog is read with the scan's timeouts
        var started = System.Diagnostics.Stopwatch.StartNew();
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All, OneSecondLockTimeout);

        // Then customer is left out with an issue naming the lock timeout and how to raise it, ledger is catalogued, and
        // the read ended after the lock timeout rather than when the DDL gave up (60 s)
        var issue = catalog.Issues.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalog.Tables.Select(t => (t.Name, t.Columns.Count)), Is.EqualTo(new[] { ("ledger", 1) }));
            Assert.That((issue.Table, issue.Kind), Is.EqualTo(("customer", "timeout")));
            Assert.That(issue.Message, Does.StartWith("its definition could not be read, so it is left out of the inventory: the catalog read waited longer than the lock timeout of 1 s for a lock"));
            Assert.That(issue.Message, Does.Contain("(or pass --lock-timeout)"));
            Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "not a hang until the DDL gives up");
        }
    }

    [Test]
    public async Task Scan_MariaDbTableExclusivelyLocked_ScanIsIncompleteWithTheTablesIssue()
    {
        // Given the same lock, scanned as a whole source with a 1 s lock timeout
        await using var db = await TestMySql.CreateAsync("catmdl", LockedSetup);
        await using var held = await ExclusiveMetadataLock.HoldAsync(db);
        var source = new SourceConfig { Name = "shop", Provider = "mysql", Connection = db.ConnectionString, Sample = OneSecondLockTimeout };

        // When it is scanned
        var document = await new ScanRunner(new UndecidedClassifier()).RunAsync(new ScanRequest { Sources = [source] });

        // Then the scan is incomplete and says which table and which limit
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Complete, Is.False);
            Assert.That(document.Issues.Where(i => i.Table == "customer").Select(i => (i.Source, i.Kind)), Is.EqualTo(new[] { ("shop", "timeout") }));
            Assert.That(document.AllTables().Select(t => t.Table.Name), Has.No.Member("customer"));
        }
    }
}
