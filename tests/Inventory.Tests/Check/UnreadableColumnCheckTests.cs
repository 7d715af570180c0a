using Inventory.Cli;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Check;

/// <summary>A column the scanner's role may not read is classified from its name and type alone: <c>check</c> says so
/// next to the suggestion it prints. Real PostgreSQL, column-level grants, the real classifier, through the CLI.</summary>
[TestFixture]
[Category("Integration")]
public sealed class UnreadableColumnCheckTests
{
    [Test]
    public async Task Check_ColumnWithoutSelectPrivilege_SaysNotSampledNamesOnly()
    {
        // Given a role that may read staff.id and staff.full_name but not staff.email
        var admin = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString);
        await using var db = await TestPostgres.CreateAsync("unread",
            "CREATE TABLE staff (id int PRIMARY KEY, full_name text, email text);" +
            "INSERT INTO staff SELECT g, 'Person ' || g, 'person' || g || '@example.com' FROM generate_series(1, 40) g;");
        var role = "inv_unread_" + Guid.NewGuid().ToString("N")[..10];
        const string password = "pw-unread-1";
        await db.ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD '{password}'; GRANT SELECT (id, full_name) ON staff TO {role}");
        var dir = Path.Combine(Path.GetTempPath(), $"inventory-unread-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(dir, "annotations"));
        try
        {
            var inventory = Path.Combine(dir, "inventory.json");
            var scanConsole = new TestConsole();
            var scan = await InventoryApp.RunAsync(["scan", "--connection", $"postgres://{role}:{password}@{admin.Host}:{admin.Port}/{db.Name}", "--out", inventory],
                scanConsole, new StringWriter());

            // When checked
            var console = new TestConsole();
            console.Profile.Width = 400;
            var check = await InventoryApp.RunAsync(["check", "--inventory", inventory, "--annotations", Path.Combine(dir, "annotations")], console, new StringWriter());

            // Then the email line says it was not sampled and that its suggestion comes from the name and type alone
            var email = console.Output.Split('\n').Single(l => l.StartsWith("staff.email ", StringComparison.Ordinal));
            var name = console.Output.Split('\n').Single(l => l.StartsWith("staff.full_name ", StringComparison.Ordinal));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(scan, Is.EqualTo(ExitCodes.ScanIncomplete), scanConsole.Output);
                Assert.That(check, Is.EqualTo(ExitCodes.GateFailed));
                Assert.That(email, Does.Contain("untagged: no annotation; not sampled (no-privilege): classified from its name and type alone  suggested: contact.email"));
                Assert.That(name, Does.Not.Contain("not sampled"), "a sampled column gets no such note");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
            NpgsqlConnection.ClearAllPools();
            await db.DisposeAsync();
            await using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS {role}", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
