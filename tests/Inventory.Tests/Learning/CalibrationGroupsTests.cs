using Inventory.Classification;
using Inventory.Rules.Learning;
using NUnit.Framework;

namespace Inventory.Tests.Model;

/// <summary>The calibration per group of suggestions (per suggested category, per basis, or both) with its fallback to the
/// pooled map for small groups, the leaning threshold on the combination's <c>none</c>, and calibration.json's new fields
/// (and the old files without them).</summary>
[TestFixture]
public sealed class CalibrationGroupsTests
{
    private static readonly string[] Labels = ["none", "contact.email", "financial.billing", "automatic.activity", "customer_content.message", "other_personal.photo"];

    private static RawSuggestion Suggestion(string label, double score, SuggestionBasis basis = SuggestionBasis.ModelAlone) => new(label, score, false, basis);

    /// <summary>Synthetic out-of-fold suggestions at the same scores (0.900 to 0.999): 1,000 <c>none</c> ones right 99 %
    /// of the time, 400 <c>customer_content</c> ones right half of the time (two of the four at each score), the shape
    /// errors35 measured on the corpus (≥ 0.9: none 0.989, customer_content 0.516).</summary>
    private static List<(RawSuggestion Suggestion, bool Right)> NoneAndContentRows()
    {
        var rows = new List<(RawSuggestion, bool)>();
        for (int i = 0; i < 1000; i++) rows.Add((Suggestion("none", 0.9 + i % 100 / 1000.0, SuggestionBasis.RuleAndModel), i % 100 != 0));
        for (int i = 0; i < 400; i++) rows.Add((Suggestion("customer_content.message", 0.9 + i % 100 / 1000.0), i / 100 % 2 == 0));
        return rows;
    }

    [Test]
    public void Fit_PerCategory_EachCategoryGetsItsOwnPrecisionAtTheSameScore()
    {
        var rows = NoneAndContentRows();
        var pooled = SuggestionCalibration.Fit(null, rows.Select(r => (r.Suggestion.Score, r.Right)));
        var perCategory = SuggestionCalibration.Fit(null, rows, CalibrationGrouping.Category, minimumGroupSize: 100);
        using (Assert.EnterMultipleScope())
        {
            // Pooled, both kinds of suggestion at 0.95 get the same confidence, too high for one and too low for the other.
            Assert.That(pooled.Confidence(Suggestion("customer_content.message", 0.95)), Is.EqualTo(pooled.Confidence(Suggestion("none", 0.95))));
            Assert.That(perCategory.Confidence(Suggestion("none", 0.95)), Is.EqualTo(0.99).Within(0.011));
            Assert.That(perCategory.Confidence(Suggestion("customer_content.message", 0.95)), Is.EqualTo(0.5));
            Assert.That(perCategory.Groups, Is.EqualTo(new[] { "customer_content", "none" }));
            Assert.That(perCategory.GroupBy, Is.EqualTo(CalibrationGrouping.Category));
        }
    }

    [Test]
    public void Fit_GroupUnderTheMinimum_TakesThePooledMap()
    {
        var rows = NoneAndContentRows();
        // 50 contact suggestions, all wrong: under a minimum of 100 they get no map of their own.
        for (int i = 0; i < 50; i++) rows.Add((Suggestion("contact.email", 0.95), false));
        var calibration = SuggestionCalibration.Fit(null, rows, CalibrationGrouping.Category, minimumGroupSize: 100);
        var pooled = SuggestionCalibration.Fit(null, rows.Select(r => (r.Suggestion.Score, r.Right)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calibration.Groups, Does.Not.Contain("contact"));
            Assert.That(calibration.Confidence(Suggestion("contact.email", 0.95)), Is.EqualTo(pooled.Confidence(0.95)));
            Assert.That(calibration.Confidence(Suggestion("contact.email", 0.95)), Is.GreaterThan(0.5), "the pooled map, not the group's 0");
            // With a minimum of 50 the same group has its map.
            Assert.That(SuggestionCalibration.Fit(null, rows, CalibrationGrouping.Category, minimumGroupSize: 50)
                .Confidence(Suggestion("contact.email", 0.95)), Is.Zero);
        }
    }

    [Test]
    public void Fit_CategoryAndBasis_SmallGroupFallsBackToItsCategoryThenPooled()
    {
        var rows = NoneAndContentRows();
        for (int i = 0; i < 150; i++) rows.Add((Suggestion("contact.email", 0.8, SuggestionBasis.RuleAndModel), true));
        for (int i = 0; i < 20; i++) rows.Add((Suggestion("contact.name", 0.8, SuggestionBasis.RuleAlone), false));
        var calibration = SuggestionCalibration.Fit(null, rows, CalibrationGrouping.CategoryAndBasis, minimumGroupSize: 100);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calibration.Groups, Does.Contain("contact/rule-and-model").And.Contain("contact").And.Not.Contain("contact/rule-alone"));
            Assert.That(calibration.Confidence(Suggestion("contact.email", 0.8, SuggestionBasis.RuleAndModel)), Is.EqualTo(1.0));
            // The 20 rule-alone suggestions take the contact map: 150 right of 170.
            Assert.That(calibration.Confidence(Suggestion("contact.name", 0.8, SuggestionBasis.RuleAlone)), Is.EqualTo(Math.Round(150.0 / 170, 4)));
            // No financial group at all: the pooled map.
            Assert.That(calibration.Confidence(Suggestion("financial.billing", 0.95)), Is.EqualTo(calibration.Confidence(0.95)));
        }
    }

    [Test]
    public void Fit_MinimumBlockSize_MergesASmallTopBlockIntoItsNeighbour()
    {
        // 200 suggestions at 0.5–0.699 right half of the time, then 10 at 0.95 all right: plain PAV gives the 10 a block
        // of their own at 1.0; with blocks of at least 20 they join the block under them.
        var rows = new List<(RawSuggestion, bool)>();
        for (int i = 0; i < 200; i++) rows.Add((Suggestion("customer_content.message", 0.5 + i / 1000.0), i % 2 == 0));
        for (int i = 0; i < 10; i++) rows.Add((Suggestion("customer_content.message", 0.95), true));
        var plain = SuggestionCalibration.Fit(null, rows, CalibrationGrouping.Category, minimumGroupSize: 100);
        var merged = SuggestionCalibration.Fit(null, rows, CalibrationGrouping.Category, minimumGroupSize: 100, minimumBlockSize: 20);
        var probe = Suggestion("customer_content.message", 0.95);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plain.Confidence(probe), Is.EqualTo(1.0));
            Assert.That(merged.Confidence(probe), Is.LessThan(0.7).And.GreaterThan(0.5));
            Assert.That(merged.Breakpoints.Select(b => b.Precision), Is.Ordered, "still monotone");
        }
    }

    [Test]
    public void Json_RoundTrip_KeepsGroupsGroupingAndLeaning()
    {
        var rows = NoneAndContentRows();
        for (int i = 0; i < 150; i++) rows.Add((Suggestion("contact.email", 0.5 + i / 1000.0, SuggestionBasis.RuleAlone), i % 3 != 0));
        var calibration = SuggestionCalibration.Fit(null, rows, CalibrationGrouping.CategoryAndBasis, minimumGroupSize: 100, leanBelow: 0.42);
        var again = SuggestionCalibration.Parse(calibration.ToJson(), "test.json");
        var probes = new[]
        {
            Suggestion("none", 0.93, SuggestionBasis.RuleAndModel), Suggestion("customer_content.message", 0.97),
            Suggestion("contact.email", 0.6, SuggestionBasis.RuleAlone), Suggestion("contact.email", 0.6, SuggestionBasis.ModelAlone),
            Suggestion("financial.billing", 0.91),
        };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.GroupBy, Is.EqualTo(CalibrationGrouping.CategoryAndBasis));
            Assert.That(again.LeanBelow, Is.EqualTo(0.42));
            Assert.That(again.Groups, Is.EqualTo(calibration.Groups));
            foreach (var probe in probes)
                Assert.That(again.Confidence(probe), Is.EqualTo(calibration.Confidence(probe)).Within(1e-5), probe.ToString());
            Assert.That(again.ToJson(), Is.EqualTo(calibration.ToJson()), "written again byte for byte");
        }
    }

    [Test]
    public void Parse_FileWrittenBeforeGroups_IsPooledWithoutLeaning()
    {
        // calibration.json as sessions before 36 wrote it: the combination and the pooled breakpoints only.
        const string old = """{ "combination": null, "breakpoints": [ [0.5, 0.4], [0.8, 0.7], [1.0, 0.95] ] }""";
        var calibration = SuggestionCalibration.Parse(old, "old.json");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calibration.GroupBy, Is.EqualTo(CalibrationGrouping.Pooled));
            Assert.That(calibration.LeanBelow, Is.Zero);
            Assert.That(calibration.Groups, Is.Empty);
            Assert.That(calibration.Confidence(Suggestion("customer_content.message", 0.7)), Is.EqualTo(0.7));
            Assert.That(calibration.Confidence(Suggestion("none", 0.9, SuggestionBasis.RuleAndModel)), Is.EqualTo(0.95));
        }
    }

    [Test]
    public void ConfidenceBands_BySuggestedCategory_CountEachCategorysSuggestionsOnly()
    {
        var columns = new (string, string?, double)[]
        {
            ("none", "none", 0.95), ("contact.email", "none", 0.95), ("contact.email", "contact.email", 0.93), ("contact.name", "contact.name", 0.75),
        };
        var byCategory = Inventory.Rules.Evaluation.ConfidenceBand.ComputeBySuggestedCategory(columns).ToDictionary(c => c.Category, c => c.Bands);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(byCategory.Keys, Is.EqualTo(DataCategory.TopLevels));
            Assert.That((byCategory["none"][0].Count, byCategory["none"][0].Precision), Is.EqualTo((2, 0.5)), "≥ 0.9: one none right of two");
            Assert.That((byCategory["contact"][0].Count, byCategory["contact"][0].Precision), Is.EqualTo((1, 1.0)));
            Assert.That((byCategory["contact"][2].Count, byCategory["contact"][2].Coverage), Is.EqualTo((1, 0.25)), "0.7–0.8, coverage over all columns");
            Assert.That(byCategory["financial"].Sum(b => b.Count), Is.Zero);
        }
    }

    [Test]
    public void Parse_UnknownGrouping_ThrowsConfigurationExceptionWithFile() =>
        Assert.That(() => SuggestionCalibration.Parse("""{ "breakpoints": [], "groupBy": "per-table" }""", "bad.json"),
            Throws.TypeOf<ConfigurationException>().With.Property(nameof(ConfigurationException.File)).EqualTo("bad.json")
                .And.Message.Contains("per-table"));

    /// <summary>A combination that ignores its inputs: the same probabilities (in <see cref="DataCategory.TopLevels"/>
    /// order) for every column.</summary>
    private static StackedCombination Fixed(params double[] probabilities) =>
        new(probabilities.Select(_ => new float[StackedCombination.ColumnFeatureCount]).ToArray(),
            probabilities.Select(p => (float)Math.Log(p)).ToArray(), probabilities.Select(_ => 1.0).ToArray());

    private static SuggestionCalibration LeaningBelow(StackedCombination combination, double threshold) =>
        new(combination, [], [], CalibrationGrouping.Pooled, new Dictionary<string, (IReadOnlyList<double>, IReadOnlyList<double>)>(), threshold);

    private static ColumnClassification Rule(string category) => new() { DataCategory = category, Confidence = 0.7, Origin = Origin.Rules, Evidence = [] };

    [Test]
    public void Suggest_NoneUnderTheLeaningThreshold_LeansToTheMostProbablePersonalCategory()
    {
        // The combination: none 0.45, contact 0.25, the four others 0.075 each. The model's own top category is automatic.
        var combination = Fixed(0.25, 0.075, 0.075, 0.075, 0.075, 0.45);
        float[] modelSaysAutomatic = [0.1f, 0.05f, 0.05f, 0.6f, 0.1f, 0.1f];
        float[] modelSaysNone = [0.6f, 0.1f, 0.05f, 0.05f, 0.1f, 0.1f];
        using (Assert.EnterMultipleScope())
        {
            var leaned = LeaningBelow(combination, 0.5).Suggest(Labels, modelSaysAutomatic);
            Assert.That(leaned.DataCategory, Is.EqualTo("contact.email"), "none at 0.45 < 0.5: the most probable personal category");
            Assert.That(leaned.Score, Is.EqualTo(0.25).Within(1e-6), "at its own, low, probability");
            Assert.That(LeaningBelow(combination, 0.4).Suggest(Labels, modelSaysAutomatic).DataCategory, Is.EqualTo("none"), "0.45 ≥ 0.4");
            Assert.That(LeaningBelow(combination, 0).Suggest(Labels, modelSaysAutomatic).DataCategory, Is.EqualTo("none"), "0 = off");
            // Model and rule both say none: nothing disagrees, none stands.
            Assert.That(LeaningBelow(combination, 0.5).Suggest(Labels, modelSaysNone, Rule("none")).DataCategory, Is.EqualTo("none"));
            // Values examined: the names' leaning is undone.
            Assert.That(LeaningBelow(combination, 0.5).Suggest(Labels, modelSaysAutomatic, valuesExamined: true).DataCategory, Is.EqualTo("none"));
            // A rule none the model doubts does not stop it.
            Assert.That(LeaningBelow(combination, 0.5).Suggest(Labels, modelSaysAutomatic, Rule("none")).DataCategory, Is.EqualTo("contact.email"));
        }
    }

    [Test]
    public void Suggest_Basis_SaysWhetherRuleAndModelBackTheSuggestedCategory()
    {
        var saysContact = LeaningBelow(Fixed(0.6, 0.05, 0.05, 0.05, 0.05, 0.2), 0);
        float[] modelSaysContact = [0.2f, 0.6f, 0.05f, 0.05f, 0.05f, 0.05f];
        float[] modelSaysNone = [0.6f, 0.2f, 0.05f, 0.05f, 0.05f, 0.05f];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(saysContact.Suggest(Labels, modelSaysContact, Rule("contact.name")).Basis, Is.EqualTo(SuggestionBasis.RuleAndModel));
            Assert.That(saysContact.Suggest(Labels, modelSaysNone, Rule("contact.name")).Basis, Is.EqualTo(SuggestionBasis.RuleAlone));
            Assert.That(saysContact.Suggest(Labels, modelSaysContact).Basis, Is.EqualTo(SuggestionBasis.ModelAlone));
            Assert.That(saysContact.Suggest(Labels, modelSaysContact, Rule("financial.billing")).Basis, Is.EqualTo(SuggestionBasis.ModelOverRule));
            // Rule and model both none: none, on both.
            Assert.That(saysContact.Suggest(Labels, modelSaysNone, Rule("none")), Is.EqualTo(new RawSuggestion("none", 0.2, false, SuggestionBasis.RuleAndModel))
                .Using<RawSuggestion>((a, b) => a.DataCategory == b.DataCategory && a.Basis == b.Basis && Math.Abs(a.Score - b.Score) < 1e-6));
        }
    }
}
