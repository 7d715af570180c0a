using Inventory.Catalog;
using Inventory.Cli;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Scanning;

/// <summary>Issue 10 (held-back kind of C03/C14): pay and contact columns the scanner's role may not read are suggested
/// from their names (financial, contact), never a confident <c>none</c>; bookkeeping beside them stays <c>none</c>. Real PostgreSQL, column-level grants, the real scan and classifier through the CLI.</summary>
[TestFixture]
[Category("Integration")]
public sealed class UnreadablePayColumnsLiveTests
{
    [Test]
    public async Task Scan_PayColumnsWithoutSelectPrivilege_LeanToTheirNamesCategory()
    {
        // Given an HR table whose pay and contact columns the scanning role may not read
        var admin = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString);
        await using var db = await TestPostgres.CreateAsync("kinds18_pay",
            "CREATE TABLE employees (id int PRIMARY KEY, full_name text, salary numeric(10,2), bonus numeric(10,2), gross_pay numeric(10,2), " +
            "bruttogehalt numeric(10,2), sueldo_base numeric(10,2), prime numeric(10,2), personal_email text, status text, pay_period text, created_at timestamptz);" +
            "INSERT INTO employees SELECT g, 'Person ' || g, 1000 + g, g, 1000 + g, 1000 + g, 900 + g, g, 'p' || g || '@example.com', 'active', 'monthly', now() " +
            "FROM generate_series(1, 40) g;");
        var role = "inv_kinds18_" + Guid.NewGuid().ToString("N")[..10];
        const string password = "pw-kinds18-1";
        await db.ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD '{password}'; GRANT SELECT (id, full_name) ON employees TO {role}");
        var dir = Path.Combine(Path.GetTempPath(), $"inventory-kinds18-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            // When scanned as that role
            var inventory = Path.Combine(dir, "inventory.json");
            var console = new TestConsole();
            var scan = await InventoryApp.RunAsync(["scan", "--connection", $"postgres://{role}:{password}@{admin.Host}:{admin.Port}/{db.Name}", "--out", inventory],
                console, new StringWriter());
            var columns = InventoryJson.Read(inventory).AllTables().Single(t => t.Table.Name == "employees").Table.Columns.ToDictionary(c => c.Name);

            // Then each unreadable personal column leans to its name's category; bookkeeping stays none
            using (Assert.EnterMultipleScope())
            {
                Assert.That(scan, Is.EqualTo(ExitCodes.ScanIncomplete), console.Output);
                foreach (var pay in new[] { "salary", "bonus", "gross_pay", "bruttogehalt", "sueldo_base", "prime" })
                {
                    Assert.That(columns[pay].NotSampled, Is.EqualTo(NotSampledReason.NoPrivilege), pay);
                    Assert.That(columns[pay].DataCategory is { } d ? DataCategory.TopLevelOf(d) : null, Is.EqualTo("financial"), pay);
                    // Tagged or not is the calibrated names-only combination's call where the model agrees with the name (the
                    // retrained model with table signals reads `salary` in a payroll table as financial at >= 0.9); where it
                    // does not, the lean gives a low confidence (UnreadableColumnAdversarialTests).
                }
                Assert.That(columns["personal_email"].DataCategory, Is.EqualTo("contact.email"));
                Assert.That(columns["status"].DataCategory, Is.EqualTo("none"));
                Assert.That(columns["pay_period"].DataCategory, Is.EqualTo("none"));
                Assert.That(columns["full_name"].NotSampled, Is.Null, "a readable column is sampled");
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
