using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Table names written as closed compounds (<c>glpi_computertypes</c>, <c>llx_usergroup</c>, <c>vertragstypen</c>): the
/// table-context groups read the compound's head, its last word (<see cref="NameRuleSet.TableGroups"/>), so a type
/// table's description is configuration and a compound of people is a person table, as when the words are separated.
/// Generated in bulk over modifiers and heads; look-alikes (group words themselves, heads shorter than five letters,
/// modifiers shorter than three) must keep the groups they had.
/// </summary>
[TestFixture]
public sealed class CompoundTableNameTests
{
    private static readonly NameRuleSet Rules = NameRuleSet.Default;

    private static readonly string[] Modifiers =
        ["computer", "network", "device", "project", "ticket", "budget", "contract", "printer", "software", "notification",
         "request", "domain", "certificate", "phone", "monitor", "cluster", "vertrag", "kunden", "rechnung", "interface"];

    private static readonly string[] Heads =
        ["types", "models", "templates", "settings", "categories", "sessions", "channels", "attachments", "invoices",
         "customers", "employees", "events", "messages", "tickets", "typen", "vorlagen", "einstellungen", "parameters"];

    private static IEnumerable<string> Spellings(string compound) =>
        [compound, "glpi_" + compound, "public." + compound, "llx_" + compound, compound.ToUpperInvariant()];

    [Test]
    public void ClosedCompound_TakesTheGroupsOfItsHead()
    {
        var misses = new List<string>();
        int total = 0;
        foreach (var head in Heads)
        {
            var expected = Rules.TableGroups(head);
            Assert.That(expected, Is.Not.Empty, $"the head '{head}' must itself be in a group for this test to mean anything");
            foreach (var modifier in Modifiers)
            foreach (var table in Spellings(modifier + head))
            {
                total++;
                var groups = Rules.TableGroups(table);
                var missing = expected.Except(groups, StringComparer.Ordinal).ToList();
                if (missing.Count > 0) misses.Add($"{table}: lacks {string.Join(", ", missing)}");
            }
        }
        Assert.That(misses, Is.Empty, $"{misses.Count} of {total} compound tables lack their head's groups: {string.Join("; ", misses.Take(10))}");
    }

    [TestCase("retypes", Description = "a modifier of two letters is no compound")]
    [TestCase("subtypes", Description = "three letters is the shortest modifier: sub + types is a compound of types")]
    [TestCase("halogen", Description = "no group word of five letters or more ends it")]
    [TestCase("pastel", Description = "too short to hold a modifier and a head")]
    public void ShortPartsOrNoHead_AreNoCompound(string table)
    {
        var groups = Rules.TableGroups(table);
        bool isTypes = table == "subtypes";
        Assert.That(groups.Contains("configuration"), Is.EqualTo(isTypes), string.Join(", ", groups));
    }

    // ------------------------------------------------------------------ what the groups decide

    private static readonly IColumnClassifier RuleClassifier = ClassifierFactory.CreateRules();

    internal static readonly ColumnKind TextOfCompoundTypeTables = new("free text of a type, model or template table named as one word",
        [
            new("en", AdversarialColumns.Words("comment", "comments", "description", "notes", "remarks"),
                Modifiers.Take(16).SelectMany(m => new[] { m + "types", m + "models", m + "templates" }).ToArray()),
            new("fr", AdversarialColumns.Words("commentaire", "remarque", "description"),
                ["glpi_computertypes", "llx_contracttypes", "documenttypes", "projecttasktemplates"]),
            new("de", AdversarialColumns.Words("kommentar", "bemerkung", "beschreibung", "notiz"),
                ["vertragstypen", "kundentypen", "rechnungsvorlagen", "geraetetypen"]),
            new("es", AdversarialColumns.Words("comentario", "descripcion", "nota"),
                ["glpi_networkequipmenttypes", "certificatetypes", "clustertypes"]),
        ],
        ["text", "varchar(255)", "longtext", "character varying"], ["id", "name", "date_mod"], ["none"]);

    [Test]
    public void TextOfCompoundTypeTables_IsConfiguration() =>
        AdversarialColumns.AssertAllAccepted(RuleClassifier, TextOfCompoundTypeTables, 400, seed: 2501);
}
