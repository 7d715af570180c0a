using Inventory.Annotations;
using Inventory.Model;
using Inventory.Reports.Check;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Check;

/// <summary>C05, C06 and C07 through the gate. The inventories are built by hand from the cases' setup scripts (see
/// <see cref="CaseInventories"/>); the annotations are the cases' own files.</summary>
[TestFixture]
public sealed class CheckCaseTests
{
    private static CheckResult Gate(InventoryDocument document, string? annotations, CheckOptions? options = null)
    {
        var set = annotations is null ? AnnotationSet.Empty : new AnnotationLoader().Load(annotations);
        var pathBase = annotations is null ? SharedPaths.Cases : Directory.Exists(annotations) ? annotations : Path.GetDirectoryName(annotations)!;
        var merge = new AnnotationMerger(options: new MergeOptions { PathBase = pathBase }).Apply(document, set);
        return CheckGate.Evaluate(document, (options ?? new CheckOptions()) with
        {
            PathBase = pathBase, Stale = merge.Stale, AnnotationErrors = set.Errors,
        });
    }

    private static string Case(string folder, string file) => Path.Combine(SharedPaths.Cases, folder, file);

    private static string[] ExpectedList(string folder) =>
        File.ReadAllLines(Case(folder, "expected-check.txt")).Where(l => l.Length > 0).ToArray();

    [Test]
    public void Evaluate_C06_ListsExactlyTheExpectedColumnsSorted()
    {
        var result = Gate(CaseInventories.C06(), Case("C06-ci-gate-tagged", "annotations.yml"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(result.Failures.Select(f => f.Key), Is.EqualTo(ExpectedList("C06-ci-gate-tagged")));
            Assert.That(result.Findings.Where(f => !f.Failing), Is.Empty);
            var billing = result.Failures.Single(f => f.Key == "invoice.billing_email");
            Assert.That(billing.Suggestion, Does.StartWith("suggested: contact.email"), "the suggestion is printed but does not count");
            Assert.That(billing.Location, Is.EqualTo(new FindingLocation("annotations.yml", 1, 0, true)), "points at the table's annotation file, column unknown");
            var total = result.Failures.Single(f => f.Key == "invoice.total");
            Assert.That(total.Message, Is.EqualTo("annotation entry has no category; not sampled (empty): classified from its name and type alone"));
            Assert.That(total.Location.Line, Is.EqualTo(8));
            Assert.That(result.Failures.Single(f => f.Key == "invoice_line.id").Location,
                Is.EqualTo(new FindingLocation("annotations/invoice_line.yml", 1, 0, false)), "points at the file to create, column unknown");
        }
        var text = CheckTextWriter.Render(result).Split('\n');
        Assert.That(text.Take(5).Select(l => l.Split("  ")[0]), Is.EqualTo(ExpectedList("C06-ci-gate-tagged")));
    }

    [Test]
    public void Evaluate_C06_IsStableAcrossRuns()
    {
        var first = CheckTextWriter.Render(Gate(CaseInventories.C06(), Case("C06-ci-gate-tagged", "annotations.yml")));
        var second = CheckTextWriter.Render(Gate(CaseInventories.C06(), Case("C06-ci-gate-tagged", "annotations.yml")));
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Evaluate_C06_HighConfidenceAcceptanceStillNeedsColumnTags()
    {
        // Only classifications >= 0.85 count: the table default (financial) never does, and a `none` from the name alone on
        // a table with no rows (invoice_line.id, invoice_line.invoice_id) is zero evidence, not "not personal".
        var result = Gate(CaseInventories.C06(), Case("C06-ci-gate-tagged", "annotations.yml"), new CheckOptions { AcceptClassificationAbove = 0.85 });
        Assert.That(result.Failures.Select(f => f.Key), Is.EqualTo(new[]
            { "invoice.billing_email", "invoice.total", "invoice_line.description", "invoice_line.id", "invoice_line.invoice_id" }));
    }

    [Test]
    public void Evaluate_C05_ConflictIsAWarningByDefault()
    {
        var result = Gate(CaseInventories.C05(), Case("C05-annotation-vs-detector", "annotations.yml"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Passed, Is.True);
            var warning = result.Warnings.Single();
            Assert.That((warning.Kind, warning.Key), Is.EqualTo((FindingKind.Conflict, "app_user.backup_email")));
            Assert.That(warning.Message, Is.EqualTo("annotated none, but 1/1 non-null sampled values are e-mail (detector.email)"));
            Assert.That(warning.Location, Is.EqualTo(new FindingLocation("annotations.yml", 7, 3, true)), "the entry's key: `  backup_email:` starts at column 3");
            Assert.That(result.Findings.Any(f => f.Column is "display_name" or "resource_path"), Is.False, "agreement and reviewed decisions: no message");
        }
    }

    [Test]
    public void Evaluate_C05Strict_ConflictFails()
    {
        var result = Gate(CaseInventories.C05(), Case("C05-annotation-vs-detector", "annotations.yml"), new CheckOptions { Strict = true });

        Assert.That(result.Passed, Is.False);
        Assert.That(result.Failures.Select(f => f.Key), Is.EqualTo(new[] { "app_user.backup_email" }));
    }

    [Test]
    public void Evaluate_C05_AnnotationFileIsNotRewritten()
    {
        var path = Case("C05-annotation-vs-detector", "annotations.yml");
        var before = File.ReadAllText(path);
        Gate(CaseInventories.C05(), path, new CheckOptions { Strict = true });
        Assert.That(File.ReadAllText(path), Is.EqualTo(before));
    }

    [Test]
    public void Evaluate_C07_EmptyAndAllNullTablesNeverPass()
    {
        var result = Gate(CaseInventories.C07(), null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(result.Failures.Select(f => f.Key), Is.EqualTo(new[]
            {
                "audit_tmp.payload", "newsletter_optin.consent_ip", "newsletter_optin.created_at", "newsletter_optin.id", "newsletter_optin.subscriber_email",
            }));
            var payload = result.Failures.First();
            Assert.That(payload.Message, Is.EqualTo("no annotation; all sampled values NULL"));
            Assert.That(payload.Suggestion, Is.EqualTo("no suggestion"));
            Assert.That(result.Failures.Single(f => f.Column == "subscriber_email").Suggestion, Does.StartWith("suggested: contact.email"));
        }
        // Even accepting every classification, zero evidence is never a tag: no suggestion, or `none` from the name alone
        // on an empty table.
        var lenient = Gate(CaseInventories.C07(), null, new CheckOptions { AcceptClassificationAbove = 0 });
        Assert.That(lenient.Failures.Select(f => f.Key), Is.EqualTo(new[] { "audit_tmp.payload", "newsletter_optin.created_at", "newsletter_optin.id" }));
    }

    [Test]
    public void Evaluate_Baseline_OnlyNewColumnsFail()
    {
        // Baseline: the v1 schema (invoice without billing_email); v2 adds billing_email and invoice_line.
        var v1 = CaseInventories.C06();
        v1.Sources[0].Tables.RemoveAll(t => t.Name == "invoice_line");
        v1.Sources[0].Tables[0].Columns.RemoveAll(c => c.Name is "billing_email");
        var baseline = new CheckBaseline(v1.AllColumns().Select(x => (x.Source.Name, x.Table.QualifiedName, x.Column.Name)));

        var result = Gate(CaseInventories.C06(), null, new CheckOptions { Baseline = baseline });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Failures.Select(f => f.Key), Is.EqualTo(new[]
                { "invoice.billing_email", "invoice_line.description", "invoice_line.id", "invoice_line.invoice_id" }));
            Assert.That(result.Baselined.Select(f => f.Key), Is.EqualTo(new[]
                { "invoice.customer_name", "invoice.id", "invoice.total", "invoice.vat_number" }));
        }
    }

    [Test]
    public void Evaluate_StaleAndInvalidAnnotations_AreFindingsWithLocations()
    {
        using var dir = new TempFolder();
        dir.Write("app_user.yml", "table: app_user\ncolumns:\n  id: none\n  display_nam: contact\n");
        dir.Write("broken.yml", "table: x\ncolumns:\n  a: { category: contactt }\n");

        var result = Gate(CaseInventories.C05(), dir.Path);

        var stale = result.Findings.Single(f => f.Kind == FindingKind.Stale && f.Column == "display_nam");
        var invalid = result.Findings.Single(f => f.Kind == FindingKind.InvalidAnnotation);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((stale.Key, stale.Failing, stale.Suggestion), Is.EqualTo(("app_user.display_nam", false, "rename the entry")));
            Assert.That(stale.Location, Is.EqualTo(new FindingLocation("app_user.yml", 4, 3, true)));
            Assert.That((invalid.Key, invalid.Failing, invalid.Location.Line, invalid.Location.Column), Is.EqualTo(("broken.yml:3:18", true, 3, 18)));
            Assert.That(invalid.Message, Does.Contain("did you mean 'contact'?"));
            Assert.That(result.Findings.Single(f => f.Kind == FindingKind.Stale && f.Column is null).Message, Does.StartWith("table 'x' is not in the inventory"),
                "the broken file's table still loads (without its bad column) and is checked");
        }
    }
}
