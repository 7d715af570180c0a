using System.Net.Sockets;
using Inventory.Catalog;
using Inventory.Connectors;
using Inventory.Connectors.SqlServer;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.SqlServer;

/// <summary>SQL Server connection failures become one line that says what failed, never "error 0" and never the
/// password: the mapping over SqlClient's number/class facts (SqlException has no public constructor), and the real
/// SqlExceptions SqlClient raises here without a SQL Server (refused port, unknown host, another protocol on the port).</summary>
[TestFixture]
public sealed class SqlServerConnectErrorsTests
{
    private static SqlConnectFailure Failure(int number, byte @class = 14, bool connected = true, SocketError? socket = null, bool tls = false, bool timedOut = false) =>
        new(number, @class, connected, socket, tls, timedOut);

    [TestCase(18456, "login failed for user 'scanner': check the user and password of the connection (or the environment variable it comes from), and that the server allows SQL Server authentication")]
    [TestCase(18486, "login failed for user 'scanner': the account is locked out")]
    [TestCase(18488, "login failed for user 'scanner': the password has expired or must be changed")]
    [TestCase(4060, "database unavailable: it does not exist, or user 'scanner' may not open it")]
    [TestCase(40613, "database unavailable: Azure SQL reports it is not currently available")]
    [TestCase(40615, "the server's firewall refuses this client's IP address")]
    [TestCase(4064, "the default database of user 'scanner' cannot be opened: name a database")]
    public void Describe_ServerErrorNumber_SaysWhatFailed(int number, string expected) =>
        Assert.That(SqlServerConnectErrors.Describe(Failure(number), "scanner"), Does.StartWith(expected));

    [Test]
    public void Describe_NetworkFailures_SayHostNotFoundUnreachableOrTimedOut()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SqlServerConnectErrors.Describe(Failure(11001, 20, connected: false, SocketError.HostNotFound), "u"), Does.StartWith("host not found"));
            Assert.That(SqlServerConnectErrors.Describe(Failure(0, 20, connected: false, SocketError.HostNotFound), "u"), Does.StartWith("host not found"));
            Assert.That(SqlServerConnectErrors.Describe(Failure(10061, 20, connected: false), "u"), Does.StartWith("host unreachable"));
            // SqlClient on Linux reports a refused port as number 0 with a socket exception underneath.
            Assert.That(SqlServerConnectErrors.Describe(Failure(0, 20, connected: false, SocketError.Success), "u"), Does.StartWith("host unreachable"));
            Assert.That(SqlServerConnectErrors.Describe(Failure(0, 20, connected: false, SocketError.NetworkUnreachable), "u"), Does.StartWith("host unreachable"));
            Assert.That(SqlServerConnectErrors.Describe(Failure(-2, 11, connected: false), "u"), Does.StartWith("connecting timed out"));
            Assert.That(SqlServerConnectErrors.Describe(Failure(0, 20, connected: false, SocketError.TimedOut), "u"), Does.StartWith("connecting timed out"));
            Assert.That(SqlServerConnectErrors.Describe(Failure(0, 20, connected: false, timedOut: true), "u"), Does.StartWith("connecting timed out"));
            Assert.That(SqlServerConnectErrors.Describe(Failure(26, 20, connected: false), "u"), Does.StartWith("the SQL Server instance was not found"));
        }
    }

    [TestCase(0, true)]                                   // an AuthenticationException underneath (managed SNI)
    [TestCase(unchecked((int)0x80090325), false)]          // SEC_E_UNTRUSTED_ROOT (native SNI)
    [TestCase(unchecked((int)0x800B010F), false)]          // CERT_E_CN_NO_MATCH
    public void Describe_TlsFailure_SaysCertificate(int number, bool tls) =>
        Assert.That(SqlServerConnectErrors.Describe(Failure(number, 20, tls: tls), "u"), Does.StartWith("TLS/certificate check failed"));

    [Test]
    public void Describe_ConnectedThenClassTwentyWithoutNumber_SaysHandshake() =>
        Assert.That(SqlServerConnectErrors.Describe(Failure(0, 20, connected: true), "u"), Does.StartWith("connected, but the pre-login (TLS) handshake failed"));

    [Test]
    public void Describe_UnknownNumber_NamesNumberAndSeverity() =>
        Assert.That(SqlServerConnectErrors.Describe(Failure(50123, 16), "u"), Is.EqualTo("cannot connect (SQL Server error 50123, severity 16); check host, port and encryption settings"));

    [TestCase(0, ExpectedResult = null)]
    [TestCase(18456, ExpectedResult = "18456")]
    public string? State_ZeroIsNoNumber(int number) => SqlServerConnectErrors.State(Failure(number));

    // ---- the real exceptions SqlClient raises, through the connector ----

    private static async Task<ConnectorException> ConnectAsync(string hostAndPort, string password)
    {
        await using var connector = new SqlServerConnector(ConnectionTarget.Parse($"sqlserver://scanner:{Uri.EscapeDataString(password)}@{hostAndPort}/App?Connect Timeout=5", null));
        return Assert.ThrowsAsync<ConnectorException>(() => connector.ReadCatalogAsync(CatalogFilter.All))!;
    }

    private static int FreeTcpPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Test]
    public async Task ReadCatalog_PortWithNothingListening_HostUnreachableWithoutErrorZeroOrPassword()
    {
        var password = "pw-" + Guid.NewGuid().ToString("N")[..10];
        var e = await ConnectAsync($"127.0.0.1:{FreeTcpPort()}", password);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(e.Message, Does.Contain(": host unreachable: nothing accepts connections"));
            Assert.That(e.Message, Does.Not.Contain("error 0").And.Not.Contain("SQLSTATE 0").And.Not.Contain(password).And.Not.Contain("\n"));
            Assert.That(e.SqlState, Is.Null);
        }
    }

    [Test]
    public async Task ReadCatalog_UnknownHost_HostNotFound()
    {
        var password = "pw-" + Guid.NewGuid().ToString("N")[..10];
        var e = await ConnectAsync("inventory-no-such-host.invalid:1433", password);
        Assert.That(e.Message, Does.Contain(": host not found: the host name does not resolve").And.Not.Contain(password));
    }

    [Test]
    [Category("Integration")]
    public async Task ReadCatalog_PostgresPort_HandshakeFailedNotErrorZero()
    {
        // A real server of another protocol (the test PostgreSQL) accepts the TCP connection and fails SQL Server's pre-login.
        var pg = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString);
        var password = "pw-" + Guid.NewGuid().ToString("N")[..10];
        var e = await ConnectAsync($"{pg.Host}:{pg.Port}", password);
        Assert.That(e.Message, Does.Contain(": connected, but the pre-login (TLS) handshake failed").And.Not.Contain("error 0").And.Not.Contain(password));
    }
}
