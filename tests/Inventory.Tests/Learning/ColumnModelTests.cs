using NUnit.Framework;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Rules.Learning;
using Inventory.Tests.Support;

namespace Inventory.Tests.Model;

/// <summary>Training, persistence, batch scoring and reproducibility of the column model (trained by Microsoft.ML, scored
/// by our own linear scorer). Trains twice on the ten smallest corpus applications minus one fold of them (seeded group
/// split, 40 L-BFGS iterations to stay quick); the held-out fold's applications measure the model on applications it never
/// saw, and Microsoft.ML's own transformer checks the exported weights.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ColumnModelTests
{
    private IReadOnlyList<ColumnModelInput> _heldOut = [];
    private TrainedColumnModel _trained = null!;
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
        _trained = ColumnModelTrainer.Fit(train, new TrainingOptions { Seed = 3, MaximumIterations = 40 });
        _first = _trained.Model;
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
        var path = Path.Combine(Path.GetTempPath(), $"column-model-{Guid.NewGuid():N}.bin");
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
    public void Predict_HeldOutAndGoldColumns_SameProbabilitiesAsMicrosoftMlsTransformer()
    {
        // The exported weights and biases, scored by our sparse dot products and softmax, against Microsoft.ML's own
        // trained predictor on the same vectors: proves the export (label order, weight layout, bias) is right.
        var inputs = _heldOut.Concat(GoldInputs()).Take(400).ToArray();
        var ours = _first.Predict(inputs);
        var reference = _trained.ScoreWithMicrosoftMl(inputs);
        Assert.That(inputs, Has.Length.EqualTo(400), "a few hundred columns");
        Assert.That(reference, Has.Length.EqualTo(inputs.Length));
        var largest = 0.0;
        for (int i = 0; i < inputs.Length; i++)
        {
            Assert.That(ours[i].Distribution, Has.Count.EqualTo(reference[i].Length));
            for (int k = 0; k < reference[i].Length; k++) largest = Math.Max(largest, Math.Abs(ours[i].Distribution[k] - reference[i][k]));
        }
        TestContext.Out.WriteLine($"largest difference {largest:E2}");
        Assert.That(largest, Is.LessThanOrEqualTo(1e-4));
        Assert.That(ours.Select(p => p.Category).Distinct().Count(), Is.GreaterThan(2), "the columns compared are of several categories");
    }

    [Test]
    public void Load_MicrosoftMlZipOfAnEarlierRelease_ThrowsConfigurationExceptionSayingSo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"old-model-{Guid.NewGuid():N}.zip");
        using (var zip = new System.IO.Compression.ZipArchive(File.Create(path), System.IO.Compression.ZipArchiveMode.Create))
            zip.CreateEntry("TransformerChain/Version.txt");
        try
        {
            Assert.That(() => ColumnModel.Load(path), Throws.TypeOf<ConfigurationException>().With.Message.Contains("earlier release"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Load_TruncatedModel_ThrowsConfigurationException()
    {
        using var full = new MemoryStream();
        _first.Save(full);
        var path = Path.Combine(Path.GetTempPath(), $"truncated-model-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, full.ToArray().AsSpan(0, (int)full.Length / 2).ToArray());
        try
        {
            Assert.That(() => ColumnModel.Load(path), Throws.TypeOf<ConfigurationException>().With.Message.Contains(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Vectorize_Name_CharacterGramsBetweenMarkersAndWordBigrams()
    {
        var vectorizer = ColumnVectorizer.Fit([new ColumnModelInput { Name = "first name", TypeFamily = "Text" }]);
        var characters = vectorizer.Terms(FeatureGroup.NameCharacters);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(vectorizer.Terms(FeatureGroup.NameWords), Is.EqualTo(new[] { "first", "first name", "name" }));
            Assert.That(characters, Does.Contain("\u0002fir").And.Contain("t na").And.Contain("ame\u0003").And.Contain("\u0002"));
            Assert.That(characters.Max(c => c.Length), Is.EqualTo(4));
            Assert.That(vectorizer.Terms(FeatureGroup.TypeFamily), Is.EqualTo(new[] { "Text" }));
        }
        var vector = vectorizer.Vectorize(new ColumnModelInput { Name = "name unknownword", TypeFamily = "Text" });
        var words = vector.Indices.Select((index, n) => (index, n)).Where(p => p.index < vectorizer.Terms(FeatureGroup.NameWords).Count).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(vector.Indices, Is.Ordered.Ascending);
            Assert.That(words.Select(p => vectorizer.Terms(FeatureGroup.NameWords)[p.index]), Is.EqualTo(new[] { "name" }), "unknown words and bigrams give no feature");
            Assert.That(vector.Values[words[0].n], Is.EqualTo(1f), "L2 over the known terms of the group");
        }
    }

    [Test]
    public void BuildMany_CorpusApplications_SameInputsAsBuildingEachColumn()
    {
        var rules = ClassifierFactory.CreateRules();
        var rows = Corpus().OrderBy(a => a.Rows.Count).Take(6).SelectMany(a => a.Rows).ToArray();
        var evidence = GoldFile.ToEvidence(rows);
        var decisions = rules.ClassifyMany(evidence);
        static string Render(ColumnModelInput i) =>
            $"{i.Name}|{i.Table}|{i.Siblings}|{i.Context}|{i.TypeFamily}|{i.TypeShape}|{i.Rule}|{string.Join(",", i.Flags)}|{i.TableSignals}";

        var many = ColumnFeatures.BuildMany(evidence, decisions).Select(Render).ToArray();
        var each = evidence.Select((e, i) => Render(ColumnFeatures.Build(e, decisions[i]))).ToArray();

        Assert.That(evidence, Has.Count.GreaterThan(500));
        Assert.That(many, Is.EqualTo(each));
        Assert.That(many.Count(m => m.Split('|')[2].Length > 0), Is.GreaterThan(evidence.Count / 2), "most columns have siblings");
    }

    [Test]
    public void Vectorize_SameNameAgain_MemoisedNameFeaturesGiveTheSameVector()
    {
        // The name's features are memoised per name: a second column of the same name (other table, type, rule) must get
        // exactly the vector a vectorizer that never saw the name computes.
        var rows = _heldOut.DistinctBy(r => r.Name).Take(300).ToArray();
        var warm = ColumnVectorizer.Fit(rows);
        foreach (var r in rows) warm.Vectorize(r);
        var other = rows.Select(r => new ColumnModelInput
        {
            Name = r.Name, Table = "invoice", Siblings = "amount customer", Context = "invoice_" + r.Name.Split(' ')[0],
            TypeFamily = "Decimal", TypeShape = "decimal-money", Rule = "rl:undecided", Flags = r.Flags,
        }).ToArray();
        static string Render(SparseVector v) => string.Join(",", v.Indices.Zip(v.Values, (i, x) => $"{i}:{BitConverter.SingleToInt32Bits(x):x8}"));

        var memoised = other.Select(o => Render(warm.Vectorize(o))).ToArray();
        var freshVectorizer = ColumnVectorizer.Fit(rows);
        var fresh = other.Select(o => Render(freshVectorizer.Vectorize(o))).ToArray();

        Assert.That(rows, Has.Length.GreaterThan(100), "distinct names, so every name is new to the fresh vectorizer");
        Assert.That(memoised, Is.EqualTo(fresh));
        Assert.That(memoised.Distinct().Count(), Is.GreaterThan(100), "the vectors differ from one name to the next");
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
    public void Save_TwiceSameModel_ByteIdenticalFile()
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

/// <summary>The calibration: isotonic fit, and the learned combination of model and rules.</summary>
[TestFixture]
public sealed class SuggestionCalibrationTests
{
    [Test]
    public void Fit_MonotoneAndMatchesBlockPrecision()
    {
        // Scores 0.1..0.9: right at 0.1 (1/2), 0.5 (1/2), 0.9 (2/2).
        var points = new (double, bool)[] { (0.1, true), (0.1, false), (0.5, false), (0.5, true), (0.9, true), (0.9, true) };
        var calibration = SuggestionCalibration.Fit(null, points);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calibration.Confidence(0.9), Is.EqualTo(1.0));
            Assert.That(calibration.Confidence(0.3), Is.EqualTo(0.5));
            Assert.That(calibration.Breakpoints.Select(b => b.Precision), Is.Ordered);
        }
    }

    [Test]
    public void Suggest_WithoutCombination_TakesTopCategoryAndItsBestLabel()
    {
        var labels = new[] { "none", "contact.email", "contact.name", "financial.billing" };
        var suggestion = SuggestionCalibration.Identity.Suggest(labels, [0.4f, 0.1f, 0.35f, 0.15f]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(suggestion.DataCategory, Is.EqualTo("contact.name"), "contact sums to 0.45 > none 0.4");
            Assert.That(suggestion.Score, Is.EqualTo(0.45).Within(1e-6));
            Assert.That(suggestion.LeanedPersonal, Is.False);
        }
    }

    [Test]
    public void Suggest_RuleDecidedTheWinningCategory_KeepsTheRuleSubcategory()
    {
        var labels = new[] { "none", "contact.email", "contact.name" };
        var rule = new ColumnClassification { DataCategory = "contact.phone", Confidence = 0.6, Origin = Origin.Rules, Evidence = [] };
        Assert.That(SuggestionCalibration.Identity.Suggest(labels, [0.2f, 0.5f, 0.3f], rule).DataCategory, Is.EqualTo("contact.phone"));
    }

    [Test]
    public void StackedCombination_LearnsToFollowAConfidentRuleOverTheModel()
    {
        // Synthetic out-of-fold rows: the model says none, a rule at 0.9 says contact; the gold follows the rule in 90 % of
        // such rows. Plain none rows (model and rule agree) make up the rest.
        var labels = new[] { "none", "contact.email", "financial.billing", "automatic.activity", "customer_content.message", "other_personal.photo" };
        float[] modelSaysNone = [0.8f, 0.04f, 0.04f, 0.04f, 0.04f, 0.04f];
        var ruleContact = new ColumnClassification { DataCategory = "contact.email", Confidence = 0.9, Origin = Origin.Rules, Evidence = [] };
        var ruleNone = new ColumnClassification { DataCategory = "none", Confidence = 0.5, Origin = Origin.Rules, Evidence = [] };
        var rows = new List<(float[], string)>();
        for (int i = 0; i < 200; i++) rows.Add((StackedCombination.Features(labels, modelSaysNone, ruleContact), i % 10 == 0 ? "none" : "contact"));
        for (int i = 0; i < 600; i++) rows.Add((StackedCombination.Features(labels, modelSaysNone, ruleNone), "none"));
        foreach (var other in new[] { "financial", "automatic", "customer_content", "other_personal" })
            for (int i = 0; i < 20; i++)
            {
                var d = labels.Select(l => DataCategory.TopLevelOf(l) == other ? 0.8f : 0.04f).ToArray();
                rows.Add((StackedCombination.Features(labels, d, null), other));
            }
        var combination = StackedCombination.Fit(rows, 1);
        var calibration = new SuggestionCalibration(combination, [], []);
        var again = StackedCombination.Parse(combination.ToJson());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calibration.Suggest(labels, modelSaysNone, ruleContact).DataCategory, Is.EqualTo("contact.email"));
            Assert.That(calibration.Suggest(labels, modelSaysNone, ruleContact).LeanedPersonal, Is.True);
            Assert.That(calibration.Suggest(labels, modelSaysNone, ruleNone).DataCategory, Is.EqualTo("none"));
            // Model and rule both say none: none stands even where the class weights would lean (a model at 0.55 none).
            float[] borderline = [0.55f, 0.09f, 0.09f, 0.09f, 0.09f, 0.09f];
            Assert.That(calibration.Suggest(labels, borderline, ruleNone).DataCategory, Is.EqualTo("none"));
            var f = StackedCombination.Features(labels, modelSaysNone, ruleContact);
            Assert.That(again.Probabilities(f, false), Is.EqualTo(combination.Probabilities(f, false)).Within(1e-4), "JSON round trip");
            Assert.That(combination.Probabilities(f, true)[5], Is.GreaterThan(combination.Probabilities(f, false)[5]),
                "undoing the class weights moves probability back to none");
        }
    }

    [Test]
    public void Json_RoundTrip_SameConfidences()
    {
        var calibration = SuggestionCalibration.Fit(null, Enumerable.Range(0, 100).Select(i => (i / 100.0, i % 3 != 0 || i > 70)));
        var again = SuggestionCalibration.Parse(calibration.ToJson(), "test.json");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.Combination, Is.Null);
            foreach (var s in new[] { 0.05, 0.33, 0.5, 0.71, 0.99 })
                Assert.That(again.Confidence(s), Is.EqualTo(calibration.Confidence(s)).Within(1e-5), $"score {s}");
        }
    }

    [Test]
    public void Parse_NotACalibration_ThrowsConfigurationExceptionWithFile() =>
        Assert.That(() => SuggestionCalibration.Parse("{\"x\": 1}", "bad.json"),
            Throws.TypeOf<ConfigurationException>().With.Property(nameof(ConfigurationException.File)).EqualTo("bad.json"));
}
