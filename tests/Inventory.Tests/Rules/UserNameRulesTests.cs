using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Rules.Learning;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial44 finding 1: a user's <c>name-rules:</c> file (inventory.yml) is added to the shipped name rules, where it used
/// to replace them (one custom rule took the German application's names-only macro-F1 from 0.851 to 0.461). Its rules
/// win where they match and stand in the combination with the model; every other column keeps the decision the shipped
/// rules give it, checked over every column of the labelled corpus.
/// </summary>
[TestFixture]
public sealed class UserNameRulesTests
{
    private const string OneRule = """
        rules:
          - id: acme.customer-number
            category: none
            names: [kundennummer, numero cliente]
            types: [any]
            weight: 0.95
        """;

    private string _folder = "";

    [SetUp]
    public void MakeFolder() => _folder = ScratchFolder.Create("user-name-rules");

    [TearDown]
    public void RemoveFolder() => ScratchFolder.Delete(_folder);

    private string WriteRules(string yaml)
    {
        var path = Path.Combine(_folder, "my-rules.yml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Test]
    public void Extend_KeepsEveryShippedRule_AndAddsTheUsersFirst()
    {
        var extended = NameRuleSet.Default.ExtendWith(OneRule, "my-rules.yml", Taxonomy.Default);
        Assert.That(extended.Rules, Has.Count.EqualTo(NameRuleSet.Default.Rules.Count + 1));
        Assert.That(extended.Rules[0].Id, Is.EqualTo("acme.customer-number"));
        Assert.That(extended.Rules[0].UserRule && extended.Rules[0].Stands, Is.True);
        Assert.That(extended.Rules.Skip(1).Select(r => r.Id), Is.EqualTo(NameRuleSet.Default.Rules.Select(r => r.Id)));
        Assert.That(extended.Rules.Skip(1).Any(r => r.UserRule), Is.False);
    }

    [Test]
    public void UserRule_WinsOverAShippedRuleThatMatchesTheSameName()
    {
        // The shipped rules read backup_email as an e-mail; the user's rule for their own backup column wins.
        Assert.That(NameRuleSet.Default.Match("accounts", "backup_email", Inventory.Catalog.TypeFamily.Text).DataCategory, Is.EqualTo("contact.email"));
        var extended = NameRuleSet.Default.ExtendWith("""
            rules:
              - id: acme.backup-mailbox
                category: none
                names: [backup]
            """, "my-rules.yml", Taxonomy.Default);
        var match = extended.Match("accounts", "backup_email", Inventory.Catalog.TypeFamily.Text);
        Assert.That(match.Rule?.Id, Is.EqualTo("acme.backup-mailbox"));
        Assert.That(match.DataCategory, Is.EqualTo("none"));
        Assert.That(extended.Match("accounts", "email", Inventory.Catalog.TypeFamily.Text).DataCategory, Is.EqualTo("contact.email"));
    }

    [Test]
    public void UserRule_CanNameShippedTableGroups_AndAddWordsToThem()
    {
        var extended = NameRuleSet.Default.ExtendWith("""
            table-groups:
              person: [zqxgenossen]
            rules:
              - id: acme.member-code
                category: other_personal.national_id
                names: [mitgliedscode]
                tables: [person]
            """, "my-rules.yml", Taxonomy.Default);
        Assert.That(extended.TableGroups("zqxgenossen"), Does.Contain("person"));
        Assert.That(extended.Match("zqxgenossen", "mitgliedscode", Inventory.Catalog.TypeFamily.Text).DataCategory, Is.EqualTo("other_personal.national_id"));
        Assert.That(extended.Match("artikel", "mitgliedscode", Inventory.Catalog.TypeFamily.Text).Rule?.Id, Is.Not.EqualTo("acme.member-code"));
        Assert.That(NameRuleSet.Default.TableGroups("zqxgenossen"), Does.Not.Contain("person"), "the shipped set is unchanged");
    }

    [Test]
    public void AShippedRulesId_IsRefused_AtItsPlace()
    {
        var shippedId = NameRuleSet.Default.Rules[3].Id;
        var e = Assert.Throws<Inventory.ConfigurationException>(() => NameRuleSet.Default.ExtendWith($"""
            rules:
              - id: acme.first
                category: none
                names: [foo bar]
              - id: {shippedId}
                category: none
                names: [bar baz]
            """, "my-rules.yml", Taxonomy.Default));
        Assert.That(e!.Message, Does.Contain($"'{shippedId}' is a shipped rule's id"));
        Assert.That(e.Message, Does.Contain("my-rules.yml:5:"));
    }

    [Test]
    public void ConfiguredFile_DecidesItsColumns_AndLeavesEveryOtherCorpusColumnAsTheShippedRulesDecide()
    {
        var path = WriteRules(OneRule);
        var evidence = LabelledApplication.ReadCorpus(Path.Combine(SharedPaths.Data, "corpus")).SelectMany(a => GoldFile.ToEvidence(a.Rows)).ToArray();
        Assert.That(evidence, Has.Length.GreaterThan(1000));
        var shipped = ClassifierFactory.CreateRules().ClassifyMany(evidence).ToArray();
        var extended = ClassifierFactory.CreateRules(new ClassifierOptions { NameRulesPath = path }).ClassifyMany(evidence).ToArray();
        var extendedSet = NameRuleSet.Default.Extend(path, Taxonomy.Default);
        int moved = 0;
        var unexplained = new List<string>();
        for (int i = 0; i < evidence.Length; i++)
        {
            if (shipped[i].DataCategory == extended[i].DataCategory && shipped[i].Confidence == extended[i].Confidence) continue;
            moved++;
            var names = new[] { evidence[i].Column.Name }.Concat(evidence[i].TableColumns ?? []);
            if (!names.Any(n => extendedSet.Match(evidence[i].Table, n, evidence[i].Column.Family).Rule?.UserRule == true))
                unexplained.Add($"{evidence[i].Table}.{evidence[i].Column.Name}");
        }
        Assert.That(unexplained, Is.Empty, $"{unexplained.Count} of {moved} changed decisions are not the user's rule's: {string.Join(", ", unexplained.Take(10))}");
    }

    [TestCase("kunden", "kundennummer", "varchar(20)")]
    [TestCase("clientes", "numero_cliente", "varchar(20)")]
    [TestCase("Kunden", "KundenNummer", "integer")]
    public void ConfiguredRule_StandsInTheCombination_NamesOnly(string table, string column, string type)
    {
        var path = WriteRules(OneRule);
        var classifier = ClassifierFactory.CreateDefault(new ClassifierOptions { NameRulesPath = path });
        var decision = classifier.Classify(Some.Unsampled(table, column, type) with { TableColumns = ["id", "vorname", "nachname", column] });
        Assert.That(decision.DataCategory, Is.EqualTo("none"));
        Assert.That(decision.Evidence.Any(e => e.Kind == NameEvidence.NameAuthorityKind && e.Id == "acme.customer-number"
            && e.Detail!.Contains("name-rules file", StringComparison.Ordinal)), Is.True, string.Join("; ", decision.Evidence.Select(e => e.Id)));
    }

    [Test]
    public void ConfiguredRule_ThatDoesNotStand_IsOnlyEvidence()
    {
        var path = WriteRules(OneRule.Replace("weight: 0.95", "weight: 0.95\n    stands: false", StringComparison.Ordinal));
        var set = NameRuleSet.Default.Extend(path, Taxonomy.Default);
        Assert.That(set.Rules[0].Stands, Is.False);
        var decision = ClassifierFactory.CreateDefault(new ClassifierOptions { NameRulesPath = path }).Classify(Some.Unsampled("kunden", "kundennummer", "varchar(20)"));
        Assert.That(decision.Evidence.Any(e => e.Kind == NameEvidence.NameAuthorityKind), Is.False);
        Assert.That(decision.Evidence.Any(e => e.Kind == "name-rule" && e.Id == "acme.customer-number"), Is.True);
    }
}
