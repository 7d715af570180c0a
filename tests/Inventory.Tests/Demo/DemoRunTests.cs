using System.Text;
using Inventory.Cli.Commands;
using Inventory.Demo;
using Inventory.Model;
using Inventory.Reports.Check;
using Inventory.Reports.Claims;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Demo;

/// <summary>The demo end to end, as the README's demo command runs it: every column has a status, the traps are caught,
/// the inventory round-trips, and no raw value the generator inserted reaches any file the demo writes.</summary>
[TestFixture]
[NonParallelizable]
public sealed class DemoRunTests
{
    private string _out = "";
    private DemoCommand.DemoRun _run = null!;
    private string _console = "";

    [OneTimeSetUp]
    public async Task RunDemo()
    {
        _out = Path.Combine(Path.GetTempPath(), $"inventory-demo-{Guid.NewGuid():N}");
        var console = new TestConsole();
        console.Profile.Width = 160;
        _run = await DemoCommand.RunAsync(console, _out, DemoDatabase.DefaultSeed, DemoSize.Default, CancellationToken.None);
        _console = console.Output;
    }

    [OneTimeTearDown]
    public void CleanUp() => Directory.Delete(_out, recursive: true);

    [Test]
    public void Demo_EveryColumnOfTheDatabase_AppearsWithAStatus()
    {
        var columns = _run.Inventory.AllColumns().ToDictionary(c => (c.Table.QualifiedName, c.Column.Name), c => c.Column);

        var missing = _run.Manifest.Columns.Where(t => !columns.ContainsKey((t.Table, t.Column))).Select(t => $"{t.Table}.{t.Column}").ToList();

        Assert.That(missing, Is.Empty);
        Assert.That(columns, Has.Count.EqualTo(_run.Manifest.Columns.Count));
    }

    [Test]
    public void Demo_EffectiveCategories_AgreeWithTheGeneratorOnAtLeast98Percent()
    {
        TestContext.Out.WriteLine($"agreement: {_run.Agreement:P1}");
        Assert.That(_run.Agreement, Is.GreaterThanOrEqualTo(0.98));
    }

    [Test]
    public void Demo_ClassifierAlone_AgreesWithTheGeneratorOnSampledColumns()
    {
        // Annotations excluded: what the classifier decided by itself, on the controller tables it could sample.
        var truth = _run.Manifest.Columns.ToDictionary(t => (t.Table, t.Column), t => t.DataCategory);
        var sampled = _run.Inventory.AllColumns().Where(c => c.Source.Role == ProcessingRole.Controller).ToList();
        var agree = sampled.Count(c => c.Column.Classification?.DataCategory == truth[(c.Table.QualifiedName, c.Column.Name)]);
        double ratio = (double)agree / sampled.Count;
        TestContext.Out.WriteLine($"classifier alone: {agree}/{sampled.Count} = {ratio:P1}");
        foreach (var c in sampled.Where(c => c.Column.Classification?.DataCategory != truth[(c.Table.QualifiedName, c.Column.Name)]))
            TestContext.Out.WriteLine($"  {c.Table.QualifiedName}.{c.Column.Name}: {c.Column.Classification?.DataCategory ?? "(undecided)"} vs {truth[(c.Table.QualifiedName, c.Column.Name)]}");
        Assert.That(ratio, Is.GreaterThanOrEqualTo(0.98));
    }

    [Test]
    public void Demo_PanTable_ViolatesTheCardClaim()
    {
        var traps = _run.Manifest.Traps;
        var card = _run.Gate.Claims.Single(c => c.Claim.Kind == "no-card-number");

        Assert.That(card.Verdict, Is.EqualTo(ClaimVerdict.Violated));
        Assert.That(card.Findings.Select(f => $"{f.Table}.{f.Column}"), Is.EqualTo(new[] { $"{traps.PanTable}.{traps.PanColumn}" }));
    }

    [Test]
    public void Demo_IntercomTable_HoldsTheIntercomClaim()
    {
        var intercom = _run.Gate.Claims.Single(c => c.Claim.Kind == "shared-with-only");

        Assert.That(intercom.Verdict, Is.EqualTo(ClaimVerdict.Holds), intercom.Summary);
    }

    [Test]
    public void Demo_DeletionAndBillingClaims_FollowTheSchemasCascades()
    {
        // The organisation is the account root (users → organisations cascades). Deleting it cascades into
        // billing_profiles and payment_methods (ON DELETE CASCADE in the demo schema), never into invoices (RESTRICT),
        // so invoice_lines (cascading from invoices only) are safe.
        var claims = _run.Gate.Claims.ToDictionary(c => c.Claim.Id);
        var billing = claims["billing-kept"];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(billing.Findings.Select(f => f.Table), Is.EquivalentTo(new[] { "billing_profiles", "payment_methods" }));
            Assert.That(billing.Findings.Single(f => f.Table == "payment_methods").Reason, Does.Contain("organisations → billing_profiles"));
            // support_tickets is ON DELETE SET NULL from users: the tickets stay when the account goes, and the scan
            // finds contact data in their bodies (trial 26 finding 4: this used to count as erased).
            Assert.That(claims["deletion-path"].Verdict, Is.EqualTo(ClaimVerdict.Unknown), claims["deletion-path"].Summary);
            Assert.That(claims["deletion-path"].Findings, Is.Empty);
            Assert.That(claims["deletion-path"].Unresolved.Select(f => f.Table), Is.EqualTo(new[] { "support_tickets" }));
            Assert.That(claims["deletion-path"].Unresolved.Single().Reason, Does.Contain("→ users is ON DELETE SET NULL, which keeps the row").And.Contain("body: contact."));
        }
    }

    [Test]
    public void Demo_ClaimUnresolvedItems_ListNoKeyColumn()
    {
        // The unannotated table's id and referrer_user_id are keys: not personal data, they cannot bear on a category
        // claim; its other untagged columns still leave the category claims undecided for that table.
        var table = _run.Manifest.Traps.UnannotatedTable;
        var entry = _run.Inventory.AllTables().Single(t => t.Table.QualifiedName == table).Table;
        var keys = entry.PrimaryKey.Concat(entry.ForeignKeys.SelectMany(fk => fk.Columns)).ToHashSet(StringComparer.Ordinal);
        var claims = _run.Gate.Claims.ToDictionary(c => c.Claim.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(keys, Is.SupersetOf(new[] { "id", "referrer_user_id" }));
            foreach (var id in new[] { "declared-categories-only", "automatic-data-limited" })
            {
                var unresolved = claims[id].Unresolved.Where(u => u.Column is not null).Select(u => u.Column!).ToList();
                Assert.That(unresolved, Is.EquivalentTo(entry.Columns.Select(c => c.Name).Where(n => !keys.Contains(n))), id);
                Assert.That(unresolved, Has.None.Matches<string>(keys.Contains), id);
            }
            Assert.That(_run.Gate.Claims.SelectMany(c => c.Unresolved).Where(u => u.Column is not null)
                .Select(u => u.Column!), Has.None.EqualTo("id").And.None.EndsWith("_id"), "no claim lists a key column");
        }
    }

    [Test]
    public void Demo_NewTable_IsUntaggedAndFailsTheGate()
    {
        var table = _run.Manifest.Traps.UnannotatedTable;
        var expected = _run.Manifest.Columns.Where(c => c.Table == table).Select(c => $"{table}.{c.Column}").OrderBy(k => k, StringComparer.Ordinal);

        var untagged = _run.Gate.Result.Failures.Where(f => f.Kind == FindingKind.Untagged).Select(f => f.Key).OrderBy(k => k, StringComparer.Ordinal);

        Assert.That(untagged, Is.EqualTo(expected));
        Assert.That(_run.Gate.Result.Passed, Is.False);
    }

    [Test]
    public void Demo_ContradictedAnnotation_IsReportedAsConflict()
    {
        var traps = _run.Manifest.Traps;
        var column = _run.Inventory.AllColumns().Single(c => c.Table.QualifiedName == traps.ContradictedTable && c.Column.Name == traps.ContradictedColumn).Column;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(column.Status, Is.EqualTo(ColumnStatus.Conflict));
            Assert.That(column.DataCategory, Is.EqualTo(traps.AnnotatedCategory), "the annotation wins");
            Assert.That(_run.Gate.Result.Findings.Any(f => f.Kind == FindingKind.Conflict && f.Key == $"{traps.ContradictedTable}.{traps.ContradictedColumn}"), Is.True);
        }
    }

    [Test]
    public void Demo_Inventory_RoundTripsLosslessly()
    {
        var path = Path.Combine(_out, "inventory.json");
        var text = File.ReadAllText(path);

        var again = InventoryJson.Serialize(InventoryJson.Read(path));

        Assert.That(again, Is.EqualTo(text));
    }

    [Test]
    public void Demo_Inventory_ReadBySourceGeneratedMetadata_AsByReflection()
    {
        var text = File.ReadAllText(Path.Combine(_out, "inventory.json"));
        var reflection = Inventory.Tests.Scanning.InventoryJsonSourceGeneratedTests.Reflection(InventoryJson.Options);

        var generated = InventoryJson.Deserialize(text);
        var byReflection = System.Text.Json.JsonSerializer.Deserialize<InventoryDocument>(text, reflection)!;

        Assert.That(System.Text.Json.JsonSerializer.Serialize(generated, reflection), Is.EqualTo(System.Text.Json.JsonSerializer.Serialize(byReflection, reflection)));
        Assert.That(System.Text.Json.JsonSerializer.Serialize(generated, InventoryJson.Options) + "\n", Is.EqualTo(text));
    }

    [Test]
    public void Demo_WrittenFiles_HoldNoRawValueTheGeneratorInserted()
    {
        // Every file the demo writes, except the demo database itself; XLSX is a zip, so its parts are read unzipped.
        var files = Directory.GetFiles(_out, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".sqlite", StringComparison.Ordinal)).ToList();
        var texts = files.SelectMany(ReadTexts).ToList();
        texts.Add(("console", _console));
        var canaries = _run.Manifest.CanaryValues.Where(c => c.Value.Length >= 6).ToList();
        Assume.That(canaries, Has.Count.GreaterThan(100));

        var leaks = (from t in texts from c in canaries where t.Text.Contains(c.Value, StringComparison.Ordinal) select $"{c.Kind} in {t.Name}").Distinct().ToList();

        Assert.That(leaks, Is.Empty);
        Assert.That(files.Select(Path.GetFileName), Does.Contain("ropa.html").And.Contain("inventory.json").And.Contain("inventory-check.sarif"));
    }

    private static IEnumerable<(string Name, string Text)> ReadTexts(string file)
    {
        if (!file.EndsWith(".xlsx", StringComparison.Ordinal))
            return [(file, File.ReadAllText(file, Encoding.UTF8))];
        using var zip = System.IO.Compression.ZipFile.OpenRead(file);
        return zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return ($"{file}!{e.FullName}", reader.ReadToEnd());
        }).ToList();
    }
}
