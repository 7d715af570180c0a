using System.Text.Json.Nodes;
using System.Xml.Linq;
using Inventory.Cli;
using Inventory.Tests.Support;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Check;

/// <summary>Trial 31: a MariaDB table the scanner's user may not read left the scan incomplete (exit 3), yet the gate's
/// SARIF, JUnit, GitHub and JSON outputs said nothing of it and the text only said "see the inventory's issues": a CI
/// page showed a green gate over a table nobody had looked at. Each format now names every scan issue. Real MariaDB,
/// a SELECT-only user without any grant on one table (REFERENCES only), the whole CLI.</summary>
[TestFixture]
[Category("Integration")]
public sealed class ScanIssueCheckOutputTests
{
    [Test]
    public async Task Check_TableTheUserMayNotRead_EveryFormatNamesTheScanIssue()
    {
        // Given a billing database whose scanner user may read `factures` but holds only REFERENCES on `moyens_paiement`
        await using var db = await TestMySql.CreateAsync("t31issue",
            "CREATE TABLE factures (id INT PRIMARY KEY, numero VARCHAR(20), montant_ht DECIMAL(10,2));" +
            "INSERT INTO factures VALUES (1, 'F-1', 10.50), (2, 'F-2', 99.00), (3, 'F-3', 12.00);" +
            "CREATE TABLE moyens_paiement (id INT PRIMARY KEY, titulaire VARCHAR(150), derniers_chiffres CHAR(4));" +
            "INSERT INTO moyens_paiement VALUES (1, 'Camille Martin', '4242');");
        var uri = await db.CreateUserAsync($"GRANT SELECT ON `{db.Name}`.`factures` TO {{user}}; GRANT REFERENCES ON `{db.Name}`.`moyens_paiement` TO {{user}}");
        var dir = Path.Combine(Path.GetTempPath(), $"inventory-t31issue-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(dir, "annotations"));
        // The unread table is annotated (a column not sampled is never accepted from its name alone), so only the
        // scan issue stands between the gate and a clean pass.
        await File.WriteAllTextAsync(Path.Combine(dir, "annotations", "moyens_paiement.yml"),
            "table: moyens_paiement\ncolumns:\n  id: none\n  titulaire: contact.name\n  derniers_chiffres: financial.payment_card\n");
        try
        {
            var inventory = Path.Combine(dir, "inventory.json");
            var scanConsole = new TestConsole();
            var scan = await InventoryApp.RunAsync(["scan", "--connection", uri, "--out", inventory], scanConsole, new StringWriter());

            // When the gate runs with every file format, accepting the suggestions of the table it read
            var console = new TestConsole();
            console.Profile.Width = 400;
            var output = Path.Combine(dir, "out");
            var check = await InventoryApp.RunAsync(["check", "--inventory", inventory, "--annotations", Path.Combine(dir, "annotations"),
                "--accept-classification-above", "0", "--format", "text,sarif,junit,json,github", "--output-dir", output,
                "--github", Path.Combine(output, "github.txt")], console, new StringWriter());

            // Then the gate passes on what it read (exit 3: incomplete), and every format names the unread table
            var text = console.Output.Split('\n');
            var sarif = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "inventory-check.sarif")))!;
            var notifications = sarif["runs"]![0]!["invocations"]![0]!["toolExecutionNotifications"]?.AsArray() ?? [];
            var junit = XDocument.Load(Path.Combine(output, "inventory-check.junit.xml"));
            var scanSuite = junit.Root!.Elements("testsuite").SingleOrDefault(s => (string?)s.Attribute("name") == "scan");
            var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "check.json")))!;
            var github = await File.ReadAllLinesAsync(Path.Combine(output, "github.txt"));
            var validation = CheckWriterTests.Validate(sarif.ToJsonString());
            using (Assert.EnterMultipleScope())
            {
                Assert.That(scan, Is.EqualTo(ExitCodes.ScanIncomplete), scanConsole.Output);
                Assert.That(check, Is.EqualTo(ExitCodes.ScanIncomplete), console.Output);
                Assert.That(text, Has.One.StartsWith("scan issue: moyens_paiement  no-privilege: ").And.Contains("GRANT SELECT ON"));
                Assert.That(text, Has.One.StartsWith("check passed: ").And.EndsWith("; scan incomplete: 1 scan issue above"));
                Assert.That(notifications, Has.Count.EqualTo(1));
                Assert.That((string?)notifications[0]!["descriptor"]!["id"], Is.EqualTo("no-privilege"));
                Assert.That((string?)notifications[0]!["level"], Is.EqualTo("warning"));
                Assert.That((string?)notifications[0]!["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"], Is.EqualTo("moyens_paiement"));
                Assert.That(validation.IsValid, Is.True, "the SARIF with notifications still validates against SARIF 2.1.0");
                Assert.That(scanSuite, Is.Not.Null, junit.ToString());
                Assert.That(scanSuite?.Elements("testcase").Select(c => (string?)c.Attribute("name")), Is.EqualTo(new[] { "no-privilege moyens_paiement" }));
                Assert.That((string?)scanSuite?.Element("testcase")?.Element("skipped")?.Attribute("message"),
                    Does.StartWith("scan incomplete, not checked: moyens_paiement  no-privilege: "));
                Assert.That((string?)scanSuite?.Attribute("skipped"), Is.EqualTo("1"));
                Assert.That((bool?)json["scanComplete"], Is.False);
                Assert.That(json["scanIssues"]?.AsArray().Select(i => ((string?)i!["table"], (string?)i["kind"])),
                    Is.EqualTo(new[] { ((string?)"moyens_paiement", (string?)"no-privilege") }));
                // On the file annotate would create for the table, so the CI annotation shows on a file (trial33 item 6).
                Assert.That(github, Has.One.Match(@"^::warning file=[^,]*annotations/moyens_paiement\.yml,line=1,title=inventory scan incomplete%3A moyens_paiement::moyens_paiement  no-privilege: "));
                Assert.That(await File.ReadAllTextAsync(Path.Combine(output, "inventory-check.junit.xml")), Does.Not.Contain("Camille").And.Not.Contain("4242"),
                    "no sampled value in the test report");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
