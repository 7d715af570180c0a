using Inventory.Catalog;
using Inventory.Rules;
using Inventory.Rules.Detectors;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>The detectors as a step with metadata: every registered detector says its category, check and weight, the
/// results carry them, and the rule classifier weighs a detector by what it says, so a new detector needs no edit of the
/// classifier.</summary>
public sealed class DetectorRegistryTests
{
    [Test]
    public void Default_EveryDetector_CategoryInTaxonomyAndDecidingOnesPointAtOne()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var detector in DetectorSuite.Default.Detectors)
            {
                if (detector.DataCategory is { } category)
                    Assert.That(Taxonomy.Default.IsKnown(category), Is.True, $"{detector.Id}: {category} is not in taxonomy.yml");
                if (detector.Weight != DetectorWeight.Evidence)
                    Assert.That(detector.DataCategory, Is.Not.Null, $"{detector.Id} weighs in a decision, so it must point at a category");
            }
            Assert.That(DetectorSuite.Default.DetectorIds, Is.EqualTo(DetectorSuite.Default.Detectors.Select(d => d.Id)).And.Unique);
        }
    }

    // The weights the rule classifier kept in two hash sets before they moved onto the detectors, unchanged.
    [TestCase("detector.email", ExpectedResult = DetectorWeight.Decides)]
    [TestCase("detector.phone", ExpectedResult = DetectorWeight.Decides)]
    [TestCase("detector.ip-address", ExpectedResult = DetectorWeight.Decides)]
    [TestCase("detector.payment-card", ExpectedResult = DetectorWeight.Decides)]
    [TestCase("detector.iban", ExpectedResult = DetectorWeight.Decides)]
    [TestCase("detector.vat-number", ExpectedResult = DetectorWeight.Decides)]
    [TestCase("detector.user-agent", ExpectedResult = DetectorWeight.Decides)]
    [TestCase("detector.hash", ExpectedResult = DetectorWeight.Decides)]
    [TestCase("detector.payment-reference", ExpectedResult = DetectorWeight.Decides)]
    [TestCase("detector.postal-address", ExpectedResult = DetectorWeight.Decides)]
    [TestCase("detector.national-id", ExpectedResult = DetectorWeight.Decides)]
    [TestCase("detector.masked-card", ExpectedResult = DetectorWeight.Decides)]
    [TestCase("detector.connection-secret", ExpectedResult = DetectorWeight.Decides)]
    [TestCase("detector.ssh-public-key", ExpectedResult = DetectorWeight.Decides)]
    [TestCase("detector.siren-siret", ExpectedResult = DetectorWeight.NeedsNameSupport)]
    [TestCase("detector.bic", ExpectedResult = DetectorWeight.NeedsNameSupport)]
    [TestCase("detector.postal-code", ExpectedResult = DetectorWeight.NeedsNameSupport)]
    [TestCase("detector.company-name", ExpectedResult = DetectorWeight.NeedsNameSupport)]
    [TestCase("detector.file-path", ExpectedResult = DetectorWeight.NeedsNameSupport)]
    [TestCase("detector.language-tag", ExpectedResult = DetectorWeight.NeedsNameSupport)]
    [TestCase("detector.person-name", ExpectedResult = DetectorWeight.NeedsNameSupport)]
    [TestCase("detector.hex-digest", ExpectedResult = DetectorWeight.NeedsNameSupport)]
    [TestCase("detector.secret-token", ExpectedResult = DetectorWeight.NeedsNameSupport)]
    [TestCase("detector.free-text", ExpectedResult = DetectorWeight.Evidence)]
    [TestCase("detector.json", ExpectedResult = DetectorWeight.Evidence)]
    [TestCase("detector.url", ExpectedResult = DetectorWeight.Evidence)]
    [TestCase("detector.uuid", ExpectedResult = DetectorWeight.Evidence)]
    [TestCase("detector.embedded-identifier", ExpectedResult = DetectorWeight.Evidence)]
    public DetectorWeight Weight_BuiltInDetector_AsTheRulesWeighedIt(string id) =>
        DetectorSuite.Default.Detectors.Single(d => d.Id == id).Weight;

    [TestCase("detector.payment-card", ExpectedResult = DetectorCheck.Validated)]
    [TestCase("detector.iban", ExpectedResult = DetectorCheck.Validated)]
    [TestCase("detector.siren-siret", ExpectedResult = DetectorCheck.Validated)]
    [TestCase("detector.national-id", ExpectedResult = DetectorCheck.Validated)]
    [TestCase("detector.masked-card", ExpectedResult = DetectorCheck.ShapeOnly)]
    [TestCase("detector.person-name", ExpectedResult = DetectorCheck.ShapeOnly)]
    [TestCase("detector.hex-digest", ExpectedResult = DetectorCheck.ShapeOnly)]
    public DetectorCheck Check_BuiltInDetector_ChecksumOrShape(string id) =>
        DetectorSuite.Default.Detectors.Single(d => d.Id == id).Check;

    [TestCase("detector.secret-token", "other_personal.credentials", ExpectedResult = true)]
    [TestCase("detector.secret-token", "automatic.device_id", ExpectedResult = true)]
    [TestCase("detector.hex-digest", "automatic.device_id", ExpectedResult = true)]
    [TestCase("detector.siren-siret", "financial.tax_id", ExpectedResult = true)]
    [TestCase("detector.person-name", "automatic.device_id", ExpectedResult = false)]
    [TestCase("detector.postal-code", null, ExpectedResult = false)]
    public bool IsSupportedBy_NameCategory_OwnCategoryOrListed(string id, string? nameCategory) =>
        DetectorSuite.Default.Detectors.Single(d => d.Id == id).IsSupportedBy(nameCategory);

    [Test]
    public void Run_Column_ScoresCarryTheDetectorsMetadataAndEvidence()
    {
        var result = DetectorSuite.Default.Run(["a@example.com", "b@example.org", "pending"], TypeFamily.Text);

        var email = result[DetectorIds.Email];
        var evidence = email.ToEvidence();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(email.Detector, Is.SameAs(DetectorSuite.Default.Detectors[0]));
            Assert.That((email.DataCategory, email.Weight, email.Check), Is.EqualTo(("contact.email", DetectorWeight.Decides, DetectorCheck.Validated)));
            Assert.That((evidence.Kind, evidence.Id, evidence.DataCategory, evidence.Matched, evidence.Total, evidence.Score),
                Is.EqualTo(("detector", "detector.email", "contact.email", (int?)2, (int?)3, (double?)0.6667)));
        }
    }

    /// <summary>A detector the classifier has never heard of: badge numbers <c>BADGE-</c> followed by digits.</summary>
    private sealed class BadgeDetector(DetectorWeight weight) : ValueDetector
    {
        public override string Id => "detector.test-badge";
        public override string? DataCategory => "automatic.device_id";
        public override DetectorWeight Weight => weight;
        public override DetectorCheck Check => DetectorCheck.ShapeOnly;

        public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape) =>
            value.StartsWith("BADGE-", StringComparison.Ordinal) && shape.Digits == shape.Length - 6 && shape.Length > 6;
    }

    private static readonly string[] Badges = ["BADGE-1001", "BADGE-1002", "BADGE-1003", "BADGE-1004", "BADGE-1005"];

    [Test]
    public void Classify_RegisteredDecidingDetector_DecidesFromValuesWithoutClassifierChange()
    {
        var classifier = new RuleClassifier(detectors: new DetectorSuite([.. DetectorSuite.BuiltIn, new BadgeDetector(DetectorWeight.Decides)]));

        var decision = classifier.Classify(Some.Column("visit", "tag", "text", Badges));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.DataCategory, Is.EqualTo("automatic.device_id"));
            Assert.That(decision.Evidence[0].Id, Is.EqualTo("detector.test-badge"));
            Assert.That(decision.Evidence[0].Matched, Is.EqualTo(5));
        }
    }

    [Test]
    public void Classify_RegisteredNeedsSupportDetectorWithoutNameSupport_DoesNotDecide()
    {
        var classifier = new RuleClassifier(detectors: new DetectorSuite([.. DetectorSuite.BuiltIn, new BadgeDetector(DetectorWeight.NeedsNameSupport)]));

        var decision = classifier.Classify(Some.Column("visit", "tag", "text", Badges));

        Assert.That(decision.DataCategory, Is.Not.EqualTo("automatic.device_id"));
    }

    /// <summary>Counts the values it is asked about (never matches).</summary>
    private sealed class CountingDetector : ValueDetector
    {
        private int _calls;
        public int Calls => _calls;
        public override string Id => "detector.test-counting";
        public override string? DataCategory => null;
        public override DetectorWeight Weight => DetectorWeight.Evidence;
        public override DetectorCheck Check => DetectorCheck.ShapeOnly;

        public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
        {
            Interlocked.Increment(ref _calls);
            return false;
        }
    }

    [Test]
    public void Classify_SampledColumn_DetectorStepRunsOncePerColumn()
    {
        // Given a column of 6 values, 4 of them distinct, and a detector that counts what it is asked
        var counting = new CountingDetector();
        var classifier = new RuleClassifier(detectors: new DetectorSuite([.. DetectorSuite.BuiltIn, counting]));

        // When the column is classified (the rules read free text, JSON, names and weights from the same results)
        classifier.Classify(Some.Column("ticket", "body", "text", "a@example.com", "b@example.com", "a@example.com", "hello there", "n/a", "x"));

        // Then each distinct non-placeholder value was tested once: one detector pass for the column
        Assert.That(counting.Calls, Is.EqualTo(4));
    }

    [Test]
    public void Run_AColumnAfterALargerOneOnTheSameThread_SameResultAsBefore()
    {
        // Given a small column passed once, then a column of 5,000 values (4,096 distinct kept) on the same thread
        string[] small = ["ann@example.org", "bob@example.org", "ann@example.org", "n/a", "+33 1 42 68 53 00", "Paris"];
        var first = DetectorSuite.Default.Run(small, TypeFamily.Text);
        var large = Enumerable.Range(0, 5_000).Select(i => i % 3 == 0 ? $"user{i}@example.org" : $"ref-{i:000000}").ToArray();
        var between = DetectorSuite.Default.Run(large, TypeFamily.Text);

        // When the small column is passed again
        var again = DetectorSuite.Default.Run(small, TypeFamily.Text);

        // Then its counts are the same (nothing of the larger column's distinct values is left over)
        using (Assert.EnterMultipleScope())
        {
            Assert.That(between.Distinct, Is.EqualTo(4_096), "distinct values beyond 4,096 are tested but not kept");
            Assert.That((again.Total, again.Distinct, again.Placeholders), Is.EqualTo((first.Total, first.Distinct, first.Placeholders)));
            Assert.That((again.Total, again.Distinct, again.Placeholders), Is.EqualTo((5, 4, 1)));
            Assert.That(again.Scores.Select(d => d.Matched), Is.EqualTo(first.Scores.Select(d => d.Matched)));
            Assert.That(again["detector.email"].Matched, Is.EqualTo(3));
        }
    }
}
