using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Rules.Learning;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Model;

/// <summary>
/// Guards the cross-validated figure at a reduced cost: the ten smallest corpus applications (about 3,300 columns),
/// three group folds, fewer L-BFGS iterations. The full figure (24 applications, 5 folds) is in rules/MODEL.md and takes
/// minutes; this one keeps the same pipeline (features, rules as features, stacked combination, cross-fitted calibration) honest in
/// well under a minute, and checks that the same seed gives the same out-of-fold predictions, whether the folds train
/// concurrently or one after the other (<see cref="CrossValidationOptions.Parallelism"/>).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CrossValidationGuardTests
{
    private CrossValidationResult _first = null!;
    private CrossValidationResult _second = null!;

    [OneTimeSetUp]
    public void RunTwice()
    {
        var applications = LabelledApplication.ReadCorpus(Path.Combine(SharedPaths.Data, "corpus"))
            .OrderBy(a => a.Rows.Count).ThenBy(a => a.Name, StringComparer.Ordinal).Take(10).ToArray();
        var options = new CrossValidationOptions { Folds = 3, Seed = 5, Training = new TrainingOptions { MaximumIterations = 40 } };
        var rules = ClassifierFactory.CreateRules();
        // Three folds training at once, then one after the other: the figures must not depend on it.
        _first = CrossValidation.Run(applications, rules, options with { Parallelism = 3 });
        _second = CrossValidation.Run(applications, rules, options with { Parallelism = 1 });
    }

    [Test]
    public void ReducedCrossValidation_MacroF1AndPersonalRecallAboveFloor()
    {
        var pairs = _first.Columns.Select(c => (c.Gold, (string?)c.Predicted)).ToArray();
        var metrics = ClassificationMetrics.Compute(pairs);
        var personal = PersonalVsNone.Compute(pairs);
        TestContext.Out.WriteLine(metrics.ToText());
        TestContext.Out.WriteLine($"personal recall {personal.Recall:0.000} precision {personal.Precision:0.000}");
        using (Assert.EnterMultipleScope())
        {
            // Measured 0.614 / 0.645 with the table signals in the first level and class-weight power 0.3 (session 18);
            // 0.548 / 0.612 since the first level no longer reads the rules (they enter the combination only);
            // 0.547 / 0.594 when it did, with our own featurizer and scorer (0.545 / 0.586 with Microsoft.ML's FeaturizeText;
            // 0.642 / 0.711 with the previous hand-set combination). The reduced
            // set (3,335 columns, 13 financial) is too small for the combination's rare categories; on the whole corpus the
            // stacked combination scores 0.693 against 0.672 (rules/MODEL.md). The floor guards this pipeline, not the old one.
            Assert.That(metrics.MacroF1, Is.GreaterThanOrEqualTo(0.59), "reduced CV macro-F1 (measured 0.614)");
            Assert.That(personal.Recall, Is.GreaterThanOrEqualTo(0.62), "reduced CV personal-vs-none recall (measured 0.645)");
            Assert.That(_first.Columns.All(c => c.Predicted.Length > 0), Is.True, "every column gets a suggestion");
        }
    }

    [Test]
    public void SameSeed_IdenticalOutOfFoldPredictions_ConcurrentOrNot() =>
        Assert.That(_second.Columns.Select(c => $"{c.Application} {c.Predicted} {c.Confidence:R}"),
            Is.EqualTo(_first.Columns.Select(c => $"{c.Application} {c.Predicted} {c.Confidence:R}")));
}
