using Inventory.Cli;
using Inventory.Tests.Support;
using MySqlConnector;
using Npgsql;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Connectors.Registry;

/// <summary>A password that holds a literal <c>%XX</c> (written raw in a URI) is decoded by the URI rules, so the
/// server refuses it: the refusal says the password was percent-decoded and how to write a literal %, and the
/// same password written <c>%25XX</c> connects. Real PostgreSQL and MariaDB servers, never the password in output.</summary>
[TestFixture]
[Category("Integration")]
public sealed class UriPasswordLiveTests
{
    // Meant literally: "p%41ss-" + random. Raw in a URI, %41 decodes to 'A'.
    private static readonly string Password = "p%41ss-" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<(int Code, string Output)> ScanAsync(string connection, string outFile)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var code = await InventoryApp.RunAsync(["scan", "--connection", connection, "--out", outFile], console);
        return (code, console.Output);
    }

    [Test]
    public async Task Postgres_LiteralPercentEscapeRaw_RefusalSaysItWasDecoded_EncodedConnects()
    {
        var admin = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString);
        await using var db = await TestPostgres.CreateAsync("pct");
        var role = "inv_pct_" + Guid.NewGuid().ToString("N")[..10];
        await db.ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD '{Password}'; GRANT CONNECT ON DATABASE \"{db.Name}\" TO {role}");
        var outFile = Path.Combine(Path.GetTempPath(), $"inventory-pct-{Guid.NewGuid():N}.json");
        try
        {
            var raw = await ScanAsync($"postgres://{role}:{Password}@{admin.Host}:{admin.Port}/{db.Name}", outFile);
            var encoded = await ScanAsync($"postgres://{role}:{Uri.EscapeDataString(Password)}@{admin.Host}:{admin.Port}/{db.Name}", outFile);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(raw.Code, Is.EqualTo(ExitCodes.BadInput), raw.Output);
                Assert.That(raw.Output, Does.Contain("password authentication failed").And.Contain("the URI's password held %XX escapes, which were decoded (a literal % in a password is written %25)"));
                Assert.That(raw.Output, Does.Not.Contain(Password[7..]));
                Assert.That(encoded.Code, Is.EqualTo(ExitCodes.Ok), encoded.Output);
            }
        }
        finally
        {
            File.Delete(outFile);
            NpgsqlConnection.ClearAllPools();
            await db.DisposeAsync();
            await using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS {role}", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Test]
    public async Task MySql_LiteralPercentEscapeRaw_RefusalSaysItWasDecoded_EncodedConnects()
    {
        var admin = new MySqlConnectionStringBuilder(TestMySql.AdminConnectionString);
        await using var db = await TestMySql.CreateAsync("pct");
        var user = "inv_pct_" + Guid.NewGuid().ToString("N")[..10];
        var outFile = Path.Combine(Path.GetTempPath(), $"inventory-pct-{Guid.NewGuid():N}.json");
        await TestMySql.ExecuteAdminAsync($"CREATE USER '{user}'@'%' IDENTIFIED BY '{Password}'; GRANT SELECT ON `{db.Name}`.* TO '{user}'@'%'");
        try
        {
            var raw = await ScanAsync($"mysql://{user}:{Password}@{admin.Server}:{admin.Port}/{db.Name}?ssl-mode=disabled", outFile);
            var encoded = await ScanAsync($"mysql://{user}:{Uri.EscapeDataString(Password)}@{admin.Server}:{admin.Port}/{db.Name}?ssl-mode=disabled", outFile);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(raw.Code, Is.EqualTo(ExitCodes.BadInput), raw.Output);
                Assert.That(raw.Output, Does.Contain("access denied").And.Contain("the URI's password held %XX escapes, which were decoded (a literal % in a password is written %25)"));
                Assert.That(raw.Output, Does.Not.Contain(Password[7..]));
                Assert.That(encoded.Code, Is.EqualTo(ExitCodes.Ok), encoded.Output);
            }
        }
        finally
        {
            File.Delete(outFile);
            MySqlConnection.ClearAllPools();
            await TestMySql.ExecuteAdminAsync($"DROP USER IF EXISTS '{user}'@'%'");
        }
    }
}
