using Inventory.Catalog;
using Inventory.Connectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.MySql;

/// <summary>The MySQL connector on the real MariaDB server: catalog, types that trip drivers, sampling methods.</summary>
[TestFixture]
[Category("Integration")]
public sealed class MySqlConnectorTests
{
    private const string Setup = """
        SET SESSION sql_mode = '';
        CREATE TABLE customer (
          id int PRIMARY KEY,
          email varchar(120) COMMENT 'inventory: contact.email',
          nick varchar(40) CHARACTER SET latin1,
          born date,
          last_seen datetime,
          active bit(1),
          flags bit(8),
          tier enum('free','pro','team'),
          channels set('mail','sms','post'),
          home point,
          prefs json,
          photo mediumblob,
          amount decimal(10,2),
          upper_email varchar(120) AS (UPPER(email)) VIRTUAL
        ) COMMENT 'people who buy';
        INSERT INTO customer (id, email, nick, born, last_seen, active, flags, tier, channels, home, prefs, photo, amount) VALUES
          (1, 'ana.k@example.com', X'C3A9E9FF', '0000-00-00', '0000-00-00 00:00:00', b'1', b'10100101', 'pro', 'mail,sms', ST_GeomFromText('POINT(1 2)'), '{"lang":"de"}', X'89504E470D0A1A0A', 12.50),
          (2, 'b.osei@example.org', 'osei', '1985-11-30', '2024-01-01 10:00:00', b'0', b'00000001', 'free', '', ST_GeomFromText('POINT(3 4)'), NULL, NULL, 7.00),
          (3, 'li.wen@example.com', NULL, '1990-02-00', NULL, NULL, NULL, NULL, NULL, NULL, '[1,2]', X'00', NULL);
        CREATE TABLE orders (
          id bigint PRIMARY KEY,
          customer_id int,
          note text,
          CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE
        );
        INSERT INTO orders SELECT seq, 1 + seq % 3, CONCAT('order ', seq) FROM seq_1_to_20000;
        CREATE TABLE event_log (at datetime, msg varchar(80));
        INSERT INTO event_log SELECT NOW() - INTERVAL seq SECOND, CONCAT('m', seq) FROM seq_1_to_3000;
        CREATE TABLE metric (id int NOT NULL, taken date NOT NULL, v int, PRIMARY KEY (id, taken))
          PARTITION BY RANGE (YEAR(taken)) (PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025));
        INSERT INTO metric VALUES (1, '2023-05-01', 3), (2, '2024-05-01', 4);
        CREATE VIEW v_customer AS SELECT id, email FROM customer;
        ANALYZE TABLE customer, orders, event_log, metric;
        """;

    [Test]
    public async Task ReadCatalog_TypesKeysCommentsPartitions_AsDeclared()
    {
        // Given a database with every kind of relation and odd types
        await using var db = await TestMySql.CreateAsync("cat", Setup);
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(db.ConnectionString, "mysql"));

        // When the catalog is read
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        // Then
        var customer = catalog.Tables.Single(t => t.Name == "customer");
        var orders = catalog.Tables.Single(t => t.Name == "orders");
        var metric = catalog.Tables.Single(t => t.Name == "metric");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalog.QueryCount, Is.EqualTo(6), "tables, columns, view definitions (v_customer), primary keys, foreign keys, partitions");
            Assert.That(catalog.DefaultSchema, Is.EqualTo(db.Name));
            Assert.That(catalog.Tables.Single(t => t.Name == "v_customer").Columns.Select(c => c.ReadsFrom?.Display(db.Name)),
                Is.EqualTo(new[] { "customer.id", "customer.email" }));
            Assert.That(catalog.ServerVersion, Does.Match(@"^MariaDB \d+\.\d+\.\d+$"));
            Assert.That(catalog.Tables.Select(t => t.Name), Is.EqualTo(new[] { "customer", "event_log", "metric", "orders", "v_customer" }));
            Assert.That(customer.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "email", "nick", "born", "last_seen", "active", "flags", "tier", "channels", "home", "prefs", "photo", "amount", "upper_email" }));
            Assert.That(customer.Columns.Single(c => c.Name == "email").DeclaredType, Is.EqualTo("varchar(120)"));
            Assert.That(customer.Columns.Single(c => c.Name == "email").Comment, Is.EqualTo("inventory: contact.email"));
            Assert.That(customer.Columns.Single(c => c.Name == "tier").DeclaredType, Is.EqualTo("enum('free','pro','team')"));
            Assert.That(customer.Columns.Single(c => c.Name == "photo").Family, Is.EqualTo(TypeFamily.Binary));
            Assert.That(customer.Columns.Single(c => c.Name == "active").Family, Is.EqualTo(TypeFamily.Boolean));
            Assert.That(customer.Columns.Single(c => c.Name == "upper_email").Computed, Is.True);
            Assert.That(customer.Columns.Single(c => c.Name == "id").Nullable, Is.False);
            Assert.That(customer.Comment, Is.EqualTo("people who buy"));
            Assert.That(customer.PrimaryKey, Is.EqualTo(new[] { "id" }));
            Assert.That(orders.ForeignKeys.Single(), Is.EqualTo(new ForeignKeyInfo("fk_orders_customer", ["customer_id"], db.Name, "customer", ["id"], "cascade")).Using<ForeignKeyInfo>(
                (a, b) => a.Name == b.Name && a.Columns.SequenceEqual(b.Columns) && a.ReferencedSchema == b.ReferencedSchema && a.ReferencedTable == b.ReferencedTable
                    && a.ReferencedColumns.SequenceEqual(b.ReferencedColumns) && a.OnDelete == b.OnDelete));
            Assert.That(orders.RowEstimate, Is.GreaterThan(10_000));
            Assert.That(metric.Kind, Is.EqualTo(TableKind.PartitionedTable));
            Assert.That(metric.Partitions, Is.EqualTo(new[] { "p2023", "p2024" }));
            Assert.That(metric.PrimaryKey, Is.EqualTo(new[] { "id", "taken" }));
            Assert.That(catalog.Tables.Single(t => t.Name == "v_customer").Kind, Is.EqualTo(TableKind.View));
        }
    }

    [Test]
    public async Task Sample_DriverUnfriendlyTypes_RenderedAsTextBinaryMeasured()
    {
        await using var db = await TestMySql.CreateAsync("typ", Setup);
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(db.ConnectionString, "mysql"));
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        var sample = await connector.SampleAsync(catalog.Tables.Single(t => t.Name == "customer"), new SampleOptions());

        var c = sample.Columns;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.Issues, Is.Empty);
            Assert.That(sample.RowCount, Is.EqualTo(3));
            Assert.That(sample.Method, Is.EqualTo("full (small table)"));
            Assert.That(c["born"].Values, Is.EquivalentTo(new[] { "0000-00-00", "1985-11-30", "1990-02-00" }));
            Assert.That(c["last_seen"].Values, Does.Contain("0000-00-00 00:00:00"));
            Assert.That(c["nick"].Values, Does.Contain("Ã©éÿ"), "latin1 bytes converted by the server, never invalid UTF-8");
            Assert.That(c["active"].Values, Is.EquivalentTo(new[] { "1", "0" }));
            Assert.That(c["flags"].Values, Is.EquivalentTo(new[] { "10100101", "1" }));
            Assert.That(c["tier"].Values, Is.EquivalentTo(new[] { "pro", "free" }));
            Assert.That(c["channels"].Values, Is.EquivalentTo(new[] { "mail,sms", "" }));
            Assert.That(c["home"].Values, Is.EquivalentTo(new[] { "POINT(1 2)", "POINT(3 4)" }));
            Assert.That(c["prefs"].Values, Is.EquivalentTo(new[] { "{\"lang\":\"de\"}", "[1,2]" }));
            Assert.That(c["photo"].NotSampled, Is.EqualTo(NotSampledReason.Binary));
            Assert.That(c["photo"].Values, Is.Empty);
            Assert.That(c["photo"].BinaryLengths, Is.EquivalentTo(new long[] { 8, 1 }));
            Assert.That(c["photo"].NullCount, Is.EqualTo(1));
            Assert.That(c["amount"].Values, Is.EquivalentTo(new[] { "12.50", "7.00" }));
            Assert.That(c["upper_email"].Values, Does.Contain("ANA.K@EXAMPLE.COM"));
        }
    }

    [Test]
    public async Task Sample_IntegerKeyTable_RandomProbesAcrossTheRange()
    {
        await using var db = await TestMySql.CreateAsync("prb", Setup);
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(db.ConnectionString, "mysql"));
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
        var orders = catalog.Tables.Single(t => t.Name == "orders");

        var sample = await connector.SampleAsync(orders, new SampleOptions { Rows = 500 });
        var again = await connector.SampleAsync(orders, new SampleOptions { Rows = 500 });

        var ids = sample.Columns["id"].Values.Select(long.Parse).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.Method, Does.StartWith("random key probes"));
            Assert.That(sample.RowCount, Is.EqualTo(500));
            Assert.That(ids, Is.Unique);
            Assert.That(ids.Count(i => i > 10_000), Is.InRange(150, 350), "both halves of the key range are sampled");
            Assert.That(again.Columns["id"].Values, Is.EqualTo(sample.Columns["id"].Values), "same seed, same rows");
        }
    }

    [TestCase("event_log", "random filter")]
    [TestCase("v_customer", "limit 500 (view)")]
    [TestCase("metric", "full (small table)")]
    public async Task Sample_WithoutIntegerKey_DocumentedFallback(string table, string method)
    {
        await using var db = await TestMySql.CreateAsync("fb", Setup);
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(db.ConnectionString, "mysql"));
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        var sample = await connector.SampleAsync(catalog.Tables.Single(t => t.Name == table), new SampleOptions { Rows = 500 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.Method, Does.StartWith(method));
            Assert.That(sample.Issues, Is.Empty);
            Assert.That(sample.RowCount, Is.GreaterThan(0));
        }
    }

    [Test]
    public async Task ReadCatalog_IncludeExclude_OnDatabaseDotTable()
    {
        await using var db = await TestMySql.CreateAsync("flt", Setup);
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(db.ConnectionString, "mysql"));

        var catalog = await connector.ReadCatalogAsync(new CatalogFilter([$"{db.Name}.*"], ["*.v_*", $"{db.Name}.event_log"]));

        Assert.That(catalog.Tables.Select(t => t.QualifiedName(catalog.DefaultSchema)), Is.EqualTo(new[] { "customer", "metric", "orders" }));
    }

    [Test]
    public async Task ReadCatalog_ServerWide_DatabaseIsTheSchema()
    {
        await using var db = await TestMySql.CreateAsync("srv", "CREATE TABLE person (id int PRIMARY KEY, email varchar(80));");
        var uri = await db.CreateUserAsync();
        var serverWide = uri[..uri.LastIndexOf('/')] + "/?ssl-mode=disabled";
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(serverWide));

        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalog.DefaultSchema, Is.Empty);
            Assert.That(catalog.Tables.Select(t => t.QualifiedName(catalog.DefaultSchema)), Is.EqualTo(new[] { $"{db.Name}.person" }));
        }
    }

    [Test]
    public async Task Sample_ColumnWithoutGrant_LeftOutAsNoPrivilege()
    {
        await using var db = await TestMySql.CreateAsync("prv", Setup);
        // MySQL lists only the columns a user holds some privilege on: nick is granted REFERENCES only (visible, not
        // readable); the other columns carry no grant and are invisible to this user.
        var uri = await db.CreateUserAsync($"GRANT SELECT (id, email), REFERENCES (nick) ON `{db.Name}`.customer TO {{user}}");
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(uri));
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
        var customer = catalog.Tables.Single();

        var sample = await connector.SampleAsync(customer, new SampleOptions());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "email", "nick" }));
            Assert.That(customer.Columns.Where(c => c.Readable).Select(c => c.Name), Is.EqualTo(new[] { "id", "email" }));
            Assert.That(sample.Columns["email"].Values, Has.Count.EqualTo(3));
            Assert.That(sample.Columns["nick"].NotSampled, Is.EqualTo(NotSampledReason.NoPrivilege));
            Assert.That(sample.Issues.Where(i => i.Kind == "no-privilege").Select(i => i.Column), Is.EqualTo(new[] { "nick" }));
        }
    }
}
