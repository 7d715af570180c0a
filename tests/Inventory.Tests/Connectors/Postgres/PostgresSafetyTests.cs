using System.Text.RegularExpressions;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Connectors;
using Inventory.Scanning;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Postgres;

/// <summary>Read-only proof, a killed backend mid-scan, and connection errors.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed partial class PostgresSafetyTests
{
    private sealed class UndecidedClassifier : IColumnClassifier
    {
        public ColumnClassification Classify(ColumnEvidence column) => ColumnClassification.Undecided();
    }

    private const string Setup = """
        CREATE SCHEMA app;
        CREATE TABLE app.customer (id int PRIMARY KEY, email text, born date, photo bytea);
        INSERT INTO app.customer SELECT g, 'user' || g || '@example.com', date '1980-01-01' + g, '\x0102'::bytea FROM generate_series(1, 20000) g;
        CREATE TABLE app.orders (id int PRIMARY KEY, customer_id int REFERENCES app.customer ON DELETE CASCADE, note text);
        INSERT INTO app.orders SELECT g, g, 'n' || g FROM generate_series(1, 100) g;
        CREATE VIEW app.v_customer AS SELECT id, email FROM app.customer;
        ANALYZE app.customer;
        """;

    /// <summary>
    /// The scan runs as a role with only SELECT grants and <c>default_transaction_read_only=on</c>, with
    /// <c>log_statement=all</c> set on that role, so the server writes every statement the role sends to its log.
    /// Proof: the server log lines of that role (its name is unique to this test) are read back with
    /// <c>pg_read_file</c>; there must be statements (so the proof is not vacuous: the sample SELECTs of each table are
    /// there), and none of them is a write or DDL (INSERT, UPDATE, DELETE, MERGE, COPY, CREATE, ALTER, DROP, TRUNCATE,
    /// GRANT, REVOKE, VACUUM, ANALYZE, REFRESH, LOCK, CALL, DO, nextval/setval). Besides, the role could not have written
    /// anyway, and n_tup_ins/upd/del of the tables are compared before and after.
    /// </summary>
    [Test]
    public async Task ScanAsSelectOnlyRole_ServerLog_ShowsNoWrite()
    {
        var logFile = await ServerLogFileAsync();
        if (logFile is null) Assert.Ignore("the server log is not readable through pg_read_file (no logging collector and no Debian log file)");

        await using var db = await TestPostgres.CreateAsync("ro", Setup);
        var role = "inv_ro_" + Guid.NewGuid().ToString("N")[..12];
        var password = "pw-" + Guid.NewGuid().ToString("N");
        await PostgresTestKit.AdminExecuteAsync($"""
            CREATE ROLE {role} LOGIN PASSWORD '{password}';
            GRANT CONNECT ON DATABASE "{db.Name}" TO {role};
            ALTER ROLE {role} SET default_transaction_read_only = on;
            ALTER ROLE {role} SET log_statement = 'all';
            """);
        try
        {
            await db.ExecuteAsync($"GRANT USAGE ON SCHEMA app TO {role}; GRANT SELECT ON ALL TABLES IN SCHEMA app TO {role};");
            var before = await WriteCountersAsync(db);
            var offset = await LogSizeAsync(logFile!);

            // When
            await using var connector = PostgresTestKit.Connector(db, role, password);
            var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
            var samples = await PostgresTestKit.SampleAllAsync(connector, catalog, new SampleOptions { Rows = 100 });
            await connector.DisposeAsync();

            // Then
            await Task.Delay(200);
            var statements = await LoggedStatementsAsync(logFile!, offset, role);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(samples.Values.SelectMany(s => s.Issues), Is.Empty);
                Assert.That(samples["app.customer"].RowCount, Is.EqualTo(100));
                Assert.That(statements.Count(s => s.Contains("FROM \"app\".\"customer\" TABLESAMPLE", StringComparison.Ordinal)), Is.EqualTo(1), "the sample read was logged");
                Assert.That(statements.Count(s => s.Contains("FROM \"app\".\"v_customer\" LIMIT", StringComparison.Ordinal)), Is.EqualTo(1), "the view read was logged");
                Assert.That(statements.Count(s => s.Contains("pg_catalog.pg_class", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(1), "the catalog read was logged");
                foreach (var s in statements)
                {
                    // Comments and string literals are not statements (Npgsql's type-loading query has comments).
                    var code = Regex.Replace(Regex.Replace(s, @"--[^\n]*", " "), @"'(?:[^']|'')*'", "''");
                    var write = Writes().Match(code);
                    Assert.That(write.Success, Is.False, $"write keyword '{write.Value}' in a logged statement");
                }
                Assert.That(statements.Where(s => s.StartsWith("BEGIN", StringComparison.OrdinalIgnoreCase)), Has.All.Contains("READ ONLY"));
                Assert.That(await WriteCountersAsync(db), Is.EqualTo(before));
            }
        }
        finally
        {
            await db.DisposeAsync();
            await PostgresTestKit.AdminExecuteAsync($"DROP ROLE IF EXISTS {role}");
        }
    }

    [GeneratedRegex(@"\b(INSERT|UPDATE|DELETE|MERGE|COPY|CREATE|ALTER|DROP|TRUNCATE|GRANT|REVOKE|VACUUM|ANALYZE|REFRESH|LOCK|CALL|DO|NEXTVAL|SETVAL|SELECT\s+INTO)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Writes();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")]
    private static partial Regex LogLineStart();

    /// <summary>The statements logged for a role after an offset: entries whose prefix holds <c>role@</c> and whose
    /// message is <c>statement:</c> or <c>execute …:</c>, with continuation lines joined.</summary>
    private static async Task<List<string>> LoggedStatementsAsync(string logFile, long offset, string role)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT pg_read_file(@f, @o, (pg_stat_file(@f)).size - @o)", connection);
        cmd.Parameters.AddWithValue("f", logFile);
        cmd.Parameters.AddWithValue("o", offset);
        var text = (string)(await cmd.ExecuteScalarAsync())!;
        var entries = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (LogLineStart().IsMatch(line) || entries.Count == 0) entries.Add(line);
            else entries[^1] += "\n" + line;
        }
        var result = new List<string>();
        foreach (var entry in entries.Where(e => e.Contains($" {role}@", StringComparison.Ordinal)))
        {
            var m = Regex.Match(entry, @"LOG:\s+(?:statement|execute [^:]*):\s(.*)$", RegexOptions.Singleline);
            if (m.Success) result.Add(m.Groups[1].Value.Trim());
        }
        return result;
    }

    private static async Task<string?> ServerLogFileAsync()
    {
        await using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT COALESCE(
              (SELECT CASE WHEN f LIKE '/%' THEN f ELSE current_setting('data_directory') || '/' || f END FROM pg_current_logfile() f),
              (SELECT p FROM (VALUES ('/var/log/postgresql/postgresql-' || current_setting('server_version_num')::int / 10000 || '-main.log')) v(p)
               WHERE (pg_stat_file(p, true)).size IS NOT NULL))
            """, connection);
        return await cmd.ExecuteScalarAsync() as string;
    }

    private static async Task<long> LogSizeAsync(string logFile)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT (pg_stat_file(@f)).size", connection);
        cmd.Parameters.AddWithValue("f", logFile);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<string> WriteCountersAsync(TestDatabase db)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT pg_stat_force_next_flush();
            SELECT string_agg(relname || ':' || n_tup_ins || '/' || n_tup_upd || '/' || n_tup_del, ',' ORDER BY relname) FROM pg_stat_user_tables
            """, connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetString(0);
    }

    /// <summary>A view whose every row sleeps; the scan's backend reading it is terminated. The connector reports a
    /// ConnectorException for that table, the runner records it as an issue, finishes the other tables and returns an
    /// incomplete document.</summary>
    [Test]
    public async Task TerminateBackendMidScan_Runner_ReturnsIncompleteDocumentWithWhatItScanned()
    {
        await using var db = await TestPostgres.CreateAsync("kill", """
            CREATE TABLE a_customer (id int, email text);
            INSERT INTO a_customer VALUES (1, 'ana.k@example.com'), (2, 'b.osei@example.org');
            CREATE TABLE b_orders (id int, total numeric);
            INSERT INTO b_orders VALUES (1, 10), (2, 20);
            CREATE FUNCTION slow_id(i int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(20); RETURN i; END $$;
            CREATE VIEW c_slow AS SELECT slow_id(id) AS id, email FROM a_customer;
            """);
        var source = new SourceConfig
        {
            Name = "app",
            Provider = "postgres",
            Connection = db.ConnectionString,
            Sample = new SampleOptions { StatementTimeout = TimeSpan.FromSeconds(120) },
        };
        var runner = new ScanRunner(new UndecidedClassifier());

        // When: the scan runs, and the backend reading the slow view is terminated
        var scan = runner.RunAsync(new ScanRequest { Sources = [source], Parallelism = 2 });
        int terminated = 0;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (terminated == 0 && DateTime.UtcNow < deadline && !scan.IsCompleted)
        {
            await Task.Delay(100);
            await using var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString);
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity
                WHERE datname = @db AND application_name = 'inventory' AND state = 'active' AND query LIKE '%c_slow%'
                """, admin);
            cmd.Parameters.AddWithValue("db", db.Name);
            terminated = (int)(await cmd.ExecuteScalarAsync())!;
        }
        var document = await scan;

        // Then
        var entry = document.Sources.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(terminated, Is.EqualTo(1), "one backend terminated");
            Assert.That(document.Complete, Is.False);
            Assert.That(entry.Complete, Is.False);
            var issue = document.Issues.Single(i => i.Table == "c_slow");
            Assert.That(issue.Kind, Is.EqualTo("connection-lost"));
            Assert.That(issue.Message, Does.Contain("57P01").And.Contain("connection was lost"));
            Assert.That(entry.Tables.Select(t => t.Name), Is.EquivalentTo(new[] { "a_customer", "b_orders", "c_slow" }));
            Assert.That(entry.Tables.Single(t => t.Name == "a_customer").SampledRows, Is.EqualTo(2));
            Assert.That(entry.Tables.Single(t => t.Name == "b_orders").SampledRows, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task ReadCatalog_WrongPassword_ConnectorExceptionWithoutPassword()
    {
        var secret = "wrong-" + Guid.NewGuid().ToString("N");
        var b = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString) { Password = secret, Pooling = false };
        await using var connector = new PostgresConnector(ConnectionTarget.Parse(b.ConnectionString, "postgres"));
        var e = Assert.ThrowsAsync<ConnectorException>(() => connector.ReadCatalogAsync(CatalogFilter.All));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(e!.SqlState, Is.EqualTo("28P01"));
            Assert.That(e.Provider, Is.EqualTo("postgres"));
            Assert.That(e.Message, Does.Contain("password authentication failed").And.Contain(connector.Target).And.Not.Contain(secret));
        }
    }

    [Test]
    public async Task ReadCatalog_MissingDatabase_ConnectorExceptionSaysSo()
    {
        var b = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString) { Database = "inv_missing_" + Guid.NewGuid().ToString("N")[..8], Pooling = false };
        await using var connector = new PostgresConnector(ConnectionTarget.Parse(b.ConnectionString, "postgres"));
        var e = Assert.ThrowsAsync<ConnectorException>(() => connector.ReadCatalogAsync(CatalogFilter.All));
        Assert.That(e!.SqlState, Is.EqualTo("3D000"));
        Assert.That(e.Message, Does.Contain("database does not exist"));
    }

    [Test]
    public async Task ReadCatalog_UnknownHost_ConnectorExceptionSaysWhatToCheck()
    {
        var target = ConnectionTarget.Parse("postgres://someone:s3cret-pw@inventory-no-such-host.invalid:5432/db", null);
        await using var connector = new PostgresConnector(target);
        var e = Assert.ThrowsAsync<ConnectorException>(() => connector.ReadCatalogAsync(CatalogFilter.All));
        Assert.That(e!.Message, Does.Contain("unknown host: the name in the connection does not resolve").And.Not.Contain("s3cret-pw"));
    }
}
