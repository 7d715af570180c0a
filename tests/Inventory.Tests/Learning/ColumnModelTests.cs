using NUnit.Framework;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Rules.Learning;
using Inventory.Tests.Support;

namespace Inventory.Tests.Model;

/// <summary>Training, persistence, batch scoring and reproducibility of the Microsoft.ML column model. Trains twice on the
/// ten smallest corpus applications minus one fold of them (seeded group split, 40 L-BFGS iterations to stay quick); the
/// held-out fold's applications measure the model on applications it never saw.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ColumnModelTests
{
    private IReadOnlyList<ColumnModelInput> _heldOut = [];
    private ColumnModel _first = null!;
    private ColumnModel _second = null!;

    private static IReadOnlyList<LabelledApplication> Corpus() => LabelledApplication.ReadCorpus(Path.Combine(SharedPaths.Data, "corpus"));

    [OneTimeSetUp]
    public void TrainTwice()
    {
        var applications = Corpus().OrderBy(a => a.Rows.Count).ThenBy(a => a.Name, StringComparer.Ordinal).Take(10).ToArray();
        var folds = CrossValidation.AssignFolds(applications, 3, 3);
        var rules = ClassifierFactory.CreateRules();
        var train = applications.Where(a => folds[a.Name] != 0).SelectMany(a => CrossValidation.Inputs(a, rules)).ToArray();
        _heldOut = applications.Where(a => folds[a.Name] == 0).SelectMany(a => CrossValidation.Inputs(a, rules)).ToArray();
        _first = ColumnModelTrainer.Train(train, new TrainingOptions { Seed = 3, MaximumIterations = 40 });
        _second = ColumnModelTrainer.Train(train, new TrainingOptions { Seed = 3, MaximumIterations = 40 });
    }

    private static IReadOnlyList<ColumnModelInput> GoldInputs()
    {
        var rules = ClassifierFactory.CreateRules();
        return Directory.GetFiles(Path.Combine(SharedPaths.Data, "gold"), "*.tsv").Order(StringComparer.Ordinal)
            .SelectMany(f => CrossValidation.Inputs(new LabelledApplication(Path.GetFileName(f), GoldFile.Read(f)), rules)).ToArray();
    }

    private static string[] Render(IEnumerable<ModelPrediction> predictions) =>
        predictions.Select(p => $"{p.DataCategory} {p.Probability:R} {p.RunnerUp} {p.RunnerUpProbability:R}").ToArray();

    [Test]
    public void Train_HeldOutApplications_MacroF1AboveFloor()
    {
        var predictions = _first.Predict(_heldOut);
        var metrics = ClassificationMetrics.Compute(_heldOut.Select((r, i) => (r.Label, (string?)predictions[i].DataCategory)));
        TestContext.Out.WriteLine(metrics.ToText());
        Assert.That(metrics.MacroF1, Is.GreaterThanOrEqualTo(0.50), "held-out applications, category macro-F1 of the top label (no leaning, no calibration)");
    }

    [Test]
    public void Train_TwiceWithSameSeed_IdenticalPredictionsOnGoldFiles()
    {
        var gold = GoldInputs();
        Assert.That(Render(_second.Predict(gold)), Is.EqualTo(Render(_first.Predict(gold))));
    }

    [Test]
    public void SaveThenLoad_SamePredictions()
    {
        var path = Path.Combine(Path.GetTempPath(), $"column-model-{Guid.NewGuid():N}.zip");
        try
        {
            _first.Save(path);
            var loaded = ColumnModel.Load(path);
            var gold = GoldInputs();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(loaded.Labels, Is.EqualTo(_first.Labels));
                Assert.That(Render(loaded.Predict(gold)), Is.EqualTo(Render(_first.Predict(gold))));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Predict_Batch_EqualsSingleRowScoring()
    {
        var inputs = _heldOut.Take(60).ToArray();
        var batch = Render(_first.Predict(inputs));
        var single = Render(inputs.Select(i => _first.Predict(i)));
        Assert.That(single, Is.EqualTo(batch));
    }

    [Test]
    public void Load_NotAModel_ThrowsConfigurationException()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-a-model-{Guid.NewGuid():N}.zip");
        File.WriteAllText(path, "not a zip");
        try
        {
            Assert.That(() => ColumnModel.Load(path), Throws.TypeOf<ConfigurationException>());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Save_TwiceSameModel_ByteIdenticalZip()
    {
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        _first.Save(a);
        _second.Save(b);
        Assert.That(b.ToArray(), Is.EqualTo(a.ToArray()), "two trainings with the same seed save the same bytes");
    }

    [Test]
    public void ReadCorpus_MissingFolder_ThrowsConfigurationException() =>
        Assert.That(() => LabelledApplication.ReadCorpus(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))),
            Throws.TypeOf<ConfigurationException>());

    [Test]
    public void AssignFolds_GroupsWholeApplicationsIntoBalancedFolds()
    {
        var applications = Corpus();
        var folds = CrossValidation.AssignFolds(applications, 5, 1);
        var sizes = Enumerable.Range(0, 5).Select(f => applications.Where(a => folds[a.Name] == f).Sum(a => a.Rows.Count)).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(folds.Keys, Is.EquivalentTo(applications.Select(a => a.Name)));
            Assert.That(folds.Values.Distinct().Count(), Is.EqualTo(5));
            Assert.That(sizes.Min(), Is.GreaterThan(sizes.Sum() / 10), string.Join(", ", sizes));
            Assert.That(CrossValidation.AssignFolds(applications, 5, 1), Is.EqualTo(folds));
        }
    }

    [TestCase("customerEmailAddress", ExpectedResult = "customer email address")]
    [TestCase("fname", ExpectedResult = "first name")]
    [TestCase("tel_no2", ExpectedResult = "phone number 2")]
    [TestCase("\"Full Name\"", ExpectedResult = "full name")]
    public string Tokenize_Identifier_LowerCaseTokensWithAbbreviationsExpanded(string identifier) => string.Join(' ', ColumnFeatures.Tokenize(identifier));
}

/// <summary>The calibration: isotonic fit and the leaning towards personal categories.</summary>
[TestFixture]
public sealed class SuggestionCalibrationTests
{
    [Test]
    public void Fit_MonotoneAndMatchesBlockPrecision()
    {
        // Scores 0.1..0.9: right at 0.1 (1/2), 0.5 (1/2), 0.9 (2/2).
        var points = new (double, bool)[] { (0.1, true), (0.1, false), (0.5, false), (0.5, true), (0.9, true), (0.9, true) };
        var calibration = SuggestionCalibration.Fit(0.5, points);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calibration.Confidence(0.9), Is.EqualTo(1.0));
            Assert.That(calibration.Confidence(0.3), Is.EqualTo(0.5));
            Assert.That(calibration.Breakpoints.Select(b => b.Precision), Is.Ordered);
        }
    }

    [Test]
    public void Suggest_NoneBelowThreshold_LeansToBestPersonalCategory()
    {
        var labels = new[] { "none", "contact.email", "contact.name", "financial.billing" };
        var calibration = new SuggestionCalibration(0.7, [], []);
        var leaned = calibration.Suggest(labels, [0.6f, 0.1f, 0.2f, 0.1f]);
        var kept = calibration.Suggest(labels, [0.8f, 0.1f, 0.05f, 0.05f]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(leaned, Is.EqualTo(new RawSuggestion("contact.name", 0.30000001192092896, true)).Using<RawSuggestion>((a, b) =>
                a.DataCategory == b.DataCategory && a.LeanedPersonal == b.LeanedPersonal && Math.Abs(a.Score - b.Score) < 1e-6));
            Assert.That(kept.DataCategory, Is.EqualTo("none"));
            Assert.That(kept.LeanedPersonal, Is.False);
        }
    }

    [Test]
    public void Json_RoundTrip_SameConfidences()
    {
        var calibration = SuggestionCalibration.Fit(0.4, Enumerable.Range(0, 100).Select(i => (i / 100.0, i % 3 != 0 || i > 70)));
        var again = SuggestionCalibration.Parse(calibration.ToJson(), "test.json");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.NoneThreshold, Is.EqualTo(0.4));
            foreach (var s in new[] { 0.05, 0.33, 0.5, 0.71, 0.99 })
                Assert.That(again.Confidence(s), Is.EqualTo(calibration.Confidence(s)).Within(1e-5), $"score {s}");
        }
    }

    [Test]
    public void Parse_NotACalibration_ThrowsConfigurationExceptionWithFile() =>
        Assert.That(() => SuggestionCalibration.Parse("{\"x\": 1}", "bad.json"),
            Throws.TypeOf<ConfigurationException>().With.Property(nameof(ConfigurationException.File)).EqualTo("bad.json"));
}
