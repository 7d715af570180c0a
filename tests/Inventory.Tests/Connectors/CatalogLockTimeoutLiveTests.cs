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
}
