using Inventory.Catalog;
using Inventory.Cli;
using Inventory.Model;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Check;

/// <summary>`inventory check` and `inventory annotate` end to end on saved inventories (the live scan is wired by the integrator).</summary>
[TestFixture]
public sealed class CheckCommandTests
{
    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 80; // a typical CI log width: output lines must not be folded
        var code = await InventoryApp.RunAsync(args, console);
        return (code, console.Output);
    }

    private static string Save(TempFolder dir, InventoryDocument document, string name = "inventory.json")
    {
        var path = Path.Combine(dir.Path, name);
        InventoryJson.Write(document, path);
        return path;
    }

    private static string[] Expected(string folder) =>
        File.ReadAllLines(Path.Combine(SharedPaths.Cases, folder, "expected-check.txt")).Where(l => l.Length > 0).ToArray();

    [Test]
    public async Task Check_C06_ExitsOneWithTheExpectedList()
    {
        using var dir = new TempFolder();
        var inventory = Save(dir, CaseInventories.C06());

        var (code, output) = await RunAsync("check", "--inventory", inventory, "--annotations", Path.Combine(SharedPaths.Cases, "C06-ci-gate-tagged", "annotations.yml"));

        Assert.That(code, Is.EqualTo(ExitCodes.GateFailed));
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Take(5).Select(l => l.Split("  ")[0]), Is.EqualTo(Expected("C06-ci-gate-tagged")));
        Assert.That(lines[^1], Does.StartWith("check failed: 5 failing, 0 warnings; 3 of 8 in-scope columns tagged"));
    }

    [Test]
    public async Task Check_C05_PassesWithWarningAndFailsUnderStrict()
    {
        using var dir = new TempFolder();
        var inventory = Save(dir, CaseInventories.C05());
        var annotations = Path.Combine(SharedPaths.Cases, "C05-annotation-vs-detector", "annotations.yml");

        var (code, output) = await RunAsync("check", "--inventory", inventory, "--annotations", annotations);
        var (strictCode, strictOutput) = await RunAsync("check", "--inventory", inventory, "--annotations", annotations, "--strict");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok));
            Assert.That(output, Does.Contain("warning: app_user.backup_email  conflict: annotated none, but 1/1 non-null sampled values are e-mail (detector.email)"));
            Assert.That(strictCode, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(strictOutput, Does.StartWith("app_user.backup_email  conflict:"));
        }
    }

    [Test]
    public async Task Check_AllFormats_WritesFilesAtomicallyAndGitHubToStdout()
    {
        using var dir = new TempFolder();
        var inventory = Save(dir, CaseInventories.C06());
        var outDir = Path.Combine(dir.Path, "out");

        var (code, output) = await RunAsync("check", "--inventory", inventory, "--annotations", Path.Combine(SharedPaths.Cases, "C06-ci-gate-tagged", "annotations.yml"),
            "--format", "text,sarif,junit", "--format", "github,json", "--output-dir", outDir);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(Directory.GetFiles(outDir).Select(Path.GetFileName).Order(),
                Is.EqualTo(new[] { "check.json", "inventory-check.junit.xml", "inventory-check.sarif" }), "no temporary file left behind");
            Assert.That(output.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToArray(),
                Has.Length.EqualTo(5).And.All.Match(@"^::error file=[^,]+,line=\d+(,col=\d+)?,title=[^:]+::.+$"), "one whole line per finding (col= only where the column is known)");
        }
    }

    [Test]
    public async Task Check_FileFormats_SayWhereTheyWroteOnStandardErrorOnly()
    {
        using var dir = new TempFolder();
        var inventory = Save(dir, CaseInventories.C06());
        var sarif = Path.Combine(dir.Path, "gate.sarif");
        var console = new TestConsole();
        var error = new StringWriter();

        var code = await InventoryApp.RunAsync(["check", "--inventory", inventory, "--annotations",
            Path.Combine(SharedPaths.Cases, "C06-ci-gate-tagged", "annotations.yml"), "--format", "github", "--sarif", sarif], console, error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(File.Exists(sarif), Is.True);
            Assert.That(console.Output, Does.Not.Contain("wrote"), "standard output carries only the findings");
            Assert.That(console.Output.Split('\n').Where(l => l.Length > 0), Has.All.StartWith("::"));
            Assert.That(error.ToString(), Does.Contain($"wrote sarif to {sarif}"));
        }
    }

    [Test]
    public async Task AnnotateThenFill_MakesCheckPass_AndBaselineFailsOnlyNewTable()
    {
        using var dir = new TempFolder();
        var annotations = Directory.CreateDirectory(Path.Combine(dir.Path, "annotations")).FullName;

        // v1: invoice only; the engineer annotates it.
        var v1 = CaseInventories.C06();
        v1.Sources[0].Tables.RemoveAll(t => t.Name == "invoice_line");
        var v1Path = Save(dir, v1, "v1.json");
        Assert.That((await RunAsync("check", "--inventory", v1Path, "--annotations", annotations)).Code, Is.EqualTo(ExitCodes.GateFailed));
        var (annotateCode, annotateOutput) = await RunAsync("annotate", "--inventory", v1Path, "--out", annotations);
        Assert.That(annotateCode, Is.EqualTo(ExitCodes.Ok), annotateOutput);
        Assert.That((await RunAsync("annotate", "--inventory", v1Path, "--out", annotations)).Output, Does.Contain("nothing to write"));
        Assert.That((await RunAsync("check", "--inventory", v1Path, "--annotations", annotations)).Code, Is.EqualTo(ExitCodes.GateFailed), "stubs never tag");
        var stub = Path.Combine(annotations, "invoice.yml");
        File.WriteAllText(stub, File.ReadAllText(stub).Replace("category:\n", "category: none\n", StringComparison.Ordinal));
        var (passCode, passOutput) = await RunAsync("check", "--inventory", v1Path, "--annotations", annotations);
        Assert.That(passCode, Is.EqualTo(ExitCodes.Ok), passOutput);

        // v2 adds invoice_line; with v1 as the baseline only its columns fail, even without annotations.
        var v2Path = Save(dir, CaseInventories.C06(), "v2.json");
        var (code, output) = await RunAsync("check", "--inventory", v2Path, "--baseline", v1Path, "--annotations", Path.Combine(dir.Path, "none-yet"));
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput), "an explicit annotations path must exist");
        (code, output) = await RunAsync("check", "--inventory", v2Path, "--baseline", v1Path, "--annotations", annotations);
        Assert.That(code, Is.EqualTo(ExitCodes.GateFailed));
        Assert.That(output.Split('\n').Where(l => !l.StartsWith("check ", StringComparison.Ordinal) && l.Length > 0).Select(l => l.Split("  ")[0]),
            Is.EqualTo(new[] { "invoice_line.description", "invoice_line.id", "invoice_line.invoice_id" }));
    }

    [Test]
    public async Task AnnotateFillCheck_ThenReport_ShowsTheSameTaggedColumns()
    {
        using var dir = new TempFolder();
        var annotations = Directory.CreateDirectory(Path.Combine(dir.Path, "annotations")).FullName;
        var inventory = Save(dir, CaseInventories.C06());
        Assert.That((await RunAsync("annotate", "--inventory", inventory, "--out", annotations)).Code, Is.EqualTo(ExitCodes.Ok));
        foreach (var stub in Directory.GetFiles(annotations))
            File.WriteAllText(stub, File.ReadAllText(stub).Replace("category:\n", "category: none\n", StringComparison.Ordinal));
        var (checkCode, checkOutput) = await RunAsync("check", "--inventory", inventory, "--annotations", annotations);
        Assert.That(checkCode, Is.EqualTo(ExitCodes.Ok), checkOutput);
        var reportDir = Path.Combine(dir.Path, "report");

        var (code, output) = await RunAsync("report", "--inventory", inventory, "--annotations", annotations, "--out", reportDir, "--format", "json,md");

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(reportDir, "report.json")));
        var totals = json.RootElement.GetProperty("coverageTotals");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
            Assert.That(checkOutput, Does.Contain("8 of 8 in-scope columns tagged"));
            Assert.That(output, Does.Contain("8 of 8 in-scope columns tagged (100.0%)"));
            Assert.That((totals.GetProperty("tagged").GetInt32(), totals.GetProperty("untaggedWithSuggestion").GetInt32()), Is.EqualTo((8, 0)));
            // Without the annotations the same inventory is not tagged: the report says so, as check does.
            var (_, bare) = await RunAsync("report", "--inventory", inventory, "--out", reportDir, "--format", "json");
            Assert.That(bare, Does.Contain("0 of 8 in-scope columns tagged"));
        }
    }

    [Test]
    public async Task Check_TableExcludedByTheConfig_AnnotationIsNotStale()
    {
        using var dir = new TempFolder();
        var annotations = Directory.CreateDirectory(Path.Combine(dir.Path, "annotations")).FullName;
        var inventory = Save(dir, CaseInventories.C06());
        File.WriteAllText(Path.Combine(annotations, "audit_log.yml"), "table: audit_log\ncolumns:\n  actor: contact.email\n");
        File.WriteAllText(Path.Combine(annotations, "old_table.yml"), "table: old_table\ncolumns:\n  id: none\n");
        var config = Path.Combine(dir.Path, "inventory.yml");
        File.WriteAllText(config, "sources:\n  - name: default\n    connection: sqlite:app.db\n    exclude: [audit_*]\nannotations: annotations/\n");

        var (_, output) = await RunAsync("check", "--inventory", inventory, "--config", config);

        Assert.That(output, Does.Not.Contain("audit_log"));
        Assert.That(output, Does.Contain("warning: old_table  stale: table 'old_table' is not in the inventory"));
    }

    [Test]
    public async Task Check_StaleEntries_TextLineNamesTheFileLineAndColumnToEdit()
    {
        // Trial 19: "warning: avis_clients.auteur_email  stale: …" named the column but not the file to edit.
        using var dir = new TempFolder();
        var annotations = Directory.CreateDirectory(Path.Combine(dir.Path, "annotations")).FullName;
        var inventory = Save(dir, CaseInventories.C06());
        File.WriteAllText(Path.Combine(annotations, "old_table.yml"), "table: old_table\ncolumns:\n  id: none\n");
        File.WriteAllText(Path.Combine(annotations, "invoice.yml"), "# invoice\ntable: invoice\ncolumns:\n  id: none\n  mail_backup: contact.email\n");

        var (_, output) = await RunAsync("check", "--inventory", inventory, "--annotations", annotations);

        var lines = output.Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Single(l => l.StartsWith("warning: old_table  stale:", StringComparison.Ordinal)), Does.Match(@"  \(at .*annotations/old_table\.yml:1:8\)$"));
            Assert.That(lines.Single(l => l.StartsWith("warning: invoice.mail_backup  stale:", StringComparison.Ordinal)), Does.Match(@"  \(at .*annotations/invoice\.yml:5:3\)$"));
        }
    }

    [Test]
    public async Task Check_ClaimFindings_PointAtTheClaimInThePolicyFileUsed()
    {
        using var dir = new TempFolder();
        var inventory = Save(dir, Inventory.Tests.Reports.SampleInventory.Build());
        var policy = Path.Combine(dir.Path, "policy.yml");
        File.WriteAllText(policy, Inventory.Rules.Policy.PolicyDocument.SeedText());
        int claimLine = Array.FindIndex(File.ReadAllLines(policy), l => l.Contains("id: no-stored-card-number", StringComparison.Ordinal)) + 1;
        var sarifFile = Path.Combine(dir.Path, "file.sarif");
        var none = Directory.CreateDirectory(Path.Combine(dir.Path, "none")).FullName;
        var builtinSarif = Path.Combine(dir.Path, "builtin.sarif");

        await RunAsync("check", "--inventory", inventory, "--annotations", none, "--policy", policy, "--sarif", sarifFile);
        await RunAsync("check", "--inventory", inventory, "--annotations", none, "--policy", "builtin", "--sarif", builtinSarif);

        System.Text.Json.Nodes.JsonNode Card(string file) => System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!["runs"]![0]!["results"]!.AsArray()
            .First(r => (string?)r!["properties"]!["claim"] == "no-stored-card-number")!;
        var fromFile = Card(sarifFile)["locations"]![0]!;
        var fromBuiltin = Card(builtinSarif)["locations"]![0]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(claimLine, Is.GreaterThan(1));
            var uri = (string)fromFile["physicalLocation"]!["artifactLocation"]!["uri"]!;
            Assert.That(Path.GetFullPath(uri), Is.EqualTo(policy), "a path relative to the working directory that exists");
            Assert.That(Path.IsPathRooted(uri), Is.False);
            Assert.That((int)fromFile["physicalLocation"]!["region"]!["startLine"]!, Is.InRange(claimLine - 1, claimLine));
            // The built-in policy is no file of the repository: the result is anchored on the annotation file that settles
            // it (GitHub code scanning rejects a whole upload with one result without a file; trial 33 finding 10).
            var anchor = (string)fromBuiltin["physicalLocation"]!["artifactLocation"]!["uri"]!;
            Assert.That(Path.GetFullPath(anchor), Does.StartWith(none + Path.DirectorySeparatorChar).And.EndWith(".yml"));
        }
    }

    [Test]
    public async Task Check_BuiltinPolicyFromTheConfig_ClaimFindingsPointAtThePolicyLineNotTheFilesFirstLine()
    {
        // Given a config whose line 3 selects the built-in policy
        using var dir = new TempFolder();
        var inventory = Save(dir, Inventory.Tests.Reports.SampleInventory.Build());
        var none = Directory.CreateDirectory(Path.Combine(dir.Path, "none")).FullName;
        var config = dir.Write("inventory.yml", "# gate config\nannotations: none/\npolicy: builtin\n");
        var sarif = Path.Combine(dir.Path, "check.sarif");

        await RunAsync("check", "--inventory", inventory, "--config", config, "--annotations", none, "--sarif", sarif);

        // Then the claim finding points at `policy: builtin` (line 3, column 9), where the claims come from
        var card = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(sarif))!["runs"]![0]!["results"]!.AsArray()
            .First(r => (string?)r!["properties"]!["claim"] == "no-stored-card-number")!;
        var location = card["locations"]![0]!["physicalLocation"]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Path.GetFullPath((string)location["artifactLocation"]!["uri"]!), Is.EqualTo(config));
            Assert.That(((int)location["region"]!["startLine"]!, (int)location["region"]!["startColumn"]!), Is.EqualTo((3, 9)));
        }
    }

    [Test]
    public async Task Check_AnnotationNamesUnknownActivityAndRecipient_BothFlaggedAtTheirPlace()
    {
        // Given the seed policy (recipients stripe, authorities, intercom) and an annotation with two typos
        using var dir = new TempFolder();
        var inventory = Save(dir, CaseInventories.C06());
        var policy = dir.Write("policy.yml", Inventory.Rules.Policy.PolicyDocument.SeedText());
        var annotations = Path.Combine(dir.Path, "annotations");
        var file = dir.Write("annotations/invoice.yml",
            "table: invoice\nactivity: biling-and-payment\nshared-with: [stripe, intercomm]\ncolumns:\n  billing_email: { category: contact.email, shared-with: [authoritys] }\n");

        var (code, output) = await RunAsync("check", "--inventory", inventory, "--annotations", annotations, "--policy", policy);

        // Then each unknown id is an invalid annotation at its own line and column, and the gate fails (exit 1, not 2)
        var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.GateFailed), output);
            Assert.That(output, Does.Contain($"{shown}:2:11").And.Contain("unknown processing activity 'biling-and-payment' (did you mean 'billing-and-payment'?)"));
            Assert.That(output, Does.Contain($"{shown}:3:23").And.Contain("unknown recipient 'intercomm' (did you mean 'intercom'?)"));
            Assert.That(output, Does.Contain($"{shown}:5:59").And.Contain("unknown recipient 'authoritys'"));
            Assert.That(output, Does.Not.Contain("unknown recipient 'stripe'"));
        }
    }

    [Test]
    public async Task Check_InvalidAnnotationFile_GateFailsExitOneAndStillReportsTheRest()
    {
        using var dir = new TempFolder();
        var inventory = Save(dir, CaseInventories.C06());
        dir.Write("annotations/invoice.yml", File.ReadAllText(Path.Combine(SharedPaths.Cases, "C06-ci-gate-tagged", "annotations.yml")));
        var bad = dir.Write("annotations/invoice_line.yml", "table: invoice_line\ncolumns:\n  id: nonee\n");

        var (code, output) = await RunAsync("check", "--inventory", inventory, "--annotations", Path.Combine(dir.Path, "annotations"));

        using (Assert.EnterMultipleScope())
        {
            // A category typo is an invalid-annotation finding failing the gate, exit 1 like an unknown activity id
            // (trial40 finding 8: exit 2 paged the platform team for a developer's typo).
            Assert.That(code, Is.EqualTo(ExitCodes.GateFailed), output);
            Assert.That(output, Does.Contain("invalid-annotation: unknown category 'nonee' (did you mean 'none'?)"));
            Assert.That(output, Does.Contain("invoice.billing_email  untagged"), "the good file still applies and the gate still reports");
            Assert.That(output, Does.Not.Contain("invoice.id  untagged"));
        }
        _ = bad;
    }

    [TestCase("table: invoice\ncolumns:\n  billing_email: { category: contact.emial }\n", "unknown category 'contact.emial'", TestName = "Check_CategoryTypo_ExitOne")]
    [TestCase("table: invoice\nactivity: biling-and-payment\ncolumns:\n  billing_email: { category: contact.email }\n", "unknown processing activity 'biling-and-payment'", TestName = "Check_UnknownActivityId_ExitOne")]
    [TestCase("table: invoice\ncolumns:\n  billing_email: { category: contact.email\n", "invalid-annotation", TestName = "Check_MalformedAnnotationYaml_ExitOne")]
    public async Task Check_DevelopersAnnotationMistake_GateFailsWithExitOne(string annotation, string said)
    {
        // Given the seed policy and one annotation file with a developer's mistake in it
        using var dir = new TempFolder();
        var inventory = Save(dir, CaseInventories.C06());
        var policy = dir.Write("policy.yml", Inventory.Rules.Policy.PolicyDocument.SeedText());
        dir.Write("annotations/invoice.yml", annotation);

        var (code, output) = await RunAsync("check", "--inventory", inventory, "--annotations", Path.Combine(dir.Path, "annotations"), "--policy", policy);

        // Then every such mistake is a failing invalid-annotation finding, exit 1 (README's exit codes: 1 the gate failed),
        // never 2, which a CI engineer maps to "the pipeline is broken" (trial40 finding 8)
        Assert.That(code, Is.EqualTo(ExitCodes.GateFailed), output);
        Assert.That(output, Does.Contain(said));
    }

    [Test]
    public async Task Check_MissingInventoryFile_StillBadInputExitTwo()
    {
        using var dir = new TempFolder();
        var (code, output) = await RunAsync("check", "--inventory", Path.Combine(dir.Path, "nope.json"));
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput), output);
    }

    [Test]
    public async Task Check_NoInput_IsBadInput()
    {
        var (code, output) = await RunAsync("check");
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(output, Does.Contain("--inventory FILE"));
    }

    [Test]
    public async Task Check_ThresholdNeverAcceptsNoneOnAColumnThatWasNotSampled()
    {
        // Given an unreadable table whose id the name rules call none (0.95), and a sampled table with the same suggestion
        using var dir = new TempFolder();
        var unreadable = CaseInventories.Table("accounts", 0,
            CaseInventories.Column("id", 1, "integer", TypeFamily.Integer, CaseInventories.Decided("none", 0.95, CaseInventories.NameRule("name.en.id", "none", 0.95)),
                notSampled: NotSampledReason.NoPrivilege));
        unreadable.NotSampled = NotSampledReason.NoPrivilege;
        var sampled = CaseInventories.Table("lookup", 10,
            CaseInventories.Column("id", 1, "integer", TypeFamily.Integer, CaseInventories.Decided("none", 0.95, CaseInventories.NameRule("name.en.id", "none", 0.95)), 10, 10));
        var inventory = Save(dir, CaseInventories.Document(unreadable, sampled));

        // When the gate accepts classifications at 0.9
        var (code, text) = await RunAsync("check", "--inventory", inventory, "--accept-classification-above", "0.9", "--annotations", dir.Path);

        // Then zero evidence is not "not personal": the unreadable id stays untagged, the sampled one is accepted
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.GateFailed), text);
            Assert.That(text, Does.Contain("accounts.id"));
            Assert.That(text, Does.Not.Contain("lookup.id"));
        }
    }
}
