using System.IO.Compression;
using System.Text.Json.Nodes;
using Inventory.Cli;
using Inventory.Tests.Support;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Reports;

/// <summary>Trial33 finding 1b: a MariaDB scanner user with per-table and per-column grants does not see some annotated
/// columns and tables (MySQL hides objects without a grant); <c>check</c> calls them stale, but the record of processing
/// said nothing and simply shrank. The report's coverage section now lists every annotated item the inventory does not
/// hold, with what its annotation records and why, in Markdown, HTML, XLSX and JSON. Real MariaDB, the whole CLI.</summary>
[TestFixture]
[Category("Integration")]
public sealed class AnnotatedNotScannedReportTests
{
    [Test]
    public async Task Report_ColumnsAndTableHiddenFromTheScanningUser_ListedUnderCoverageInEveryFormat()
    {
        // Given a shop whose scanner user may read two columns of coordonnees_bancaires and nothing of stats_ville
        await using var db = await TestMySql.CreateAsync("t33hidden",
            "CREATE TABLE coordonnees_bancaires (id INT PRIMARY KEY, bic VARCHAR(11), iban_chiffre VARBINARY(64), titulaire VARCHAR(120));" +
            "INSERT INTO coordonnees_bancaires VALUES (1, 'BNPAFRPP', 0x01, 'Camille Martin');" +
            "CREATE TABLE stats_ville (ville VARCHAR(80) PRIMARY KEY, ca_total DECIMAL(12,2));");
        var uri = await db.CreateUserAsync($"GRANT SELECT (id, bic) ON `{db.Name}`.`coordonnees_bancaires` TO {{user}}");
        var dir = Path.Combine(Path.GetTempPath(), $"inventory-t33hidden-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(dir, "annotations"));
        await File.WriteAllTextAsync(Path.Combine(dir, "annotations", "banque.yml"),
            "table: coordonnees_bancaires\nactivity: billing-and-payment\ncolumns:\n  id: none\n  bic: financial.bank_account\n" +
            "  iban_chiffre: financial.bank_account\n  titulaire: contact.name\n---\ntable: stats_ville\ncolumns:\n  ville: none\n  ca_total: none\n");
        try
        {
            var inventory = Path.Combine(dir, "inventory.json");
            Assert.That(await InventoryApp.RunAsync(["scan", "--connection", uri, "--out", inventory], new TestConsole(), new StringWriter()), Is.Zero);

            // When the record is written with those annotations
            var output = Path.Combine(dir, "report");
            var code = await InventoryApp.RunAsync(["report", "--inventory", inventory, "--annotations", Path.Combine(dir, "annotations"),
                "--policy", "builtin", "--out", output], new TestConsole(), new StringWriter());

            // Then every format lists the hidden columns and the hidden table with what they record
            var markdown = await File.ReadAllTextAsync(Path.Combine(output, "ropa.md"));
            var html = await File.ReadAllTextAsync(Path.Combine(output, "ropa.html"));
            var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json")))!;
            var rows = json["annotatedNotScanned"]!.AsArray();
            using var xlsx = ZipFile.OpenRead(Path.Combine(output, "ropa.xlsx"));
            var workbook = new StreamReader(xlsx.GetEntry("xl/workbook.xml")!.Open()).ReadToEnd();
            var coverage = markdown[markdown.IndexOf("## Coverage", StringComparison.Ordinal)..];
            using (Assert.EnterMultipleScope())
            {
                Assert.That(code, Is.Zero);
                Assert.That(coverage, Does.Contain("Annotated but not in this inventory"));
                Assert.That(coverage, Does.Contain("| `coordonnees_bancaires.iban_chiffre` | financial.bank\\_account | column 'iban\\_chiffre' is not in table"));
                Assert.That(coverage, Does.Contain("| `coordonnees_bancaires.titulaire` | contact.name |"));
                Assert.That(coverage, Does.Contain("| `stats_ville` | 2 columns |"));
                Assert.That(coverage, Does.Contain("hidden from the scanning user"));
                Assert.That(html, Does.Contain("<h3>Annotated but not in this inventory</h3>").And.Contain("<code>coordonnees_<wbr>bancaires.<wbr>iban_<wbr>chiffre</code>"));
                Assert.That(rows.Select(r => (string?)r!["location"]), Is.EquivalentTo(new[] { "coordonnees_bancaires.iban_chiffre", "coordonnees_bancaires.titulaire", "stats_ville" }));
                Assert.That(rows.Select(r => (string?)r!["at"]), Has.All.Contain("banque.yml:"));
                Assert.That(workbook, Does.Contain("Annotées non inventoriées"));
                Assert.That(markdown + html + json.ToJsonString(), Does.Not.Contain("Camille").And.Not.Contain("BNPAFRPP"), "no sampled value");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
