using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Scanning;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary>The scan's classification warm-up (<see cref="ClassificationWarmUp"/>): it goes down the real path (its
/// made-up columns reach the detectors and the model, so their first-call costs are paid), it changes no decision
/// afterwards, and it never fails or outlives a finished scan.</summary>
public sealed class ClassificationWarmUpTests
{
    [Test]
    public void Table_MadeUpColumns_ReachTheDetectorsAndTheModel()
    {
        var (table, sample) = ClassificationWarmUp.Table();
        var evidence = TableEntries.Evidence(new SourceConfig { Name = "t", Connection = "sqlite::memory:" }, "postgres", table, sample);
        var decisions = ClassifierFactory.CreateDefault().ClassifyMany(evidence);
        var byColumn = table.Columns.Zip(decisions).ToDictionary(p => p.First.Name, p => p.Second);
        var detectors = decisions.SelectMany(d => d.Evidence).Select(e => e.Id).Where(id => id.StartsWith("detector.", StringComparison.Ordinal)).ToHashSet();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.Columns.Values.Select(c => c.Values.Count).Distinct(), Is.EqualTo(new[] { ClassificationWarmUp.ValuesPerColumn }));
            Assert.That(table.Columns.Select(c => c.Name).Distinct().Count(), Is.EqualTo(table.Columns.Count));
            Assert.That(byColumn["email"].DataCategory, Is.EqualTo("contact.email"));
            Assert.That(byColumn["ip_address"].DataCategory, Is.EqualTo("automatic.ip_address"));
            Assert.That(byColumn["user_agent"].DataCategory, Is.EqualTo("automatic.user_agent"));
            Assert.That(detectors, Is.SupersetOf(new[]
            {
                "detector.email", "detector.phone", "detector.person-name", "detector.postal-address", "detector.iban",
                "detector.payment-card", "detector.ip-address", "detector.user-agent", "detector.language-tag",
                "detector.free-text", "detector.json", "detector.hash",
            }));
            Assert.That(decisions.SelectMany(d => d.Evidence).Select(e => e.Id), Does.Contain("model.column"));
        }
    }

    [Test]
    public void Run_ThenClassify_SameDecisionsAsWithoutWarmUp()
    {
        // Given columns the warm-up never saw (other names, other values of the same shapes)
        var (table, sample) = ClassificationWarmUp.Table();
        var renamed = table with { Name = "accounts_w", Columns = [.. table.Columns.Select(c => c with { Name = c.Name + "_w" })] };
        var renamedSample = sample with
        {
            Columns = sample.Columns.ToDictionary(p => p.Key + "_w", p => p.Value with { Column = p.Key + "_w", Values = [.. p.Value.Values.Reverse().Skip(3)] }),
        };
        var source = new SourceConfig { Name = "t", Connection = "sqlite::memory:" };
        var evidence = TableEntries.Evidence(source, "postgres", renamed, renamedSample);
        // When one classifier decides them cold and another after the warm-up
        var cold = ClassifierFactory.CreateDefault().ClassifyMany(evidence);
        var warmed = ClassifierFactory.CreateDefault();
        ClassificationWarmUp.Run(warmed);
        var warm = warmed.ClassifyMany(evidence);
        // Then every decision is the same, evidence included
        Assert.That(warm.Select(Describe), Is.EqualTo(cold.Select(Describe)));
    }

    [Test]
    public void Run_ClassifierThrows_DoesNotThrow()
    {
        var classifier = new CountingClassifier(fail: true);
        Assert.That(() => ClassificationWarmUp.Run(classifier), Throws.Nothing);
        Assert.That(classifier.Calls, Is.EqualTo(1));
    }

    [Test]
    public void Run_ScanAlreadyEnded_ClassifiesNothing()
    {
        var classifier = new CountingClassifier(fail: false);
        ClassificationWarmUp.Run(classifier, new CancellationToken(canceled: true));
        Assert.That(classifier.Calls, Is.Zero);
    }

    [Test]
    public void Run_Rounds_EachClassifiesTheWholeTable()
    {
        var classifier = new CountingClassifier(fail: false);
        ClassificationWarmUp.Run(classifier);
        Assert.That((classifier.Calls, classifier.Columns), Is.EqualTo((ClassificationWarmUp.Rounds, ClassificationWarmUp.Rounds * ClassificationWarmUp.Table().Table.Columns.Count)));
    }

    private static string Describe(ColumnClassification c) =>
        $"{c.DataCategory} {c.Confidence:R} {c.Origin} [{string.Join("; ", c.Evidence.Select(e => e.ToString()))}] [{string.Join(",", c.AlsoContains)}]";

    private sealed class CountingClassifier(bool fail) : IColumnClassifier
    {
        public int Calls { get; private set; }
        public int Columns { get; private set; }

        public ColumnClassification Classify(ColumnEvidence column) => ClassifyMany([column])[0];

        public IReadOnlyList<ColumnClassification> ClassifyMany(IReadOnlyList<ColumnEvidence> columns)
        {
            Calls++;
            Columns += columns.Count;
            if (fail) throw new InvalidOperationException("classifier failed");
            return [.. columns.Select(_ => ColumnClassification.Undecided())];
        }
    }
}
