using System.Security.Cryptography;
using Inventory.Catalog;
using Inventory.Connectors;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Sqlite;

public sealed class SqliteConnectorTests
{
    private static string Chinook => Path.Combine(SharedPaths.Data, "chinook", "Chinook_Sqlite.sqlite");

    private readonly TemporarySqliteFiles _files = new();

    [TearDown]
    public void DeleteFiles() => _files.DeleteAll();

    private string CreateDatabase(string setupSql)
    {
        var path = _files.NewPath("inv_sqlite");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = setupSql;
        cmd.ExecuteNonQuery();
        return path;
    }

    private static SqliteConnector Connect(string path) => new(ConnectionTarget.Parse("sqlite:" + path));

    [Test]
    public async Task ReadCatalog_Chinook_ElevenTablesSixtyFourColumnsWithGoldTypes()
    {
        await using var connector = Connect(Chinook);

        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        var gold = File.ReadLines(Path.Combine(SharedPaths.Data, "gold", "chinook__sqlite.tsv")).Skip(1)
            .Select(l => l.Split('\t')).Select(f => (Table: f[0], Column: f[1], Type: f[2])).ToList();
        var actual = catalog.Tables.SelectMany(t => t.Columns.Select(c => (Table: t.Name, Column: c.Name, Type: c.DeclaredType))).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalog.Tables, Has.Count.EqualTo(11));
            Assert.That(actual, Has.Count.EqualTo(64));
            Assert.That(actual, Is.EquivalentTo(gold));
            Assert.That(catalog.DefaultSchema, Is.EqualTo("main"));
            Assert.That(catalog.QueryCount, Is.LessThanOrEqualTo(5));
            Assert.That(catalog.Tables.Select(t => t.Name), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(catalog.Issues, Is.Empty);
        }
    }

    /// <summary>polish32: an FTS5 table's shadow tables were scanned as tables of their own: <c>notes_fts_content.c1</c>
    /// (the authors' names again, under a column name that says nothing) was suggested <c>none</c>, and the index pages
    /// of <c>_data</c>/<c>_docsize</c> <c>customer_content</c>. The virtual tables are read under their own column names;
    /// their shadow tables (FTS5, FTS4, R*Tree) are SQLite's storage; a user's table that only ends like one stays.</summary>
    [Test]
    public async Task ReadCatalog_VirtualTables_WithoutTheirShadowTables()
    {
        var path = CreateDatabase("""
            CREATE VIRTUAL TABLE notes_fts USING fts5(body, author);
            CREATE VIRTUAL TABLE "old docs" USING fts4(title, body);
            CREATE VIRTUAL TABLE places USING rtree(id, min_x, max_x, min_y, max_y);
            CREATE TABLE invoices_content (id INTEGER PRIMARY KEY, body TEXT);
            INSERT INTO notes_fts VALUES ('call me', 'Jean');
            """);
        await using var connector = Connect(path);

        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalog.Tables.Select(t => t.Name), Is.EqualTo(new[] { "invoices_content", "notes_fts", "old docs", "places" }));
            Assert.That(catalog.Tables.Single(t => t.Name == "notes_fts").Columns.Select(c => c.Name), Is.EqualTo(new[] { "body", "author" }));
            Assert.That(catalog.Issues, Is.Empty);
        }
    }

    [Test]
    public async Task ReadCatalog_Chinook_KeysAndFamilies()
    {
        await using var connector = Connect(Chinook);

        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        var playlistTrack = catalog.Tables.Single(t => t.Name == "PlaylistTrack");
        var invoice = catalog.Tables.Single(t => t.Name == "Invoice");
        var fk = invoice.ForeignKeys.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(playlistTrack.PrimaryKey, Is.EqualTo(new[] { "PlaylistId", "TrackId" }));
            Assert.That(fk.Columns, Is.EqualTo(new[] { "CustomerId" }));
            Assert.That(fk.ReferencedTable, Is.EqualTo("Customer"));
            Assert.That(fk.ReferencedColumns, Is.EqualTo(new[] { "CustomerId" }));
            Assert.That(fk.OnDelete, Is.EqualTo("no-action"));
            Assert.That(invoice.Columns.Single(c => c.Name == "Total").Family, Is.EqualTo(TypeFamily.Decimal));
            Assert.That(invoice.Columns.Single(c => c.Name == "InvoiceDate").Family, Is.EqualTo(TypeFamily.Temporal));
            Assert.That(invoice.Columns.Single(c => c.Name == "InvoiceId").Nullable, Is.False);
            Assert.That(invoice.RowEstimate, Is.Null, "Chinook has no sqlite_stat1: no estimate, and no count(*)");
        }
    }

    [Test]
    public async Task Sample_ChinookTrack_RandomRowsOfMixedTypes()
    {
        await using var connector = Connect(Chinook);
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
        var track = catalog.Tables.Single(t => t.Name == "Track");

        var sample = await connector.SampleAsync(track, new SampleOptions { Rows = 100 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.RowCount, Is.EqualTo(100));
            Assert.That(sample.Method, Does.StartWith("random rowids"));
            Assert.That(sample.Issues, Is.Empty);
            Assert.That(sample.Columns["UnitPrice"].Values, Is.All.Matches<string>(v => v is "0.99" or "1.99"));
            Assert.That(sample.Columns["Composer"].NullCount, Is.GreaterThan(0));
            Assert.That(sample.Columns["TrackId"].Values.Select(int.Parse).Max(), Is.GreaterThan(200), "reaches past the first rows");
        }
    }

    [Test]
    public async Task Scan_Chinook_FileUnchanged()
    {
        var before = (Hash: SHA256.HashData(File.ReadAllBytes(Chinook)), Time: File.GetLastWriteTimeUtc(Chinook));
        await using (var connector = Connect(Chinook))
        {
            var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
            foreach (var table in catalog.Tables)
                await connector.SampleAsync(table, new SampleOptions { Rows = 50 });
        }
        Assert.That((SHA256.HashData(File.ReadAllBytes(Chinook)), File.GetLastWriteTimeUtc(Chinook)),
            Is.EqualTo(before).Using<(byte[], DateTime)>((a, b) => a.Item1.AsSpan().SequenceEqual(b.Item1) && a.Item2 == b.Item2));
    }

    [Test]
    public async Task Sample_TablesOneAfterAnother_OneConnectionKeptAndClosedOnDispose()
    {
        if (!Directory.Exists("/proc/self/fd")) Assert.Ignore("counting the process's open files needs /proc/self/fd (Linux)");
        // Given a private copy of Chinook (no other test holds it open)
        var path = _files.NewPath("inv_sqlite");
        File.Copy(Chinook, path);
        var connector = Connect(path);
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        // When its 11 tables are sampled one after the other
        var samples = new List<TableSample>();
        foreach (var table in catalog.Tables) samples.Add(await connector.SampleAsync(table, new SampleOptions { Rows = 20 }));
        int openWhileKept = OpenHandles(path);
        await connector.DisposeAsync();

        // Then the catalog's connection served every table, and disposing the connector closed it
        using (Assert.EnterMultipleScope())
        {
            Assert.That(samples.Select(s => s.RowCount), Has.All.GreaterThan(0));
            Assert.That(samples.SelectMany(s => s.Issues), Is.Empty);
            Assert.That(openWhileKept, Is.EqualTo(1));
            Assert.That(OpenHandles(path), Is.Zero);
        }
    }

    /// <summary>This process's open file descriptors on a file (Linux).</summary>
    private static int OpenHandles(string path) =>
        Directory.EnumerateFileSystemEntries("/proc/self/fd").Count(fd =>
        {
            try
            {
                return new FileInfo(fd).LinkTarget == path;
            }
            catch (IOException)
            {
                return false;   // closed meanwhile
            }
        });

    [Test]
    public async Task Scan_WritableTempFile_HashAndTimeUnchanged()
    {
        var path = CreateDatabase("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); " +
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO t SELECT i, 'v' || i FROM n; ANALYZE;");
        var hash = SHA256.HashData(File.ReadAllBytes(path));
        var time = File.GetLastWriteTimeUtc(path);
        await using (var connector = Connect(path))
        {
            var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
            var sample = await connector.SampleAsync(catalog.Tables.Single(), new SampleOptions { Rows = 100 });
            Assert.That(sample.RowCount, Is.EqualTo(100));
            Assert.That(catalog.Tables.Single().RowEstimate, Is.EqualTo(2000), "estimate from sqlite_stat1");
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SHA256.HashData(File.ReadAllBytes(path)), Is.EqualTo(hash));
            Assert.That(File.GetLastWriteTimeUtc(path), Is.EqualTo(time));
            Assert.That(File.Exists(path + "-journal") || File.Exists(path + "-wal"), Is.False);
        }
    }

    /// <summary>trial48: a table of 151 rows whose rowids run from 1 to 999 (a row inserted with its own id, or a
    /// deleted range) was sampled by 500 random rowid probes that found 70 of its rows, though the sample holds the
    /// whole table. A table no larger than the sample is read whole, whatever its rowid range.</summary>
    [TestCase(151, 999, 500)]
    [TestCase(40, 1_000_000, 50)]
    [TestCase(500, 10_000, 500)]
    public async Task Sample_SmallTableWithSparseRowids_ReadWhole(int rows, long lastRowid, int sampleRows)
    {
        var path = CreateDatabase("CREATE TABLE login (id INTEGER PRIMARY KEY, ip TEXT); " +
            $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows - 1}) INSERT INTO login SELECT i, '10.0.0.' || i FROM n; " +
            $"INSERT INTO login VALUES ({lastRowid}, '10.9.9.9');");
        await using var connector = Connect(path);
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        var sample = await connector.SampleAsync(catalog.Tables.Single(), new SampleOptions { Rows = sampleRows });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.RowCount, Is.EqualTo(rows));
            Assert.That(sample.Method, Is.EqualTo("full (small table)"));
            Assert.That(sample.Columns["ip"].Values, Has.Count.EqualTo(rows));
        }
    }

    /// <summary>The other side of trial48's fix: a table one row larger than the sample, over a sparse rowid range,
    /// is still sampled by random rowid probes (never read whole), and they reach past its first rows.</summary>
    [TestCase(101, 100)]
    [TestCase(2_000, 500)]
    public async Task Sample_TableLargerThanSampleWithSparseRowids_RandomRowids(int rows, int sampleRows)
    {
        var path = CreateDatabase("CREATE TABLE login (id INTEGER PRIMARY KEY, ip TEXT); " +
            $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows}) INSERT INTO login SELECT i * 7, 'x' || i FROM n;");
        await using var connector = Connect(path);
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        var sample = await connector.SampleAsync(catalog.Tables.Single(), new SampleOptions { Rows = sampleRows });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.Method, Does.StartWith("random rowids"));
            Assert.That(sample.RowCount, Is.LessThanOrEqualTo(sampleRows).And.GreaterThan(sampleRows / 2));
            // The first n rows have the ids 7 to 7n: a sample of n rows holding a larger id is not the first rows.
            Assert.That(sample.Columns["id"].Values.Select(long.Parse).Max(), Is.GreaterThan(sample.RowCount * 7L), "reaches past the first rows");
        }
    }

    /// <summary>trial35: a file with a damaged page (header intact) gave "sampling failed (SQLite error 11: database disk
    /// image is malformed)" with no advice; the other tables are still read.</summary>
    [Test]
    public async Task Sample_DamagedPage_TheTableSaysHowToCheckAndRecoverAndTheOthersAreRead()
    {
        // Given two tables, the first one's root page overwritten with garbage
        var path = CreateDatabase("""
            CREATE TABLE damaged (id INTEGER PRIMARY KEY, note TEXT);
            CREATE TABLE intact (id INTEGER PRIMARY KEY, label TEXT);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
            INSERT INTO damaged SELECT i, printf('note %04d with some text', i) FROM n;
            INSERT INTO intact VALUES (1, 'a'), (2, 'b');
            """);
        long root, pageSize;
        await using (var probe = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString))
        {
            await probe.OpenAsync();
            await using var cmd = probe.CreateCommand();
            cmd.CommandText = "SELECT rootpage FROM sqlite_schema WHERE name = 'damaged'";
            root = (long)(await cmd.ExecuteScalarAsync())!;
            cmd.CommandText = "PRAGMA page_size";
            pageSize = (long)(await cmd.ExecuteScalarAsync())!;
        }
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Position = (root - 1) * pageSize;
            file.Write(Enumerable.Repeat((byte)0xA5, (int)pageSize).ToArray());
        }
        await using var connector = Connect(path);

        // When
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
        var damaged = await connector.SampleAsync(catalog.Tables.Single(t => t.Name == "damaged"), new SampleOptions { Rows = 50 });
        var intact = await connector.SampleAsync(catalog.Tables.Single(t => t.Name == "intact"), new SampleOptions { Rows = 50 });

        // Then
        using (Assert.EnterMultipleScope())
        {
            Assert.That(damaged.Issues.Select(i => i.Message).Single(), Does.Contain("SQLite error 11").And.Contain("PRAGMA integrity_check").And.Contain("backup"));
            Assert.That((intact.RowCount, intact.Issues.Count), Is.EqualTo((2, 0)));
        }
    }

    [Test]
    public async Task Sample_C18UntypedColumns_MixedStorageClassesSampled()
    {
        var path = CreateDatabase(File.ReadAllText(Path.Combine(SharedPaths.Cases, "C18-sqlite-untyped-columns", "setup.sqlite.sql")));
        await using var connector = Connect(path);

        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
        var table = catalog.Tables.Single();
        var sample = await connector.SampleAsync(table, new SampleOptions());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Name, Is.EqualTo("import_raw"));
            Assert.That(table.Columns.Select(c => (c.DeclaredType, c.Family)), Is.All.EqualTo(("", TypeFamily.Untyped)));
            Assert.That(sample.RowCount, Is.EqualTo(3));
            Assert.That(sample.Issues, Is.Empty);
            Assert.That(sample.Columns["a"].Values, Has.Count.EqualTo(3).And.Contains("42"));
            Assert.That(sample.Columns["b"].Values, Has.Count.EqualTo(2), "text values kept for classification");
            Assert.That(sample.Columns["b"].BinaryLengths, Is.EqualTo(new long[] { 2 }), "the blob as its length only");
            Assert.That(sample.Columns["b"].Values, Has.None.Contains("\u00FF"));
            Assert.That(sample.Columns["c"].Values, Is.EquivalentTo(new[] { "12025550143", "+44 7700 900456" }));
            Assert.That(sample.Columns["c"].NullCount, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Sample_BigTableWithPlaceholderHead_ReachesPastFirstRows()
    {
        // Given 200,000 rows whose first 10,000 hold the placeholder n/a
        var path = CreateDatabase("CREATE TABLE signup (id INTEGER PRIMARY KEY, contact TEXT, score REAL, raw BLOB); " +
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) " +
            "INSERT INTO signup SELECT i, CASE WHEN i <= 10000 THEN 'n/a' ELSE 'user' || i || '@example.com' END, i * 1e15, randomblob(4) FROM n;");
        await using var connector = Connect(path);
        var table = (await connector.ReadCatalogAsync(CatalogFilter.All)).Tables.Single();

        // When a 500-row sample is drawn twice with the same seed, and once with another seed
        var sample = await connector.SampleAsync(table, new SampleOptions { Rows = 500, Seed = 7 });
        var again = await connector.SampleAsync(table, new SampleOptions { Rows = 500, Seed = 7 });
        var other = await connector.SampleAsync(table, new SampleOptions { Rows = 500, Seed = 8 });

        // Then most values are past the placeholder head, the sample repeats with the seed, and binaries are lengths
        var contact = sample.Columns["contact"].Values;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.RowCount, Is.EqualTo(500));
            Assert.That(contact.Count(v => v == "n/a"), Is.LessThan(75), "about 5% expected, not 100% as with LIMIT");
            Assert.That(again.Columns["contact"].Values, Is.EqualTo(contact));
            Assert.That(other.Columns["contact"].Values, Is.Not.EqualTo(contact));
            Assert.That(sample.Columns["score"].Values, Has.None.Contains("E").And.None.Contains("e"));
            Assert.That(sample.Columns["raw"].NotSampled, Is.EqualTo(NotSampledReason.Binary));
            Assert.That(sample.Columns["raw"].BinaryLengths, Has.Count.EqualTo(500).And.All.EqualTo(4L));
            Assert.That(sample.Columns["raw"].Values, Is.Empty);
        }
    }

    [Test]
    public void SamplingQueries_BigRowidTable_SeekNeverScan()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE \"Sign Up\" (id INTEGER PRIMARY KEY, contact TEXT)";
            create.ExecuteNonQuery();
        }
        var table = new TableInfo
        {
            Schema = "main", Name = "Sign Up",
            Columns = [new ColumnInfo { Name = "contact", Ordinal = 2, DeclaredType = "TEXT", Family = TypeFamily.Text }],
        };

        string Plan(string sql)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
            cmd.Parameters.AddWithValue("@points", "[1, 50]");
            cmd.Parameters.AddWithValue("@maxlen", 10);
            using var reader = cmd.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read()) lines.Add(reader.GetString(3));
            return string.Join("\n", lines);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Plan(Inventory.Connectors.Sqlite.SqliteDialect.RowidBounds(table, "rowid")), Does.Not.Contain("SCAN t").And.Not.Contain("SCAN Sign Up"));
            Assert.That(Plan(Inventory.Connectors.Sqlite.SqliteDialect.SampleAtRowids(table, table.Columns, "rowid")),
                Does.Contain("SEARCH t USING INTEGER PRIMARY KEY").And.Not.Contain("SCAN t").And.Not.Contain("SCAN s"));
        }
    }

    [Test]
    public async Task Sample_ViewAndWithoutRowid_FirstRowsWithoutError()
    {
        var path = CreateDatabase("CREATE TABLE k (code TEXT PRIMARY KEY, \"buyer \"\"nick\"\" name\" TEXT) WITHOUT ROWID; " +
            "INSERT INTO k VALUES ('a', 'x'), ('b', 'y'); CREATE VIEW \"v k\" AS SELECT code AS c FROM k;");
        await using var connector = Connect(path);
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        var table = await connector.SampleAsync(catalog.Tables.Single(t => t.Name == "k"), new SampleOptions { Rows = 1 });
        var view = await connector.SampleAsync(catalog.Tables.Single(t => t.Name == "v k"), new SampleOptions());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalog.Tables.Single(t => t.Name == "v k").Kind, Is.EqualTo(TableKind.View));
            Assert.That(table.Method, Is.EqualTo("limit (without rowid)"));
            Assert.That(table.RowCount, Is.EqualTo(1));
            Assert.That(view.Method, Is.EqualTo("limit (view)"));
            Assert.That(view.Columns["c"].Values, Is.EquivalentTo(new[] { "a", "b" }));
        }
    }

    [Test]
    public async Task Sample_TableDroppedAfterCatalog_ReportedAsGone()
    {
        // Sampling takes each relation's definition from the catalog read; a relation dropped since then is still
        // reported as gone, not as an opaque SQLite error.
        var path = CreateDatabase("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('a'); CREATE TABLE keep (y TEXT); INSERT INTO keep VALUES ('b');");
        await using var connector = Connect(path);
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
        using (var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString))
        {
            writer.Open();
            using var drop = writer.CreateCommand();
            drop.CommandText = "DROP TABLE t";
            drop.ExecuteNonQuery();
        }

        var gone = await connector.SampleAsync(catalog.Tables.Single(t => t.Name == "t"), new SampleOptions());
        var kept = await connector.SampleAsync(catalog.Tables.Single(t => t.Name == "keep"), new SampleOptions());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gone.NotSampled, Is.EqualTo(NotSampledReason.Error));
            Assert.That(gone.Issues.Single().Message, Does.StartWith("dropped during the scan: the relation no longer exists (no such table)"));
            Assert.That(gone.Issues.Single().Kind, Is.EqualTo(ScanIssue.TableDroppedKind));
            Assert.That(kept.Columns["y"].Values, Is.EqualTo(new[] { "b" }));
        }
    }

    [Test]
    public async Task ReadCatalog_ForeignKeyRules_Mapped()
    {
        var path = CreateDatabase("CREATE TABLE p (id INTEGER PRIMARY KEY); " +
            "CREATE TABLE c (id INTEGER PRIMARY KEY, a INT REFERENCES p ON DELETE CASCADE, b INT REFERENCES p(id) ON DELETE SET NULL, " +
            "d INT REFERENCES p(id) ON DELETE SET DEFAULT, e INT REFERENCES p(id) ON DELETE RESTRICT);");
        await using var connector = Connect(path);

        var c = (await connector.ReadCatalogAsync(CatalogFilter.All)).Tables.Single(t => t.Name == "c");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(c.ForeignKeys.Select(f => (f.Columns[0], f.OnDelete)),
                Is.EquivalentTo(new[] { ("a", "cascade"), ("b", "set-null"), ("d", "set-default"), ("e", "restrict") }));
            Assert.That(c.ForeignKeys.Single(f => f.Columns[0] == "a").ReferencedColumns, Is.EqualTo(new[] { "id" }), "implicit parent key resolved");
        }
    }

    [Test]
    public async Task ReadCatalog_BrokenViewExcluded_NeverTouched()
    {
        var path = CreateDatabase("CREATE TABLE t (x TEXT); CREATE TABLE gone (y TEXT); CREATE VIEW broken AS SELECT y FROM gone; DROP TABLE gone;");
        await using var connector = Connect(path);

        var filtered = await connector.ReadCatalogAsync(new CatalogFilter([], ["broken"]));
        var unfiltered = await connector.ReadCatalogAsync(CatalogFilter.All);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(filtered.Tables.Select(t => t.Name), Is.EqualTo(new[] { "t" }));
            Assert.That(filtered.Issues, Is.Empty);
            Assert.That(filtered.QueryCount, Is.LessThanOrEqualTo(4));
            Assert.That(unfiltered.Tables.Select(t => t.Name), Is.EqualTo(new[] { "t" }));
            Assert.That(unfiltered.Issues.Single().Table, Is.EqualTo("broken"), "a broken view in scope is reported, not dropped silently");
        }
    }

    [Test]
    public void ReadCatalog_MissingFile_ConnectorErrorAndNoFileCreated()
    {
        var path = _files.NewPath("inv_missing");

        var error = Assert.ThrowsAsync<ConnectorException>(async () =>
        {
            await using var connector = Connect(path);
            await connector.ReadCatalogAsync(CatalogFilter.All);
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message, Does.Contain("file not found"));
            Assert.That(File.Exists(path), Is.False);
        }
    }
}
