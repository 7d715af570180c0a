using NUnit.Framework;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports.Claims;

namespace Inventory.Tests.Reports;

/// <summary>trial43 findings 4 and 5: the no-card-number claim says how many values its finding rests on, whatever kind
/// of evidence it is (never a value): card numbers inside a message's text are counted like a column of card numbers,
/// and hits at a path of JSON documents are counted out of the documents read, with the path when it is named.</summary>
[TestFixture]
public sealed class CardClaimEvidenceCountTests
{
    private static ClaimResult NoCard(params ColumnEntry[] columns) =>
        SeedClaims.Evaluate("no-stored-card-number", Some.Table("support_tickets", "account-management", [Some.Id(), .. columns]));

    private static ColumnEntry Suggested(string name, ColumnClassification classification)
    {
        var column = Some.Column(name, classification.DataCategory, ColumnStatus.Suggested, classification: classification);
        column.Origin = Origin.Rules;
        return column;
    }

    [Test]
    public void CardsInsideMessages_FindingCountsTheMessages()
    {
        var message = Suggested("message", new ColumnClassification
        {
            DataCategory = "customer_content.message", Confidence = 0.98, AlsoContains = ["contact.email", "financial.payment_card"],
            Evidence =
            [
                new EvidenceItem("detector", "detector.free-text", "customer_content.message", 300, 300, 1),
                new EvidenceItem("contains", "contains.contact.email", "contact.email", 36, 300, 0.12, "values with it inside their text"),
                new EvidenceItem("contains", "contains.financial.payment_card", "financial.payment_card", 32, 300, 0.1067, "values with it inside their text"),
            ],
        });

        var result = NoCard(message);

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated));
        Assert.That(result.Findings.Single().Reason, Is.EqualTo("32 of 300 sampled values contain a payment card number inside their text (10.7%)"));
    }

    [Test]
    public void CardsAtAnUnnamedJsonPath_FindingCountsTheDocumentsRead()
    {
        var payload = Suggested("payload", new ColumnClassification
        {
            DataCategory = "financial.payment_reference", Confidence = 0.7,
            Evidence =
            [
                new EvidenceItem("sample", "sample.documents-read", null, 50, 300, 0.1667, "documents read: 50 of the 300 non-blank sampled values"),
                new EvidenceItem("detector", "detector.payment-card", "financial.payment_card", 3, 3, 1, "values at one path of the JSON documents"),
            ],
            JsonPaths = new JsonPathSummary
            {
                Named = [new JsonPathFinding("$.data.object.id", "financial.payment_reference", "detector.payment-reference", 50, 50, 50)],
                Unnamed = ["financial.payment_card"],
            },
        });

        var reason = NoCard(payload).Findings.Single().Reason;

        Assert.That(reason, Is.EqualTo("detector.payment-card matched 3 of 3 values at a path too rare to be named, in the 50 JSON documents read (of 300 sampled values): card numbers are stored"));
    }

    [Test]
    public void CardsAtANamedJsonPath_FindingNamesThePath()
    {
        var payload = Suggested("payload", new ColumnClassification
        {
            DataCategory = "financial.payment_card", Confidence = 0.95,
            Evidence =
            [
                new EvidenceItem("sample", "sample.documents-read", null, 50, 120, 0.4167),
                new EvidenceItem("detector", "detector.payment-card", "financial.payment_card", 48, 50, 0.96, "values at one path of the JSON documents"),
            ],
            JsonPaths = new JsonPathSummary { Named = [new JsonPathFinding("$.card.number", "financial.payment_card", "detector.payment-card", 48, 50, 50)] },
        });

        var reason = NoCard(payload).Findings.Single().Reason;

        Assert.That(reason, Is.EqualTo("detector.payment-card matched 48 of 50 values at $.card.number in the 50 JSON documents read (of 120 sampled values): card numbers are stored"));
    }

    [Test]
    public void PlainCardColumn_KeepsItsSampledValuesWording()
    {
        var cards = Suggested("numero_carte", Some.PanEvidence(120, 120));

        Assert.That(NoCard(cards).Findings.Single().Reason, Is.EqualTo("detector.payment-card matched 120 of 120 sampled values (100.0%): card numbers are stored"));
    }
}
