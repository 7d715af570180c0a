using NUnit.Framework;
using System.Text.Json;
using Inventory.Cli;
using Inventory.Model;
using Spectre.Console.Testing;

namespace Inventory.Tests.Reports;

[TestFixture]
public sealed class ReportCommandTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "inventory-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string Save(InventoryDocument document, string name)
    {
        var path = Path.Combine(_dir, name);
        InventoryJson.Write(document, path);
        return path;
    }

    [Test]
    public async Task Report_AllFormats_WritesFiveFilesAndExitsZero()
    {
        var inventory = Save(SampleInventory.Build(), "inventory.json");
        var previous = Save(SampleInventory.BuildPrevious(), "previous.json");
        var output = Path.Combine(_dir, "out");
        var console = new TestConsole();

        var code = await InventoryApp.RunAsync(["report", "--inventory", inventory, "--policy", "builtin", "--previous", previous, "--out", output], console);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), console.Output);
            Assert.That(Directory.GetFiles(output).Select(Path.GetFileName).Order(),
                Is.EqualTo(new[] { "columns.csv", "report.json", "ropa.html", "ropa.md", "ropa.xlsx" }));
            Assert.That(console.Output, Does.Contain("violated  no-stored-card-number"));
            Assert.That(File.ReadAllText(Path.Combine(output, "ropa.md")), Does.Contain("table-added"));
        }
    }

    [Test]
    public void MissingInventory_FolderHoldsInventoryJson_NamesItAndTheOption()
    {
        // Given the folder a DPO ran `inventory scan --out inventory.json` in (trial46: told to run the scan again).
        Save(SampleInventory.Build(), "inventory.json");

        var message = Inventory.Cli.Commands.ReportCommand.MissingInventoryMessage(_dir);

        Assert.That(message, Is.EqualTo("--inventory FILE is required: report reads a saved scan; this folder holds one, so pass it: --inventory inventory.json"));
    }

    [Test]
    public void MissingInventory_NoInventoryJsonInTheFolder_SaysToScanFirst()
    {
        var message = Inventory.Cli.Commands.ReportCommand.MissingInventoryMessage(_dir);

        Assert.That(message, Is.EqualTo("--inventory FILE is required; run `inventory scan --out inventory.json` first"));
    }

    [Test]
    public async Task Report_WithoutInventoryOption_ExitsTwoWithTheMessage()
    {
        var console = new TestConsole();

        var code = await InventoryApp.RunAsync(["report", "--out", Path.Combine(_dir, "out")], console);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput), console.Output);
            Assert.That(console.Output, Does.Contain("--inventory FILE is required"));
        }
    }

    [Test]
    public async Task Report_NoPolicy_StatesItAndInventsNoCompany()
    {
        var inventory = Save(SampleInventory.Build(), "inventory.json");
        var output = Path.Combine(_dir, "out");
        var console = new TestConsole();

        var code = await InventoryApp.RunAsync(["report", "--inventory", inventory, "--out", output, "--format", "md,json"], console);

        var md = File.ReadAllText(Path.Combine(output, "ropa.md"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), console.Output);
            Assert.That(console.Output, Does.Contain("no policy given"));
            Assert.That(md, Does.Contain("No policy given").And.Contain("No claims: no policy given"));
            Assert.That(md, Does.Not.Contain("Example PaaS").And.Not.Contain("Strasbourg").And.Not.Contain("Intercom"));
            Assert.That(json.RootElement.GetProperty("policyGiven").GetBoolean(), Is.False);
            Assert.That(json.RootElement.GetProperty("claims").GetArrayLength(), Is.Zero);
            Assert.That(json.RootElement.GetProperty("unassigned").GetArrayLength(), Is.GreaterThan(20));
        }
    }

    [Test]
    public async Task Report_ConfigNamesPolicyAndAnnotations_BothApply()
    {
        var document = SampleInventory.Build();
        var legacy = document.Sources[0].Tables.Single(t => t.Name == "legacy_payments");
        var inventory = Save(document, "inventory.json");
        var annotations = Directory.CreateDirectory(Path.Combine(_dir, "annotations")).FullName;
        await File.WriteAllTextAsync(Path.Combine(annotations, "legacy.yml"),
            "table: legacy_payments\nactivity: billing-and-payment\ncolumns:\n  id: none\n  user_id: none\n  card_number: financial.payment_card\n  amount: financial.billing\n");
        var policy = Path.Combine(_dir, "my-policy.yml");
        await File.WriteAllTextAsync(policy, Inventory.Rules.Policy.PolicyDocument.SeedText().Replace("Example PaaS SAS", "Acme GmbH", StringComparison.Ordinal));
        var config = Path.Combine(_dir, "inventory.yml");
        await File.WriteAllTextAsync(config, "sources:\n  - name: app\n    connection: postgres://${UNSET_REPORT_TEST_HOST}/app\nannotations: annotations/\npolicy: my-policy.yml\n");
        var output = Path.Combine(_dir, "out");
        var console = new TestConsole();

        var code = await InventoryApp.RunAsync(["report", "--inventory", inventory, "--config", config, "--out", output, "--format", "json"], console);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        var root = json.RootElement;
        var legacyCoverage = root.GetProperty("coverage")[0].GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "legacy_payments");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), console.Output);
            Assert.That(legacy.Columns, Has.Count.EqualTo(4));
            Assert.That(root.GetProperty("controller").GetProperty("name").GetString(), Is.EqualTo("Acme GmbH"));
            Assert.That(root.GetProperty("policyFile").GetString(), Is.EqualTo("my-policy.yml"));
            Assert.That(legacyCoverage.GetProperty("tagged").GetInt32(), Is.EqualTo(4));
            Assert.That(legacyCoverage.GetProperty("activity").GetString(), Is.EqualTo("billing-and-payment"));
            Assert.That(root.GetProperty("unassigned").EnumerateArray().Select(u => u.GetProperty("table").GetString()), Has.None.EqualTo("legacy_payments"));
        }
    }

    [Test]
    public async Task Report_InvalidAnnotationFiles_ExitsTwoWithTheErrorsOnStandardErrorAndWritesNothing()
    {
        // Given an annotations folder with a tab and an unknown key (check and export exit 2 on it)
        var inventory = Save(SampleInventory.Build(), "inventory.json");
        var annotations = Path.Combine(_dir, "annotations");
        Directory.CreateDirectory(annotations);
        await File.WriteAllTextAsync(Path.Combine(annotations, "a.yml"), "table: app.users\ncolumns:\n\temail: { category: contact.email }\n");
        await File.WriteAllTextAsync(Path.Combine(annotations, "b.yml"), "table: app.orders\ncolums:\n  id: { category: none }\n");
        var output = Path.Combine(_dir, "out");
        var console = new TestConsole();
        var error = new StringWriter();

        // When the report is asked for
        var code = await InventoryApp.RunAsync(["report", "--inventory", inventory, "--annotations", annotations, "--out", output], console, error);

        // Then it refuses like check: exit 2, each error with its place on standard error, no report file
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput), console.Output + error);
            // check's invalid-annotation lines, paths relative to the working directory (trial34 finding 10)
            Assert.That(error.ToString(), Does.Match(@"(?m)^\S*a\.yml:3:\d+  invalid-annotation: ").And.Match(@"(?m)^\S*b\.yml:2:1  invalid-annotation: "));
            Assert.That(error.ToString(), Does.Contain("fix the 2 annotation error(s) above"));
            Assert.That(console.Output, Does.Not.Contain("warning:").And.Not.Contain("error:"));
            Assert.That(Directory.Exists(output), Is.False);
        }
    }

    [Test]
    public async Task Report_UnknownFormat_ExitsTwo()
    {
        var inventory = Save(SampleInventory.Build(), "inventory.json");
        var console = new TestConsole();

        var code = await InventoryApp.RunAsync(["report", "--inventory", inventory, "--format", "pdf", "--out", _dir], console);

        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(console.Output, Does.Contain("unknown report format 'pdf'"));
    }

    [Test]
    public async Task Report_BadPolicy_ExitsTwoWithPosition()
    {
        var inventory = Save(SampleInventory.Build(), "inventory.json");
        var policy = Path.Combine(_dir, "policy.yml");
        await File.WriteAllTextAsync(policy, "controller: { name: X, address: Y }\nactivites: []\n");
        var console = new TestConsole();

        var code = await InventoryApp.RunAsync(["report", "--inventory", inventory, "--policy", policy, "--out", _dir], console);

        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(console.Output, Does.Contain("policy.yml:2:1").And.Contain("did you mean 'activities'"));
    }

    [Test]
    public async Task Diff_DemoAgainstPrevious_PrintsChangesWritesJsonExitsZero()
    {
        var old = Save(SampleInventory.BuildPrevious(), "old.json");
        var @new = Save(SampleInventory.Build(), "new.json");
        var json = Path.Combine(_dir, "diff.json");
        var console = new TestConsole();

        var code = await InventoryApp.RunAsync(["diff", old, @new, "--json", json], console);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok));
            Assert.That(console.Output, Does.Contain("+ app/intercom_contacts (4 columns; personal: contact.email)"));
            Assert.That(console.Output, Does.Contain("- app/users.fax (contact.phone)"));
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            Assert.That(doc.RootElement.GetProperty("changes").GetArrayLength(), Is.EqualTo(5));
        }
    }

    [Test]
    public async Task Diff_MissingFile_ExitsTwo()
    {
        var console = new TestConsole();

        var code = await InventoryApp.RunAsync(["diff", Path.Combine(_dir, "nope.json"), Path.Combine(_dir, "nope2.json")], console);

        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
    }
}
