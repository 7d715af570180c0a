using Inventory.Classification;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// trial48 finding 1: a JSON object keyed by people (a small team's approvals keyed by user name,
/// <c>{"jmueller": "ok", "asanchez": "offen"}</c>; works-council members keyed by surname with their phone) has keys that
/// recur in a fifth of the documents and are identifier-shaped, so they were named as schema paths and reached the
/// inventory, every report and the annotate stubs: raw values in outputs. Now an object holding two or more keys that are
/// not words of the name rules' vocabulary (nor numbers, nor short abbreviations) names none of its paths; what its
/// values hold still counts for the column. Schema documents in English, French, German and Spanish keep their paths'
/// names, one odd key among words included (a brand, <c>pagador</c>). Generated in bulk through the default combined
/// classifier.
/// </summary>
[TestFixture]
public sealed class JsonKeysThatArePeopleAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] Given =
        ["james", "mary", "robert", "linda", "jean", "marie", "pierre", "nathalie", "hans", "ursula", "klaus", "monika", "jose", "carmen", "antonio", "lucia", "anna", "paul"];
    private static readonly string[] Surnames =
        ["mueller", "schmidt", "schneider", "fischer", "quadflieg", "hoffmann", "dupont", "lefevre", "moreau", "garcia", "fernandez", "lopez", "sanchez", "ruiz", "johnson", "williams", "okafor", "nakamura"];

    // A person's key as applications write them: a user name (initial + surname, given.surname as given_surname), a
    // surname, a given name, a PascalCase surname.
    private static string PersonKey(Random random) => random.Next(5) switch
    {
        0 => Pick(random, Given)[0] + Pick(random, Surnames),
        1 => $"{Pick(random, Given)}_{Pick(random, Surnames)}",
        2 => Pick(random, Surnames),
        3 => char.ToUpperInvariant(Pick(random, Surnames)[0]) + Pick(random, Surnames)[1..],
        _ => Pick(random, Given),
    };

    // Documents of a map keyed by a team of 3–6 people, each document holding one to all of them.
    private static (ColumnEvidence Column, string[] Team) PeopleKeyedColumn(Random random, bool nested)
    {
        var team = Enumerable.Range(0, 12).Select(_ => PersonKey(random)).Distinct().Take(random.Next(3, 7)).ToArray();
        var decisions = new[] { "ok", "offen", "aprobado", "refuse", "pending", "genehmigt" };
        var documents = Enumerable.Range(0, random.Next(20, 50)).Select(_ =>
        {
            var holders = team.Where(_ => random.Next(3) > 0).DefaultIfEmpty(team[0]);
            var entries = holders.Select(k => nested
                ? $"\"{k}\":{{\"tel\":\"+49 30 {random.Next(1000000, 9999999)}\",\"seit\":\"2024-0{random.Next(1, 9)}-1{random.Next(0, 9)}\"}}"
                : $"\"{k}\":\"{Pick(random, decisions)}\"");
            return "{" + string.Join(",", entries) + "}";
        }).ToArray();
        var (table, column) = Pick(random, new[]
        {
            ("urlaubsantraege", "freigaben"), ("leave_requests", "approvals"), ("demandes_conges", "validations"), ("solicitudes", "aprobaciones"),
            ("betriebsrat", "mitglieder"), ("works_council", "members"), ("comite", "membres"), ("comite_empresa", "miembros"),
        });
        return (Some.Column(table, column, "jsonb", documents), team);
    }

    [TestCase(1, false)]
    [TestCase(2, false)]
    [TestCase(3, true)]
    [TestCase(4, true)]
    public void MapsKeyedByPeople_NameNoPathHoldingAPersonsKey(int seed, bool nested)
    {
        var random = new Random(seed);
        var columns = Enumerable.Range(0, 300).Select(_ => PeopleKeyedColumn(random, nested)).ToArray();
        var decisions = Combined.ClassifyMany(columns.Select(c => c.Column).ToArray());
        var leaked = columns.Zip(decisions)
            .SelectMany(p => (p.Second.JsonPaths?.Named ?? []).Select(n => n.Path)
                .Concat(p.Second.Evidence.Where(e => e.Kind == "json-path").Select(e => e.Id))
                .Where(path => p.First.Team.Any(k => path.Contains("." + k, StringComparison.Ordinal))))
            .ToList();
        AssertNoneWrong(leaked, columns.Length, "paths naming a person's key");
        if (nested)
        {
            // What the values hold still counts: the members' phone numbers make the column contact data.
            var phones = decisions.Count(d => d.DataCategory == "contact.phone" || (d.AlsoContains ?? []).Contains("contact.phone"));
            Assert.That(phones, Is.EqualTo(columns.Length), "columns whose members' phones were found under unnamed paths");
        }
    }

    [TestCase(5)]
    [TestCase(6)]
    public void SchemaDocuments_InFourLanguages_KeepTheirPathsNamed(int seed)
    {
        var random = new Random(seed);
        // Objects of words (one odd key among them allowed: a brand, a rare word) in EN/FR/DE/ES.
        var schemas = new[]
        {
            ("customer", new[] { "email", "name", "phone", "stripe" }), ("client", new[] { "courriel", "nom", "telephone", "ville" }),
            ("kunde", new[] { "email", "name", "telefon", "ort" }), ("cliente", new[] { "correo", "nombre", "telefono", "pagador" }),
            ("ctx", new[] { "ip", "ua", "lang" }), ("billing_details", new[] { "address", "city", "postal_code", "country" }),
        };
        int total = 0;
        var missing = new List<string>();
        for (int c = 0; c < 300; c++)
        {
            var (parent, keys) = Pick(random, schemas);
            var documents = Enumerable.Range(0, random.Next(20, 50))
                .Select(i => "{\"" + parent + "\":{" + string.Join(",", keys.Select(k => $"\"{k}\":\"v{random.Next(1000)}\"")) + "},\"plan\":\"pro\"}").ToArray();
            var decision = Combined.Classify(Some.Column(Pick(random, ["events", "evenements", "ereignisse", "eventos"]), Pick(random, ["payload", "donnees", "daten", "datos"]), "jsonb", documents));
            var named = (decision.JsonPaths?.Named ?? []).Select(n => n.Path).ToHashSet(StringComparer.Ordinal);
            foreach (var k in keys)
            {
                total++;
                if (!named.Contains($"$.{parent}.{k}")) missing.Add($"$.{parent}.{k}");
            }
        }
        AssertNoneWrong(missing, total, "schema paths of words left unnamed");
    }
}
