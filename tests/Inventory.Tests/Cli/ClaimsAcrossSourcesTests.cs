using System.Text.Json;
using System.Text.RegularExpressions;
using Inventory.Cli;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Cli;

/// <summary>fixes41 item 5 / trial40 finding 10: the claims and the record grouped tables by bare name, so the
/// <c>users</c> table of a CRM and the unrelated <c>users</c> table of a shop read as one table "in 2 sources" and a
/// column of one was named as the other's gap. Four real SQLite sources scanned by the CLI: <c>crm</c> and <c>shop</c>
/// each hold a different <c>users</c> table (3 of 10 column names shared, different categories), <c>tenant-1</c> and
/// <c>tenant-2</c> hold copies of one <c>accounts</c> table (one column short in the second). Only the copies share a
/// line; every line about <c>users</c> names its source, in the check's text, the report's Markdown, HTML, XLSX-free
/// formats and JSON.</summary>
[TestFixture]
public sealed class ClaimsAcrossSourcesTests
{
    private TempFolder _dir = null!;
    private string _inventory = "";
    private string _policy = "";
    private string _annotations = "";

    private const string Policy = """
        controller: { name: Example SAS, address: "1 rue de l'Exemple, Paris" }
        activities:
          - id: accounts
            name: Customer accounts
            purposes:
              - Run the customers' accounts.
            legal-basis: Art. 6(1)(b)
            data-subjects: [customers]
            data-categories: [contact.email]
        claims:
          - id: declared-only
            text: We collect only the personal data our record declares.
            kind: declared-categories-only
        """;

    /// <summary>Each source's table and its columns' categories (the annotations tag them all).</summary>
    private static readonly (string Source, string Table, (string Column, string Category)[] Columns)[] Sources =
    [
        ("crm", "users", [("id", "none"), ("email", "contact.email"), ("phone", "contact.phone"), ("password_hash", "none"),
            ("created_at", "none"), ("newsletter", "none")]),
        ("shop", "users", [("id", "none"), ("email", "contact.email"), ("phone", "contact.phone"), ("iban", "financial.bank_account"),
            ("loyalty_points", "none"), ("last_login_ip", "automatic.ip_address"), ("shipping_address", "contact.postal_address")]),
        ("tenant-1", "accounts", [("id", "none"), ("email", "contact.email"), ("phone", "contact.phone"), ("full_name", "contact.name")]),
        ("tenant-2", "accounts", [("id", "none"), ("email", "contact.email"), ("phone", "contact.phone")]),
    ];

    [OneTimeSetUp]
    public async Task ScanFourSources()
    {
        _dir = new TempFolder();
        var config = new List<string> { "sources:" };
        _annotations = Path.Combine(_dir.Path, "annotations");
        Directory.CreateDirectory(_annotations);
        foreach (var (source, table, columns) in Sources)
        {
            var database = Path.Combine(_dir.Path, source + ".db");
            InProcessCli.ExecuteSqlite(database, $"CREATE TABLE {table} ({string.Join(", ", columns.Select(c => c.Column == "id" ? "id INTEGER PRIMARY KEY" : c.Column + " TEXT"))});");
            config.Add($"  - {{ name: {source}, connection: \"sqlite:{database}\" }}");
            File.WriteAllText(Path.Combine(_annotations, $"{source}.{table}.yml"),
                $"table: {table}\nsource: {source}\nactivity: accounts\ncolumns:\n" + string.Concat(columns.Select(c => $"  {c.Column}: {c.Category}\n")));
        }
        var configFile = Path.Combine(_dir.Path, "inventory.yml");
        File.WriteAllLines(configFile, config);
        _policy = Path.Combine(_dir.Path, "policy.yml");
        File.WriteAllText(_policy, Policy);
        _inventory = Path.Combine(_dir.Path, "inventory.json");
        var (code, output) = await InProcessCli.RunAsync("scan", "--config", configFile, "--out", _inventory);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
        SqliteConnection.ClearAllPools();
    }

    [OneTimeTearDown]
    public void Drop() => _dir.Dispose();

    [Test]
    public async Task Check_SameTableNameInUnrelatedSources_EveryFindingNamesItsSourceCopiesStillGrouped()
    {
        // When the gate runs with the policy (the claim's findings are warnings: no fail-on claim)
        var json = Path.Combine(_dir.Path, "check.json");
        var (code, output) = await InProcessCli.RunAsync("check", "--inventory", _inventory, "--annotations", _annotations,
            "--policy", _policy, "--format", "text,json", "--json", json);

        // Then each users finding is on its own line naming its source; the tenants' copies share one line
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
            Assert.That(output, Does.Contain("crm/users.phone"));
            Assert.That(output, Does.Contain("shop/users.phone"));
            Assert.That(output, Does.Contain("shop/users.iban"));
            Assert.That(output, Does.Not.Contain("users.phone in 2 sources"));
            Assert.That(output, Does.Not.Contain("users in 2 sources"));
            Assert.That(output, Does.Contain("accounts.phone in 2 sources (tenant-1, tenant-2)"));
            Assert.That(output, Does.Not.Contain("tenant-1/accounts.phone"), "the copies' finding is said once");
            // check.json keeps one finding per location
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var findings = doc.RootElement.GetProperty("findings").EnumerateArray()
                .Where(f => f.GetProperty("kind").GetString() == "claim-violated")
                .Select(f => $"{f.GetProperty("source").GetString()}/{f.GetProperty("table").GetString()}.{f.GetProperty("column").GetString()}").ToList();
            Assert.That(findings, Is.SupersetOf(new[] { "crm/users.phone", "shop/users.phone", "tenant-1/accounts.phone", "tenant-2/accounts.phone" }));
        }
    }

    [Test]
    public async Task Report_SameTableNameInUnrelatedSources_RecordAndClaimLinesNameEachSource()
    {
        // When the report is written in Markdown, HTML and JSON
        var outDir = Path.Combine(_dir.Path, $"report-{Guid.NewGuid():N}");
        var (code, output) = await InProcessCli.RunAsync("report", "--inventory", _inventory, "--annotations", _annotations,
            "--policy", _policy, "--out", outDir, "--format", "md,html,json");
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
        var markdown = File.ReadAllText(Path.Combine(outDir, "ropa.md"));
        var html = File.ReadAllText(Path.Combine(outDir, "ropa.html"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")));

        // Then the record's e-mail cell and the claim's findings name crm and shop on their own lines, the shop's columns
        // are never "not here" gaps of the CRM's table, and only the tenants' copies are grouped
        var groups = json.RootElement.EnumerateObject().SelectMany(p => Descendants(p.Value))
            .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("where", out var w) && w.ValueKind == JsonValueKind.String)
            .Select(e => (Location: e.GetProperty("location").GetString()!, Where: e.GetProperty("where").GetString()!)).ToList();
        using (Assert.EnterMultipleScope())
        {
            // The words as a reader sees them: HTML's tags and break hints, Markdown's code marks and escapes taken out
            foreach (var text in new[] { markdown, html }.Select(t => Regex.Replace(t.Replace("<wbr>", "", StringComparison.Ordinal), "<[^>]+>", "").Replace("`", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal)))
            {
                Assert.That(text, Does.Contain("crm/users.phone"));
                Assert.That(text, Does.Contain("shop/users.phone"));
                Assert.That(text, Does.Contain("crm/users.email"));
                Assert.That(text, Does.Contain("shop/users.email"));
                Assert.That(text, Does.Not.Contain("in 2 sources (crm, shop)"));
                Assert.That(text, Does.Not.Contain("no column iban"), "the CRM's users table is not a copy missing the shop's iban");
                Assert.That(text, Does.Contain("in 2 sources (tenant-1, tenant-2)"));
            }
            Assert.That(groups.Select(g => g.Location), Has.None.StartWith("users"), "no JSON group line joins the two users tables");
            Assert.That(groups, Has.Some.EqualTo(("accounts.phone", "in 2 sources (tenant-1, tenant-2)")));
            Assert.That(groups, Has.Some.EqualTo(("accounts.email", "in 2 sources (tenant-1, tenant-2)")));
        }
    }

    private static IEnumerable<JsonElement> Descendants(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => Enumerable.Empty<JsonElement>(),
        };
        foreach (var child in children)
            foreach (var d in Descendants(child))
                yield return d;
    }
}
