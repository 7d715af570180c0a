using Inventory.Catalog;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Rules.Learning;
using NUnit.Framework;

namespace Inventory.Tests.Model;

/// <summary>
/// Per-rule ablation (<see cref="RuleAblation"/>, <c>inventory evaluate --ablate-rules</c>) on a small synthetic corpus:
/// six applications whose tables hold an e-mail, an IBAN, an IP address, a comment, keys, and two columns named by words
/// of their own (random letters, never repeated across applications): one labelled <c>other_personal.gender</c>, which
/// only the rule <c>test.secret-words</c> knows, and one labelled <c>none</c>. The model cannot tell the two apart from
/// names it has never seen, so that rule is the only evidence for its label. Two more rules: <c>test.one-application</c>
/// names the <c>none</c> columns of the first application only (a rule written for one application's columns), and
/// <c>test.unused</c> names no column of the corpus.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RuleAblationTests
{
    private static readonly CrossValidationOptions Options = new() { Folds = 3, Seed = 3, Training = new TrainingOptions { MaximumIterations = 30 } };
    private IReadOnlyList<LabelledApplication> _corpus = null!;
    private NameRuleSet _rules = null!;
    private AblationResult _result = null!;

    [OneTimeSetUp]
    public void Ablate()
    {
        var random = new Random(11);
        string Word() => new(Enumerable.Range(0, 8).Select(_ => (char)('a' + random.Next(26))).ToArray());
        var secretWords = new List<string>();
        var firstApplicationWords = new List<string>();
        var applications = new List<LabelledApplication>();
        for (int a = 0; a < 6; a++)
        {
            var rows = new List<GoldRow>();
            foreach (var table in new[] { "accounts", "orders", "tickets" })
            {
                var secret = Word();
                secretWords.Add(secret);
                void Add(string column, string type, string category, string subcategory = "") =>
                    rows.Add(new GoldRow($"app{a}_{table}", column, type, category, subcategory, "", rows.Count + 2));
                Add("id", "bigint", "none");
                Add("created_at", "timestamp", "none");
                Add("status", "varchar(20)", "none");
                Add("email", "varchar(255)", "contact", "email");
                Add("iban", "varchar(34)", "financial", "bank_account");
                Add("ip_address", "varchar(45)", "automatic", "ip_address");
                Add("comment", "text", "customer_content", "message");
                Add(secret, "varchar(40)", "other_personal", "gender");
                var plain = Word();
                if (a == 0) firstApplicationWords.Add(plain);
                Add(plain, "varchar(40)", "none");
            }
            applications.Add(new LabelledApplication($"app{a}", rows));
        }
        _corpus = applications;
        _rules = NameRuleSet.Parse($$"""
            gate-suffixes: [verified]
            rules:
              - id: test.email
                category: contact.email
                names: [email]
              - id: test.iban
                category: financial.bank_account
                names: [iban]
              - id: test.ip
                category: automatic.ip_address
                names: [ip address]
              - id: test.comment
                category: customer_content.message
                names: [comment]
              - id: test.secret-words
                category: other_personal.gender
                names: [{{string.Join(", ", secretWords)}}]
              - id: test.one-application
                category: none
                names: [{{string.Join(", ", firstApplicationWords)}}]
              - id: test.unused
                category: contact.email
                names: [courriel numerique]
              - id: test.key
                category: none
                names: [id]
                types: [any]
            """, "test-rules.yml", Taxonomy.Default);
        _result = RuleAblation.Run(_corpus, _rules, Options);
    }

    [Test]
    public void RuleThatIsTheOnlyEvidenceForItsLabel_LowersTheScoreWhenLeftOut()
    {
        var secret = _result.Rows.Single(r => r.Id == "test.secret-words");
        TestContext.Out.WriteLine($"with {_result.With}; without the secret words {secret.Without}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(secret.ChangedDecisions, Is.EqualTo(18), "one secret column per table, three tables in six applications");
            Assert.That(secret.ChangedApplications, Is.EqualTo(6), "every application has secret columns");
            Assert.That(secret.DeltaMacroF1, Is.LessThan(-0.05), "macro-F1 falls without the only evidence of other_personal");
            Assert.That(secret.DeltaPersonalRecall, Is.LessThan(0), "the secret columns are no longer flagged personal");
        }
    }

    [Test]
    public void RuleOfOneApplication_ChangesDecisionsInThatApplicationOnly()
    {
        var one = _result.Rows.Single(r => r.Id == "test.one-application");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(one.ChangedDecisions, Is.EqualTo(3), "the first application's three plain columns");
            Assert.That(one.ChangedApplications, Is.EqualTo(1));
            Assert.That(one.ChangedSuggestionApplications, Is.LessThanOrEqualTo(1), "a suggestion changes only where a rule decision did");
        }
    }

    [Test]
    public void SuggestionsChanged_CountTheColumnsWhoseOutOfFoldCategoryMoved()
    {
        var secret = _result.Rows.Single(r => r.Id == "test.secret-words");
        var unused = _result.Rows.Single(r => r.Id == "test.unused");
        TestContext.Out.WriteLine($"secret words: {secret.ChangedSuggestions} suggestions in {secret.ChangedSuggestionApplications} applications");
        using (Assert.EnterMultipleScope())
        {
            // Without the only evidence of other_personal, the model cannot tell the secret columns from the plain ones.
            Assert.That(secret.ChangedSuggestions, Is.InRange(12, _corpus.Sum(a => a.Rows.Count)), "most of the 18 secret columns lose other_personal");
            Assert.That(secret.ChangedSuggestionApplications, Is.EqualTo(6));
            Assert.That((unused.ChangedDecisions, unused.ChangedApplications, unused.ChangedSuggestions, unused.ChangedSuggestionApplications),
                Is.EqualTo((0, 0, 0, 0)), "a rule the corpus does not exercise changes nothing");
            Assert.That(unused.Without, Is.EqualTo(_result.With));
        }
    }

    [Test]
    public void FirstLevelOfACrossValidation_GivesTheSameAblation()
    {
        // What --first-level-cache holds: the first level of a cross-validation with the rules in the combination only.
        var reused = RuleAblation.Run(_corpus, _rules, Options, firstLevel: CrossValidation.FirstLevel(_corpus, null, Options with { RulesInFirstLevel = false }));
        Assert.That(reused.Rows.Select(r => (r.Id, r.ChangedDecisions, r.ChangedSuggestions, r.Without)),
            Is.EqualTo(_result.Rows.Select(r => (r.Id, r.ChangedDecisions, r.ChangedSuggestions, r.Without))));
    }

    [Test]
    public void Screen_KeepsTheFrozenFiguresOfARuleThatLosesMoreThanTheMargin_AndRefitsTheRest()
    {
        var screened = RuleAblation.Run(_corpus, _rules, Options, firstLevel: RuleAblation.FirstLevel(_corpus, Options), screen: 0.02);
        var secret = screened.Rows.Single(r => r.Id == "test.secret-words");
        TestContext.Out.WriteLine($"secret words, combination kept: {secret.Without}; refitted: {_result.Rows.Single(r => r.Id == secret.Id).Without}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(secret.Screened, Is.True, "the only evidence of other_personal loses far more than 0.02 without the refit");
            Assert.That(secret.DeltaMacroF1, Is.LessThan(-0.02));
            foreach (var row in screened.Rows.Where(r => !r.Screened))
                Assert.That(row.Without, Is.EqualTo(_result.Rows.Single(r => r.Id == row.Id).Without), $"{row.Id} is refitted as without a screen");
            Assert.That(screened.Rows.Where(r => r.ChangedDecisions == 0).Select(r => r.Screened), Has.All.False, "nothing to screen");
        }
    }

    [Test]
    public void ColumnsOutsideARulesReach_KeepTheirDecisionWithoutIt()
    {
        // The ablation re-decides only the tables where a column name mentions the rule; re-deciding every column must agree.
        var evidence = _corpus.ToDictionary(a => a.Name, a => GoldFile.ToEvidence(a.Rows), StringComparer.Ordinal);
        var reach = RuleAblation.Reach(_corpus, evidence, _rules);
        var full = new RuleClassifier(_rules);
        foreach (var rule in _rules.Rules)
        {
            var without = new RuleClassifier(_rules.WithoutRule(rule.Id));
            var reached = reach.TryGetValue(rule.Id, out var list) ? list.ToHashSet() : [];
            foreach (var application in _corpus)
                for (int row = 0; row < application.Rows.Count; row++)
                    if (!reached.Contains((application.Name, row)))
                        Assert.That(without.Classify(evidence[application.Name][row]).DataCategory,
                            Is.EqualTo(full.Classify(evidence[application.Name][row]).DataCategory), $"{rule.Id}: {application.Rows[row].Column}");
        }
        Assert.That(reach["test.secret-words"], Has.Count.EqualTo(18 * 9), "the secret words' tables, nine columns each");
    }

    [Test]
    public void RulesMentioning_HoldsEveryRuleThatMatchesTheName_DefaultRules()
    {
        // Names built from every phrase of the default rules, bare and between a prefix and a key suffix: whatever rule a
        // match returns, in a person table or an event table, as text or as an integer, is among the rules the name mentions.
        var rules = NameRuleSet.Default;
        string[] tables = ["users", "events"];
        int names = 0;
        foreach (var phrase in rules.Rules.SelectMany(r => r.Phrases).Where(p => !p.Contains("*")))
        {
            var run = string.Join('_', phrase);
            foreach (var name in new[] { run, "old_" + run + "_id" })
            {
                names++;
                var mentioned = rules.RulesMentioning(name);
                foreach (var table in tables)
                    foreach (var family in new[] { TypeFamily.Text, TypeFamily.Integer })
                        if (rules.Match(table, name, family).Rule is { } rule)
                            Assert.That(mentioned, Does.Contain(rule.Id), $"{table}.{name} ({family})");
            }
        }
        Assert.That(names, Is.GreaterThan(1000));
    }

    [Test]
    public void Output_ListsEveryRuleThenEveryGateGroup() =>
        Assert.That(_result.Rows.Select(r => r.Id),
            Is.EqualTo(_rules.Rules.Select(r => r.Id).Concat(RuleAblation.GateGroups.Select(g => g.Id))));

    [Test]
    public void AblatedFigures_EqualAFullCrossValidationWithoutTheRule()
    {
        // The ablation reuses one first level; a full cross-validation of the set without the rule (first level without
        // rules, as the ablation's) must give the same figures, to the combination fit's tolerance: the ablation starts
        // each fold's L-BFGS from the full set's fit, the full cross-validation from zero, and both stop within
        // L-BFGS's tolerance of the same optimum, so a column at the boundary may fall either side (with the class-weight
        // power 0.3, one of this synthetic corpus's columns does: 0.0062 macro-F1, 0.011 recall). The rule's own effect is
        // ten times larger (RuleThatIsTheOnlyEvidenceForItsLabel_LowersTheScoreWhenLeftOut: below −0.05).
        var full = AblationFigures.Of(CrossValidation.Run(_corpus, new RuleClassifier(_rules.WithoutRule("test.secret-words")),
            Options with { RulesInFirstLevel = false }).Columns);
        var ablated = _result.Rows.Single(r => r.Id == "test.secret-words").Without;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ablated.MacroF1, Is.EqualTo(full.MacroF1).Within(0.01));
            Assert.That(ablated.PersonalRecall, Is.EqualTo(full.PersonalRecall).Within(0.015));
            Assert.That(ablated.PersonalPrecision, Is.EqualTo(full.PersonalPrecision).Within(0.015));
            Assert.That(Math.Abs(ablated.MacroF1 - full.MacroF1), Is.LessThan(Math.Abs(_result.Rows.Single(r => r.Id == "test.secret-words").DeltaMacroF1) / 5),
                "the difference is far below the rule's own effect");
        }
    }

    [Test]
    public void WithoutRule_UnknownId_Throws() =>
        Assert.That(() => _rules.WithoutRule("test.nothing"), Throws.ArgumentException.With.Message.Contains("test.nothing"));

    [Test]
    public void WithoutGates_SuffixGateNoLongerTurnsTheMatchIntoNone()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_rules.Match("users", "email_verified", TypeFamily.Text).DataCategory, Is.EqualTo("none"));
            Assert.That(_rules.WithoutGates(NameGates.Suffix).Match("users", "email_verified", TypeFamily.Text).DataCategory, Is.EqualTo("contact.email"));
            Assert.That(_rules.WithoutGates(NameGates.Suffix).Match("users", "email", TypeFamily.Integer).DataCategory, Is.EqualTo("none"),
                "type gates stay on");
            Assert.That(_rules.WithoutGates(NameGates.Type).Match("users", "email", TypeFamily.Integer).DataCategory, Is.EqualTo("contact.email"));
        }
    }
}
