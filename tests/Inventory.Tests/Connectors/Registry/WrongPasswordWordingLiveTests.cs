using Inventory.Cli;
using Inventory.Connectors;
using Inventory.Tests.Support;
using MySqlConnector;
using Npgsql;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Connectors.Registry;

/// <summary>Trial 28 finding 11: a refused password gives one advice on every engine, naming the environment variable
/// the connection may come from (MariaDB's said only "check the user and password of the connection"). Real PostgreSQL
/// and MariaDB servers; the password never appears in the output.</summary>
[TestFixture]
[Category("Integration")]
public sealed class WrongPasswordWordingLiveTests
{
    private static readonly string Wrong = "wrong-" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<(int Code, string Output)> ScanAsync(string connection)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var outFile = Path.Combine(Path.GetTempPath(), $"inventory-pw-{Guid.NewGuid():N}.json");
        var code = await InventoryApp.RunAsync(["scan", "--connection", connection, "--out", outFile], console);
        File.Delete(outFile);
        return (code, console.Output);
    }

    [Test]
    public async Task MySql_WrongPassword_SharedAdviceNamesTheEnvironmentVariable()
    {
        var admin = new MySqlConnectionStringBuilder(TestMySql.AdminConnectionString);

        var (code, output) = await ScanAsync($"mysql://{admin.UserID}:{Wrong}@{admin.Server}:{admin.Port}/mysql?ssl-mode=disabled");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput), output);
            Assert.That(output, Does.Contain("access denied for user '" + admin.UserID + "'"));
            Assert.That(output.Contains(ConnectionTarget.CheckCredentials, StringComparison.Ordinal), Is.True, output);
            Assert.That(output, Does.Contain("(or the environment variable it comes from)"));
            Assert.That(output.Contains(Wrong, StringComparison.Ordinal), Is.False);
        }
    }

    [Test]
    public async Task Postgres_WrongPassword_SameAdvice()
    {
        var admin = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString);

        var (code, output) = await ScanAsync($"postgres://{admin.Username}:{Wrong}@{admin.Host}:{admin.Port}/postgres");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput), output);
            Assert.That(output.Contains(ConnectionTarget.CheckCredentials, StringComparison.Ordinal), Is.True, output);
            Assert.That(output.Contains(Wrong, StringComparison.Ordinal), Is.False);
        }
    }
}
