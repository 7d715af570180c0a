using Inventory.Catalog;
using Inventory.Config;
using Inventory.Connectors;
using Inventory.Tests.Support;
using MySqlConnector;
using Npgsql;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Registry;

/// <summary>
/// Trial 18: connection failures that the drivers report without a SQLSTATE read "driver error (NpgsqlException)" or
/// "cannot reach the server" although a server answered. Each is provoked on the real servers: a PostgreSQL connection
/// pointed at the MariaDB port and the other way round, a PostgreSQL connection without a password, and a certificate
/// the client refuses, a passfile that does not exist (an internal error, exit 70, before). Every message names what to check and never the password.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class ConnectFailureMessageLiveTests
{
    private static (string Host, int Port) MySqlEndpoint()
    {
        var b = new MySqlConnectionStringBuilder(TestMySql.AdminConnectionString);
        return (b.Server, (int)b.Port);
    }

    private static (string Host, int Port) PostgresEndpoint()
    {
        var b = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString);
        return (b.Host!, b.Port);
    }

    private static ConnectorException Fails(string connection, string provider)
    {
        var target = ConnectionTarget.Parse(connection, provider);
        var connector = ConnectorFactory.Create(target);
        try
        {
            return Assert.ThrowsAsync<ConnectorException>(() => connector.ReadCatalogAsync(CatalogFilter.All))!;
        }
        finally
        {
            connector.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Test]
    public void Postgres_OnTheMariaDbPort_SaysTheServerIsNotPostgres()
    {
        var (host, port) = MySqlEndpoint();
        var secret = "pw-" + Guid.NewGuid().ToString("N");
        var e = Fails($"Host={host};Port={port};Username=scanner;Password={secret};Database=app;Pooling=false;Timeout=10", "postgres");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(e.Message, Does.Contain("did not answer as a PostgreSQL server").And.Contain("check host and port"));
            Assert.That(e.Message, Does.Not.Contain("driver error").And.Not.Contain(secret));
        }
    }

    [Test]
    public void Postgres_WithoutPassword_SaysThePasswordIsMissing()
    {
        // An empty passfile, so that no ~/.pgpass of the machine supplies the password.
        var passfile = Path.Combine(Path.GetTempPath(), "empty-passfile-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(passfile, "");
        var b = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString) { Password = null, Passfile = passfile, Pooling = false };
        var e = Fails(b.ConnectionString, "postgres");
        File.Delete(passfile);
        if (e.SqlState is "28P01" or "28000") Assert.Ignore($"the server refused the role itself (SQLSTATE {e.SqlState}) instead of asking for a password");
        Assert.That(e.Message, Does.Contain("asks for a password and the connection gives none").And.Not.Contain("driver error"));
    }

    [Test]
    public async Task Postgres_CertificateRefused_SaysTls()
    {
        await using (var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand("SHOW ssl", admin);
            if (await cmd.ExecuteScalarAsync() is not "on") Assert.Ignore("this server offers no TLS, so no certificate can be refused");
        }
        // A root certificate that signed nothing the server holds: the server's certificate is refused under verify-full.
        var b = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString)
        {
            SslMode = SslMode.VerifyFull, RootCertificate = WriteUnrelatedRootCertificate(), Pooling = false,
        };
        var e = Fails(b.ConnectionString, "postgres");
        Assert.That(e.Message, Does.Contain("TLS could not be set up").And.Contain("sslmode").And.Not.Contain("driver error"));
    }

    [Test]
    public void Postgres_PassfileMissing_SaysSoNotInternalError()
    {
        var missing = Path.Combine(Path.GetTempPath(), "inventory-missing-" + Guid.NewGuid().ToString("N"), "pgpass");
        var b = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString) { Password = null, Passfile = missing, Pooling = false };
        var e = Fails(b.ConnectionString, "postgres");
        Assert.That(e.Message, Does.Contain("a file the connection string names").And.Contain("does not exist").And.Not.Contain("network"));
    }

    [Test]
    public void MySql_OnThePostgresPort_SaysNoMySqlServerAnswered()
    {
        var (host, port) = PostgresEndpoint();
        _ = TestMySql.AdminConnectionString; // a MySQL test: skipped like the others without a MariaDB/MySQL server
        var secret = "pw-" + Guid.NewGuid().ToString("N");
        var e = Fails($"Server={host};Port={port};User ID=scanner;Password={secret};Database=app;Pooling=false;Connection Timeout=3;SslMode=None", "mysql");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(e.Message, Does.Contain("no answer from the server within the connect timeout").And.Contain("another service listens on that port"));
            Assert.That(e.Message, Does.Not.Contain("unknown host").And.Not.Contain(secret));
        }
    }

    [Test]
    public async Task Postgres_RoleWithoutConnect_NamesTheGrantAndTheSqlStateOnce()
    {
        // Trial 19: "cannot connect: permission denied (SQLSTATE 42501); check the connection settings (SQLSTATE 42501)".
        var role = $"inv_noconn_{Guid.NewGuid():N}"[..22];
        var secret = "pw-" + Guid.NewGuid().ToString("N");
        await using var database = await TestPostgres.CreateAsync("noconnect", "CREATE TABLE t (id int);");
        await using (var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE ROLE \"{role}\" LOGIN PASSWORD '{secret}'; REVOKE CONNECT ON DATABASE \"{database.Name}\" FROM PUBLIC;", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        try
        {
            var (host, port) = PostgresEndpoint();
            var e = Fails($"Host={host};Port={port};Username={role};Password={secret};Database={database.Name};Pooling=false", "postgres");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(e.SqlState, Is.EqualTo("42501"));
                Assert.That(e.Message, Does.Contain($"user '{role}' may not connect to database '{database.Name}'"));
                Assert.That(e.Message, Does.Contain($"GRANT CONNECT ON DATABASE \"{database.Name}\" TO \"{role}\""));
                Assert.That(e.Message.Split("SQLSTATE").Length - 1, Is.EqualTo(1), e.Message);
                Assert.That(e.Message, Does.Not.Contain(secret));
            }
        }
        finally
        {
            await using var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString);
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP ROLE IF EXISTS \"{role}\"", admin);
            await cmd.ExecuteNonQueryAsync();
        }
    }

    private static string WriteUnrelatedRootCertificate()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=inventory-test-unrelated-root", key, System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(Path.GetTempPath(), "inventory-unrelated-root-" + Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }
}
