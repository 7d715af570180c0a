using Inventory.Catalog;
using Inventory.Config;
using Inventory.Connectors;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Scanning;
using Inventory.Tests.Support;
using MySqlConnector;
using NUnit.Framework;
using static Inventory.Tests.Connectors.CatalogLockTimeoutLiveTests;
using static Inventory.Tests.Connectors.Postgres.PostgresStagedCatalogTests;

namespace Inventory.Tests.Connectors.MySql;

/// <summary>The MariaDB/MySQL catalog is read in two stages (engines42): tables, columns and primary keys first (sampling
/// probes the primary key), so the scan samples while the foreign keys and partitions are still read on the catalog's
/// connection, in its transaction. The foreign-keys query is held back for real: MariaDB reads REFERENTIAL_CONSTRAINTS
/// of every database for its join, so an exclusive metadata lock held on a table of <em>another</em> database stops
/// it, and none of the first stage's queries (each filtered on the scanned database).</summary>
[TestFixture]
[Category("Integration")]
public sealed class MySqlStagedCatalogTests
{
    private static readonly string Setup = $"""
        CREATE TABLE customers (id int PRIMARY KEY, email varchar(120), full_name varchar(80), phone varchar(30));
        INSERT INTO customers VALUES {Rows(g => $"({g}, 'client{g}@example.org', 'Name {g}', '+4420794600{g:00}')")};
        CREATE TABLE invoices (tenant int, number int, customer_id int, total decimal(10,2), PRIMARY KEY (number, tenant),
            CONSTRAINT fk_invoice_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE);
        INSERT INTO invoices VALUES {Rows(g => $"(1, {g}, {g}, {g}.50)")};
        CREATE TABLE notes (body text, created_at datetime);
        INSERT INTO notes VALUES {Rows(g => $"('note {g}', '2026-01-01 10:00:00')")};
        CREATE TABLE events (id int PRIMARY KEY, kind varchar(20)) PARTITION BY HASH (id) PARTITIONS 2;
        INSERT INTO events VALUES {Rows(g => $"({g}, 'login')")};
        ANALYZE TABLE customers, invoices, notes, events;
        """;

    private static string Rows(Func<int, string> row) => string.Join(", ", Enumerable.Range(1, 40).Select(row));

    /// <summary>Where the lock is held: a database of its own, never scanned.</summary>
    private const string LockedSetup = "CREATE TABLE customer (id int PRIMARY KEY); CREATE TABLE ledger (id int PRIMARY KEY);";

    private static SampleOptions Patient => new() { LockTimeout = TimeSpan.FromSeconds(60) };

    [Test]
    public async Task ReadCatalogInStages_ForeignKeysQueryHeldBack_TablesSampledBeforeThenKeysAndPartitionsInTheWholeCatalog()
    {
        // Given a database to scan, and another database where DDL holds a table's exclusive metadata lock
        await using var db = await TestMySql.CreateAsync("e42staged", Setup);
        await using var other = await TestMySql.CreateAsync("e42lock", LockedSetup);
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(db.ConnectionString, "mysql"));
        StagedCatalog staged;
        TableSample sample;
        long waiting;
        bool completedWhileLocked;
        await using (await ExclusiveMetadataLock.HoldAsync(other))
        {
            // When the catalog is read in stages and a table of the first stage is sampled
            // (once the server shows the second stage's foreign-keys query waiting for the lock)
            staged = await connector.ReadCatalogInStagesAsync(CatalogFilter.All, Patient);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await ForeignKeysQueriesWaitingAsync(db.Name) == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
            sample = await connector.SampleAsync(staged.Sampleable.Tables.Single(t => t.Name == "customers"), new SampleOptions { Rows = 10 });
            waiting = await ForeignKeysQueriesWaitingAsync(db.Name);
            completedWhileLocked = staged.Whole.IsCompleted;
        }
        var whole = await staged.Whole;

        // Then the table was sampled by key probes while the foreign-keys query waited for the lock; the first stage has
        // the primary keys in key order and no foreign key or partition; the whole catalog has the same tables and
        // columns in the same order with them, in six queries
        using (Assert.EnterMultipleScope())
        {
            Assert.That(waiting, Is.EqualTo(1), "catalog sessions waiting in the foreign-keys query while the table was sampled");
            Assert.That(completedWhileLocked, Is.False, "the whole catalog completed while its foreign-keys query was locked out");
            Assert.That(sample.RowCount, Is.EqualTo(10));
            Assert.That(sample.Method, Does.StartWith("random key probes"));
            Assert.That(staged.Sampleable.Tables.Select(t => t.Name), Is.EqualTo(new[] { "customers", "events", "invoices", "notes" }));
            Assert.That(staged.Sampleable.Tables.Select(t => string.Join(",", t.PrimaryKey)), Is.EqualTo(new[] { "id", "id", "number,tenant", "" }));
            Assert.That(staged.Sampleable.Tables.SelectMany(t => t.ForeignKeys), Is.Empty);
            Assert.That(staged.Sampleable.Tables.Select(t => t.Kind), Has.All.EqualTo(TableKind.Table));
            Assert.That(whole.Tables.Select(t => t.Name), Is.EqualTo(new[] { "customers", "events", "invoices", "notes" }));
            Assert.That(whole.Tables.Select(t => string.Join(",", t.PrimaryKey)), Is.EqualTo(new[] { "id", "id", "number,tenant", "" }));
            Assert.That(whole.Tables[2].ForeignKeys.Select(k => $"{k.Name}: {string.Join(",", k.Columns)}->{k.ReferencedTable} {k.OnDelete}"),
                Is.EqualTo(new[] { "fk_invoice_customer: customer_id->customers cascade" }));
            Assert.That(whole.Tables[1].Kind, Is.EqualTo(TableKind.PartitionedTable));
            Assert.That(whole.Tables[1].Partitions, Is.EqualTo(new[] { "p0", "p1" }));
            Assert.That(whole.Tables.Select(t => t.Columns), Is.EqualTo(staged.Sampleable.Tables.Select(t => t.Columns)));
            Assert.That(whole.QueryCount, Is.EqualTo(5), "tables, columns, primary keys, foreign keys, partitions");
        }
    }

    [Test]
    public async Task Run_TablesSampledWhileTheForeignKeysQueryIsHeldBack_SameDocumentAsTheCatalogReadFirst()
    {
        // Given the same database scanned twice: once with the whole catalog read before any sampling, once with the
        // foreign-keys query held back until tables have been sampled
        await using var db = await TestMySql.CreateAsync("e42overlap", Setup);
        await using var other = await TestMySql.CreateAsync("e42lock", LockedSetup);
        var scannedAt = new DateTimeOffset(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);
        ScanRequest Request() => new()
        {
            Sources = [new SourceConfig { Name = "default", Provider = "mysql", Connection = db.ConnectionString, Sample = Patient }],
            Parallelism = 3,
            ScannedAt = scannedAt,
        };
        var classifier = ClassifierFactory.CreateDefault();
        var whole = await new ScanRunner(classifier, target => new WholeCatalogFirst(ConnectorFactory.Create(target))).RunAsync(Request());

        StagedRecorder? recorder = null;
        Task<InventoryDocument> scan;
        long waiting;
        await using (await ExclusiveMetadataLock.HoldAsync(other))
        {
            scan = new ScanRunner(classifier, target => recorder = new StagedRecorder(ConnectorFactory.Create(target))).RunAsync(Request());
            // When two tables have been sampled while the foreign-keys query waits, the lock is released
            var deadline = DateTime.UtcNow.AddSeconds(50);
            while ((recorder is null || recorder.SampledBeforeKeys < 2) && DateTime.UtcNow < deadline && !scan.IsCompleted) await Task.Delay(20);
            waiting = await ForeignKeysQueriesWaitingAsync(db.Name);
        }
        var overlapped = await scan;

        // Then tables were sampled before the keys arrived, and the documents are the same byte for byte, keys included
        using (Assert.EnterMultipleScope())
        {
            Assert.That(waiting, Is.EqualTo(1), "the foreign-keys query was waiting on the lock when it was released");
            Assert.That(recorder!.SampledBeforeKeys, Is.GreaterThanOrEqualTo(2), "tables sampled while the foreign-keys query was held back");
            Assert.That(overlapped.Issues, Is.Empty);
            Assert.That(overlapped.AllTables().Single(t => t.Table.Name == "invoices").Table.ForeignKeys.Single().OnDelete, Is.EqualTo("cascade"));
            Assert.That(InventoryJson.Serialize(overlapped), Is.EqualTo(InventoryJson.Serialize(whole)));
        }
    }

    /// <summary>The sessions connected to <paramref name="database"/> whose foreign-keys query waits for a metadata lock,
    /// read from another session.</summary>
    private static async Task<long> ForeignKeysQueriesWaitingAsync(string database)
    {
        await using var admin = new MySqlConnection(new MySqlConnectionStringBuilder(TestMySql.AdminConnectionString) { Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var cmd = new MySqlCommand("""
            SELECT COUNT(*) FROM information_schema.PROCESSLIST
            WHERE DB = @db AND STATE = 'Waiting for table metadata lock' AND INFO LIKE '%REFERENTIAL_CONSTRAINTS%'
            """, admin);
        cmd.Parameters.AddWithValue("@db", database);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
