using System.Security;
using Inventory.Classification;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial33 finding 5 (KIND): people's full names inside JSON and XML documents under a key that says nothing
/// (<c>&lt;message&gt;&lt;expediteur&gt;…</c>, <c>{"sender": …}</c>, <c>Absender</c>, <c>remitente</c>, <c>author</c>,
/// <c>recipient</c>, <c>signed_by</c>) get a <c>contact.name</c> finding at their path, as the same values in a plain
/// column get one from <c>detector.person-name</c>. Look-alikes at paths do not: enumerations (statuses, channels),
/// product and plan names, city names. Documents are generated in bulk: JSON and XML, nested, in arrays, keys and
/// names of English, French, German and Spanish; asserted through the default combined classifier's path findings.
/// Also: the evidence says when the documents read per column were capped.
/// </summary>
[TestFixture]
public sealed class DocumentPersonNameAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] GivenNames =
        ["James", "Mary", "Robert", "Linda", "Jean", "Marie", "Pierre", "Nathalie", "Hans", "Ursula", "Klaus", "Monika", "José", "Carmen", "Antonio", "Lucía",
         "Sophie", "Thomas", "Julia", "Miguel", "Isabel", "François", "Jürgen", "Anna"];
    private static readonly string[] Surnames =
        ["Smith", "Johnson", "Dupont", "Martin", "Lefèvre", "Müller", "Schmidt", "Schneider", "García", "Fernández", "López", "Brown", "Moreau", "Weber", "Ruiz",
         "Bernard", "Fischer", "Sánchez", "Petit", "Wagner"];
    // Keys that say "a person" only by their role in a message or document, in four languages; none is a name word.
    private static readonly string[] PersonKeys =
        ["sender", "from_person", "author", "recipient", "signed_by", "reviewer", "assignee", "expediteur", "auteur", "destinataire", "signataire",
         "redacteur", "absender", "verfasser", "unterzeichner", "bearbeiter", "remitente", "autor", "destinatario", "firmante", "responsable"];
    // Keys of the look-alikes: neutral words whose values are enumerations, products or cities.
    private static readonly string[] ThingKeys =
        ["label", "title", "value", "libelle", "titre", "valeur", "bezeichnung", "titel", "wert", "etiqueta", "titulo", "valor", "origin", "source"];
    // Messages' objects. Not `document`: the name rules' catalogue group holds it (a catalogue's documents), and a
    // catalogue's names are not people's (see the report of helper content35: a name-rule question for the lead).
    private static readonly string[] Parents = ["message", "mail", "ticket", "courrier", "demande", "nachricht", "brief", "anfrage", "mensaje", "correo", "solicitud", "lettre"];
    private static readonly string[] Columns = ["document", "doc_xml", "payload", "donnees", "daten", "datos", "contenu", "inhalt", "contenido", "raw"];
    private static readonly string[] Tables = ["messages_support", "support_tickets", "courriers", "nachrichten", "mensajes", "echanges", "imports", "mails"];

    private static string Person(Random random) => $"{Pick(random, GivenNames)} {Pick(random, Surnames)}";

    private static readonly string[] Statuses = ["open", "closed", "pending", "ouvert", "ferme", "offen", "geschlossen", "abierto", "cerrado", "en attente"];
    private static readonly string[] Products =
        ["Premium Plan", "Basic Widget", "Gold Edition", "Standard Pack", "Express Shipping", "Team Licence", "Deluxe Box", "Starter Bundle",
         "Pro Monthly", "Enterprise Annual", "Cloud Storage", "Smart Watch", "Office Chair", "Coffee Grinder", "Garden Hose"];
    private static readonly string[] Cities =
        ["Paris", "Lyon", "Strasbourg", "Berlin", "München", "Hamburg", "Madrid", "Barcelona", "Sevilla", "London", "Saint-Étienne", "Frankfurt am Main",
         "Las Palmas", "Bad Homburg", "Aix-en-Provence", "Nueva York", "San Sebastián", "Le Havre", "New York", "Los Angeles"];

    private enum Shape { JsonFlat, JsonNested, JsonArray, XmlFlat, XmlNested, XmlRepeated }

    /// <summary>A column of documents of one shape: the key under test beside a subject and an e-mail, its value drawn
    /// from <paramref name="value"/>; returns the column and the path the key is read at.</summary>
    private static (ColumnEvidence Column, string Path) Documents(Random random, Shape shape, string parent, string key, Func<Random, string> value)
    {
        int rows = random.Next(20, 70);
        var documents = new string[rows];
        for (int i = 0; i < rows; i++)
        {
            var v = value(random);
            var x = SecurityElement.Escape(v);
            var mail = $"user{i}@example.org";
            documents[i] = shape switch
            {
                Shape.JsonFlat => $"{{\"id\":{i},\"{key}\":\"{v}\",\"email\":\"{mail}\",\"subject\":\"Question {i}\"}}",
                Shape.JsonNested => $"{{\"{parent}\":{{\"id\":{i},\"{key}\":\"{v}\",\"email\":\"{mail}\"}},\"meta\":{{\"v\":2}}}}",
                Shape.JsonArray => $"{{\"{parent}s\":[{{\"{key}\":\"{v}\",\"n\":1}},{{\"{key}\":\"{value(random)}\",\"n\":2}}]}}",
                Shape.XmlFlat => $"<{parent}><{key}>{x}</{key}><email>{mail}</email><sujet>Question {i}</sujet></{parent}>",
                Shape.XmlNested => $"<?xml version=\"1.0\"?><root><{parent} id=\"{i}\"><{key}>{x}</{key}><corps>Bonjour, merci.</corps></{parent}></root>",
                _ => $"<{parent}><{key}>{x}</{key}><{key}>{SecurityElement.Escape(value(random))}</{key}><email>{mail}</email></{parent}>",
            };
        }
        string path = shape switch
        {
            Shape.JsonFlat => $"$.{key}",
            Shape.JsonNested => $"$.{parent}.{key}",
            Shape.JsonArray => $"$.{parent}s[*].{key}",
            Shape.XmlFlat => $"$.{parent}.{key}",
            Shape.XmlNested => $"$.root.{parent}.{key}",
            _ => $"$.{parent}.{key}[*]",
        };
        var type = shape >= Shape.XmlFlat ? Pick(random, ["xml", "text", "nvarchar(max)", "longtext"]) : Pick(random, ["jsonb", "json", "text", "JSON"]);
        return (Some.Column(Pick(random, Tables), Pick(random, Columns), type, documents), path);
    }

    private static string? FindingAt(ColumnClassification decision, string path) =>
        decision.JsonPaths?.Named.FirstOrDefault(n => n.Path == path)?.DataCategory;

    [TestCase(1)]
    [TestCase(2)]
    public void PeoplesFullNamesUnderAKeyThatSaysNothing_AreContactNameAtTheirPath(int seed)
    {
        // Given documents of six shapes whose key of a message's role holds people's full names
        var random = new Random(seed);
        var columns = new List<(ColumnEvidence Column, string Path)>();
        for (int c = 0; c < 240; c++)
            columns.Add(Documents(random, (Shape)(c % 6), Pick(random, Parents), PersonKeys[c % PersonKeys.Length], Person));

        // When classified, Then each path is contact.name
        var decisions = Combined.ClassifyMany(columns.Select(c => c.Column).ToArray());
        var wrong = columns.Zip(decisions).Where(p => FindingAt(p.Second, p.First.Path) != "contact.name")
            .Select(p => $"{p.First.Column.Column.DeclaredType} {p.First.Path} → {FindingAt(p.Second, p.First.Path) ?? "nothing"} (column {p.Second.DataCategory ?? "untagged"})").ToList();
        AssertNoneWrong(wrong, columns.Count, "people's names at a document path without a contact.name finding");
    }

    [TestCase(3)]
    [TestCase(4)]
    public void EnumerationsProductsAndCitiesAtAPath_AreNoPersonName(int seed)
    {
        // Given the same documents whose key (a role's or a neutral one) holds statuses, product names or city names
        var random = new Random(seed);
        var columns = new List<(ColumnEvidence Column, string Path)>();
        for (int c = 0; c < 300; c++)
        {
            Func<Random, string> value = (c % 3) switch
            {
                0 => r => Pick(r, Statuses),
                1 => r => Pick(r, Products),
                _ => r => Pick(r, Cities),
            };
            // Under a neutral key: a key a name rule reads as a person's (recipient, destinataire) takes the rule's
            // category whatever its values, as a plain column of that name does (an enumeration under a personal name
            // keeps the name's category too), so only keys that say nothing are the value rule's to get right.
            var key = Pick(random, ThingKeys);
            columns.Add(Documents(random, (Shape)(c % 6), Pick(random, Parents), key, value));
        }

        var decisions = Combined.ClassifyMany(columns.Select(c => c.Column).ToArray());
        var wrong = columns.Zip(decisions).Where(p => FindingAt(p.Second, p.First.Path) == "contact.name")
            .Select(p => $"{p.First.Path} → contact.name").ToList();
        AssertNoneWrong(wrong, columns.Count, "enumerations, products or cities at a path called people's names");
    }

    [Test]
    public void ManyDocuments_EvidenceSaysHowManyWereReadOfTheSampled()
    {
        // Given 250 sampled XML documents and 250 JSON documents (the cap reads 50 per column)
        var random = new Random(5);
        var xml = Enumerable.Range(0, 250).Select(i => $"<message><expediteur>{Person(random)}</expediteur><email>u{i}@example.org</email></message>").ToArray();
        var json = Enumerable.Range(0, 250).Select(i => $"{{\"sender\":\"{Person(random)}\",\"email\":\"u{i}@example.org\"}}").ToArray();
        var few = Enumerable.Range(0, 30).Select(i => $"{{\"sender\":\"{Person(random)}\",\"email\":\"u{i}@example.org\"}}").ToArray();

        var decisions = Combined.ClassifyMany([Some.Column("messages_support", "document_xml", "text", xml),
            Some.Column("messages", "payload", "jsonb", json), Some.Column("messages", "payload", "jsonb", few)]);

        EvidenceItem? Read(ColumnClassification d) => d.Evidence.FirstOrDefault(e => e.Id == "sample.documents-read");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((Read(decisions[0])?.Matched, Read(decisions[0])?.Total), Is.EqualTo(((int?)50, (int?)250)));
            Assert.That(Read(decisions[0])!.Detail, Does.Contain("at most 50 documents are read per column"));
            Assert.That((Read(decisions[1])?.Matched, Read(decisions[1])?.Total), Is.EqualTo(((int?)50, (int?)250)));
            Assert.That(Read(decisions[2]), Is.Null, "every document read");
            Assert.That(FindingAt(decisions[0], "$.message.expediteur"), Is.EqualTo("contact.name"));
            Assert.That(FindingAt(decisions[1], "$.sender"), Is.EqualTo("contact.name"));
        }
    }
}
