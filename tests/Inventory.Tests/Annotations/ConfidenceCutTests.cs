using System.Globalization;
using Inventory.Annotations;
using Inventory.Classification;
using NUnit.Framework;

namespace Inventory.Tests.Annotations;

/// <summary>Every confidence a person reads is cut to two decimals (<see cref="ConfidenceText.Format"/>), the headline
/// and its evidence alike (trial 27: <c>none (0.99) — model.combination 1.00</c>, the evidence rounded up past the
/// decision it backs). <see cref="Suggestions.Describe(ColumnClassification)"/> is what <c>check</c> and
/// <c>annotate</c> print.</summary>
[TestFixture]
public sealed class ConfidenceCutTests
{
    private static ColumnClassification Model(double p) => new()
    {
        DataCategory = "none", Confidence = p, Origin = Origin.Model,
        Evidence = [new EvidenceItem("model", "model.combination", "none", Score: p)],
    };

    [Test]
    public void Describe_TheTrialsCase_BothNumbersCut()
    {
        Assert.That(Suggestions.Describe(Model(0.9958)), Is.EqualTo("none (0.99) — model.combination 0.99"));
    }

    [TestCase(0.8565, 0.7395, "none (0.85) — model.combination 0.73 before calibration")]
    [TestCase(0.9958, 0.9912, "none (0.99) — model.combination 0.99")]
    public void Describe_CalibratedHeadlineAndTheCombinationsOwnScore_SaidWhenTheyDiffer(double confidence, double score, string expected)
    {
        // Trial30: the headline is the calibrated confidence, the evidence the combination's raw score.
        var classification = new ColumnClassification
        {
            DataCategory = "none", Confidence = confidence, Origin = Origin.Model,
            Evidence = [new EvidenceItem("model", "model.combination", "none", Score: score)],
        };

        Assert.That(Suggestions.Describe(classification), Is.EqualTo(expected));
    }

    [Test]
    public void Describe_EveryScoreOnAFineGrid_TheEvidenceReadsAsTheHeadline()
    {
        var differing = new List<string>();
        for (int i = 0; i <= 100_000; i++)
        {
            var p = i / 100_000.0;
            var text = Suggestions.Describe(Model(p))!;
            var headline = text[(text.IndexOf('(', StringComparison.Ordinal) + 1)..text.IndexOf(')', StringComparison.Ordinal)];
            var evidence = text[(text.LastIndexOf(' ') + 1)..];
            if (headline != evidence) differing.Add($"{p.ToString(CultureInfo.InvariantCulture)}: {text}");
        }
        Assert.That(differing, Is.Empty, string.Join("; ", differing.Take(5)));
    }
}
