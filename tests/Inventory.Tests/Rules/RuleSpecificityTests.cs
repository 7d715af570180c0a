using System.Globalization;
using System.Text;
using Inventory.Catalog;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 item 5, the rules' order (kinds26): when a rule scoped to table groups (<c>tables:</c>) and a rule that holds
/// in any table match the same words at the same place and both take the column's type, the scoped rule wins, whatever
/// the weights (it is more specific evidence: its scope matched). Checked on generated rule pairs (phrases in English,
/// French, German and Spanish, random weights and file order, four spellings of every name, plain and prefixed tables)
/// beside the look-alikes the order keeps (a later or longer match, a rule that takes the type, the unscoped rule outside
/// the scope), and on the real rule file with the <c>not-tables: integration</c> patch of session 25 taken out.
/// </summary>
[TestFixture]
public sealed class RuleSpecificityTests
{
    private static readonly string[][] Phrases =
    [
        ["display", "name"], ["sender", "name"], ["login", "name"], ["client", "name"], ["handle"], ["nickname"],
        ["nom", "affiche"], ["nom", "du", "client"], ["identifiant"], ["pseudo"], ["nom", "expediteur"],
        ["anzeigename"], ["benutzername"], ["absender", "name"], ["spitzname"], ["kennung"],
        ["nombre", "visible"], ["nombre", "del", "cliente"], ["apodo"], ["usuario"], ["nombre", "remitente"],
    ];
    private static readonly string[] ScopeWords = ["webhook", "webhooks", "bot", "bots", "integration", "integrations", "crochet", "crochets",
        "robot", "robots", "integrationen", "gancho", "ganchos", "integracion", "integraciones"];
    private static readonly string[] OtherTables = ["customers", "clients", "kunden", "clientes", "orders", "commandes", "bestellungen", "pedidos"];
    private static readonly string[] Categories = ["contact.name", "contact.username", "none", "automatic.activity", "customer_content.message"];
    private static readonly string[] Qualifiers = ["public", "primary", "principal", "haupt", "default", "publico"];

    private static string Yaml(params (string Id, string Category, string[] Phrase, double Weight, string? Tables, string? Types)[] rules)
    {
        var text = new StringBuilder("table-groups:\n  scope: [")
            .Append(string.Join(", ", ScopeWords)).Append("]\n  elsewhere: [customer, client, kunde, cliente]\nrules:\n");
        foreach (var r in rules)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - id: {r.Id}\n    category: {r.Category}\n    names: [{string.Join(' ', r.Phrase)}]\n");
            text.Append(CultureInfo.InvariantCulture, $"    weight: {r.Weight:0.00}\n");
            if (r.Tables is not null) text.Append(CultureInfo.InvariantCulture, $"    tables: [{r.Tables}]\n");
            if (r.Types is not null) text.Append(CultureInfo.InvariantCulture, $"    types: [{r.Types}]\n");
        }
        return text.ToString();
    }

    /// <summary>300 generated pairs of a heavier unscoped rule and a lighter scoped rule (a third of them with the scoped
    /// rule as heavy or heavier) on the same words, in random file order: in a table of the scope the scoped rule wins, in
    /// any other table the unscoped one; a rule scoped to the table that does not take the column's type, or a shorter
    /// scoped match under a longer unscoped one, does not win.</summary>
    [TestCase(1)]
    [TestCase(2)]
    public void ScopedRule_TieWithUnscopedRule_ScopedWinsWhateverTheWeights(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int i = 0; i < 300; i++)
        {
            var phrase = AdversarialColumns.Pick(random, Phrases);
            var categories = Categories.OrderBy(_ => random.Next()).Take(2).ToArray();
            double unscopedWeight = 0.8 + random.Next(0, 20) / 100.0;
            double scopedWeight = i % 3 == 0
                ? Math.Min(0.99, unscopedWeight + random.Next(0, 2) / 100.0)
                : 0.3 + random.Next(0, (int)Math.Round((unscopedWeight - 0.3) * 100)) / 100.0;
            var unscoped = ("name.t.unscoped", categories[0], phrase, unscopedWeight, (string?)null, (string?)null);
            var scoped = ("name.t.scoped", categories[1], phrase, scopedWeight, (string?)"scope", (string?)null);
            var set = NameRuleSet.Parse(random.Next(2) == 0 ? Yaml(unscoped, scoped) : Yaml(scoped, unscoped), "generated.yml", Taxonomy.Default);
            string column = AdversarialColumns.Spell(random, phrase);
            string inScope = AdversarialColumns.Table(random, AdversarialColumns.Pick(random, ScopeWords));
            string outside = AdversarialColumns.Table(random, AdversarialColumns.Pick(random, OtherTables));
            Expect(wrong, set, inScope, column, TypeFamily.Text, "name.t.scoped", $"scoped {scopedWeight:0.00}, unscoped {unscopedWeight:0.00}");
            Expect(wrong, set, outside, column, TypeFamily.Text, "name.t.unscoped", "outside the scope");

            // Look-alikes: the type comes first (the scoped rule takes integers only), and a longer match comes first.
            var integersOnly = ("name.t.scoped", categories[1], phrase, scopedWeight, (string?)"scope", (string?)"integer");
            var typed = NameRuleSet.Parse(random.Next(2) == 0 ? Yaml(unscoped, integersOnly) : Yaml(integersOnly, unscoped), "generated.yml", Taxonomy.Default);
            Expect(wrong, typed, inScope, column, TypeFamily.Text, "name.t.unscoped", "scoped rule does not take text");
            string qualifier = AdversarialColumns.Pick(random, Qualifiers);
            var longer = ("name.t.unscoped", categories[0], (string[])[qualifier, .. phrase], unscopedWeight, (string?)null, (string?)null);
            var lengthened = NameRuleSet.Parse(random.Next(2) == 0 ? Yaml(longer, scoped) : Yaml(scoped, longer), "generated.yml", Taxonomy.Default);
            Expect(wrong, lengthened, inScope, AdversarialColumns.Spell(random, [qualifier, .. phrase]), TypeFamily.Text, "name.t.unscoped", "longer unscoped match");
        }
        Assert.That(wrong, Is.Empty, $"{wrong.Count} of 1,200 generated matches took the wrong rule; e.g. {string.Join("; ", wrong.Take(10))}");
    }

    private static void Expect(List<string> wrong, NameRuleSet set, string table, string column, TypeFamily family, string expected, string why)
    {
        var got = set.Match(table, column, family).Rule?.Id;
        if (got != expected) wrong.Add($"{table}.{column} ({why}) → {got ?? "no rule"}, expected {expected}");
    }

    /// <summary>The case of session 25 without its patch: with <c>integration</c> taken out of the <c>not-tables</c> of
    /// <c>name.multi.full-name-wordings</c> (a standing rule at 0.93 with no table scope), the French, German and Spanish
    /// display names of 400 generated integration columns still take <c>name.multi.name-of-an-integration</c> (scoped to
    /// integration tables, 0.92), and the same names in people's tables keep the full-name rule.</summary>
    [TestCase(1)]
    [TestCase(2)]
    public void RealRules_WithoutTheIntegrationPatch_ScopedIntegrationRuleStillWins(int seed)
    {
        const string Patched = "not-tables: [catalogue, configuration, lookup, infrastructure, company, integration]";
        string yaml = Taxonomy.ReadResource("Inventory.Rules.Defaults.name-rules.yml");
        Assert.That(yaml, Does.Contain(Patched), "the patch of session 25 is where it was");
        var unpatched = NameRuleSet.Parse(yaml.Replace(Patched, "not-tables: [catalogue, configuration, lookup, infrastructure, company]", StringComparison.Ordinal),
            "name-rules.yml (unpatched)", Taxonomy.Default);
        string[][] names = [["nom", "affiche"], ["anzeigename"], ["anzeige", "name"], ["nombre", "visible"]];
        string[] integrationTables = ["webhooks", "bots", "integrations", "incoming_webhooks", "oauth_apps", "slash_commands", "api_clients"];
        string[] personTables = ["clients", "utilisateurs", "kunden", "benutzer", "clientes", "usuarios"];
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int i = 0; i < 400; i++)
        {
            string column = AdversarialColumns.Spell(random, AdversarialColumns.Pick(random, names));
            Expect(wrong, unpatched, AdversarialColumns.Table(random, AdversarialColumns.Pick(random, integrationTables)), column, TypeFamily.Text,
                "name.multi.name-of-an-integration", "integration table");
            Expect(wrong, unpatched, AdversarialColumns.Table(random, AdversarialColumns.Pick(random, personTables)), column, TypeFamily.Text,
                "name.multi.full-name-wordings", "person table");
        }
        Assert.That(wrong, Is.Empty, $"{wrong.Count} of 800 display-name matches took the wrong rule; e.g. {string.Join("; ", wrong.Take(10))}");
    }
}
