using Inventory.Classification;
using Inventory.Rules.Learning;
using NUnit.Framework;

namespace Inventory.Tests.Model;

/// <summary>Session 39: the confidence by Platt scaling per suggested category (fitted on generated samples whose truth is
/// known, then measured on a fresh sample per confidence band), calibration.json's <c>method</c> and
/// <c>leanToRuleBelow</c>, and the leaning of a names-only <c>none</c> towards a name rule's personal category on a
/// generated set of ambiguous columns.</summary>
[TestFixture]
public sealed class PlattCalibrationTests
{
    private static readonly string[] Labels = ["none", "contact.email", "financial.billing", "automatic.activity", "customer_content.message", "other_personal.photo"];

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>Generated out-of-fold suggestions: scores uniform in [0.02, 0.98], each right with probability
    /// σ(slope · logit(score) + intercept), the truth a Platt scaling should recover.</summary>
    private static List<(double Score, bool Right)> Sample(Random random, int count, double slope, double intercept)
    {
        var points = new List<(double, bool)>(count);
        for (int i = 0; i < count; i++)
        {
            double score = 0.02 + 0.96 * random.NextDouble();
            points.Add((score, random.NextDouble() < Sigmoid(slope * PlattScaling.Logit(score) + intercept)));
        }
        return points;
    }

    /// <summary>Per confidence band of ten (0.9–1 first), the share right and the count of the points' confidences.</summary>
    private static (double Precision, int Count)[] Bands(IEnumerable<(double Confidence, bool Right)> points)
    {
        var bands = new (int Right, int Count)[10];
        foreach (var (confidence, right) in points)
        {
            int b = Math.Min((int)(confidence * 10), 9);
            bands[b] = (bands[b].Right + (right ? 1 : 0), bands[b].Count + 1);
        }
        return bands.Reverse().Select(b => (b.Count == 0 ? 0 : (double)b.Right / b.Count, b.Count)).ToArray();
    }

    [Test]
    public void Fit_GeneratedSampleWithKnownTruth_RecoversTheCurve_AndEveryBandOfAFreshSampleHolds()
    {
        // An over-confident scorer: right with probability σ(0.6 · logit(score) − 0.3), so a raw 0.95 is right about 80 %.
        var random = new Random(39);
        var fitted = PlattScaling.Fit(Sample(random, 20_000, 0.6, -0.3));
        var fresh = Sample(random, 20_000, 0.6, -0.3);
        var calibrated = Bands(fresh.Select(p => (fitted.Confidence(p.Score), p.Right)));
        var raw = Bands(fresh.Select(p => (p.Score, p.Right)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fitted.Slope, Is.EqualTo(0.6).Within(0.05));
            Assert.That(fitted.Intercept, Is.EqualTo(-0.3).Within(0.05));
            for (int b = 0; b < 10; b++)
            {
                if (calibrated[b].Count < 100) continue;
                double high = 1 - b / 10.0, low = high - 0.1;
                Assert.That(calibrated[b].Precision, Is.InRange(low - 0.02, high + 0.02), $"band {low:0.0}–{high:0.0} ({calibrated[b].Count})");
            }
            Assert.That(calibrated.Count(b => b.Count >= 100), Is.GreaterThanOrEqualTo(4), "the fresh sample spreads over several bands");
            // The raw scores do not hold: their top band is right far less often than 0.9.
            Assert.That(raw[0].Precision, Is.LessThan(0.85));
        }
    }

    [Test]
    public void Fit_AllRightOrAllWrong_StaysFinite_ByPlattsTargets()
    {
        var scores = Enumerable.Range(0, 500).Select(i => 0.5 + i / 1000.0).ToArray();
        var allRight = PlattScaling.Fit(scores.Select(s => (s, true)));
        var allWrong = PlattScaling.Fit(scores.Select(s => (s, false)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(double.IsFinite(allRight.Slope) && double.IsFinite(allRight.Intercept), Is.True);
            Assert.That(allRight.Confidence(0.7), Is.InRange(0.99, 0.9999), "about (N₊ + 1) / (N₊ + 2), never 1");
            Assert.That(allWrong.Confidence(0.7), Is.InRange(0.0001, 0.01));
            Assert.That(() => PlattScaling.Fit([]), Throws.ArgumentException);
            // One score only: the ridge keeps the system solvable; the confidence is the share right.
            Assert.That(PlattScaling.Fit(Enumerable.Range(0, 100).Select(i => (0.8, i % 4 != 0))).Confidence(0.8), Is.EqualTo(0.75).Within(0.01));
        }
    }

    [Test]
    public void Fit_ScoresUpToOne_ConvergesByStepHalving()
    {
        // The combination's scores of a category crowd at 1 (logits up to 13.8, the clamp): plain Newton from slope 1
        // overshot to slopes of 10¹⁰ on the corpus's automatic suggestions and put a fold's at confidence 0. The truth here
        // is the flat curve those suggestions have: σ(0.4 · logit(score)).
        var random = new Random(5);
        var points = new List<(double, bool)>();
        for (int i = 0; i < 3_000; i++)
        {
            double x = -2 + 16 * random.NextDouble(), score = 1 / (1 + Math.Exp(-x));
            points.Add((score, random.NextDouble() < Sigmoid(0.4 * PlattScaling.Logit(score))));
        }
        var fitted = PlattScaling.Fit(points);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fitted.Slope, Is.EqualTo(0.4).Within(0.06));
            Assert.That(fitted.Intercept, Is.EqualTo(0).Within(0.25));
            Assert.That(fitted.Confidence(0.7), Is.EqualTo(Sigmoid(0.4 * PlattScaling.Logit(0.7))).Within(0.05));
        }
    }

    private static RawSuggestion Suggestion(string label, double score) => new(label, score, false);

    [Test]
    public void Fit_PlattPerCategory_EachCategoryGetsItsOwnCurve_ASmallGroupThePooledOne()
    {
        // none right more often than its score says, customer_content less: the shape of the corpus (rules/MODEL.md, session 36).
        var random = new Random(7);
        var rows = Sample(random, 4_000, 1.0, 1.5).Select(p => (Suggestion("none", p.Score), p.Right))
            .Concat(Sample(random, 2_000, 1.0, -1.0).Select(p => (Suggestion("customer_content.message", p.Score), p.Right)))
            .Concat(Sample(random, 60, 1.0, 0).Select(p => (Suggestion("contact.email", p.Score), p.Right))).ToList();
        var calibration = SuggestionCalibration.Fit(null, rows, CalibrationGrouping.Category, minimumGroupSize: 100, method: CalibrationMethod.Platt);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calibration.Method, Is.EqualTo(CalibrationMethod.Platt));
            Assert.That(calibration.Groups, Is.EqualTo(new[] { "customer_content", "none" }));
            Assert.That(calibration.Confidence(Suggestion("none", 0.8)), Is.EqualTo(Sigmoid(PlattScaling.Logit(0.8) + 1.5)).Within(0.03));
            Assert.That(calibration.Confidence(Suggestion("customer_content.message", 0.8)), Is.EqualTo(Sigmoid(PlattScaling.Logit(0.8) - 1.0)).Within(0.03));
            Assert.That(calibration.Confidence(Suggestion("contact.email", 0.8)), Is.EqualTo(calibration.Confidence(0.8)), "60 < 100: the pooled scaling");
            Assert.That(calibration.PlattOf(null), Is.Not.Null);
            Assert.That(calibration.Breakpoints, Is.Empty, "no isotonic map");
        }
    }

    [Test]
    public void Json_Platt_RoundTrip_KeepsMethodGroupsAndBothLeanings()
    {
        var random = new Random(11);
        var rows = Sample(random, 1_000, 0.8, 1.0).Select(p => (Suggestion("none", p.Score), p.Right))
            .Concat(Sample(random, 500, 1.2, -0.5).Select(p => (Suggestion("financial.billing", p.Score), p.Right))).ToList();
        var calibration = SuggestionCalibration.Fit(null, rows, CalibrationGrouping.Category, minimumGroupSize: 300, leanBelow: 0.3,
            method: CalibrationMethod.Platt, leanToRuleBelow: 0.8);
        var json = calibration.ToJson();
        var again = SuggestionCalibration.Parse(json, "calibration.json");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.Method, Is.EqualTo(CalibrationMethod.Platt));
            Assert.That(again.LeanBelow, Is.EqualTo(0.3));
            Assert.That(again.LeanToRuleBelow, Is.EqualTo(0.8));
            Assert.That(again.Groups, Is.EqualTo(new[] { "financial", "none" }));
            foreach (var probe in new[] { Suggestion("none", 0.93), Suggestion("financial.billing", 0.4), Suggestion("contact.email", 0.6) })
                Assert.That(again.Confidence(probe), Is.EqualTo(calibration.Confidence(probe)).Within(1e-4), probe.ToString());
            Assert.That(again.ToJson(), Is.EqualTo(json), "written again byte for byte");
            Assert.That(json, Does.Contain("\"method\": \"platt\""));
            // A file written before session 39 (no method, no leanToRuleBelow) is isotonic without the rule leaning.
            var old = SuggestionCalibration.Parse("""{ "combination": null, "breakpoints": [ [0.5, 0.4], [1.0, 0.95] ], "leanBelow": 0.2 }""", "old.json");
            Assert.That((old.Method, old.LeanToRuleBelow, old.LeanBelow), Is.EqualTo((CalibrationMethod.Isotonic, 0.0, 0.2)));
            Assert.That(() => SuggestionCalibration.Parse("""{ "breakpoints": [], "method": "beta" }""", "bad.json"),
                Throws.TypeOf<ConfigurationException>().With.Message.Contains("beta"));
        }
    }

    /// <summary>A combination that ignores its inputs: the same probabilities (in <see cref="DataCategory.TopLevels"/>
    /// order) for every column.</summary>
    private static StackedCombination Fixed(params double[] probabilities) =>
        new(probabilities.Select(_ => new float[StackedCombination.ColumnFeatureCount]).ToArray(),
            probabilities.Select(p => (float)Math.Log(p)).ToArray(), probabilities.Select(_ => 1.0).ToArray());

    private static ColumnClassification Rule(string category) => new() { DataCategory = category, Confidence = 0.7, Origin = Origin.Rules, Evidence = [] };

    [Test]
    public void Suggest_GeneratedAmbiguousColumns_ANoneUnderTheThresholdLeansToTheRulesPersonalCategory_AtLowConfidence()
    {
        // Every combination probability of none from 0.305 to 0.955, the rest shared by the five personal categories with
        // automatic always the most probable of them; every rule decision (each personal category, none, undecided); names
        // only and with values examined: 66 × 7 × 2 = 924 columns.
        string?[] rules = ["contact.name", "financial.billing", "automatic.activity", "customer_content.message", "other_personal.photo", "none", null];
        float[] modelSaysNone = [0.7f, 0.1f, 0.05f, 0.05f, 0.05f, 0.05f];
        var random = new Random(3);
        // A confidence map fitted the way CV fits it: leaned suggestions of the other folds right about four times in ten.
        var map = SuggestionCalibration.Fit(null, Sample(random, 2_000, 1.0, 0.4).Select(p => (Suggestion("contact.email", p.Score), p.Right)).ToList(),
            CalibrationGrouping.Category, method: CalibrationMethod.Platt);
        int leanedCount = 0, checkedCount = 0;
        using (Assert.EnterMultipleScope())
        {
            for (int k = 30; k <= 95; k++)
            {
                double none = k / 100.0 + 0.005, rest = 1 - none;
                var combination = Fixed(rest * 0.15, rest * 0.15, rest * 0.4, rest * 0.15, rest * 0.15, none);
                var calibration = new SuggestionCalibration(combination, [], [], CalibrationGrouping.Pooled,
                    new Dictionary<string, (IReadOnlyList<double>, IReadOnlyList<double>)>(), 0, leanToRuleBelow: 0.8);
                foreach (var rule in rules)
                    foreach (bool values in new[] { false, true })
                    {
                        var suggestion = calibration.Suggest(Labels, modelSaysNone, rule is null ? null : Rule(rule), valuesExamined: values);
                        bool personalRule = rule is not null && rule != "none";
                        string expected = personalRule && !values && none < 0.8 ? rule! : "none";
                        checkedCount++;
                        Assert.That(suggestion.DataCategory, Is.EqualTo(expected), $"none {none:0.00}, rule {rule ?? "undecided"}, values {values}");
                        if (expected == "none") continue;
                        leanedCount++;
                        // The rule's category, not the combination's most probable personal one (automatic), at its own low probability.
                        Assert.That(suggestion.Score, Is.LessThanOrEqualTo(0.5).And.EqualTo(rule == "automatic.activity" ? rest * 0.4 : rest * 0.15).Within(1e-5));
                        Assert.That(suggestion.LeanedPersonal, Is.True);
                        Assert.That(map.Confidence(suggestion with { DataCategory = "contact.email" }), Is.LessThan(0.6), "low confidence");
                    }
            }
            Assert.That((checkedCount, leanedCount), Is.EqualTo((924, 50 * 5)), "none 0.305–0.795 × five personal rules, names only");
            // Off (0), as files before session 39: none stays.
            var off = new SuggestionCalibration(Fixed(0.1, 0.1, 0.1, 0.1, 0.1, 0.5), [], [], CalibrationGrouping.Pooled,
                new Dictionary<string, (IReadOnlyList<double>, IReadOnlyList<double>)>());
            Assert.That(off.Suggest(Labels, modelSaysNone, Rule("contact.name")).DataCategory, Is.EqualTo("none"));
        }
    }
}
