using System.Text.Json.Nodes;
using System.Xml.Linq;
using Inventory.Cli;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Check;

/// <summary>Trial33 finding 7: over a fleet of tenants, <c>diff</c> printed one line per tenant (21
/// <c>+ locataire-NN/utilisateurs.date_naissance</c>) and <c>check</c> one warning per tenant (66 for 3 distinct claim
/// findings). Their text now says each change or finding once with its places, as the report does; the JSON, SARIF and
/// JUnit outputs keep one item per location (CI tools track each tenant's alert), and exit codes are unchanged. Generated
/// fleets of 55 SQLite tenant databases in four languages, and a real PostgreSQL database with one schema per tenant,
/// each with tenants that differ; the whole CLI.</summary>
[TestFixture]
public sealed class FleetCheckDiffTests
{
    private const int Tenants = 55;
    private readonly TemporarySqliteFiles _files = new();

    [TearDown]
    public void TearDown() => _files.DeleteAll();

    /// <summary>A fleet's table and column names in one language.</summary>
    public sealed record Words(string Users, string Email, string Name, string Birth, string Invoices, string Amount);

    private static readonly Words[] Languages =
    [
        new("utilisateurs", "courriel", "nom", "date_naissance", "factures", "montant"),
        new("benutzer", "email", "nachname", "geburtsdatum", "rechnungen", "betrag"),
        new("usuarios", "correo", "apellido", "fecha_nacimiento", "facturas", "importe"),
        new("users", "email", "last_name", "birth_date", "invoices", "amount"),
    ];

    private static IEnumerable<TestCaseData> Fleets() => Languages.Select(w => new TestCaseData(w).SetArgDisplayNames(w.Users));

    /// <summary>Two of the languages for the gate (each case scans 55 databases; the grouping does not read the words).</summary>
    private static IEnumerable<TestCaseData> GateFleets() => Fleets().Where((_, i) => i is 0 or 3);

    /// <summary>Creates 55 tenant databases (or recreates those at <paramref name="paths"/>) and the config naming them;
    /// with <paramref name="migrated"/>, every tenant but 17 has the birth-date column, tenant 30 under another name.
    /// New paths are added to <see cref="_created"/>.</summary>
    private async Task<string> FleetConfigAsync(Words w, string dir, bool migrated, List<string>? paths = null)
    {
        var config = new List<string> { "sources:" };
        for (var i = 1; i <= Tenants; i++)
        {
            var path = paths is null ? _files.NewPath("inv_fleetdiff") : paths[i - 1];
            await using (var connection = new SqliteConnection($"Data Source={path}"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                var birth = !migrated || i == 17 ? "" : i == 30 ? $", {w.Birth}_2 TEXT" : $", {w.Birth} TEXT";
                command.CommandText = $"""
                    DROP TABLE IF EXISTS {w.Invoices}; DROP TABLE IF EXISTS {w.Users};
                    CREATE TABLE {w.Users} (id INTEGER PRIMARY KEY, {w.Email} TEXT, {w.Name} TEXT{birth});
                    CREATE TABLE {w.Invoices} (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES {w.Users}(id) ON DELETE CASCADE, {w.Amount} NUMERIC, iban TEXT);
                    """;
                await command.ExecuteNonQueryAsync();
                for (var k = 1; k <= 20; k++)
                {
                    command.CommandText = $"INSERT INTO {w.Users} (id, {w.Email}, {w.Name}) VALUES ({k}, 'p{k}.t{i}@exemple.fr', 'Nom{k}')";
                    await command.ExecuteNonQueryAsync();
                }
            }
            if (paths is null) _created.Add(path);
            config.Add($"  - name: locataire-{i:D2}\n    connection: \"sqlite:{path}\"");
        }
        var file = Path.Combine(dir, "inventory.yml");
        await File.WriteAllTextAsync(file, string.Join("\n", config) + "\n");
        return file;
    }

    private readonly List<string> _created = [];

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 1000;
        var code = await InventoryApp.RunAsync(args, console, new StringWriter());
        return (code, console.Output);
    }

    [TestCaseSource(nameof(Fleets))]
    public async Task Diff_ColumnAddedInAllButTwoOf55Tenants_OneLineNamingTheExceptions(Words w)
    {
        // Given a fleet scanned before and after a migration that added the birth date to 53 of 55 tenants (17 has none,
        // 30 has it under another name)
        using var dir = new TempFolder();
        _created.Clear();
        var config = await FleetConfigAsync(w, dir.Path, migrated: false);
        var old = Path.Combine(dir.Path, "old.json");
        Assert.That((await RunAsync("scan", "--config", config, "--out", old)).Code, Is.Zero);
        var paths = _created.ToList();
        await FleetConfigAsync(w, dir.Path, migrated: true, paths);
        var @new = Path.Combine(dir.Path, "new.json");
        Assert.That((await RunAsync("scan", "--config", config, "--out", @new)).Code, Is.Zero);

        // When the two are compared
        var json = Path.Combine(dir.Path, "diff.json");
        var (code, output) = await RunAsync("diff", old, @new, "--json", json);

        // Then one line says the added column with its 53 tenants and names the two that differ; tenant 30's own column
        // keeps its line; the JSON keeps one change per tenant
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var changes = JsonNode.Parse(await File.ReadAllTextAsync(json))!["changes"]!.AsArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.Zero);
            Assert.That(lines, Has.One.StartWith($"+ {w.Users}.{w.Birth} (").And.EndWith(
                $" in 53 of the 55 sources holding {w.Users} (locataire-01 … locataire-55); not here: locataire-17: no column {w.Birth}, locataire-30: no column {w.Birth}"));
            Assert.That(lines, Has.One.StartWith($"+ locataire-30/{w.Users}.{w.Birth}_2 ("));
            Assert.That(lines.Count(l => l.StartsWith('+')), Is.EqualTo(2), output);
            Assert.That(lines, Has.One.EqualTo("schema: 54 column-added"));
            Assert.That(changes.Count(c => (string?)c!["kind"] == "column-added"), Is.EqualTo(54), "the JSON keeps every tenant's change");
        }
    }

    private const string Annotation = """
        table: {0}
        activity: account-management
        columns:
          id: none
          {1}: contact.email
          {2}: contact.name
          {3}: other_personal.date_of_birth
        ---
        table: {4}
        activity: billing-and-payment
        columns:
          id: none
          user_id: none
          {5}: financial.billing
        """;

    [TestCaseSource(nameof(GateFleets))]
    public async Task Check_55Tenants_OneLinePerDistinctFindingWhileSarifJUnitJsonKeepEveryLocation(Words w)
    {
        // Given a migrated fleet annotated by one source-less file, where the IBAN column is left unannotated
        using var dir = new TempFolder();
        _created.Clear();
        var config = await FleetConfigAsync(w, dir.Path, migrated: true);
        var inventory = Path.Combine(dir.Path, "inventory.json");
        Assert.That((await RunAsync("scan", "--config", config, "--out", inventory)).Code, Is.Zero);
        dir.Write("annotations/fleet.yml", string.Format(System.Globalization.CultureInfo.InvariantCulture, Annotation,
            w.Users, w.Email, w.Name, w.Birth, w.Invoices, w.Amount));

        // When the gate runs with the built-in policy in every format
        var output = Path.Combine(dir.Path, "out");
        var (code, text) = await RunAsync("check", "--config", config, "--inventory", inventory, "--annotations", Path.Combine(dir.Path, "annotations"),
            "--policy", "builtin", "--format", "text,sarif,junit,json,github", "--output-dir", output, "--github", Path.Combine(output, "github.txt"));

        // Then the text says each distinct finding once with its places; the other formats keep one item per location
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "check.json")))!;
        var findings = json["findings"]!.AsArray();
        var sarif = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "inventory-check.sarif")))!["runs"]![0]!["results"]!.AsArray();
        var junit = XDocument.Load(Path.Combine(output, "inventory-check.junit.xml"));
        var github = await File.ReadAllLinesAsync(Path.Combine(output, "github.txt"));
        // A line per claim (its verdict, what it examined and left out: trial35 finding 7) follows the findings.
        var findingLines = lines.Where(l => !l.StartsWith("check ", StringComparison.Ordinal) && !l.StartsWith("claim ", StringComparison.Ordinal)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.GateFailed), "the untagged IBAN columns fail the gate, as before");
            Assert.That(lines, Has.One.StartWith("claim deletion-path: holds — 55 tables").And.Contain($"examined: {w.Users} in 55 sources (locataire-01 … locataire-55)"),
                "the claim's examined tables are said once over the fleet");
            Assert.That(findingLines, Has.One.StartWith($"{w.Invoices}.iban in 55 sources (locataire-01 … locataire-55)  untagged: "),
                "55 untagged columns whose suggestions differ in evidence counts: one line");
            Assert.That(findingLines, Has.One.StartWith(
                $"warning: {w.Users}.{w.Birth} in 53 of the 55 sources holding {w.Users} (locataire-01 … locataire-55); not here: locataire-17, locataire-30  claim-violated: "));
            Assert.That(findingLines, Has.None.Contains("locataire-02/"), "no tenant's own line");
            Assert.That(findingLines.Count, Is.LessThan(12), text);
            // 55 IBAN columns and tenant 30's birth-date column under another name (not in the shared annotation)
            Assert.That(findingLines, Has.One.StartWith($"locataire-30/{w.Users}.{w.Birth}_2  untagged: "));
            Assert.That(lines[^1], Does.StartWith($"check failed: 56 failing, ").And.Contain($"({findingLines.Count} lines above: a finding held by several sources is said once)"));
            Assert.That(sarif.Count, Is.EqualTo(findings.Count), "SARIF: one result per location");
            Assert.That(findings.Count(f => (string?)f!["kind"] == "untagged"), Is.EqualTo(56));
            Assert.That(junit.Descendants("testcase").Count(c => (string?)c.Attribute("name") == "iban"), Is.EqualTo(55),
                "JUnit: one test case per tenant's column");
            Assert.That(github.Length, Is.EqualTo(findingLines.Count), "GitHub: one command per distinct finding at the shared entry");
            Assert.That(github, Has.One.StartWith($"::warning file=").And.Contain($"title=inventory claim-violated%3A {w.Users}.{w.Birth}::")
                .And.Contain("in 53 of the 55 sources"));
        }
    }

    [Test]
    [Category("Integration")]
    public async Task CheckAndDiff_PostgresSchemaPerTenant_LinesNameTheSchemasAndTheOneThatDiffers()
    {
        // Given one database with 4 tenant schemas (one mixed-case); a migration adds date_naissance to 3 of them
        string[] tenants = ["Mandant_Nord", "tenant_acme", "tenant_globex", "tenant_initech"];
        await using var db = await TestPostgres.CreateAsync("fleetcheck", string.Concat(tenants.Select(t =>
            $"CREATE SCHEMA \"{t}\"; CREATE TABLE \"{t}\".utilisateurs (id int PRIMARY KEY, courriel text, nom text); " +
            $"INSERT INTO \"{t}\".utilisateurs SELECT g, 'p' || g || '@exemple.fr', 'Nom' || g FROM generate_series(1, 20) g;\n")));
        using var dir = new TempFolder();
        var uri = db.ConnectionString;
        var config = dir.Write("inventory.yml", $"sources:\n  - name: app\n    provider: postgres\n    connection: \"{uri}\"\n");
        var old = Path.Combine(dir.Path, "old.json");
        Assert.That((await RunAsync("scan", "--config", config, "--out", old)).Code, Is.Zero);
        await db.ExecuteAsync(string.Concat(tenants.Where(t => t != "tenant_globex").Select(t => $"ALTER TABLE \"{t}\".utilisateurs ADD COLUMN date_naissance date;")));
        var @new = Path.Combine(dir.Path, "new.json");
        Assert.That((await RunAsync("scan", "--config", config, "--out", @new)).Code, Is.Zero);
        dir.Write("annotations/fleet.yml",
            "table: \"*.utilisateurs\"\nactivity: account-management\ncolumns:\n  id: none\n  courriel: contact.email\n  nom: contact.name\n  date_naissance: other_personal.date_of_birth\n");

        // When diff and check run
        var (diffCode, diff) = await RunAsync("diff", old, @new);
        var (checkCode, check) = await RunAsync("check", "--config", config, "--inventory", @new, "--annotations", Path.Combine(dir.Path, "annotations"), "--policy", "builtin");

        // Then each says the column once with the schemas that hold it and the one that does not
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diffCode, Is.Zero);
            Assert.That(diff.Split('\n'), Has.One.StartWith("+ utilisateurs.date_naissance (").And.EndWith(
                " in 3 of the 4 schemas of app holding utilisateurs (Mandant_Nord, tenant_acme, tenant_initech); not here: tenant_globex: no column date_naissance"));
            Assert.That(checkCode, Is.EqualTo(ExitCodes.Ok), check);
            Assert.That(check.Split('\n'), Has.Some.StartWith(
                "warning: utilisateurs.date_naissance in 3 of the 4 schemas of app holding utilisateurs (Mandant_Nord, tenant_acme, tenant_initech); not here: tenant_globex  "));
            Assert.That(check, Does.Not.Contain("app/tenant_acme.utilisateurs"));
        }
    }
}
