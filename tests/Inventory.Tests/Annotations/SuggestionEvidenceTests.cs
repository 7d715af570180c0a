using Inventory.Annotations;
using Inventory.Classification;
using Inventory.Rules.Learning;
using NUnit.Framework;

namespace Inventory.Tests.Annotations;

/// <summary>Evidence a DPO reads (trial 26 finding 5): a model evidence entry describes one model, and a gate that
/// heads the suggestion in <c>check</c> and <c>annotate</c> is given as a reason in words, not as a gate id.</summary>
[TestFixture]
public sealed class SuggestionEvidenceTests
{
    [Test]
    public void ModelEvidence_CombinationDisagreesWithTheColumnModel_OneEntryForEach()
    {
        // Given: the column model's top label is a message (0.956), the learned combination with the rules says none (0.7792).
        var prediction = new ModelPrediction("customer_content.message", 0.956, "customer_content", 0.958, "none", 0.042);

        var items = ModelClassifier.EvidenceItems(prediction, new RawSuggestion("none", 0.7792, LeanedPersonal: false), combined: true);

        Assert.That(items.Select(e => (e.Id, e.DataCategory, e.Score)), Is.EqualTo(new[]
        {
            ("model.combination", (string?)"none", (double?)0.7792),
            ("model.column", "customer_content.message", 0.956),
        }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(items[0].Detail, Does.Not.Contain("customer_content.message"), "the combination's entry describes the combination");
            Assert.That(items[1].Detail, Is.EqualTo("the column model's own prediction (first level): runner-up none 0.042"));
        }
    }

    [Test]
    public void ModelEvidence_WithoutACombination_OneEntryForTheColumnModel()
    {
        var prediction = new ModelPrediction("contact.email", 0.91, "contact", 0.95, "none", 0.05);

        var items = ModelClassifier.EvidenceItems(prediction, new RawSuggestion("contact.email", 0.95, LeanedPersonal: false), combined: false);

        Assert.That(items.Select(e => (e.Id, e.DataCategory, e.Score)), Is.EqualTo(new[] { ("model.column", (string?)"contact.email", (double?)0.95) }));
        Assert.That(items[0].Detail, Is.EqualTo("the column model's own prediction: probability of contact 0.950 (labels summed); top label contact.email 0.910, runner-up none 0.050"));
    }

    [Test]
    public void Describe_EnumerationOfTheSampleHeadsTheSuggestion_ItsReasonNotACountOfMatches()
    {
        // Given: a text column whose 150 sampled values hold 4 distinct ones, decided none by the enumeration statistic
        var classification = new ColumnClassification
        {
            DataCategory = "none", Confidence = 0.6, Origin = Origin.Rules,
            Evidence =
            [
                new EvidenceItem("sample", "sample.enumeration", "none", 4, 150, 0.0267,
                    "4 distinct values repeated over 150: an enumeration or configuration"),
                new EvidenceItem("sample", "sample.size", null, 150, 150, 1, "null ratio 0, distinct ratio 0.027"),
            ],
        };

        var text = Suggestions.Describe(classification);

        Assert.That(text, Is.EqualTo("none (0.60) — sample.enumeration: 4 distinct values repeated over 150: an enumeration or configuration"));
    }

    [Test]
    public void Describe_DetectorHeadsTheSuggestion_KeepsItsMatchedOverTested()
    {
        var classification = new ColumnClassification
        {
            DataCategory = "contact.email", Confidence = 0.97, Origin = Origin.Rules,
            Evidence = [new EvidenceItem("detector", "detector.email", "contact.email", 48, 50, 0.96, "48 of 50 values are e-mail addresses")],
        };

        Assert.That(Suggestions.Describe(classification), Is.EqualTo("contact.email (0.97) — detector.email 48/50"));
    }

    [Test]
    public void Describe_ContextGateHeadsTheSuggestion_AReasonInWordsNotTheGateId()
    {
        // Given: support_tickets.language of trial 26, a language name in a table without a user agent.
        var classification = new ColumnClassification
        {
            DataCategory = "none", Confidence = 0.8686, Origin = Origin.Rules,
            Evidence =
            [
                new EvidenceItem("name-rule", "name.en.language-beside-client-data", "automatic.browser_language", Score: 0.8),
                new EvidenceItem("context-gate", "gate.context.automatic.user_agent", "none",
                    Detail: "no other column of the table gives the record automatic.user_agent this column would be part of"),
                new EvidenceItem("sample", "sample.size", null, 200, 200, 1, "null ratio 0, distinct ratio 0.01"),
            ],
        };

        var text = Suggestions.Describe(classification);

        Assert.That(text, Is.EqualTo("none (0.86) — its name reads as automatic.browser_language, but no other column of the table holds user agents"));
    }

    [TestCase("gate.suffix.count", "suffix-gate", ExpectedResult = "none (0.80) — its name reads as contact.email, but it ends in 'count'")]
    [TestCase("gate.prefix.is", "suffix-gate", ExpectedResult = "none (0.80) — its name reads as contact.email, but it starts with 'is'")]
    [TestCase("gate.type.integer", "type-gate", ExpectedResult = "none (0.80) — its name reads as contact.email, but a name alone never gives that to an integer column")]
    public string Describe_NameGateHeadsTheSuggestion_SaysWhatTheNameReadAsAndWhyNot(string gate, string kind) =>
        Suggestions.Describe(new ColumnClassification
        {
            DataCategory = "none", Confidence = 0.8, Origin = Origin.Rules,
            Evidence =
            [
                new EvidenceItem("name-rule", "name.en.email", "contact.email", Score: 0.9),
                new EvidenceItem(kind, gate, "none", Detail: "a name alone never gives contact.email to this column"),
            ],
        })!;

    [Test]
    public void Describe_TypeGateWithItsOwnReason_ThatReason()
    {
        var text = Suggestions.Describe(new ColumnClassification
        {
            DataCategory = "none", Confidence = 0.7, Origin = Origin.Rules,
            Evidence = [new EvidenceItem("type-gate", "gate.type.boolean", "none", Detail: "a flag")],
        });

        Assert.That(text, Is.EqualTo("none (0.70) — a flag"));
    }

    [Test]
    public void Describe_DetectorHeadsTheSuggestion_IdAndCountsAsBefore()
    {
        var text = Suggestions.Describe(new ColumnClassification
        {
            DataCategory = "contact.email", Confidence = 0.97, Origin = Origin.Rules,
            Evidence = [new EvidenceItem("detector", "detector.email", "contact.email", 48, 50, 0.96)],
        });

        Assert.That(text, Is.EqualTo("contact.email (0.97) — detector.email 48/50"));
    }
}
