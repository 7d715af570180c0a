using System.Text.Json;
using Inventory.Catalog;
using Inventory.Cli;
using Inventory.Connectors;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Connectors.MySql;

/// <summary>MariaDB system-versioned tables (<c>WITH SYSTEM VERSIONING</c>) on the real server: the catalog says the
/// table keeps its rows' history (plain and history-partitioned tables alike, as a SELECT-only user sees them), sampling
/// reads the current rows only, and deletion-path reports the versioned table holding tagged personal data.</summary>
[TestFixture]
[Category("Integration")]
public sealed class MySqlRowHistoryTests
{
    private const string Schema = """
        CREATE TABLE users (id int PRIMARY KEY, email varchar(80)) WITH SYSTEM VERSIONING;
        CREATE TABLE addresses (id int PRIMARY KEY, user_id int, street varchar(120),
          CONSTRAINT addresses_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE) WITH SYSTEM VERSIONING;
        CREATE TABLE consents (id int PRIMARY KEY, user_id int, ip varchar(45))
          WITH SYSTEM VERSIONING PARTITION BY SYSTEM_TIME (PARTITION p_hist HISTORY, PARTITION p_cur CURRENT);
        CREATE TABLE sessions (id int PRIMARY KEY, user_id int, ip varchar(45),
          CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);
        INSERT INTO users SELECT seq, CONCAT('person', seq, '@example.org') FROM seq_1_to_60;
        INSERT INTO addresses SELECT seq, seq, CONCAT(seq, ' rue des Lilas') FROM seq_1_to_60;
        INSERT INTO sessions SELECT seq, seq, CONCAT('192.0.2.', seq) FROM seq_1_to_60;
        INSERT INTO consents SELECT seq, seq, CONCAT('198.51.100.', seq) FROM seq_1_to_60;
        DELETE FROM consents WHERE id > 40;
        DELETE FROM sessions WHERE id > 40;
        DELETE FROM addresses WHERE id > 40;
        DELETE FROM users WHERE id > 40;
        """;

    [Test]
    public async Task ReadCatalog_SystemVersionedTables_HistoryKeptOnlyOnThem()
    {
        await using var db = await TestMySql.CreateAsync("rowhist", Schema);
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(await db.CreateUserAsync()));

        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        var history = catalog.Tables.ToDictionary(t => t.Name, t => t.History?.Mechanism ?? "-");
        Assert.That(history, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["addresses"] = RowHistory.SystemVersioning, ["users"] = RowHistory.SystemVersioning, ["sessions"] = "-",
            ["consents"] = RowHistory.SystemVersioning,
        }));
        Assert.That(catalog.Tables.Single(t => t.Name == "users").PrimaryKey, Is.EqualTo(new[] { "id" }), "not MariaDB's hidden row_end");
        Assert.That(catalog.Tables.Single(t => t.Name == "consents").Partitions, Is.EqualTo(new[] { "p_hist", "p_cur" }), "history partitions folded under the table");
    }

    [Test]
    public async Task ScanAndReport_VersionedAccountAndCascadedTables_SampledCurrentRowsAndDeletionPathNamesTheHistory()
    {
        await using var db = await TestMySql.CreateAsync("rowhist", Schema);
        using var dir = new TempFolder();
        var inventory = Path.Combine(dir.Path, "inventory.json");
        var annotations = Path.Combine(dir.Path, "annotations");
        Directory.CreateDirectory(annotations);
        File.WriteAllText(Path.Combine(annotations, "users.yml"), "table: users\nactivity: account-management\ncolumns:\n  id: none\n  email: contact.email\n");
        File.WriteAllText(Path.Combine(annotations, "addresses.yml"), "table: addresses\nactivity: account-management\ncolumns:\n  id: none\n  user_id: none\n  street: contact.postal_address\n");
        File.WriteAllText(Path.Combine(annotations, "consents.yml"), "table: consents\nactivity: account-management\ncolumns:\n  id: none\n  user_id: none\n  ip: automatic.ip_address\n");
        File.WriteAllText(Path.Combine(annotations, "sessions.yml"), "table: sessions\nactivity: service-operation\ncolumns:\n  id: none\n  user_id: none\n  ip: automatic.ip_address\n");

        var (scanCode, scanOutput) = await RunAsync("scan", "--connection", await db.CreateUserAsync(), "--out", inventory);
        Assert.That(scanCode, Is.EqualTo(ExitCodes.Ok), scanOutput);
        using (var document = JsonDocument.Parse(File.ReadAllText(inventory)))
        {
            var tables = document.RootElement.GetProperty("sources")[0].GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(tables["users"].GetProperty("history").GetProperty("mechanism").GetString(), Is.EqualTo("system-versioning"));
                Assert.That(tables["sessions"].TryGetProperty("history", out _), Is.False);
                // The history's 20 deleted rows are not sampled: a SELECT reads the current rows only.
                Assert.That(tables["users"].GetProperty("sampledRows").GetInt32(), Is.EqualTo(40));
                Assert.That(tables["addresses"].GetProperty("sampledRows").GetInt32(), Is.EqualTo(40));
                Assert.That(tables["consents"].GetProperty("sampledRows").GetInt32(), Is.EqualTo(40));
            }
        }

        var claim = await BuiltinPolicyClaim.ReportAsync(inventory, annotations, "deletion-path");
        var findings = claim.Findings.ToDictionary(f => f.Location, f => f.Reason);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(claim.Verdict, Is.EqualTo("violated"));
            Assert.That(findings.Keys, Is.EquivalentTo(new[] { "default/users", "default/addresses", "default/consents" }),
                "sessions is erased by CASCADE and keeps no history");
            Assert.That(findings["default/users"], Does.Contain("DELETE HISTORY FROM users BEFORE SYSTEM_TIME NOW() - INTERVAL 1 DAY on a schedule")
                .And.Contain("earlier values of updated ones"));
            Assert.That(findings["default/addresses"], Does.Contain("keeps the earlier versions of its rows (system-versioning)"));
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var code = await InventoryApp.RunAsync(args, console);
        return (code, console.Output);
    }
}
