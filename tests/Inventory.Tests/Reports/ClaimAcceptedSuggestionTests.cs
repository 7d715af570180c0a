using NUnit.Framework;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Claims;
using Inventory.Rules.Policy;

namespace Inventory.Tests.Reports;

/// <summary>trial43 finding 1: with <c>check.accept-classification-above</c> the gate and the record's coverage count a
/// suggestion at or above the threshold as tagged (status accepted), and so do the claims: an accepted date of birth
/// that no activity declares violates <c>declared-categories-only</c> (README: "only the declared-categories-only claim
/// warns"), saying that a classifier decided it; a suggestion below the threshold stays undecided and says by how much;
/// without a threshold nothing changes.</summary>
[TestFixture]
public sealed class ClaimAcceptedSuggestionTests
{
    private static readonly PolicyDocument Policy = SeedClaims.Policy;

    /// <summary>A column the model suggests at <paramref name="confidence"/>, not annotated.</summary>
    private static ColumnEntry Suggested(string name, string category, double confidence, TypeFamily family = TypeFamily.Text)
    {
        var column = Some.Column(name, category, ColumnStatus.Suggested, family);
        column.Origin = Origin.Model;
        column.Confidence = confidence;
        return column;
    }

    /// <summary>The seed policy's accounts table, annotated with account-management, its e-mail annotated and its date of
    /// birth (declared by no activity of the seed policy) suggested at <paramref name="birthDate"/>.</summary>
    private static InventoryDocument Accounts(double birthDate, double email = 1) => SeedClaims.App(
        Some.Table("accounts", "account-management", Some.Id(),
            email >= 1 ? Some.Column("email", "contact.email") : Suggested("email", "contact.email", email),
            Suggested("date_of_birth", "other_personal.date_of_birth", birthDate, TypeFamily.Temporal)));

    private static ClaimResult DeclaredOnly(InventoryDocument inventory, double? threshold) =>
        ClaimEvaluator.Evaluate(Policy.Claims.Single(c => c.Id == "declared-categories-only"), Policy, inventory, threshold);

    [Test]
    public void DeclaredCategoriesOnly_AcceptedUndeclaredDateOfBirth_ViolatedSayingTheClassifierDecided()
    {
        var result = DeclaredOnly(Accounts(birthDate: 0.96), threshold: 0.9);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            Assert.That(result.Findings.Select(f => f.Column), Is.EqualTo(new[] { "date_of_birth" }));
            Assert.That(result.Findings.Single().Reason, Is.EqualTo(
                "other_personal.date_of_birth is declared by no processing activity (accepted suggestion: confidence 0.96 ≥ 0.9, not reviewed)"));
            Assert.That(result.Unresolved, Is.Empty);
        }
    }

    [Test]
    public void DeclaredCategoriesOnly_SuggestionBelowTheThreshold_UnknownNamingItsConfidenceAndTheThreshold()
    {
        var result = DeclaredOnly(Accounts(birthDate: 0.85), threshold: 0.9);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown));
            Assert.That(result.Findings, Is.Empty);
            Assert.That(result.Unresolved.Single().Reason, Is.EqualTo(
                "suggested other_personal.date_of_birth at 0.85, not tagged (below the acceptance threshold 0.9): its category is unknown"));
        }
    }

    [Test]
    public void DeclaredCategoriesOnly_NoThreshold_ASuggestionIsStillNoTag()
    {
        var result = DeclaredOnly(Accounts(birthDate: 0.99), threshold: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown));
            Assert.That(result.Unresolved.Single().Reason, Is.EqualTo(
                "suggested other_personal.date_of_birth, not tagged (a suggestion is not a tag): its category is unknown"));
        }
    }

    [Test]
    public void DeclaredCategoriesOnly_EveryColumnAcceptedAndDeclared_Holds()
    {
        // An accepted e-mail, which account-management declares, decides the claim like an annotated one.
        var inventory = SeedClaims.App(Some.Table("accounts", "account-management", Some.Id(), Suggested("email", "contact.email", 0.99)));

        Assert.That(DeclaredOnly(inventory, threshold: 0.9).Verdict, Is.EqualTo(ClaimVerdict.Holds));
        Assert.That(DeclaredOnly(inventory, threshold: null).Verdict, Is.EqualTo(ClaimVerdict.Unknown));
    }

    [Test]
    public void AutomaticDataLimited_AcceptedDeviceId_Violated()
    {
        var inventory = SeedClaims.App(Some.Table("visits", "activity-analytics", Some.Id(),
            Suggested("ip", "automatic.ip_address", 0.99), Suggested("visitor_id", "automatic.device_id", 0.93)));

        var result = ClaimEvaluator.Evaluate(Policy.Claims.Single(c => c.Id == "automatic-data-limited"), Policy, inventory, 0.9);

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
        Assert.That(result.Findings.Single().Column, Is.EqualTo("visitor_id"));
        Assert.That(result.Findings.Single().Reason, Does.EndWith("(accepted suggestion: confidence 0.93 ≥ 0.9, not reviewed)"));
    }

    [Test]
    public void Report_SummaryAndClaimAgree_WhenTheThresholdAcceptsAnUndeclaredColumn()
    {
        // The record's "undeclared categories" and the claim read the same column the same way (the report evaluated
        // the claims without the threshold: "no undeclared category found" beside "1 undeclared category").
        var inventory = Accounts(birthDate: 0.96);

        var model = ReportModel.Build(inventory, Policy, claims: null, options: new ReportOptions { AcceptClassificationAbove = 0.9 });

        var claim = model.Claims.Single(c => c.Id == "declared-categories-only");
        Assert.That(claim.Verdict, Is.EqualTo("violated"), claim.Summary);
        Assert.That(model.UndeclaredCategories.SelectMany(u => u.Columns), Has.Some.Contains("accounts.date_of_birth"));
    }
}
