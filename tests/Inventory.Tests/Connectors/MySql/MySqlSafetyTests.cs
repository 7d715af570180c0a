using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Connectors;
using Inventory.Scanning;
using Inventory.Tests.Support;
using MySqlConnector;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.MySql;

/// <summary>A killed connection mid-scan, a statement timeout narrowed to its table, and connection errors on MariaDB.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class MySqlSafetyTests
{
    private sealed class UndecidedClassifier : IColumnClassifier
    {
        public ColumnClassification Classify(ColumnEvidence column) => ColumnClassification.Undecided();
    }

    private const string Setup = """
        CREATE TABLE a_customer (id int PRIMARY KEY, email varchar(80));
        INSERT INTO a_customer VALUES (1, 'ana.k@example.com'), (2, 'b.osei@example.org');
        CREATE TABLE b_orders (id int PRIMARY KEY, total decimal(10,2));
        INSERT INTO b_orders VALUES (1, 10), (2, 20);
        CREATE VIEW c_slow AS SELECT SLEEP(20) AS pause, email FROM a_customer;
        """;

    /// <summary>The connection reading the slow view is killed (KILL CONNECTION); the runner records the lost
    /// connection as an issue of that table, finishes the others and returns an incomplete document.</summary>
    [Test]
    public async Task KillConnectionMidScan_Runner_ReturnsIncompleteDocumentWithWhatItScanned()
    {
        await using var db = await TestMySql.CreateAsync("kill", Setup);
        var uri = await db.CreateUserAsync();
        var source = new SourceConfig { Name = "app", Connection = uri, Sample = new SampleOptions { StatementTimeout = TimeSpan.FromSeconds(120) } };

        // When: the scan runs, and the connection reading the slow view is killed
        var scan = new ScanRunner(new UndecidedClassifier()).RunAsync(new ScanRequest { Sources = [source], Parallelism = 2 });
        long killed = 0;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (killed == 0 && DateTime.UtcNow < deadline && !scan.IsCompleted)
        {
            await Task.Delay(100);
            await using var admin = new MySqlConnection(db.ConnectionString);
            await admin.OpenAsync();
            await using var find = new MySqlCommand("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = @db AND INFO LIKE '%c_slow%' AND ID <> CONNECTION_ID()", admin);
            find.Parameters.AddWithValue("@db", db.Name);
            if (await find.ExecuteScalarAsync() is { } id)
            {
                await using var kill = new MySqlCommand($"KILL CONNECTION {Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture)}", admin);
                await kill.ExecuteNonQueryAsync();
                killed = 1;
            }
        }
        var document = await scan;

        // Then
        var entry = document.Sources.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(killed, Is.EqualTo(1), "one connection killed");
            Assert.That(document.Complete, Is.False);
            var issue = document.Issues.Single(i => i.Table == "c_slow");
            Assert.That(issue.Kind, Is.EqualTo("connection-lost"));
            Assert.That(issue.Message, Does.Contain("connection was lost").And.Not.Contain("@"));
            Assert.That(entry.Tables.Select(t => t.Name), Is.EquivalentTo(new[] { "a_customer", "b_orders", "c_slow" }));
            Assert.That(entry.Tables.Single(t => t.Name == "a_customer").SampledRows, Is.EqualTo(2));
            Assert.That(entry.Tables.Single(t => t.Name == "b_orders").SampledRows, Is.EqualTo(2));
        }
    }

    /// <summary>The server kills the scan's connections one after another while it samples (KILL CONNECTION from a
    /// second session, whatever each connection is doing: reading rows, idle between the key bounds and the probes, or
    /// opening). Every table hit gets one issue with the cause, never one per column; the socket errors a killed
    /// connection raises never end the scan; the tables after the kills are sampled. The kills start once the whole
    /// catalog is read: its second stage runs while the first tables are sampled (engines42), and a lost catalog
    /// connection is the source's error, as it always was.</summary>
    [Test]
    public async Task KillConnectionsRepeatedly_Runner_OneIssuePerTableWithCauseAndScanGoesOn()
    {
        // Given: twelve tables with integer keys (two reads each: key bounds, then key probes)
        var setup = string.Concat(Enumerable.Range(0, 12).Select(t =>
            $"CREATE TABLE t{t:00} (id int PRIMARY KEY, email varchar(80), note text, amount int, created date);\n" +
            $"INSERT INTO t{t:00} SELECT seq, concat('u', seq, '@example.com'), repeat('n', 200), seq, '2024-01-01' FROM seq_1_to_20000;\n"));
        await using var db = await TestMySql.CreateAsync("killn", setup);
        var uri = await db.CreateUserAsync();
        var user = Uri.UnescapeDataString(new Uri(uri).UserInfo.Split(':')[0]);
        var source = new SourceConfig { Name = "app", Connection = uri, Sample = new SampleOptions { Rows = 2000, StatementTimeout = TimeSpan.FromSeconds(120) } };

        // When: once sampling has started and the catalog is read, every connection of the scan's user is killed, three times over
        Postgres.PostgresStagedCatalogTests.StagedRecorder? recorder = null;
        var scan = new ScanRunner(new UndecidedClassifier(), target => recorder = new Postgres.PostgresStagedCatalogTests.StagedRecorder(ConnectorFactory.Create(target)))
            .RunAsync(new ScanRequest { Sources = [source], Parallelism = 2 });
        int rounds = 0, killed = 0;
        bool sampling = false;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        await using (var admin = new MySqlConnection(db.ConnectionString))
        {
            await admin.OpenAsync();
            while (rounds < 3 && DateTime.UtcNow < deadline && !scan.IsCompleted)
            {
                var ids = new List<long>();
                await using (var find = new MySqlCommand("SELECT ID, INFO FROM information_schema.PROCESSLIST WHERE USER = @user", admin))
                {
                    find.Parameters.AddWithValue("@user", user);
                    await using var reader = await find.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        ids.Add(reader.GetInt64(0));
                        sampling |= !reader.IsDBNull(1) && reader.GetString(1).Contains("`t0", StringComparison.Ordinal); // a table's sample, not the catalog
                    }
                }
                if (!sampling || recorder is not { WholeCatalogRead: true }) continue;
                foreach (var id in ids)
                {
                    try
                    {
                        await using var kill = new MySqlCommand($"KILL CONNECTION {id.ToString(System.Globalization.CultureInfo.InvariantCulture)}", admin);
                        await kill.ExecuteNonQueryAsync();
                        killed++;
                    }
                    catch (MySqlException e) when (e.Number == 1094)
                    {
                        // Unknown thread id: the connection ended by itself meanwhile.
                    }
                }
                rounds++;
                await Task.Delay(150);
            }
        }
        var document = await scan;

        // Then
        var entry = document.Sources.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(killed, Is.GreaterThan(0), "connections killed");
            Assert.That(document.Complete, Is.False);
            Assert.That(document.Issues, Is.Not.Empty);
            Assert.That(document.Issues.Where(i => i.Column is not null), Is.Empty, "no issue per column");
            Assert.That(document.Issues.GroupBy(i => i.Table).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "one issue per table");
            Assert.That(document.Issues.Select(i => i.Kind).Distinct(), Is.EqualTo(new[] { "connection-lost" }));
            Assert.That(document.Issues.Select(i => i.Message), Has.All.Match("the connection was lost while sampling|cannot reach the server|too many connections"));
            Assert.That(document.Issues.Select(i => i.Message), Has.None.Contain("error 0").And.None.Contain("@example.com"));
            Assert.That(entry.Tables, Has.Count.EqualTo(12));
            Assert.That(entry.Tables.Count(t => t.SampledRows == 2000), Is.EqualTo(12 - document.Issues.Count), "every table without an issue is sampled in full");
            Assert.That(document.Issues, Has.Count.LessThan(12), "the tables after the kills are sampled");
        }
    }

    /// <summary>max_statement_time stops the slow view; the failure is that table's timeout issue and the scan goes on (exit 3 path).</summary>
    [Test]
    public async Task StatementTimeout_SlowView_TimeoutIssueForThatTableOnly()
    {
        await using var db = await TestMySql.CreateAsync("tmo", Setup);
        var uri = await db.CreateUserAsync();
        var source = new SourceConfig { Name = "app", Connection = uri, Sample = new SampleOptions { StatementTimeout = TimeSpan.FromSeconds(1) } };

        var document = await new ScanRunner(new UndecidedClassifier()).RunAsync(new ScanRequest { Sources = [source], Parallelism = 1 });

        var entry = document.Sources.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Complete, Is.False);
            Assert.That(document.Issues.Select(i => (i.Table, i.Kind)), Is.EqualTo(new[] { ("c_slow", "timeout") }));
            Assert.That(entry.Tables.Single(t => t.Name == "c_slow").NotSampled, Is.EqualTo(NotSampledReason.TimedOut));
            Assert.That(entry.Tables.Single(t => t.Name == "a_customer").SampledRows, Is.EqualTo(2));
        }
    }

    /// <summary>One column of a view raises an error for every row (a function that SIGNALs); the failure narrows to
    /// that column: the other columns keep their values, the column gets an issue, the scan goes on.</summary>
    [Test]
    public async Task FailingColumn_View_NarrowedToThatColumn()
    {
        await using var db = await TestMySql.CreateAsync("col", Setup + """
            CREATE FUNCTION boom(x int) RETURNS int DETERMINISTIC BEGIN SIGNAL SQLSTATE '45000'; RETURN x; END;
            CREATE VIEW d_broken AS SELECT id, email, boom(id) AS score FROM a_customer;
            """);
        var uri = await db.CreateUserAsync($"GRANT SELECT ON `{db.Name}`.* TO {{user}}; GRANT EXECUTE ON `{db.Name}`.* TO {{user}}");
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(uri));
        var catalog = await connector.ReadCatalogAsync(new CatalogFilter(["d_broken"], []));

        var sample = await connector.SampleAsync(catalog.Tables.Single(), new SampleOptions());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.NotSampled, Is.Null);
            Assert.That(sample.Columns["email"].Values, Has.Count.EqualTo(2));
            Assert.That(sample.Columns["score"].NotSampled, Is.EqualTo(NotSampledReason.Error));
            Assert.That(sample.Issues.Select(i => (i.Column, i.Kind)), Is.EqualTo(new[] { ("score", "error") }));
        }
    }

    [Test]
    public async Task ReadCatalog_WrongPassword_OneLineWithoutPassword()
    {
        await using var db = await TestMySql.CreateAsync("pw");
        var uri = await db.CreateUserAsync();
        var secret = "wrong-" + Guid.NewGuid().ToString("N")[..8];
        var b = new UriBuilder(uri) { Password = secret };
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(b.Uri.ToString()));

        var e = Assert.ThrowsAsync<ConnectorException>(() => connector.ReadCatalogAsync(CatalogFilter.All));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(e!.Provider, Is.EqualTo("mysql"));
            Assert.That(e.Message, Does.Contain("access denied").And.Contain(connector.Target).And.Not.Contain(secret));
            Assert.That(e.Message, Does.Not.Contain("\n"));
        }
    }

    /// <summary>An account that authenticates by the operating-system user (MariaDB unix_socket: Debian's root) refuses
    /// every password over TCP with error 1698; the message says so and how to make a scanner user, instead of the
    /// "cannot connect: server error (error 1698)" a newcomer's trial met with <c>mysql://root@localhost/db</c>.</summary>
    [Test]
    public async Task ReadCatalog_AccountWithoutPasswordLogin_SaysItCannotLogInWithAPassword()
    {
        await using var db = await TestMySql.CreateAsync("sock");
        var uri = await db.CreateUserAsync();
        var user = new Uri(uri).UserInfo.Split(':')[0];
        await TestMySql.ExecuteAdminAsync($"ALTER USER '{user}'@'%' IDENTIFIED VIA unix_socket");
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(uri));

        var e = Assert.ThrowsAsync<ConnectorException>(() => connector.ReadCatalogAsync(CatalogFilter.All));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(e!.Message, Does.Contain($"access denied for user '{user}': the account does not log in with a password"));
            Assert.That(e.Message, Does.Contain($"GRANT SELECT, SHOW VIEW ON `{db.Name}`.* TO 'scanner'@'%'"));
            Assert.That(e.Message, Does.Not.Contain("server error"));
            Assert.That(e.Message, Does.Not.Contain(new Uri(uri).UserInfo.Split(':')[1]), "never the password");
        }
    }

    [Test]
    public async Task ReadCatalog_TlsRequiredOnServerWithoutTls_SaysTlsNotUnreachable()
    {
        await using (var admin = new MySqlConnection(TestMySql.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var cmd = new MySqlCommand("SELECT @@have_ssl", admin);
            if (await cmd.ExecuteScalarAsync() is string have && have == "YES")
                Assert.Ignore("this server offers TLS, so ssl-mode=required connects");
        }
        var b = new MySqlConnectionStringBuilder(TestMySql.AdminConnectionString) { SslMode = MySqlSslMode.Required };
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(b.ConnectionString, "mysql"));
        var e = Assert.ThrowsAsync<ConnectorException>(() => connector.ReadCatalogAsync(CatalogFilter.All));
        Assert.That(e!.Message, Does.Contain("TLS could not be set up").And.Not.Contain("cannot reach the server"));
    }

    [Test]
    public async Task ReadCatalog_UnknownDatabase_SaysSo()
    {
        var b = new MySqlConnectionStringBuilder(TestMySql.AdminConnectionString) { Database = "inv_missing_" + Guid.NewGuid().ToString("N")[..8] };
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(b.ConnectionString, "mysql"));
        var e = Assert.ThrowsAsync<ConnectorException>(() => connector.ReadCatalogAsync(CatalogFilter.All));
        Assert.That(e!.Message, Does.Contain("database does not exist"));
    }

    [Test]
    public async Task ReadCatalog_UnknownHost_SaysWhatToCheck()
    {
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse("mysql://someone:s3cret-pw@inventory-no-such-host.invalid:3306/db?connect_timeout=3"));
        var e = Assert.ThrowsAsync<ConnectorException>(() => connector.ReadCatalogAsync(CatalogFilter.All));
        Assert.That(e!.Message, Does.Contain("unknown host: the name in the connection does not resolve").And.Not.Contain("s3cret-pw"));
    }
}
