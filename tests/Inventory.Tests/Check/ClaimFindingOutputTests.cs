using System.Text;
using System.Text.Json.Nodes;
using Inventory.Pipeline;
using Inventory.Reports.Check;
using Inventory.Reports.Claims;
using Inventory.Rules.Policy;
using Inventory.Tests.Reports;
using NUnit.Framework;

namespace Inventory.Tests.Check;

/// <summary>
/// Trial 23 finding: a violated claim's finding carried the claim's text ("We never store card numbers.") as its
/// <c>suggestion</c>, so SARIF and <c>check.json</c> offered the policy's promise as the fix to apply. The text now goes
/// to <c>claimText</c> beside <c>claim</c> (its id), and the text line marks it <c>claim: "…"</c>.
/// </summary>
[TestFixture]
public sealed class ClaimFindingOutputTests
{
    private static CheckResult ViolatedClaim()
    {
        // Given the seed policy's payment claim, violated by a stored IBAN.
        var policy = PolicyDocument.Seed;
        var claim = policy.Claims.Single(c => c.Id == "payment-through-gateway");
        var inventory = Some.Document(Some.Source("app", Some.Table("payouts", "billing-and-payment",
            Some.Id(), Some.Column("iban", "financial.bank_account"))));
        var results = new[] { ClaimEvaluator.Evaluate(claim, policy, inventory) };
        var findings = ClaimFindings.From(results, policy, null, null, Directory.GetCurrentDirectory());
        return CheckGate.Evaluate(inventory, new CheckOptions { ExtraFindings = findings });
    }

    private static async Task<string> WriteAsync(ICheckWriter writer, CheckResult result)
    {
        using var stream = new MemoryStream();
        await writer.WriteAsync(result, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Test]
    public async Task Sarif_ViolatedClaim_ClaimTextIsNotASuggestion()
    {
        var claimText = PolicyDocument.Seed.Claims.Single(c => c.Id == "payment-through-gateway").Text;

        var sarif = JsonNode.Parse(await WriteAsync(new SarifCheckWriter(), ViolatedClaim()))!;

        var properties = sarif["runs"]![0]!["results"]!.AsArray().Single(r => (string)r!["ruleId"]! == "claim-violated")!["properties"]!.AsObject();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)properties["claim"], Is.EqualTo("payment-through-gateway"));
            Assert.That((string?)properties["claimText"], Is.EqualTo(claimText));
            Assert.That(properties.ContainsKey("suggestion"), Is.False);
        }
    }

    [Test]
    public async Task Json_ViolatedClaim_HasClaimIdAndTextNotASuggestion()
    {
        var claimText = PolicyDocument.Seed.Claims.Single(c => c.Id == "payment-through-gateway").Text;

        var json = JsonNode.Parse(await WriteAsync(new CheckJsonWriter(), ViolatedClaim()))!;

        var finding = json["findings"]!.AsArray().Single(f => (string)f!["kind"]! == "claim-violated")!.AsObject();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)finding["claim"], Is.EqualTo("payment-through-gateway"));
            Assert.That((string?)finding["claimText"], Is.EqualTo(claimText));
            Assert.That(finding.ContainsKey("suggestion"), Is.False);
        }
    }

    [Test]
    public void TextLine_ViolatedClaim_MarksTheClaimText()
    {
        var claimText = PolicyDocument.Seed.Claims.Single(c => c.Id == "payment-through-gateway").Text;

        var line = CheckTextWriter.Line(ViolatedClaim().Findings.Single(f => f.Kind == FindingKind.ClaimViolated));

        Assert.That(line.EndsWith($"  claim: \"{claimText}\"", StringComparison.Ordinal), Is.True, line);
    }
}
