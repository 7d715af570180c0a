using Inventory.Annotations;
using Inventory.Classification;
using NUnit.Framework;

namespace Inventory.Tests.Annotations;

/// <summary>Confidences are written rounded down (trial 17: 0.9958 read "1.00" in stubs and gate messages).</summary>
public sealed class ConfidenceTextTests
{
    [TestCase(0.9958, ExpectedResult = "0.99")]
    [TestCase(1.0, ExpectedResult = "1.00")]
    [TestCase(0.29, ExpectedResult = "0.29")]
    [TestCase(0.8996, ExpectedResult = "0.89")]
    [TestCase(0.0, ExpectedResult = "0.00")]
    [TestCase(-0.2, ExpectedResult = "0.00")]
    [TestCase(1.7, ExpectedResult = "1.00")]
    public string Format_RoundsDown(double confidence) => ConfidenceText.Format(confidence);

    [Test]
    public void Format_EveryHundredth_ReadsAsWritten()
    {
        var wrong = Enumerable.Range(0, 101).Select(i => i / 100.0)
            .Where(c => ConfidenceText.Format(c) != c.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void Describe_NearlyCertainSuggestion_IsNotShownAsCertain()
    {
        var text = Suggestions.Describe(new ColumnClassification { DataCategory = "none", Confidence = 0.9958, Origin = Origin.Rules, Evidence = [] });

        Assert.That(text, Does.StartWith("none (0.99)"));
    }
}
