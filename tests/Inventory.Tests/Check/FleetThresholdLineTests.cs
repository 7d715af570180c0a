using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports.Check;
using Inventory.Tests.Reports;
using NUnit.Framework;

namespace Inventory.Tests.Check;

/// <summary>Trial45: with <c>--accept-classification-above 0.9</c> over a fleet of 8 blogs, the same untagged column
/// whose suggestion fell under the threshold at 0.75 in some tenants and at 0.60 in others was said on two lines, each
/// naming the other's failing tenants under <c>not here:</c> (<c>users.role in 3 of the 8 sources …; not here: blog-02,
/// blog-03, …</c>, then <c>users.role in 2 of the 8 sources (blog-02, blog-03)</c>), because the message carried each
/// tenant's confidence. The confidence now varies within a line, as the suggestion's does.</summary>
[TestFixture]
public sealed class FleetThresholdLineTests
{
    private static string Tenant(int i) => $"blog-{i:D2}";

    /// <summary>8 blogs whose <c>users.role</c> is suggested <c>none</c> at the given confidences, <c>users.email</c> tagged.</summary>
    private static InventoryDocument Fleet(params double[] confidences) => Some.Document([.. confidences.Select((confidence, i) =>
    {
        var role = Some.Column("role", "none", ColumnStatus.Suggested);
        role.Confidence = confidence;
        role.Origin = Origin.Model;
        return Some.Source(Tenant(i + 1), Some.Table("users", null, Some.Id(), Some.Column("email", "contact.email"), role));
    })]);

    private static IReadOnlyList<FindingLine> RoleLines(InventoryDocument document, double threshold)
    {
        var result = CheckGate.Evaluate(document, new CheckOptions { AcceptClassificationAbove = threshold, PathBase = Path.GetTempPath() });
        return [.. result.Lines.Where(l => l.First.Column == "role")];
    }

    [Test]
    public void ConfidencesUnderTheThresholdThatDiffer_OneLine_TheAcceptedTenantsNotHere()
    {
        // Given 8 tenants: 3 at 0.75, 2 at 0.60, 3 at 0.95 (accepted at 0.9)
        var document = Fleet(0.75, 0.60, 0.60, 0.95, 0.75, 0.75, 0.95, 0.95);

        // When the gate runs with the threshold 0.9
        var lines = RoleLines(document, 0.9);

        // Then the five failing tenants are one line, which names only the accepted ones as not here, and says the
        // threshold without one tenant's confidence; each finding keeps its own message for JSON, SARIF and JUnit
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.Count.EqualTo(1), string.Join("\n", lines.Select(l => $"{l.Key}  {l.Message}")));
            Assert.That(lines[0].Key, Is.EqualTo("users.role in 5 of the 8 sources holding users (blog-01 … blog-06); not here: blog-04, blog-07, blog-08"));
            Assert.That(lines[0].Message, Does.EndWith("; classification confidence is below 0.9"));
            Assert.That(lines[0].Findings.Select(f => f.Message), Has.Exactly(3).EndsWith("; classification confidence 0.75 is below 0.9")
                .And.Exactly(2).EndsWith("; classification confidence 0.60 is below 0.9"));
        }
    }

    [Test]
    public void SameConfidenceEverywhere_TheLineKeepsIt()
    {
        // Given 8 tenants whose suggestion is 0.75 in every one
        var document = Fleet(0.75, 0.75, 0.75, 0.75, 0.75, 0.75, 0.75, 0.75);

        // When the gate runs with the threshold 0.9
        var lines = RoleLines(document, 0.9);

        // Then one line for the 8, its message with the confidence they share
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.Count.EqualTo(1));
            Assert.That(lines[0].Key, Is.EqualTo("users.role in 8 sources (blog-01 … blog-08)"));
            Assert.That(lines[0].Message, Does.EndWith("; classification confidence 0.75 is below 0.9"));
        }
    }

    [Test]
    public void GeneratedFleets_EveryMixOfConfidences_OneLinePerColumn_NotHereOnlyTheAccepted()
    {
        // Given 300 generated fleets of 2 to 12 tenants with confidences drawn around the threshold
        var random = new Random(45);
        for (var n = 0; n < 300; n++)
        {
            var confidences = Enumerable.Range(0, random.Next(2, 13)).Select(_ => Math.Round(random.NextDouble(), 2)).ToArray();
            var failing = confidences.Count(c => c < 0.9);

            // When the gate runs with the threshold 0.9
            var lines = RoleLines(Fleet(confidences), 0.9);

            // Then the failing tenants share one line (none when every one is accepted), and "not here" names exactly
            // the accepted ones
            Assert.That(lines, Has.Count.EqualTo(failing == 0 ? 0 : 1), string.Join(", ", confidences));
            if (failing < 2) continue;
            var accepted = confidences.Select((c, i) => (c, i)).Where(x => x.c >= 0.9).Select(x => Tenant(x.i + 1)).ToList();
            Assert.That(lines[0].Places!.Exceptions, Is.EqualTo(accepted), string.Join(", ", confidences));
            Assert.That(lines[0].Findings, Has.Count.EqualTo(failing));
        }
    }
}
