using System.Globalization;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Rules;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// The user's value patterns (<c>value-patterns:</c>, users45) beside the shipped detectors: a pattern decides a column
/// when its share of the sampled values is reached (and its context word and validator hold), its rule id
/// <c>pattern.name</c> first in the evidence; otherwise the shipped decision stands. Bulk: thousands of generated
/// columns of employee ids and of their near misses, with context words in English, French, German and Spanish names.
/// Generated values are invented; none is ever in a message or the evidence.
/// </summary>
[TestFixture]
public sealed class ValuePatternClassifierTests
{
    private const string Patterns = """
        value-patterns:
          - name: employee-id
            pattern: 'EMP-\d{6}'
            category: other_personal.employment
          - name: staff-badge
            pattern: 'B\d{5}'
            category: other_personal.employment
            context: [staff, employe, mitarbeiter, empleado, personal]
          - name: customer-number
            pattern: 'C\d{8}'
            category: none
            validator: luhn
            min-share: 0.9
        """;

    private static IReadOnlyList<ValuePatternConfig> _patterns = [];
    private static IColumnClassifier _rules = null!;

    [OneTimeSetUp]
    public void LoadPatterns()
    {
        var path = Path.Combine(Path.GetTempPath(), $"users45-classifier-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, Patterns);
        try { _patterns = InventoryConfig.Load(path, _ => null).ValuePatterns; }
        finally { File.Delete(path); }
        _rules = ClassifierFactory.CreateDefault(new ClassifierOptions { Kind = ClassifierKind.Rules, ValuePatterns = _patterns });
    }

    private static ColumnEvidence Column(string name, IReadOnlyList<string> values, string type = "text", string table = "people") => new()
    {
        Table = table,
        Column = new ColumnInfo { Name = name, Ordinal = 2, DeclaredType = type, Family = Inventory.Rules.Evaluation.DeclaredTypes.FamilyOf(type) },
        Sampled = true,
        SampledRows = values.Count,
        Values = values,
        TableColumns = ["id", name],
    };

    private static string EmployeeId(Random r) => "EMP-" + r.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>A card-style customer number: C, seven random digits and the Luhn check digit.</summary>
    private static string CustomerNumber(Random r, bool valid = true)
    {
        var digits = new int[8];
        for (int i = 0; i < 7; i++) digits[i] = r.Next(10);
        int sum = 0;
        for (int i = 6, k = 0; i >= 0; i--, k++)
        {
            int d = digits[i];
            if (k % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        digits[7] = (10 - sum % 10) % 10;
        if (!valid) digits[7] = (digits[7] + 1 + r.Next(9)) % 10;
        return "C" + string.Concat(digits);
    }

    [Test]
    public void EmployeeIds_DecidedByThePattern_RuleIdFirstWithCountsAndNoValue()
    {
        var random = new Random(45);
        var values = Enumerable.Range(0, 200).Select(_ => EmployeeId(random)).ToList();

        var decision = _rules.Classify(Column("ref", values));

        var first = decision.Evidence[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.DataCategory, Is.EqualTo("other_personal.employment"));
            Assert.That(decision.Confidence, Is.EqualTo(0.95));
            Assert.That((first.Kind, first.Id, first.Matched, first.Total, first.Score), Is.EqualTo(("pattern", "pattern.employee-id", (int?)200, (int?)200, (double?)1.0)));
            Assert.That(first.Detail, Does.StartWith("value pattern 'employee-id' of "));
            Assert.That(decision.Evidence.Any(e => values.Any(v => (e.Detail ?? "").Contains(v, StringComparison.Ordinal))), Is.False);
        }
    }

    [Test]
    public void BelowTheShare_ShippedDecisionStands_PatternInTheEvidenceOnly()
    {
        var random = new Random(7);
        // Half employee ids, half e-mail addresses: under the default share of 0.6.
        var values = Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? EmployeeId(random) : $"p{i}@example.org").ToList();
        var shipped = ClassifierFactory.CreateDefault(new ClassifierOptions { Kind = ClassifierKind.Rules }).Classify(Column("contact", values));

        var decision = _rules.Classify(Column("contact", values));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.DataCategory, Is.EqualTo(shipped.DataCategory));
            Assert.That(decision.Confidence, Is.EqualTo(shipped.Confidence));
            Assert.That(decision.Evidence[^1].Id, Is.EqualTo("pattern.employee-id"));
            Assert.That(decision.Evidence[^1].Matched, Is.EqualTo(50));
            Assert.That(decision.Evidence.Count, Is.EqualTo(shipped.Evidence.Count + 1));
        }
    }

    [Test]
    public void NoPatternMatches_DecisionIsTheShippedOneUnchanged()
    {
        var values = Enumerable.Range(0, 50).Select(i => $"p{i}@example.org").ToList();
        var shipped = ClassifierFactory.CreateDefault(new ClassifierOptions { Kind = ClassifierKind.Rules }).Classify(Column("email", values));

        var decision = _rules.Classify(Column("email", values));

        Assert.That(decision.Evidence.Select(e => e.Id), Is.EqualTo(shipped.Evidence.Select(e => e.Id)));
        Assert.That((decision.DataCategory, decision.Confidence), Is.EqualTo(("contact.email", shipped.Confidence)));
    }

    [Test]
    public void Validator_LuhnFailures_NotCounted()
    {
        var random = new Random(11);
        var valid = Enumerable.Range(0, 100).Select(_ => CustomerNumber(random)).ToList();
        var invalid = Enumerable.Range(0, 100).Select(_ => CustomerNumber(random, valid: false)).ToList();

        var decided = _rules.Classify(Column("kundennummer", valid));
        var refused = _rules.Classify(Column("kundennummer", invalid));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((decided.DataCategory, decided.Evidence[0].Id), Is.EqualTo(("none", "pattern.customer-number")));
            Assert.That(refused.Evidence.Where(e => e.Id.StartsWith("pattern.", StringComparison.Ordinal)), Is.Empty,
                "a value the validator refuses is no match, and a pattern with no match adds no evidence");
        }
    }

    [Test]
    public void Validators_KnownValuesPassAndTheirAlterationsFail()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ValuePatternClassifier.Passes(ValueChecksum.Luhn, "4111 1111 1111 1111"), Is.True);
            Assert.That(ValuePatternClassifier.Passes(ValueChecksum.Luhn, "4111 1111 1111 1112"), Is.False);
            Assert.That(ValuePatternClassifier.Passes(ValueChecksum.Iban, "DE89 3704 0044 0532 0130 00"), Is.True);
            Assert.That(ValuePatternClassifier.Passes(ValueChecksum.Iban, "DE89 3704 0044 0532 0130 01"), Is.False);
            Assert.That(ValuePatternClassifier.Passes(ValueChecksum.Gs1, "4006381333931"), Is.True);
            Assert.That(ValuePatternClassifier.Passes(ValueChecksum.Gs1, "4006381333932"), Is.False);
            // ISO 7064 MOD 97-10: 123456 followed by its check digits 98 - (12345600 mod 97) = 76.
            Assert.That(ValuePatternClassifier.Passes(ValueChecksum.Mod97, "REF-123456-76"), Is.True);
            Assert.That(ValuePatternClassifier.Passes(ValueChecksum.Mod97, "REF-123456-77"), Is.False);
        }
    }

    /// <summary>2,000 badge columns named in the four languages (with accents and in the databases' spellings) are
    /// decided by the context pattern; 2,000 columns of the same values under names without a context word are not.</summary>
    [Test]
    public void ContextWords_BulkOverFourLanguages_BothDirections()
    {
        string[] withContext = ["staff_badge", "StaffNo", "badge_employé", "numero_employe", "MitarbeiterAusweis", "mitarbeiter_nr", "numero_empleado", "EmpleadoBadge", "personal_nummer", "STAFF_REF"];
        string[] withoutContext = ["badge", "ref", "code", "numero", "ausweis", "nummer", "codigo", "door_code", "ticket", "lot"];
        var random = new Random(4545);
        int decided = 0, taken = 0;
        var missed = new List<string>();
        var takenNames = new List<string>();
        for (int i = 0; i < 2000; i++)
        {
            var values = Enumerable.Range(0, 20).Select(_ => "B" + random.Next(0, 100_000).ToString("D5", CultureInfo.InvariantCulture)).ToList();
            var named = withContext[random.Next(withContext.Length)];
            if (_rules.Classify(Column(named, values)).Evidence[0].Id == "pattern.staff-badge") decided++;
            else if (missed.Count < 5) missed.Add(named);
            var unnamed = withoutContext[random.Next(withoutContext.Length)];
            if (_rules.Classify(Column(unnamed, values)).Evidence.Any(e => e.Id == "pattern.staff-badge")) { taken++; if (takenNames.Count < 5) takenNames.Add(unnamed); }
        }
        Assert.That(decided, Is.EqualTo(2000), "missed under " + string.Join(", ", missed));
        Assert.That(taken, Is.Zero, "taken under " + string.Join(", ", takenNames));
    }

    /// <summary>3,000 columns of employee ids (varied null-free samples of 2 to 60 values) are decided; 3,000 columns of
    /// near misses (a digit short or long, lower case, no hyphen, inside a sentence, another prefix) are not.</summary>
    [Test]
    public void EmployeeIds_BulkAgainstNearMisses_BothDirections()
    {
        Func<Random, string>[] nearMisses =
        [
            r => "EMP-" + r.Next(0, 100_000).ToString("D5", CultureInfo.InvariantCulture),
            r => "EMP-" + r.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture),
            r => "emp-" + r.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture),
            r => "EMP" + r.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture),
            r => "see EMP-" + r.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture) + " for details",
            r => "EMQ-" + r.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture),
        ];
        var random = new Random(123456);
        int decided = 0, taken = 0;
        for (int i = 0; i < 3000; i++)
        {
            int n = random.Next(2, 61);
            var kind = Enumerable.Range(0, n).Select(_ => EmployeeId(random)).ToList();
            if (_rules.Classify(Column("ref", kind)) is { DataCategory: "other_personal.employment" } d && d.Evidence[0].Id == "pattern.employee-id") decided++;
            var miss = nearMisses[random.Next(nearMisses.Length)];
            var near = Enumerable.Range(0, n).Select(_ => miss(random)).ToList();
            if (_rules.Classify(Column("ref", near)).Evidence.Any(e => e.Id == "pattern.employee-id")) taken++;
        }
        Assert.That(decided, Is.EqualTo(3000));
        Assert.That(taken, Is.Zero);
    }

    [Test]
    public void OneMatchAmongMany_NotEnough_EvenAtALowShare()
    {
        var path = Path.Combine(Path.GetTempPath(), $"users45-low-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, "value-patterns:\n  - name: rare\n    pattern: 'EMP-\\d{6}'\n    category: other_personal.employment\n    min-share: 0.01\n");
        IReadOnlyList<ValuePatternConfig> low;
        try { low = InventoryConfig.Load(path, _ => null).ValuePatterns; }
        finally { File.Delete(path); }
        var classifier = ClassifierFactory.CreateDefault(new ClassifierOptions { Kind = ClassifierKind.Rules, ValuePatterns = low });

        var one = classifier.Classify(Column("ref", ["EMP-000001", .. Enumerable.Range(0, 20).Select(i => $"note {i}")]));
        var two = classifier.Classify(Column("ref", ["EMP-000001", "EMP-000002", .. Enumerable.Range(0, 20).Select(i => $"note {i}")]));

        Assert.That(one.Evidence[0].Id, Is.Not.EqualTo("pattern.rare"));
        Assert.That(two.Evidence[0].Id, Is.EqualTo("pattern.rare"));
        Assert.That(two.Confidence, Is.EqualTo(Math.Round(0.75 + 0.2 * 2 / 22, 4)));
    }

    [Test]
    public void CatastrophicBacktracking_TimesOutPerValue_CountedNotMatched()
    {
        var path = Path.Combine(Path.GetTempPath(), $"users45-slow-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, "value-patterns:\n  - name: slow\n    pattern: '(x+x+)+y'\n    category: none\n");
        IReadOnlyList<ValuePatternConfig> slow;
        try { slow = InventoryConfig.Load(path, _ => null).ValuePatterns; }
        finally { File.Delete(path); }
        var classifier = new ValuePatternClassifier(new RuleClassifier(), slow, Taxonomy.Default);

        var scores = classifier.Score(Column("ref", [new string('x', 40), new string('x', 40), "xxy"]));

        Assert.That((scores[0].Matched, scores[0].TimedOut, scores[0].Total), Is.EqualTo((1, 2, 3)));
        Assert.That(scores[0].ToEvidence().Detail, Does.Contain("2 value(s) took longer than 50 ms"));

        var stopped = classifier.Score(Column("ref", [.. Enumerable.Repeat(new string('x', 40), 5), "xxy"]))[0];
        Assert.That((stopped.Matched, stopped.TimedOut, stopped.Total), Is.EqualTo((0, ValuePatternClassifier.MaxTimeoutsPerColumn, 6)));
        Assert.That(stopped.ToEvidence().Detail, Does.Contain("stopped testing this column"));
    }

    [Test]
    public void Combined_PatternWinsOverTheModel()
    {
        var combined = ClassifierFactory.CreateDefault(new ClassifierOptions { ValuePatterns = _patterns });
        var random = new Random(3);
        var values = Enumerable.Range(0, 50).Select(_ => CustomerNumber(random)).ToList();

        var decision = combined.Classify(Column("customer_phone", values));

        Assert.That((decision.DataCategory, decision.Origin, decision.Evidence[0].Id), Is.EqualTo(("none", Origin.Rules, "pattern.customer-number")));
    }

    [Test]
    public void NotSampledOrBinary_PatternsNotRun()
    {
        var notSampled = new ColumnEvidence
        {
            Table = "people",
            Column = new ColumnInfo { Name = "ref", Ordinal = 2, DeclaredType = "text", Family = TypeFamily.Text },
            Sampled = false,
            TableColumns = ["id", "ref"],
        };
        var classifier = (ValuePatternClassifier)_rules;

        Assert.That(classifier.Score(notSampled), Is.Empty);
        Assert.That(classifier.Score(Column("ref", ["EMP-000001", "EMP-000002"], type: "bytea")), Is.Empty);
    }
}
