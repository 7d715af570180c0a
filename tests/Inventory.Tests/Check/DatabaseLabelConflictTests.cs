using System.Text.Json;
using Inventory.Cli;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Check;

/// <summary>A database label (an <c>inventory:</c> column comment) contradicted by the sampled values is a conflict,
/// shown by <c>check</c> and <c>report</c> as an annotation conflict is, naming the label's origin instead of a
/// file:line: end to end through the commands, on real PostgreSQL and MariaDB databases and the shipped classifier.</summary>
[TestFixture]
[Category("Integration")]
public sealed class DatabaseLabelConflictTests
{
    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var code = await InventoryApp.RunAsync(args, console);
        return (code, console.Output);
    }

    private const string Conflict = "labelled none by the database comment, but 40/40 non-null sampled values are e-mail (detector.email)";

    [Test]
    public async Task CheckAndReport_PostgresCommentLabelContradicted_ConflictNamesTheDatabaseComment()
    {
        await using var db = await TestPostgres.CreateAsync("lblc", """
            CREATE TABLE customer (id int PRIMARY KEY, contact text, city text);
            INSERT INTO customer SELECT g, 'person' || g || '@example.org', 'Strasbourg' FROM generate_series(1, 40) g;
            COMMENT ON COLUMN customer.contact IS 'where we reach the customer
            inventory: none';
            COMMENT ON COLUMN customer.city IS 'inventory: none';
            COMMENT ON COLUMN customer.id IS 'inventory: none';
            """);
        await AssertConflictEndToEndAsync(db.ConnectionString);
    }

    [Test]
    public async Task CheckAndReport_MariaDbCommentLabelContradicted_ConflictNamesTheDatabaseComment()
    {
        await using var db = await TestMySql.CreateAsync("lblc", """
            CREATE TABLE customer (id int PRIMARY KEY COMMENT 'inventory: none', contact varchar(80) COMMENT 'where we reach the customer\ninventory: none', city varchar(40) COMMENT 'inventory: none');
            INSERT INTO customer SELECT seq, CONCAT('person', seq, '@example.org'), 'Strasbourg' FROM seq_1_to_40;
            """);
        await AssertConflictEndToEndAsync(await db.CreateUserAsync());
    }

    private static async Task AssertConflictEndToEndAsync(string connection)
    {
        using var dir = new TempFolder();
        var inventory = Path.Combine(dir.Path, "inventory.json");
        var annotations = Path.Combine(dir.Path, "annotations");
        Directory.CreateDirectory(annotations);
        var (scanCode, scanOutput) = await RunAsync("scan", "--connection", connection, "--out", inventory);
        Assert.That(scanCode, Is.EqualTo(ExitCodes.Ok), scanOutput);

        // check: a warning (a failure under --strict), the message naming the label's origin, no file to point at
        var (code, output) = await RunAsync("check", "--inventory", inventory, "--annotations", annotations,
            "--format", "text,sarif,json,github", "--github", Path.Combine(dir.Path, "github.txt"), "--output-dir", dir.Path);
        var (strictCode, _) = await RunAsync("check", "--inventory", inventory, "--annotations", annotations, "--strict");
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "inventory-check.sarif")));
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == "conflict");

        using var checkJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "check.json")));
        var jsonFinding = checkJson.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "conflict");
        var github = File.ReadAllLines(Path.Combine(dir.Path, "github.txt")).Single(l => l.Contains("conflict", StringComparison.Ordinal));

        // report: the conflict row names the database comment where an annotation conflict names file:line
        var reportDir = Path.Combine(dir.Path, "report");
        var (reportCode, _) = await RunAsync("report", "--inventory", inventory, "--annotations", annotations, "--out", reportDir, "--format", "md");
        var markdown = File.ReadAllText(Directory.GetFiles(reportDir, "*.md").Single());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
            Assert.That(output, Does.Contain($"warning: customer.contact  conflict: {Conflict}  evidence suggests contact.email"));
            Assert.That(output, Does.Contain("fix the label in the database, or annotate the column (with a reason to confirm the label's category)"));
            Assert.That(output, Does.Not.Contain("customer.city  conflict"), "a label its values do not contradict");
            Assert.That(output, Does.Not.Contain("@example.org"), "no sampled value");
            Assert.That(strictCode, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(result.GetProperty("message").GetProperty("text").GetString(), Does.StartWith($"customer.contact: {Conflict}"));
            // A database label is no file: the result is anchored on the annotation file that would confirm or override it
            // (GitHub code scanning rejects a whole upload with one result without a file; trial 33 finding 10).
            Assert.That(result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(),
                Does.EndWith("customer.yml"));
            Assert.That(result.GetProperty("properties").GetProperty("databaseLabel").GetString(), Is.EqualTo("database comment"));
            Assert.That(jsonFinding.GetProperty("location").GetProperty("databaseLabel").GetString(), Is.EqualTo("database comment"));
            Assert.That(github, Does.Match(@"^::warning file=[^,]*customer\.yml,line=1,title=inventory conflict%3A customer\.contact::customer\.contact: labelled none by the database comment"),
                "anchored on the annotation file that would confirm or override the label, as SARIF is");
            Assert.That(reportCode, Is.EqualTo(ExitCodes.Ok));
            Assert.That(markdown, Does.Contain("| Conflicts: annotations and database labels contradicted by the data | 1 |"));
            Assert.That(markdown, Does.Match(@"\| `[^`]*customer\.contact` \| `none` \| 40/40 sampled values match contact\.email \(detector\.email\) \| `database comment` \|"));
        }
    }
}
