using Inventory.Catalog;
using Inventory.Config;
using Inventory.Connectors;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Scanning;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Postgres;

/// <summary>The PostgreSQL catalog is read in two stages (perf41): the tables and columns first, so the scan samples
/// while the keys query still runs in the same snapshot. The keys query is held back for real by a session holding
/// <c>pg_constraint</c> (the one catalog it reads that the first stage does not) in ACCESS EXCLUSIVE mode.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresStagedCatalogTests
{
    private const string Setup = """
        CREATE SCHEMA billing;
        CREATE TABLE customers (id int PRIMARY KEY, email text, full_name text, phone text);
        INSERT INTO customers SELECT g, 'client' || g || '@example.org', 'Name ' || g, '+4420794600' || lpad(g::text, 2, '0') FROM generate_series(1, 40) g;
        CREATE TABLE billing.invoices (tenant int, number int, customer_id int REFERENCES customers(id) ON DELETE CASCADE,
            total numeric(10,2), PRIMARY KEY (tenant, number));
        INSERT INTO billing.invoices SELECT 1, g, g, g * 1.5 FROM generate_series(1, 40) g;
        CREATE TABLE notes (body text, created_at timestamptz);
        INSERT INTO notes SELECT 'note ' || g, now() FROM generate_series(1, 40) g;
        ANALYZE;
        """;

    [Test]
    public async Task ReadCatalogInStages_KeysQueryHeldBack_TablesSampledBeforeTheKeysArriveThenKeysInTheWholeCatalog()
    {
        // Given a database whose pg_constraint another session holds locked, so the catalog's keys query waits
        await using var db = await TestPostgres.CreateAsync("perf41_staged", Setup);
        await using var blocker = await KeysBlocker.LockAsync(db);
        await using var connector = PostgresTestKit.Connector(db);

        // When the catalog is read in stages and a table of the first stage is sampled
        var staged = await connector.ReadCatalogInStagesAsync(CatalogFilter.All, new SampleOptions { LockTimeout = TimeSpan.FromSeconds(60) });
        var customers = staged.Sampleable.Tables.Single(t => t.Name == "customers");
        var sample = await connector.SampleAsync(customers, new SampleOptions { Rows = 10 });
        var waiting = await blocker.CatalogSessionsWaitingAsync();
        var completedWhileLocked = staged.Whole.IsCompleted;
        await blocker.ReleaseAsync();
        var whole = await staged.Whole;

        // Then the table was sampled while the keys query was still waiting on the lock, the first stage has the columns
        // and no keys, and the whole catalog has the same tables in the same order with their keys, in three queries
        using (Assert.EnterMultipleScope())
        {
            Assert.That(waiting, Is.EqualTo(1), "catalog sessions waiting on the lock while the table was sampled");
            Assert.That(completedWhileLocked, Is.False, "the whole catalog completed while its keys query was locked out");
            Assert.That(sample.RowCount, Is.EqualTo(10));
            Assert.That(sample.Columns.Keys, Is.EquivalentTo(new[] { "id", "email", "full_name", "phone" }));
            Assert.That(staged.Sampleable.Tables.Select(t => t.QualifiedName("public")), Is.EqualTo(new[] { "billing.invoices", "customers", "notes" }));
            Assert.That(staged.Sampleable.Tables.SelectMany(t => t.PrimaryKey), Is.Empty);
            Assert.That(customers.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "email", "full_name", "phone" }));
            Assert.That(whole.Tables.Select(t => t.QualifiedName("public")), Is.EqualTo(new[] { "billing.invoices", "customers", "notes" }));
            Assert.That(whole.Tables.Select(t => string.Join(",", t.PrimaryKey)), Is.EqualTo(new[] { "tenant,number", "id", "" }));
            Assert.That(whole.Tables[0].ForeignKeys.Select(k => $"{string.Join(",", k.Columns)}->{k.ReferencedTable}"), Is.EqualTo(new[] { "customer_id->customers" }));
            Assert.That(whole.Tables.Select(t => t.Columns), Is.EqualTo(staged.Sampleable.Tables.Select(t => t.Columns)));
            Assert.That(whole.QueryCount, Is.EqualTo(3));
            Assert.That(whole.ServerVersion, Does.StartWith("PostgreSQL "));
        }
    }

    [Test]
    public async Task Run_TablesSampledWhileTheKeysQueryIsHeldBack_SameDocumentAsTheCatalogReadFirst()
    {
        // Given the same database scanned twice: once with the catalog read whole before any sampling (as before
        // perf41), once with the keys query held back until tables have been sampled
        await using var db = await TestPostgres.CreateAsync("perf41_overlap", Setup);
        var scannedAt = new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);
        ScanRequest Request() => new()
        {
            // A lock timeout far above the wait: on a loaded machine two tables can take longer to sample than the
            // default 5 s, and the held-back keys query would then fail instead of being released.
            Sources = [new SourceConfig { Name = "default", Provider = "postgres", Connection = db.ConnectionString,
                                          Sample = new SampleOptions { LockTimeout = TimeSpan.FromSeconds(90) } }],
            Parallelism = 3,
            ScannedAt = scannedAt,
        };
        var classifier = ClassifierFactory.CreateDefault();
        var whole = await new ScanRunner(classifier, target => new WholeCatalogFirst(ConnectorFactory.Create(target))).RunAsync(Request());

        StagedRecorder? recorder = null;
        InventoryDocument overlapped;
        await using (var blocker = await KeysBlocker.LockAsync(db))
        {
            var scan = new ScanRunner(classifier, target => recorder = new StagedRecorder(ConnectorFactory.Create(target))).RunAsync(Request());
            // When two tables have been sampled while the keys query waits, the lock is released
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((recorder is null || recorder.SampledBeforeKeys < 2) && DateTime.UtcNow < deadline && !scan.IsCompleted) await Task.Delay(20);
            var waiting = await blocker.CatalogSessionsWaitingAsync();
            await blocker.ReleaseAsync();
            overlapped = await scan;
            Assert.That(waiting, Is.EqualTo(1), "the keys query was waiting on the lock when it was released");
        }

        // Then tables were sampled before the keys arrived, and the documents are the same byte for byte, keys included
        using (Assert.EnterMultipleScope())
        {
            Assert.That(recorder!.SampledBeforeKeys, Is.GreaterThanOrEqualTo(2), "tables sampled while the keys query was held back (the first reader waits for the catalog's connection)");
            Assert.That(overlapped.Issues, Is.Empty);
            Assert.That(overlapped.AllTables().Single(t => t.Table.Name == "customers").Table.PrimaryKey, Is.EqualTo(new[] { "id" }));
            Assert.That(InventoryJson.Serialize(overlapped), Is.EqualTo(InventoryJson.Serialize(whole)));
        }
    }

    [Test]
    public async Task Run_KeysQueryOutlastsTheLockTimeout_TheCatalogsErrorIsTheScansEvenWhileTablesAreSampled()
    {
        // Given pg_constraint locked for longer than the scan's lock timeout
        await using var db = await TestPostgres.CreateAsync("perf41_keysfail", Setup);
        await using var blocker = await KeysBlocker.LockAsync(db);
        var source = new SourceConfig
        {
            Name = "default", Provider = "postgres", Connection = db.ConnectionString,
            Sample = new SampleOptions { LockTimeout = TimeSpan.FromSeconds(1) },
        };

        // When the database is scanned
        var error = Assert.ThrowsAsync<ConnectorException>(() => new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(new ScanRequest { Sources = [source], Parallelism = 3 }));

        // Then the scan fails with the catalog's lock error and its advice, not with a sampling error or a table left out
        Assert.That(error!.Message, Does.Contain("reading the catalog failed").And.Contain("lock"));
        Assert.That(error.SqlState, Is.EqualTo("55P03"));
    }

    /// <summary>A session holding <c>pg_constraint</c> of one database in ACCESS EXCLUSIVE mode until released.</summary>
    private sealed class KeysBlocker : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly string _database;
        private bool _released;

        private KeysBlocker(NpgsqlConnection connection, string database)
        {
            _connection = connection;
            _database = database;
        }

        public static async Task<KeysBlocker> LockAsync(TestDatabase db)
        {
            var connection = new NpgsqlConnection(db.ConnectionString);
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand("BEGIN; LOCK TABLE pg_catalog.pg_constraint IN ACCESS EXCLUSIVE MODE", connection);
            await cmd.ExecuteNonQueryAsync();
            return new KeysBlocker(connection, db.Name);
        }

        /// <summary>The scan's sessions of the database waiting on a lock (the catalog's keys query), read from another session.</summary>
        public async Task<long> CatalogSessionsWaitingAsync()
        {
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString) { Pooling = false }.ConnectionString);
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = @db AND wait_event_type = 'Lock' AND application_name = 'inventory'", admin);
            cmd.Parameters.AddWithValue("db", _database);
            return (long)(await cmd.ExecuteScalarAsync())!;
        }

        public async Task ReleaseAsync()
        {
            if (_released) return;
            _released = true;
            await using var cmd = new NpgsqlCommand("ROLLBACK", _connection);
            await cmd.ExecuteNonQueryAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await ReleaseAsync();
            await _connection.DisposeAsync();
        }
    }

    /// <summary>The connector as it was before perf41: the whole catalog read before any table is sampled.</summary>
    internal sealed class WholeCatalogFirst(IConnector inner) : IConnector
    {
        public string Provider => inner.Provider;
        public string Target => inner.Target;
        public Task<DatabaseCatalog> ReadCatalogAsync(CatalogFilter filter, SampleOptions? timeouts = null, CancellationToken cancellationToken = default) =>
            inner.ReadCatalogAsync(filter, timeouts, cancellationToken);
        public Task<TableSample> SampleAsync(TableInfo table, SampleOptions options, CancellationToken cancellationToken = default) =>
            inner.SampleAsync(table, options, cancellationToken);
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    /// <summary>The staged connector, counting the tables whose sample was read before the whole catalog had arrived.</summary>
    internal sealed class StagedRecorder(IConnector inner) : IConnector
    {
        private Task<DatabaseCatalog>? _whole;
        private int _sampledBeforeKeys;

        public int SampledBeforeKeys => Volatile.Read(ref _sampledBeforeKeys);
        /// <summary>True once the connector's whole catalog (both stages) has been read.</summary>
        public bool WholeCatalogRead => Volatile.Read(ref _whole) is { IsCompleted: true };
        public string Provider => inner.Provider;
        public string Target => inner.Target;
        public Task<DatabaseCatalog> ReadCatalogAsync(CatalogFilter filter, SampleOptions? timeouts = null, CancellationToken cancellationToken = default) =>
            inner.ReadCatalogAsync(filter, timeouts, cancellationToken);

        public async Task<StagedCatalog> ReadCatalogInStagesAsync(CatalogFilter filter, SampleOptions? timeouts = null, CancellationToken cancellationToken = default)
        {
            var staged = await inner.ReadCatalogInStagesAsync(filter, timeouts, cancellationToken);
            _whole = staged.Whole;
            return staged;
        }

        public async Task<TableSample> SampleAsync(TableInfo table, SampleOptions options, CancellationToken cancellationToken = default)
        {
            var sample = await inner.SampleAsync(table, options, cancellationToken);
            if (_whole is { IsCompleted: false }) Interlocked.Increment(ref _sampledBeforeKeys);
            return sample;
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
