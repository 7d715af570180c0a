using Inventory.Catalog;
using Inventory.Config;
using Inventory.Connectors;
using Inventory.Connectors.MySql;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Scanning;
using Inventory.Tests.Support;
using NUnit.Framework;
using static Inventory.Tests.Connectors.CatalogLockTimeoutLiveTests;
using static Inventory.Tests.Connectors.Postgres.PostgresStagedCatalogTests;

namespace Inventory.Tests.Connectors.MySql;

/// <summary>The MariaDB/MySQL catalog is read in two stages (engines42): tables, columns and primary keys first (sampling
/// probes the primary key), so the scan samples while the foreign keys and partitions are still read on the catalog's
/// connection, in its transaction. The second stage is held back through the connector's seam
/// (<see cref="MySqlDatabaseConnector.BeforeSecondStage"/>): since perf45 the foreign-keys query reads the scanned
/// database only, so the metadata lock on another database that used to hold it back no longer does (tested here too).</summary>
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
    public async Task ReadCatalogInStages_SecondStageHeldBack_TablesSampledBeforeThenKeysAndPartitionsInTheWholeCatalog()
    {
        // Given a database to scan, and a connector whose second stage waits until the test lets it go
        await using var db = await TestMySql.CreateAsync("e42staged", Setup);
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(db.ConnectionString, "mysql"));
        var hold = new StageHold();
        ((MySqlDatabaseConnector)connector).BeforeSecondStage = hold.WaitAsync;

        // When the catalog is read in stages and a table of the first stage is sampled once the second stage waits
        var staged = await connector.ReadCatalogInStagesAsync(CatalogFilter.All, Patient);
        var reached = await hold.ReachedWithinAsync(TimeSpan.FromSeconds(30));
        var sample = await connector.SampleAsync(staged.Sampleable.Tables.Single(t => t.Name == "customers"), new SampleOptions { Rows = 10 });
        var completedWhileHeld = staged.Whole.IsCompleted;
        hold.Release();
        var whole = await staged.Whole;

        // Then the table was sampled by key probes while the second stage waited; the first stage has the primary keys
        // in key order and no foreign key or partition; the whole catalog has the same tables and columns in the same
        // order with them, in five queries
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reached, Is.True, "the second stage reached its hold");
            Assert.That(completedWhileHeld, Is.False, "the whole catalog completed while its second stage was held back");
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
    public async Task ReadCatalog_MetadataLockHeldInAnotherDatabase_ForeignKeysReadWithoutWaitingForIt()
    {
        // Given a database to scan, and another database where DDL holds a table's exclusive metadata lock (the
        // foreign-keys query used to join REFERENTIAL_CONSTRAINTS of every database and so waited for it)
        await using var db = await TestMySql.CreateAsync("p45scoped", Setup);
        await using var other = await TestMySql.CreateAsync("p45lock", LockedSetup);
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(db.ConnectionString, "mysql"));
        DatabaseCatalog? whole;
        await using (await ExclusiveMetadataLock.HoldAsync(other))
        {
            // When the whole catalog is read, with a lock timeout far longer than the time given to it, while the lock is held
            var read = connector.ReadCatalogAsync(CatalogFilter.All, Patient);
            var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20)));
            whole = finished == read ? await read : null;
        }

        // Then it completed while the other database's lock was still held, with the foreign key and its delete rule
        Assert.That(whole, Is.Not.Null, "the catalog waited for a metadata lock held on another database");
        Assert.That(whole!.Tables.SelectMany(t => t.ForeignKeys).Select(k => $"{k.Name}: {string.Join(",", k.Columns)}->{k.ReferencedTable} {k.OnDelete}"),
            Is.EqualTo(new[] { "fk_invoice_customer: customer_id->customers cascade" }));
    }

    [Test]
    public async Task Run_TablesSampledWhileTheSecondStageIsHeldBack_SameDocumentAsTheCatalogReadFirst()
    {
        // Given the same database scanned twice: once with the whole catalog read before any sampling, once with the
        // catalog's second stage (foreign keys, partitions) held back until tables have been sampled
        await using var db = await TestMySql.CreateAsync("e42overlap", Setup);
        var scannedAt = new DateTimeOffset(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);
        ScanRequest Request() => new()
        {
            Sources = [new SourceConfig { Name = "default", Provider = "mysql", Connection = db.ConnectionString, Sample = Patient }],
            Parallelism = 3,
            ScannedAt = scannedAt,
        };
        var classifier = ClassifierFactory.CreateDefault();
        var whole = await new ScanRunner(classifier, target => new WholeCatalogFirst(ConnectorFactory.Create(target))).RunAsync(Request());

        var hold = new StageHold();
        StagedRecorder? recorder = null;
        var scan = new ScanRunner(classifier, target =>
        {
            var connector = ConnectorFactory.Create(target);
            ((MySqlDatabaseConnector)connector).BeforeSecondStage = hold.WaitAsync;
            return recorder = new StagedRecorder(connector);
        }).RunAsync(Request());
        // When two tables have been sampled while the second stage waits, it is let go
        var reached = await hold.ReachedWithinAsync(TimeSpan.FromSeconds(30));
        var deadline = DateTime.UtcNow.AddSeconds(50);
        while ((recorder is null || recorder.SampledBeforeKeys < 2) && DateTime.UtcNow < deadline && !scan.IsCompleted) await Task.Delay(20);
        var sampledWhileHeld = recorder?.SampledBeforeKeys ?? 0;
        hold.Release();
        var overlapped = await scan;

        // Then tables were sampled before the keys arrived, and the documents are the same byte for byte, keys included
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reached, Is.True, "the second stage reached its hold");
            Assert.That(sampledWhileHeld, Is.GreaterThanOrEqualTo(2), "tables sampled while the second stage was held back");
            Assert.That(overlapped.Issues, Is.Empty);
            Assert.That(overlapped.AllTables().Single(t => t.Table.Name == "invoices").Table.ForeignKeys.Single().OnDelete, Is.EqualTo("cascade"));
            Assert.That(InventoryJson.Serialize(overlapped), Is.EqualTo(InventoryJson.Serialize(whole)));
        }
    }

    /// <summary>The hold put on the catalog's second stage: it records that the stage reached it and waits until
    /// <see cref="Release"/> (or the stage's cancellation).</summary>
    private sealed class StageHold
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task WaitAsync(CancellationToken ct)
        {
            _reached.TrySetResult();
            return _released.Task.WaitAsync(ct);
        }

        public async Task<bool> ReachedWithinAsync(TimeSpan limit) =>
            await Task.WhenAny(_reached.Task, Task.Delay(limit)) == _reached.Task;

        public void Release() => _released.TrySetResult();
    }
}
