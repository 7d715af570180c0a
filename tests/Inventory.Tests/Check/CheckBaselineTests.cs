using Inventory.Annotations;
using Inventory.Model;
using Inventory.Reports.Check;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using NUnit.Framework;
using static Inventory.Tests.Annotations.CaseInventories;

namespace Inventory.Tests.Check;

/// <summary>A baseline excuses the findings it recorded (kind and, for a conflict, the annotated category), never a
/// wrong annotation written or changed after it.</summary>
[TestFixture]
public sealed class CheckBaselineTests
{
    private static readonly CheckOptions FailOnConflict = new() { FailOn = new HashSet<FindingKind> { FindingKind.Untagged, FindingKind.Conflict } };

    /// <summary>C05 merged with its annotations (backup_email annotated <paramref name="backupEmail"/>, contradicted by e-mails).</summary>
    private static CheckResult Gate(TempFolder dir, string backupEmail, CheckBaseline? baseline)
    {
        dir.Write("app_user.yml", $"table: app_user\ncolumns:\n  id: none\n  display_name: contact\n  resource_path: {{ category: none, reason: storage path }}\n  backup_email: {backupEmail}\n");
        var document = C05();
        var set = new AnnotationLoader().Load(dir.Path);
        new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, set);
        return CheckGate.Evaluate(document, FailOnConflict with { PathBase = dir.Path, AnnotationErrors = set.Errors, Baseline = baseline });
    }

    private static async Task<CheckBaseline> SavedInventory(TempFolder dir, InventoryDocument document)
    {
        var path = Path.Combine(dir.Path, "baseline.json");
        await File.WriteAllTextAsync(path, InventoryJson.Serialize(document));
        return CheckBaseline.Read(path);
    }

    [Test]
    public async Task Evaluate_BaselineTakenBeforeAnnotating_ConflictOfTheNewAnnotationFails()
    {
        // Given a baseline saved before any annotation (every column only suggested)
        using var baselineDir = new TempFolder();
        var baseline = await SavedInventory(baselineDir, C05());

        // When the e-mail column is then annotated none
        using var dir = new TempFolder();
        var result = Gate(dir, "none", baseline);

        // Then the conflict is not excused: the baseline never had it
        var conflict = result.Findings.Single(f => f.Kind == FindingKind.Conflict && f.Column == "backup_email");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(conflict.Key, Is.EqualTo("app_user.backup_email"));
            Assert.That(conflict.Baselined, Is.False);
            Assert.That(conflict.Failing, Is.True);
            Assert.That(result.Passed, Is.False);
        }
    }

    [Test]
    public async Task Evaluate_SameConflictInTheBaseline_Excused()
    {
        // Given a check-result baseline that already had backup_email annotated none and contradicted
        using var first = new TempFolder();
        var before = Gate(first, "none", null);
        var path = Path.Combine(first.Path, "check.json");
        await AtomicFile.WriteAsync(path, s => new CheckJsonWriter().WriteAsync(before, s));

        // When the same annotation is checked again
        using var dir = new TempFolder();
        var result = Gate(dir, "none", CheckBaseline.Read(path));

        var conflict = result.Findings.Single(f => f.Kind == FindingKind.Conflict && f.Column == "backup_email");
        Assert.That((conflict.Baselined, conflict.Failing, result.Passed), Is.EqualTo((true, false, true)));
    }

    [Test]
    public async Task Evaluate_ConflictWhoseAnnotationChangedSinceTheBaseline_Fails()
    {
        // Given a baseline with backup_email annotated none (a known conflict), then re-annotated automatic.ip_address
        using var first = new TempFolder();
        var baseline = await SavedInventory(first, MergedC05(first, "none"));

        using var dir = new TempFolder();
        var result = Gate(dir, "automatic.ip_address", baseline);

        var conflict = result.Findings.Single(f => f.Kind == FindingKind.Conflict && f.Column == "backup_email");
        Assert.That((conflict.AnnotatedCategory, conflict.Baselined, conflict.Failing), Is.EqualTo(("automatic.ip_address", false, true)));
    }

    [Test]
    public void Evaluate_ColumnTaggedInTheBaselineUntaggedNow_NotExcused()
    {
        var baseline = new CheckBaseline([new BaselineColumn("default", "app_user", "display_name", null, null)]);
        using var dir = new TempFolder();
        dir.Write("app_user.yml", "table: app_user\ncolumns:\n  id: none\n");
        var document = C05();
        new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, new AnnotationLoader().Load(dir.Path));

        var result = CheckGate.Evaluate(document, FailOnConflict with { PathBase = dir.Path, Baseline = baseline });

        var untagged = result.Findings.Single(f => f.Column == "display_name");
        Assert.That((untagged.Kind, untagged.Baselined, untagged.Failing), Is.EqualTo((FindingKind.Untagged, false, true)));
    }

    private static InventoryDocument MergedC05(TempFolder dir, string backupEmail)
    {
        dir.Write("app_user.yml", $"table: app_user\ncolumns:\n  backup_email: {backupEmail}\n");
        var document = C05();
        new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, new AnnotationLoader().Load(dir.Path));
        return document;
    }
}
