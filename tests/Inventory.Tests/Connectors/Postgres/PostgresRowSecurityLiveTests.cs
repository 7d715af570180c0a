using Inventory.Cli;
using Inventory.Model;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Connectors.Postgres;

/// <summary>
/// Row-level security on the real server (trial34 finding 1): a table whose policies show the scanning role none or some
/// of its rows was sampled as "empty" (or as a biased part), with no scan issue, exit 0, and <c>check</c> passing. The
/// catalog now asks <c>row_security_active</c> for every table with row security, and the scan reports a
/// <c>row-level-security</c> issue naming BYPASSRLS (exit 3), for a policy that hides every row and for one that hides
/// some; a role with BYPASSRLS, the owner, and a table without policies read every row and get no issue; FORCE ROW LEVEL
/// SECURITY applies to the owner too.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresRowSecurityLiveTests
{
    private const string Schema = """
        CREATE TABLE api_keys (id int PRIMARY KEY, tenant text NOT NULL, owner_email text NOT NULL);
        INSERT INTO api_keys SELECT g, 'tenant_' || (g % 5), 'person' || g || '@example.com' FROM generate_series(1, 193) g;
        ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
        CREATE POLICY same_tenant ON api_keys USING (tenant = current_user);
        CREATE TABLE notes (id int PRIMARY KEY, tenant text NOT NULL, body text);
        INSERT INTO notes SELECT g, CASE WHEN g % 3 = 0 THEN 'scanner_tenant' ELSE 'other' END, 'note ' || g FROM generate_series(1, 90) g;
        ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
        CREATE TABLE plain (id int PRIMARY KEY, email text);
        INSERT INTO plain SELECT g, 'p' || g || '@example.com' FROM generate_series(1, 30) g;
        ANALYZE;
        """;

    private static async Task<(int Code, string Output, string Inventory)> ScanAsync(string connection, string dir)
    {
        var inventory = Path.Combine(dir, $"inventory-{Guid.NewGuid():N}.json");
        var console = new TestConsole();
        console.Profile.Width = 400;
        int code = await InventoryApp.RunAsync(["scan", "--connection", connection, "--out", inventory], console, new StringWriter());
        return (code, console.Output, inventory);
    }

    private static async Task DropRoleAsync(string role)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS {role}", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Test]
    public async Task Scan_TablesWithRowSecurity_IssueNamesBypassRlsUntilTheRoleBypassesIt()
    {
        var admin = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString);
        var role = "inv_rls_" + Guid.NewGuid().ToString("N")[..10];
        const string password = "pw-rls-1";
        await using var db = await TestPostgres.CreateAsync("rls", Schema);
        // A policy that lets the scanning role see a third of the notes: a biased sample, not an empty one.
        await db.ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD '{password}'; GRANT pg_read_all_data TO {role};" +
                              $"CREATE POLICY scanner_sees_some ON notes USING (tenant = 'scanner_tenant');");
        var dir = Path.Combine(Path.GetTempPath(), $"inventory-rls-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var url = $"postgres://{role}:{password}@{admin.Host}:{admin.Port}/{db.Name}";
            var (code, output, inventory) = await ScanAsync(url, dir);
            var document = InventoryJson.Read(inventory);
            var issues = document.Issues;
            var tables = document.Sources.Single().Tables.ToDictionary(t => t.Name);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(code, Is.EqualTo(ExitCodes.ScanIncomplete), output);
                Assert.That(issues.Where(i => i.Kind == "row-level-security").Select(i => i.Table), Is.EquivalentTo(new[] { "api_keys", "notes" }));
                Assert.That(issues.Single(i => i.Table == "api_keys").Message, Does.Contain("0 rows sampled of about 193").And.Contain($"ALTER ROLE \"{role}\" BYPASSRLS"));
                Assert.That(issues.Single(i => i.Table == "notes").Message, Does.Contain("30 rows sampled of about 90"));
                Assert.That(tables["plain"].SampledRows, Is.EqualTo(30), "a table without row security is read whole, without an issue");
            }

            await db.ExecuteAsync($"ALTER ROLE {role} BYPASSRLS");
            NpgsqlConnection.ClearAllPools();
            var (bypassCode, bypassOutput, bypassInventory) = await ScanAsync(url, dir);
            var bypassed = InventoryJson.Read(bypassInventory);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(bypassCode, Is.EqualTo(ExitCodes.Ok), bypassOutput);
                Assert.That(bypassed.Issues, Is.Empty);
                Assert.That(bypassed.Sources.Single().Tables.Single(t => t.Name == "api_keys").SampledRows, Is.EqualTo(193));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
            await db.DisposeAsync();
            await DropRoleAsync(role);
        }
    }

    [Test]
    public async Task Scan_AsOwner_ReadsEveryRowUnlessRowSecurityIsForced()
    {
        await using var db = await TestPostgres.CreateAsync("rlsowner", Schema);
        var owner = "inv_rlsown_" + Guid.NewGuid().ToString("N")[..10];
        var admin = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString);
        await db.ExecuteAsync($"CREATE ROLE {owner} LOGIN PASSWORD 'pw-own-1'; ALTER TABLE api_keys OWNER TO {owner}; ALTER TABLE notes OWNER TO {owner}; GRANT SELECT ON plain TO {owner}");
        var dir = Path.Combine(Path.GetTempPath(), $"inventory-rlsown-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var url = $"postgres://{owner}:pw-own-1@{admin.Host}:{admin.Port}/{db.Name}";
            var (code, output, inventory) = await ScanAsync(url, dir);
            var asOwner = InventoryJson.Read(inventory).Sources.Single();

            await db.ExecuteAsync("ALTER TABLE api_keys FORCE ROW LEVEL SECURITY");
            NpgsqlConnection.ClearAllPools();
            var (_, _, forcedInventory) = await ScanAsync(url, dir);
            var forced = InventoryJson.Read(forcedInventory);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
                Assert.That(asOwner.Tables.Single(t => t.Name == "api_keys").SampledRows, Is.EqualTo(193));
                Assert.That(forced.Issues.Select(i => (i.Kind, i.Table)), Is.EqualTo(new[] { ("row-level-security", (string?)"api_keys") }));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
            await db.DisposeAsync();
            await DropRoleAsync(owner);
        }
    }
}
