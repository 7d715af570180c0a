using Bogus;
using Inventory.Catalog;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// data44's K4 (kind 3 of evidence45): the person-name detector (shape only: capitalised words without digits) read
/// catalogue titles — products such as <c>Galaxy Buds Pro</c>, <c>Café Crème</c>, <c>Wireless Earbuds</c>, book and film
/// titles such as <c>The Great Gatsby</c> or <c>Der Zauberberg</c> — as people's names, and that count reached the evidence
/// of catalogue columns. Generated in bulk in English, French, German and Spanish from brands, ranges, kinds of goods and
/// editions; people's names of eight Bogus locales (with particles, hyphens, "Last, First" and family names alone) must
/// stay names. Rates only.
/// </summary>
[TestFixture]
public sealed class ProductNamesAreNotPeopleAdversarialTests : GeneratedNameFixture
{
    private const string PersonName = "detector.person-name";

    private static readonly string[] Brands = ["Samsung", "Sony", "Bosch", "Philips", "Nespresso", "Lindt", "Adidas", "Decathlon", "Zara", "Nivea", "Moulinex", "Rowenta", "Miele", "Haribo", "Loewe", "Desigual"];
    private static readonly string[] Ranges = ["Galaxy", "Ultra", "Pro", "Mini", "Plus", "Lite", "Classic", "Deluxe", "Premium", "Original", "Organic", "Vegan", "Edition", "Collection"];
    private static readonly string[] EnglishGoods = ["Wireless Earbuds", "Headphones", "Bluetooth Speaker", "Keyboard", "Laptop", "Tablet", "Smartwatch", "Sneakers", "Jacket", "Hoodie", "Backpack", "Wallet", "Shampoo", "Candle", "Coffee", "Chocolate", "Cheese", "Cookies", "Mug", "Paperback"];
    private static readonly string[] FrenchGoods = ["Café Crème", "Chocolat Noir", "Savon", "Bougie Parfumée", "Coffret Découverte", "Chaussures", "Veste", "Montre", "Fromage", "Huile", "Biscuits", "Dosettes", "Livre", "Crème Hydratante", "Sac", "Clavier", "Imprimante"];
    private static readonly string[] GermanGoods = ["Kaffee", "Schokolade", "Seife", "Kerze", "Jacke", "Schuhe", "Rucksack", "Flasche", "Armbanduhr", "Käse", "Nudeln", "Kapseln", "Taschenbuch", "Tastatur", "Drucker", "Kamera", "Spielzeug"];
    private static readonly string[] SpanishGoods = ["Café", "Chocolate", "Jabón", "Vela", "Chaqueta", "Zapatillas", "Mochila", "Botella", "Reloj", "Queso", "Aceite", "Galletas", "Cápsulas", "Libro", "Novela", "Teclado", "Impresora", "Juguete"];
    private static readonly string[] Titles = ["The Great Gatsby", "The Name Of The Rose", "The Little Prince", "Der Zauberberg", "Der Steppenwolf", "Die Verwandlung", "Los Miserables", "Las Meninas", "Une Saison En Enfer", "Ein Sommernachtstraum", "Eine Kleine Nachtmusik", "The Godfather", "Die Blechtrommel", "The Hobbit"];

    internal static string Product(Random random) => random.Next(7) switch
    {
        0 => $"{Pick(random, Brands)} {Pick(random, Ranges)} {Pick(random, EnglishGoods)}",
        1 => $"{Pick(random, EnglishGoods)} {Pick(random, Ranges)}",
        2 => $"{Pick(random, FrenchGoods)} {Pick(random, Brands)}",
        3 => $"{Pick(random, Brands)} {Pick(random, GermanGoods)}",
        4 => $"{Pick(random, SpanishGoods)} {Pick(random, Ranges)}",
        5 => Pick(random, Titles),
        _ => $"{Pick(random, Brands)} {Pick(random, Ranges)}",
    };

    private static readonly Lazy<Faker[]> Fakers = new(() => [.. FakerLocales.Select((l, i) => new Faker(l) { Random = new Randomizer(100 + i) })]);

    internal static string Person(Random random)
    {
        var faker = Fakers.Value[random.Next(Fakers.Value.Length)];
        return random.Next(4) switch
        {
            0 => $"{faker.Name.LastName()}, {faker.Name.FirstName()}",
            1 => faker.Name.LastName(),
            _ => faker.Name.FullName(),
        };
    }

    [TestCase(1)]
    [TestCase(2)]
    public void PersonNameDetector_KeepsPeople_TakesNoCatalogueTitle(int seed)
    {
        var rates = DetectorHitRates.Measure(DetectorSuite.Default, PersonName, new Random(seed), 5000, Person, Product);
        Assert.That(rates.TakenRate, Is.LessThanOrEqualTo(0.002), rates.TakenMessage);
        // People's names the shape already missed (apostrophes and the like) are not this kind's; the rate is the baseline's.
        Assert.That(rates.FoundRate, Is.GreaterThanOrEqualTo(0.97), rates.FoundMessage);
    }

    [Test]
    public void PeoplesNames_AreNeverTakenForAProduct()
    {
        // Given 8,000 names of eight locales, every form a column holds, and people named with a particle or an article-like
        // word inside (Ursula von der Leyen, María de los Ángeles)
        var random = new Random(9);
        var names = Enumerable.Range(0, 8000).Select(_ => Person(random))
            .Concat(["Ursula von der Leyen", "María de los Ángeles Pérez", "Vincent van Gogh", "Les Dennis", "Roman Polanski", "Max Mustermann", "Kit Harington", "Vin Diesel", "Téa Leoni", "Carlos Vela"])
            .ToArray();
        // When the product reading looks at each one
        var taken = names.Where(n => PersonNameDetector.NamesAProduct(n)).Distinct().ToArray();
        // Then none is a product
        Assert.That(taken, Is.Empty, $"{taken.Length} people's names read as products: {string.Join(", ", taken.Take(20))}");
    }

    [Test]
    public void ProductWords_AreNoGivenName()
    {
        var random = new Random(11);
        var words = Enumerable.Range(0, 3000).Select(_ => Product(random)).SelectMany(p => p.Split(' ')).Distinct().ToArray();
        var given = words.Where(w => PersonNameDetector.NamesAProduct(w) && GivenNames.IsGivenName(w.ToLowerInvariant())).ToArray();
        Assert.That(given, Is.Empty, $"product words that are given names: {string.Join(", ", given)}");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void CatalogueColumns_CarryNoPersonNameEvidence(int seed)
    {
        // Given 100 columns of catalogue titles in catalogue and neutral tables, under title and name columns
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int c = 0; c < 100; c++)
        {
            var column = Some.Column(Pick(random, ["products", "produits", "artikel", "productos", "items", "books", "records"]),
                Pick(random, ["name", "title", "label", "nom", "bezeichnung", "nombre", "titre", "value"]), "text",
                [.. Enumerable.Range(0, random.Next(40, 200)).Select(_ => Product(random))]);
            // When the rules classify it
            var result = Rules.Classify(column);
            // Then no person-name count stands in its evidence and it is no person's name
            var person = result.Evidence.FirstOrDefault(e => e.Id == PersonName);
            if (person is { Matched: > 0 } && person.Score > 0.01) wrong.Add($"{column.Table}.{column.Column.Name}: person-name evidence {person.Score}");
            if (result.DataCategory == "contact.name") wrong.Add($"{column.Table}.{column.Column.Name} → contact.name");
        }
        Assert.That(wrong, Is.Empty, $"{wrong.Count} catalogue columns: {string.Join("; ", wrong)}");
    }
}
