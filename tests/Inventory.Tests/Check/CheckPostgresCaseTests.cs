using System.Text.RegularExpressions;
using Inventory.Annotations;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Model;
using Inventory.Reports.Check;
using Inventory.Scanning;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Check;

/// <summary>C05, C06 and C07 on a real PostgreSQL database: setup script → PostgreSQL connector → scan runner → the
/// case's annotations → gate. The classifier here is a test stand-in with one e-mail detector (the real classifier is
/// built on another branch); the gate's results for these cases depend only on the catalog, the sampled counts and
/// that detector.</summary>
[TestFixture]
[Category("Integration")]
public sealed partial class CheckPostgresCaseTests
{
    /// <summary>Decides contact.email when at least 80 % of at least one non-null value look like an e-mail address;
    /// undecided otherwise (never an automatic none).</summary>
    private sealed partial class EmailOnlyClassifier : IColumnClassifier
    {
        public ColumnClassification Classify(ColumnEvidence column)
        {
            if (column.Values.Count == 0) return ColumnClassification.Undecided();
            int matched = column.Values.Count(v => Email().IsMatch(v));
            var evidence = new EvidenceItem("detector", "detector.email", "contact.email", matched, column.Values.Count, (double)matched / column.Values.Count);
            return (double)matched / column.Values.Count >= 0.8
                ? new ColumnClassification { DataCategory = "contact.email", Confidence = 0.95, Evidence = [evidence] }
                : ColumnClassification.Undecided(evidence);
        }

        [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")]
        private static partial Regex Email();
    }

    private static async Task<CheckResult> ScanAndCheckAsync(string folder, CheckOptions? options = null)
    {
        var caseDir = Path.Combine(SharedPaths.Cases, folder);
        await using var db = await TestPostgres.CreateAsync(folder[..3].ToLowerInvariant(), File.ReadAllText(Path.Combine(caseDir, "setup.postgres.sql")));
        var document = await new ScanRunner(new EmailOnlyClassifier()).RunAsync(new ScanRequest
        {
            Sources = [new SourceConfig { Name = "default", Provider = "postgres", Connection = db.ConnectionString }],
        });
        var annotationsPath = Path.Combine(caseDir, "annotations.yml");
        var set = File.Exists(annotationsPath) ? new AnnotationLoader().Load(annotationsPath) : AnnotationSet.Empty;
        Assert.That(set.Errors, Is.Empty);
        var merge = new AnnotationMerger(options: new MergeOptions { PathBase = caseDir }).Apply(document, set);
        return CheckGate.Evaluate(document, (options ?? new CheckOptions()) with { PathBase = caseDir, Stale = merge.Stale });
    }

    [Test]
    public async Task Check_C06OnPostgres_ListsExactlyExpectedCheck()
    {
        var result = await ScanAndCheckAsync("C06-ci-gate-tagged");

        var expected = File.ReadAllLines(Path.Combine(SharedPaths.Cases, "C06-ci-gate-tagged", "expected-check.txt")).Where(l => l.Length > 0);
        Assert.That(result.Passed, Is.False);
        Assert.That(result.Failures.Select(f => f.Key), Is.EqualTo(expected));
        Assert.That(result.Findings.Where(f => !f.Failing), Is.Empty);
    }

    [Test]
    public async Task Check_C05OnPostgres_ConflictWarningThenStrictFailure()
    {
        var result = await ScanAndCheckAsync("C05-annotation-vs-detector");
        var strict = await ScanAndCheckAsync("C05-annotation-vs-detector", new CheckOptions { Strict = true });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Passed, Is.True);
            Assert.That(result.Warnings.Select(w => (w.Kind, w.Key, w.Message)), Is.EqualTo(new[]
                { (FindingKind.Conflict, "app_user.backup_email", "annotated none, but 1/1 non-null sampled values are e-mail (detector.email)") }));
            Assert.That(strict.Failures.Select(f => f.Key), Is.EqualTo(new[] { "app_user.backup_email" }));
        }
    }

    [Test]
    public async Task Check_C07OnPostgres_NoRowsNeverPasses()
    {
        var result = await ScanAndCheckAsync("C07-empty-and-all-null-tables", new CheckOptions { AcceptClassificationAbove = 0 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Passed, Is.False);
            var payload = result.Failures.Single(f => f.Key == "audit_tmp.payload");
            Assert.That(payload.Message, Does.Contain("all sampled values NULL"));
            Assert.That(result.Failures.Single(f => f.Key == "newsletter_optin.subscriber_email").Message, Does.Contain("no data sampled (empty)"));
        }
    }
}
