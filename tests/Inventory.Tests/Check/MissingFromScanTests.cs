using Inventory.Annotations;
using Inventory.Model;
using Inventory.Reports.Check;
using Inventory.Tests.Annotations;
using NUnit.Framework;
using Build = Inventory.Tests.Reports.Some;

namespace Inventory.Tests.Check;

/// <summary>A scanner that loses grants must not turn the gate green (trial35 finding 6): with <c>--baseline</c>, each
/// table and column of the baseline the scan no longer holds is a <c>missing</c> finding (a warning; failing under
/// <c>fail-on: [missing]</c> or <c>--strict</c>), and the summary line counts them; without a baseline, the summary
/// counts the annotated tables the scan did not see. Generated over tables and columns of the four languages.</summary>
[TestFixture]
public sealed class MissingFromScanTests
{
    private static readonly (string Table, string[] Columns)[] Tables =
    [
        ("support_tickets", ["subject", "body", "requester_email"]),
        ("tickets_support", ["sujet", "corps", "courriel_demandeur"]),
        ("kundenanfragen", ["betreff", "nachricht", "email_anfragender"]),
        ("solicitudes_soporte", ["asunto", "cuerpo", "correo_solicitante"]),
    ];

    private static InventoryDocument Full() => Build.Document(Build.Source("panel",
        Tables.Select(t => Build.Table(t.Table, null, [Build.Id(), .. t.Columns.Select(c => Build.Column(c, "contact.email"))])).ToArray()));

    private static async Task<CheckBaseline> Saved(TempFolder dir, InventoryDocument document)
    {
        var path = Path.Combine(dir.Path, "baseline.json");
        await File.WriteAllTextAsync(path, InventoryJson.Serialize(document));
        return CheckBaseline.Read(path);
    }

    /// <summary>The scan after the grants were narrowed: the <paramref name="hiddenTable"/>-th table is gone, and the last
    /// column of every other table is hidden (a column privilege).</summary>
    private static InventoryDocument Narrowed(int hiddenTable)
    {
        var document = Full();
        var tables = document.Sources[0].Tables;
        tables.RemoveAll(t => t.Name == Tables[hiddenTable].Table);
        foreach (var t in tables) t.Columns.RemoveAt(t.Columns.Count - 1);
        return document;
    }

    [TestCase(0), TestCase(1), TestCase(2), TestCase(3)]
    public async Task Baseline_TableAndColumnsHidden_EachReportedMissing_WarningByDefault(int hidden)
    {
        using var dir = new TempFolder();
        var baseline = await Saved(dir, Full());

        var result = CheckGate.Evaluate(Narrowed(hidden), new CheckOptions { PathBase = dir.Path, Baseline = baseline, AcceptClassificationAbove = 0.5 });
        var missing = result.Findings.Where(f => f.Kind == FindingKind.Missing).ToList();
        var text = CheckTextWriter.Render(result);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing.Where(f => f.Column is null).Select(f => f.Table), Is.EqualTo(new[] { Tables[hidden].Table }));
            Assert.That(missing.Where(f => f.Column is not null).Select(f => $"{f.Table}.{f.Column}"),
                Is.EquivalentTo(Tables.Where((_, i) => i != hidden).Select(t => $"{t.Table}.{t.Columns[^1]}")));
            Assert.That(missing.Single(f => f.Column is null).Message, Does.Contain("(4 columns) was in the baseline and is not in this scan"));
            Assert.That(result.Passed, Is.True, "a warning unless fail-on lists missing");
            Assert.That(text, Does.Contain("; 1 table and 3 columns of the baseline not in this scan"));
            Assert.That(text, Does.Contain($"warning: {Tables[hidden].Table}  missing: table"));
            Assert.That(missing.Select(f => f.Location.File), Has.All.EqualTo("baseline.json"));
            Assert.That(CheckWriterTests.Validate(SarifText(result)).IsValid, Is.True, "SARIF with missing findings stays valid");
        }
    }

    private static string SarifText(CheckResult result)
    {
        using var stream = new MemoryStream();
        new SarifCheckWriter().WriteAsync(result, stream).GetAwaiter().GetResult();
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Test]
    public async Task Baseline_FailOnMissingOrStrict_HiddenTableFailsTheGate()
    {
        using var dir = new TempFolder();
        var baseline = await Saved(dir, Full());
        var options = new CheckOptions { PathBase = dir.Path, Baseline = baseline, AcceptClassificationAbove = 0.5 };

        var failOn = CheckGate.Evaluate(Narrowed(0), options with { FailOn = new HashSet<FindingKind> { FindingKind.Untagged, FindingKind.Missing } });
        var strict = CheckGate.Evaluate(Narrowed(0), options with { Strict = true });
        var same = CheckGate.Evaluate(Full(), options with { Strict = true });

        Assert.That((failOn.Passed, strict.Passed, same.Passed), Is.EqualTo((false, false, true)));
    }

    [Test]
    public async Task Baseline_ShardedScan_NotComparedSinceItHoldsOnlyItsSlice()
    {
        using var dir = new TempFolder();
        var baseline = await Saved(dir, Full());
        var part = Narrowed(0);
        part.Shard = "1/2";

        var result = CheckGate.Evaluate(part, new CheckOptions { PathBase = dir.Path, Baseline = baseline, Strict = true, AcceptClassificationAbove = 0.5 });

        Assert.That(result.Findings.Where(f => f.Kind == FindingKind.Missing), Is.Empty);
    }

    [Test]
    public void NoBaseline_AnnotatedTablesTheScanDidNotSee_CountedInTheSummary()
    {
        using var dir = new TempFolder();
        foreach (var (table, columns) in Tables)
            dir.Write($"{table}.yml", $"table: {table}\ncolumns:\n" + string.Concat(columns.Select(c => $"  {c}: contact.email\n")));
        var document = Narrowed(2);
        document.Sources[0].Tables.RemoveAt(0);
        var set = new AnnotationLoader().Load(dir.Path);
        var merge = new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, set);

        var text = CheckTextWriter.Render(CheckGate.Evaluate(document, new CheckOptions { PathBase = dir.Path, Stale = merge.Stale }));

        Assert.That(text, Does.Contain("; 2 annotated tables not in this scan (stale above)"));
    }

    /// <summary>The scan after a migration: the <paramref name="renamedTable"/>-th table is renamed (to
    /// <paramref name="newName"/>, or its name with <c>_archive</c>), and the last column of every other table gets a
    /// <c>_principal</c> suffix.</summary>
    private static InventoryDocument Migrated(int renamedTable, string? newName = null)
    {
        var document = Full();
        var tables = document.Sources[0].Tables;
        foreach (var t in tables)
            if (t.Name == Tables[renamedTable].Table) t.Name = t.QualifiedName = newName ?? t.Name + "_archive";
            else t.Columns[^1].Name += "_principal";
        return document;
    }

    [TestCase(0), TestCase(1), TestCase(2), TestCase(3)]
    public async Task Baseline_TableAndColumnsRenamed_MissingFindingsNameTheNewNames(int renamed)
    {
        // trial38 finding 9: stale findings and diff named the new name, the baseline's missing findings did not.
        using var dir = new TempFolder();
        var baseline = await Saved(dir, Full());

        var result = CheckGate.Evaluate(Migrated(renamed), new CheckOptions { PathBase = dir.Path, Baseline = baseline, AcceptClassificationAbove = 0.5 });
        var missing = result.Findings.Where(f => f.Kind == FindingKind.Missing).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing.Single(f => f.Column is null).Message,
                Does.EndWith($"hidden from the scanning user; renamed to '{Tables[renamed].Table}_archive'?"));
            foreach (var (table, columns) in Tables.Where((_, i) => i != renamed))
                Assert.That(missing.Single(f => f.Table == table && f.Column is not null).Message,
                    Does.EndWith($"(a column privilege); renamed to '{columns[^1]}_principal'?"));
            Assert.That(CheckTextWriter.Render(result), Does.Contain($"renamed to '{Tables[renamed].Table}_archive'?"));
        }
    }

    [TestCase(0), TestCase(1), TestCase(2), TestCase(3)]
    public async Task Baseline_TableRenamedToAnUnlikeName_NamedByItsColumns(int renamed)
    {
        using var dir = new TempFolder();
        var baseline = await Saved(dir, Full());

        var result = CheckGate.Evaluate(Migrated(renamed, "zz_q"), new CheckOptions { PathBase = dir.Path, Baseline = baseline, AcceptClassificationAbove = 0.5 });

        Assert.That(result.Findings.Single(f => f.Kind == FindingKind.Missing && f.Column is null).Message, Does.EndWith("; renamed to 'zz_q'?"));
    }

    [TestCase(0), TestCase(1), TestCase(2), TestCase(3)]
    public async Task Baseline_HiddenOrReplacedByUnrelatedObjects_NoRenameHint(int hidden)
    {
        // Look-alikes: a hidden table and columns (nothing new), then a new table sharing no column and new columns with
        // unrelated names: no rename is guessed.
        using var dir = new TempFolder();
        var baseline = await Saved(dir, Full());
        var narrowed = Narrowed(hidden);
        var replaced = Narrowed(hidden);
        replaced.Sources[0].Tables.Add(Build.Table("audit_events", null, [Build.Id(), Build.Column("happened_at", "none")]));
        foreach (var t in replaced.Sources[0].Tables) t.Columns.Add(Build.Column("created_at", "none"));
        var options = new CheckOptions { PathBase = dir.Path, Baseline = baseline, AcceptClassificationAbove = 0.5 };

        var messages = new[] { narrowed, replaced }.SelectMany(d => CheckGate.Evaluate(d, options).Findings)
            .Where(f => f.Kind == FindingKind.Missing).Select(f => f.Message).ToList();

        Assert.That(messages, Has.Count.EqualTo(8).And.None.Contain("renamed to"));
    }
}
