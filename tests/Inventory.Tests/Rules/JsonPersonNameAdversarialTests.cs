using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial 19 finding 13 (kinds20): people's full names inside JSON documents under a bare name key
/// (<c>$.charge.billing_details.name</c> in a payment payload, <c>$.payer.nom</c>, <c>$.zahlung.kunde.name</c>) get a
/// <c>contact.name</c> finding at their path (C28), as a bare <c>name</c> column whose values are people's names does.
/// Look-alikes stay without one: the names of products, plans, categories and carriers (<c>$.product.name</c>,
/// <c>$.plan.name</c>), and names that are not people's under any key. Keys and parents in English, French, German and
/// Spanish; values generated in bulk; asserted through the default combined classifier's path findings.
/// </summary>
[TestFixture]
public sealed class JsonPersonNameAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] GivenNames =
        ["James", "Mary", "Robert", "Linda", "Jean", "Marie", "Pierre", "Nathalie", "Hans", "Ursula", "Klaus", "Monika", "José", "Carmen", "Antonio", "Lucía"];
    private static readonly string[] Surnames =
        ["Smith", "Johnson", "Dupont", "Martin", "Lefèvre", "Müller", "Schmidt", "Schneider", "García", "Fernández", "López", "Brown", "Moreau", "Weber", "Ruiz"];
    // People's objects: a billing detail, a customer, a card holder, a payer, in four languages.
    private static readonly string[] PersonParents =
        ["billing_details", "billing", "customer", "holder", "payer", "owner", "cardholder", "client", "facturation", "payeur", "titulaire_compte",
         "kunde", "zahler", "rechnungsempfaenger", "cliente", "pagador", "facturacion", "contact", "user", "member"];
    private static readonly string[] ThingParents =
        ["product", "plan", "item", "category", "carrier", "produit", "produkt", "producto", "articulo", "artikel", "shipping_method", "currency", "country",
         "company", "store", "entreprise", "firma", "empresa", "categorie", "kategorie", "categoria"];
    private static readonly string[] NameKeys = ["name", "nom", "nombre", "fullname"];

    private static string Person(Random random) => $"{Pick(random, GivenNames)} {Pick(random, Surnames)}";

    private static string Thing(Random random) =>
        $"{Pick(random, ["Pro", "Basic", "Premium", "Gold", "Standard", "Express", "Deluxe", "Starter", "Team", "Enterprise"])} {Pick(random, ["Plan", "Monthly", "Annual", "Widget", "Pack", "Bundle", "Edition", "Shipping", "Box", "Licence"])}";

    // A payment payload: an id, an amount, and the object under test with a name key and one sibling.
    private static ColumnEvidence Payload(Random random, string parent, string key, Func<Random, string> value)
    {
        var documents = Enumerable.Range(0, random.Next(20, 60)).Select(i =>
            $"{{\"id\":\"evt_{random.Next(100000, 999999)}\",\"charge\":{{\"amount\":{random.Next(100, 90000)},\"{parent}\":{{\"{key}\":\"{value(random)}\",\"created\":{random.Next(1_600_000_000, 1_700_000_000)}}}}}}}").ToArray();
        return Some.Column(Pick(random, ["payments", "webhook_events", "paiements", "zahlungen", "pagos", "stripe_events", "orders"]),
            Pick(random, ["payload", "data", "event", "raw", "donnees", "daten", "datos"]), "jsonb", documents);
    }

    private static string? FindingAt(ColumnClassification decision, string path) =>
        decision.JsonPaths?.Named.FirstOrDefault(n => n.Path == path)?.DataCategory;

    [TestCase(1)]
    [TestCase(2)]
    public void PeoplesFullNamesUnderABareNameKey_AreContactNameAtTheirPath(int seed)
    {
        var random = new Random(seed);
        var columns = new List<(ColumnEvidence Column, string Path)>();
        for (int c = 0; c < 200; c++)
        {
            var parent = PersonParents[c % PersonParents.Length];
            var key = Pick(random, NameKeys);
            columns.Add((Payload(random, parent, key, Person), $"$.charge.{parent}.{key}"));
        }
        var decisions = Combined.ClassifyMany(columns.Select(c => c.Column).ToArray());
        var wrong = columns.Zip(decisions).Where(p => FindingAt(p.Second, p.First.Path) != "contact.name")
            .Select(p => $"{p.First.Path} → {FindingAt(p.Second, p.First.Path) ?? "nothing"} (column {p.Second.DataCategory ?? "untagged"})").ToList();
        AssertNoneWrong(wrong, columns.Count, "people's names in JSON without a contact.name finding");
    }

    [TestCase(3)]
    [TestCase(4)]
    public void NamesOfThings_AndThingsUnderABillingObject_GetNoPersonName(int seed)
    {
        var random = new Random(seed);
        var columns = new List<(ColumnEvidence Column, string Path)>();
        for (int c = 0; c < 300; c++)
        {
            // Things' objects with people-like values (a product or store named after a person) or plan names; a
            // billing object (no person's word) whose name is a plan's.
            var (parent, key, value) = (c % 3) switch
            {
                0 => (ThingParents[c % ThingParents.Length], Pick(random, ["name", "nom", "nombre"]), (Func<Random, string>)Person),
                1 => (ThingParents[c % ThingParents.Length], Pick(random, ["name", "nom", "nombre"]), Thing),
                _ => (Pick(random, ["billing_details", "billing", "facturation", "facturacion", "charge", "payment", "zahlung", "pago"]), "name", (Func<Random, string>)Thing),
            };
            columns.Add((Payload(random, parent, key, value), $"$.charge.{parent}.{key}"));
        }
        var decisions = Combined.ClassifyMany(columns.Select(c => c.Column).ToArray());
        var wrong = columns.Zip(decisions).Where(p => FindingAt(p.Second, p.First.Path) == "contact.name")
            .Select(p => $"{p.First.Path} → contact.name").ToList();
        AssertNoneWrong(wrong, columns.Count, "names of things in JSON called people's names");
    }
}
