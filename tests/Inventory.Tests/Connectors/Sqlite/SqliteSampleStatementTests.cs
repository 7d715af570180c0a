using System.Globalization;
using System.Text;
using Inventory.Catalog;
using Inventory.Connectors;
using Inventory.Connectors.Sqlite;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Sqlite;

/// <summary>The SQLite connector reads its sample through SQLite's statement API (<see cref="SqliteSampleStatement"/>):
/// every cell must be read as Microsoft.Data.Sqlite's reader read it, and a locked database must still end as a timeout
/// issue.</summary>
public sealed class SqliteSampleStatementTests
{
    private readonly TemporarySqliteFiles _files = new();

    [TearDown]
    public void DeleteFiles() => _files.DeleteAll();

    private string NewPath() => _files.NewPath("inv_sqlite_stmt");

    /// <summary>A rollback-journal database of one invented person's e-mail in table <c>person</c> (and view <c>people</c>
    /// over it when <paramref name="withView"/>), deleted after the test.</summary>
    private string NewPersonDatabase(bool withView)
    {
        var path = NewPath();
        using var setup = new SqliteConnection($"Data Source={path};Pooling=False");
        setup.Open();
        using var create = setup.CreateCommand();
        create.CommandText = "CREATE TABLE person (email TEXT); INSERT INTO person VALUES ('ana.k@example.com');"
            + (withView ? " CREATE VIEW people AS SELECT email FROM person;" : "");
        create.ExecuteNonQuery();
        return path;
    }

    /// <summary>Another connection that holds an exclusive lock on the database at <paramref name="path"/> until it is
    /// disposed (which rolls back and lets go of the lock).</summary>
    private static SqliteConnection HoldExclusiveLock(string path)
    {
        var writer = new SqliteConnection($"Data Source={path};Pooling=False");
        writer.Open();
        using var begin = writer.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE";
        begin.ExecuteNonQuery();
        return writer;
    }

    private static readonly string[] Texts = ["", "a", "Zoë", "名前", "😀 ok", "line\nbreak", "tab\t", "'quote'", "0042", "1e5", " padded ", new string('x', 5000)];

    /// <summary>A random cell of any storage class (null, integer, real, text, blob).</summary>
    private static object? Cell(Random random) => random.Next(6) switch
    {
        0 => null,
        1 => random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(64),
        2 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-12, 20)),
        3 => Texts[random.Next(Texts.Length)] + random.Next(100).ToString(CultureInfo.InvariantCulture),
        4 => Texts[random.Next(Texts.Length)],
        _ => Enumerable.Range(0, random.Next(0, 40)).Select(_ => (byte)random.Next(256)).ToArray(),
    };

    [Test]
    public void Read_GeneratedCellsOfEveryStorageClass_SameAsTheDataReader()
    {
        // Given 3,000 rows of untyped and typed columns holding every storage class, read through the connector's projection
        var path = NewPath();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (a, b TEXT, c INTEGER, d REAL, e BLOB)";
            create.ExecuteNonQuery();
        }
        var random = new Random(4242);
        using (var transaction = connection.BeginTransaction())
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO t VALUES (@a, @b, @c, @d, @e)";
            foreach (var name in new[] { "@a", "@b", "@c", "@d", "@e" }) insert.Parameters.Add(new SqliteParameter(name, null));
            for (int row = 0; row < 3000; row++)
            {
                foreach (SqliteParameter parameter in insert.Parameters) parameter.Value = Cell(random) ?? DBNull.Value;
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        var columns = new[] { "a", "b", "c", "d", "e" };
        var sql = $"SELECT {string.Join(", ", columns.Select(c => SqliteDialect.Projection(c, "t")))} FROM t AS t LIMIT @n";

        // When read by the data reader (GetValue, as the connector read before) and by the statement
        var expected = new StringBuilder();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            command.Parameters.AddWithValue("@maxlen", 100);
            command.Parameters.AddWithValue("@n", 5000);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                for (int i = 0; i < columns.Length; i++)
                    expected.Append(reader.GetValue(i) switch
                    {
                        string text => "T:" + text,
                        long length => "I:" + length.ToString(CultureInfo.InvariantCulture),
                        double real => "R:" + SqliteDialect.FormatReal(real),
                        var other => "N:" + other.GetType().Name,
                    }).Append('\u0001');
        }
        var actual = new StringBuilder();
        int texts = 0, lengths = 0, reals = 0, nulls = 0;
        using (var statement = new SqliteSampleStatement(connection, sql, TimeSpan.FromSeconds(5)))
        {
            statement.Bind("@maxlen", 100);
            statement.Bind("@n", 5000);
            while (statement.Read())
                for (int i = 0; i < columns.Length; i++)
                {
                    switch (statement.Type(i))
                    {
                        case SQLitePCL.raw.SQLITE_TEXT: actual.Append("T:" + statement.Text(i)); texts++; break;
                        case SQLitePCL.raw.SQLITE_INTEGER: actual.Append("I:" + statement.Int64(i).ToString(CultureInfo.InvariantCulture)); lengths++; break;
                        case SQLitePCL.raw.SQLITE_FLOAT: actual.Append("R:" + SqliteDialect.FormatReal(statement.Real(i))); reals++; break;
                        default: actual.Append("N:DBNull"); nulls++; break;
                    }
                    actual.Append('\u0001');
                }
        }

        // Then every cell is the same, and the projection gave every kind of cell
        Assert.That(actual.ToString(), Is.EqualTo(expected.ToString()));
        Assert.That(new[] { texts, lengths, reals, nulls }, Is.All.GreaterThan(100));
    }

    [Test]
    public void Constructor_UnknownTable_SqliteErrorOne()
    {
        var path = NewPath();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();

        var error = Assert.Throws<SqliteException>(() => new SqliteSampleStatement(connection, "SELECT * FROM gone", TimeSpan.FromSeconds(1)));
        Assert.That(error!.SqliteErrorCode, Is.EqualTo(1));
    }

    [Test]
    public async Task Sample_ViewLockedForAMoment_WaitsAndReads()
    {
        // Given a view of a rollback-journal database that another connection locks, and lets go of a moment later
        var path = NewPersonDatabase(withView: true);
        await using var connector = new SqliteConnector(ConnectionTarget.Parse("sqlite:" + path));
        var view = (await connector.ReadCatalogAsync(CatalogFilter.All)).Tables.Single(t => t.Name == "people");
        var writer = HoldExclusiveLock(path);
        var release = Task.Run(async () =>
        {
            await Task.Delay(400);
            writer.Dispose(); // rolls back and lets go of the lock
        });

        // When the view is sampled meanwhile, with limits well above the moment
        var sample = await connector.SampleAsync(view, new SampleOptions { StatementTimeout = TimeSpan.FromSeconds(20), LockTimeout = TimeSpan.FromSeconds(20) });
        await release;

        // Then the read waited for the lock (as Microsoft.Data.Sqlite's reader did) and got the row
        Assert.That(sample.Issues, Is.Empty);
        Assert.That(sample.Columns["email"].Values, Is.EqualTo(new[] { "ana.k@example.com" }));
    }

    [Test]
    public async Task Sample_ViewOfALockedDatabase_TimeoutIssueThenReadOnceUnlocked()
    {
        // Given a view (read by the statement alone: no rowid query before it) of a rollback-journal database
        var path = NewPersonDatabase(withView: true);
        await using var connector = new SqliteConnector(ConnectionTarget.Parse("sqlite:" + path));
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
        var view = catalog.Tables.Single(t => t.Name == "people");
        var options = new SampleOptions { StatementTimeout = TimeSpan.FromSeconds(1), LockTimeout = TimeSpan.FromSeconds(1) };

        // When another connection holds an exclusive lock while the view is sampled, and again after it let go
        TableSample locked;
        using (HoldExclusiveLock(path))
            locked = await connector.SampleAsync(view, options);
        var unlocked = await connector.SampleAsync(view, options);

        // Then the locked read is a timeout issue (no value), and the next read gets the row
        using (Assert.EnterMultipleScope())
        {
            Assert.That(locked.Issues.Select(i => i.Kind), Is.EqualTo(new[] { "timeout" }));
            Assert.That(locked.NotSampled, Is.EqualTo(NotSampledReason.TimedOut));
            Assert.That(unlocked.Issues, Is.Empty);
            Assert.That(unlocked.Columns["email"].Values, Is.EqualTo(new[] { "ana.k@example.com" }));
        }
    }

    [Test]
    public async Task Catalog_OfALockedDatabase_SaysItIsLockedAndWaitsOnlyTheLockTimeout()
    {
        // Given a rollback-journal database that another connection holds an exclusive lock on for longer than the
        // lock timeout (the catalog's statements used a fixed 30 s, and the error asked whether the file is a database)
        var path = NewPersonDatabase(withView: false);
        using var writer = HoldExclusiveLock(path);
        await using var connector = new SqliteConnector(ConnectionTarget.Parse("sqlite:" + path));

        // When the catalog is read meanwhile (well within the old 30 s, so a wait of 30 s fails the test)
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var error = Assert.ThrowsAsync<ConnectorException>(async () => await connector.ReadCatalogAsync(CatalogFilter.All, cancellationToken: cancel.Token));

        // Then the error says the database is locked, names the lock timeout and WAL mode, and no longer asks whether
        // the file is a SQLite database; no value of the database is in it
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message.Contains("stayed locked longer than the lock timeout of 5 s", StringComparison.Ordinal), Is.True, error!.Message);
            Assert.That(error.Message.Contains("journal_mode=WAL", StringComparison.Ordinal), Is.True, error!.Message);
            Assert.That(error.Message.Contains("is this a SQLite database file", StringComparison.Ordinal), Is.False, error!.Message);
            Assert.That(error.Message.Contains("ana.k", StringComparison.Ordinal), Is.False, error!.Message);
        }
    }

    [Test]
    public async Task Catalog_LockedLongerThanTheScansLockTimeout_FailsNamingThatTimeoutAndTheSetting()
    {
        // Given a database another connection holds an exclusive lock on, and a scan whose lock timeout is 1 s (the
        // catalog read waited SQLite's default 5 s whatever sample: lock-timeout: said)
        var path = NewPersonDatabase(withView: false);
        using var writer = HoldExclusiveLock(path);
        await using var connector = new SqliteConnector(ConnectionTarget.Parse("sqlite:" + path));

        // When the catalog is read with the scan's timeouts
        var error = Assert.ThrowsAsync<ConnectorException>(async () =>
            await connector.ReadCatalogAsync(CatalogFilter.All, new SampleOptions { LockTimeout = TimeSpan.FromSeconds(1) }));

        // Then the error names the lock, the scan's lock timeout and the setting to raise
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message.Contains("stayed locked longer than the lock timeout of 1 s", StringComparison.Ordinal), Is.True, error.Message);
            Assert.That(error.Message.Contains("raise lock-timeout: under the source's sample:", StringComparison.Ordinal), Is.True, error.Message);
        }
    }

    [Test]
    public async Task Catalog_LockReleasedWithinTheScansLockTimeout_IsRead()
    {
        // Given a database another connection holds an exclusive lock on for about 6.5 s, beyond SQLite's default wait of
        // 5 s, and a scan whose lock timeout is 15 s
        var path = NewPersonDatabase(withView: false);
        var writer = HoldExclusiveLock(path);
        var release = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(6.5));
            writer.Dispose();
        });
        await using var connector = new SqliteConnector(ConnectionTarget.Parse("sqlite:" + path));

        // When the catalog is read with the scan's timeouts meanwhile
        DatabaseCatalog catalog;
        try
        {
            catalog = await connector.ReadCatalogAsync(CatalogFilter.All, new SampleOptions { LockTimeout = TimeSpan.FromSeconds(15) });
        }
        finally
        {
            await release;
        }

        // Then it waited for the lock and read the table
        Assert.That(catalog.Tables.Select(t => t.Name), Is.EqualTo(new[] { "person" }));
    }
}
