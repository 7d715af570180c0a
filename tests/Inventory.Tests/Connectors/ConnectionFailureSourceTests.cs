using System.Net;
using System.Net.Sockets;
using Inventory.Config;
using Inventory.Connectors;
using Inventory.Pipeline;
using Inventory.Tests.Support;
using MySqlConnector;
using Npgsql;
using NUnit.Framework;

namespace Inventory.Tests.Connectors;

/// <summary>
/// Trial35 finding 12: a wrong password, an unknown host and a refused port named neither the source nor the environment
/// variable its connection came from, and all read "unknown host, refused or unreachable". Now the error names the
/// source, where its connection is written and the variable (<c>source 'panel' (connection at inventory.yml:3:17, from
/// ${PANEL_DB})</c>), says which failure it was, states the connect timeout it waited, and never holds the password
/// (a canary). Real PostgreSQL and MariaDB servers; the refused port is a port of 127.0.0.1 nobody listens on.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class ConnectionFailureSourceTests
{
    private const string Canary = "Canary7e3b!pw";
    private const string Variable = "PANEL_DB";
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), $"inventory-connect-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>A port of 127.0.0.1 that nothing listens on (bound by the system, then released).</summary>
    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string PostgresUri(int? port = null)
    {
        var admin = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString);
        return $"postgres://{admin.Username}:{Uri.EscapeDataString(Canary)}@{admin.Host}:{port ?? admin.Port}/postgres";
    }

    private static string MySqlUri(int? port = null)
    {
        var admin = new MySqlConnectionStringBuilder(TestMySql.AdminConnectionString);
        return $"mysql://{admin.UserID}:{Uri.EscapeDataString(Canary)}@{admin.Server}:{port ?? (int)admin.Port}/mysql?ssl-mode=none";
    }

    /// <summary>Scans the config's sources with <c>${PANEL_DB}</c> set to <paramref name="connection"/>.</summary>
    private async Task<Exception?> ScanAsync(string configText, string connection)
    {
        var path = Path.Combine(_folder, "inventory.yml");
        await File.WriteAllTextAsync(path, configText);
        var config = InventoryConfig.Load(path, name => name == Variable ? connection : name == "OTHER_DB" ? $"sqlite:{Path.Combine(_folder, "other.db")}" : null);
        var flow = new InventoryFlow(config, _folder);
        try
        {
            var document = await flow.ScanAsync(flow.CreateScanRequest(maskedExamples: false));
            return document.Issues.FirstOrDefault(i => i.Kind == "connection-failed") is { } issue ? new InventoryException(issue.Message) : null;
        }
        catch (ConnectorException e)
        {
            return e;
        }
    }

    private const string OneSource = "sources:\n  - name: panel\n    connection: ${PANEL_DB}\n";

    private static void AssertNamesSource(Exception? error, string engineDisplay, string cause)
    {
        Assert.That(error, Is.Not.Null, "the scan failed");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message, Does.Contain("source 'panel' (connection at inventory.yml:3:17, from ${PANEL_DB}): " + engineDisplay));
            Assert.That(error.Message, Does.Contain(cause));
            Assert.That(error.ToString(), Does.Not.Contain(Canary).And.Not.Contain(Uri.EscapeDataString(Canary)), "never the password");
        }
    }

    [Test]
    public async Task Postgres_WrongPassword_NamesSourceVariableAndNeverThePassword()
    {
        var error = await ScanAsync(OneSource, PostgresUri());
        AssertNamesSource(error, "postgres ", "password authentication failed for user");
    }

    [Test]
    public async Task MySql_WrongPassword_NamesSourceVariableAndNeverThePassword()
    {
        var error = await ScanAsync(OneSource, MySqlUri());
        AssertNamesSource(error, "mysql ", "access denied for user");
    }

    [Test]
    public async Task Postgres_RefusedPort_SaysRefusedNotUnknownHost()
    {
        var port = UnusedPort();
        var error = await ScanAsync(OneSource, PostgresUri(port));
        AssertNamesSource(error, $"postgres 127.0.0.1:{port}/postgres", "connection refused: nothing listens on that port of the host; check the port, and that PostgreSQL is running there");
    }

    [Test]
    public async Task MySql_RefusedPort_SaysRefusedNotUnknownHost()
    {
        var port = UnusedPort();
        var error = await ScanAsync(OneSource, MySqlUri(port));
        AssertNamesSource(error, $"mysql 127.0.0.1:{port}/mysql", "connection refused: nothing listens on that port of the host; check the port, and that MySQL/MariaDB is running there");
    }

    [Test]
    public async Task MySql_UnknownHost_SaysTheNameDoesNotResolve()
    {
        // .invalid never resolves (RFC 2606).
        var error = await ScanAsync(OneSource, $"mysql://scanner:{Uri.EscapeDataString(Canary)}@no-such-host.invalid:3306/shop");
        AssertNamesSource(error, "mysql no-such-host.invalid:3306/shop", "unknown host: the name in the connection does not resolve");
    }

    [Test]
    public async Task Postgres_UnknownHost_SaysTheNameDoesNotResolve()
    {
        var error = await ScanAsync(OneSource, $"postgres://scanner:{Uri.EscapeDataString(Canary)}@no-such-host.invalid:5432/shop");
        AssertNamesSource(error, "postgres no-such-host.invalid:5432/shop", "unknown host: the name in the connection does not resolve");
    }

    [Test]
    public async Task TwoSources_OneWithWrongPassword_IssueNamesItsSourceAndVariable()
    {
        // Given a fleet of two: a SQLite file and a MariaDB source whose password is wrong
        await using (var sqlite = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_folder, "other.db")};Pooling=False"))
        {
            await sqlite.OpenAsync();
            await using var create = sqlite.CreateCommand();
            create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY)";
            await create.ExecuteNonQueryAsync();
        }
        var config = "sources:\n  - name: other\n    connection: ${OTHER_DB}\n  - name: panel\n    connection: ${PANEL_DB}\n";

        // When scanned
        var issue = await ScanAsync(config, MySqlUri());

        // Then the connection-failed issue names the source, its place and variable; never the password
        Assert.That(issue, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            // The issue names the source (its Source field, printed before it); its message names it no more (fixes36 left "source" twice).
            var admin = new MySqlConnectionStringBuilder(TestMySql.AdminConnectionString);
            Assert.That(issue!.Message, Is.EqualTo("source not scanned (connection at inventory.yml:5:17, from ${PANEL_DB}): "
                + $"mysql {admin.Server}:{admin.Port}/mysql: access denied for user '{admin.UserID}' (wrong password, or the user may not connect from this host): "
                + "check the user and password of the connection (or the environment variable it comes from); "
                + "the URI's password held %XX escapes, which were decoded (a literal % in a password is written %25) (SQLSTATE 28000)"));
            Assert.That(issue.Message, Does.Not.Contain(Canary));
        }
    }

    [Test]
    public async Task ConfigConnectTimeout_SetOnTheDriverAndStatedWhenNoAnswer()
    {
        // Given a config with sample.connect-timeout 3s
        var path = Path.Combine(_folder, "inventory.yml");
        await File.WriteAllTextAsync(path, OneSource + "    sample: { connect-timeout: 2500ms }\n");
        var config = InventoryConfig.Load(path, _ => PostgresUri());
        var source = config.Sources.Single();

        // Then each engine's driver gets it in whole seconds, rounded up
        var postgres = ConnectionTarget.Parse(PostgresUri()).WithConnectTimeout(source.Sample.ConnectTimeout);
        var mysql = ConnectionTarget.Parse(MySqlUri()).WithConnectTimeout(source.Sample.ConnectTimeout);
        var sqlite = ConnectionTarget.Parse("sqlite:x.db").WithConnectTimeout(source.Sample.ConnectTimeout);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(source.Sample.ConnectTimeout, Is.EqualTo(TimeSpan.FromMilliseconds(2500)));
            Assert.That(new NpgsqlConnectionStringBuilder(postgres.ConnectionString).Timeout, Is.EqualTo(3));
            Assert.That(new MySqlConnectionStringBuilder(mysql.ConnectionString).ConnectionTimeout, Is.EqualTo(3u));
            Assert.That(postgres.ConnectTimeout, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(ConnectionTarget.Parse(PostgresUri()).ConnectTimeout, Is.EqualTo(TimeSpan.FromSeconds(15)), "the driver's default");
            Assert.That(sqlite.ConnectTimeout, Is.Null);
            // A silent host: the message states what was waited and how to change it.
            Assert.That(ServerUnreachable.Describe(new NpgsqlException("x", new TimeoutException()), "PostgreSQL", postgres),
                Does.StartWith("no answer from the server within the connect timeout (3 s)").And.Contain("--connect-timeout"));
            Assert.That(postgres.ConnectionString, Does.Contain(Canary), "the password is kept for the driver");
        }
    }
}
