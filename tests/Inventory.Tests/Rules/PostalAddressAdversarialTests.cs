using System.Globalization;
using Inventory.Rules;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 item 6 (kind 6 of the brief): postal addresses found from their values, generated in bulk in French,
/// English, German and Spanish (street lines, postcode and place, one-line addresses), against near misses that share
/// their pieces (product names with numbers and road words, sentences, titles, SKUs, dates). Rates only.
/// </summary>
[TestFixture]
public sealed class PostalAddressAdversarialTests : GeneratedNameFixture
{
    private static readonly DetectorSuite Detectors = DetectorSuite.Default;
    private static string N(Random random, int max) => random.Next(1, max).ToString(CultureInfo.InvariantCulture);

    private static readonly string[] FrStreets = ["de la Paix", "Victor Hugo", "du Faubourg Saint-Honoré", "des Lilas", "Jean Jaurès", "de Rivoli", "Foch", "du Général de Gaulle"];
    private static readonly string[] FrTypes = ["rue", "avenue", "boulevard", "chemin", "allée", "impasse", "place", "quai"];
    private static readonly string[] EnNames = ["Baker", "High", "Church", "Station", "Victoria", "Park", "Mill", "King Edward", "Maple", "Oak"];
    private static readonly string[] EnTypes = ["Street", "Road", "Lane", "Avenue", "Drive", "Close", "Crescent", "St", "Rd", "Way"];
    private static readonly string[] DeStreets = ["Hauptstraße", "Bahnhofstraße", "Lindenweg", "Schillerplatz", "Goethestrasse", "Am Markt", "Kastanienallee", "Rosengasse"];
    private static readonly string[] EsStreets = ["Calle Mayor", "Avenida de América", "Paseo del Prado", "Calle de Alcalá", "Plaza Mayor", "Camino Real", "Carrer de Balmes"];
    private static readonly string[] Cities = ["Paris", "Lyon", "Berlin", "München", "Madrid", "Sevilla", "London", "Bristol", "Toulouse", "Hamburg"];

    internal static string Address(Random random) => random.Next(9) switch
    {
        0 => $"{N(random, 200)} {Pick(random, FrTypes)} {Pick(random, FrStreets)}",
        1 => $"{N(random, 80)} bis {Pick(random, FrTypes)} {Pick(random, FrStreets)}",
        2 => $"{N(random, 400)}{Pick(random, ["", "", "B", "a"])} {Pick(random, EnNames)} {Pick(random, EnTypes)}",
        3 => $"{Pick(random, DeStreets)} {N(random, 150)}{Pick(random, ["", "a", "b"])}",
        4 => $"{Pick(random, EsStreets)} {N(random, 120)}",
        5 => $"{random.Next(10_000, 99_999)} {Pick(random, Cities)}",
        6 => $"{N(random, 200)} {Pick(random, FrTypes)} {Pick(random, FrStreets)}, {random.Next(10_000, 99_999)} {Pick(random, Cities)}",
        7 => $"{Pick(random, DeStreets)} {N(random, 150)}, {random.Next(10_000, 99_999)} {Pick(random, Cities)}, Deutschland",
        _ => $"{N(random, 400)} {Pick(random, EnNames)} {Pick(random, EnTypes)}, {Pick(random, Cities)} {Pick(random, ["SW1A 1AA", "M1 1AE", "BS1 4DJ", "EC1V 9HX"])}",
    };

    private static string NearMiss(Random random) => random.Next(10) switch
    {
        0 => $"Model {N(random, 9)} Road Bike",
        1 => $"Route {N(random, 99)} Diner Mug",
        2 => $"{Pick(random, ["Trek", "Giant", "Specialized"])} {Pick(random, ["Domane", "Defy", "Allez"])} SL {N(random, 9)}",
        3 => $"{N(random, 12)} Pack Street Tacos",
        4 => $"The meeting moved to {N(random, 12)} pm on the main street",
        5 => $"Q{N(random, 4)} {random.Next(2019, 2026)} Annual Report",
        6 => $"SKU-{random.Next(10_000, 99_999)}-{Pick(random, ["RED", "BLU", "GRN"])}",
        7 => $"{random.Next(2019, 2026)}-{random.Next(1, 12):00}-{random.Next(1, 28):00}",
        8 => $"iPhone {N(random, 16)} Pro Max {Pick(random, ["128", "256", "512"])} GB",
        _ => $"{Pick(random, ["Please call", "Delivered to", "Left with"])} the neighbour at {N(random, 9)} o'clock",
    };

    [TestCase(1)]
    [TestCase(2)]
    public void Detector_FindsAddresses_RejectsNearMisses(int seed)
    {
        var rates = DetectorHitRates.Measure(Detectors, "detector.postal-address", new Random(seed), 5000, Address, NearMiss);
        Assert.That(rates.FoundRate, Is.GreaterThanOrEqualTo(0.99), rates.FoundMessage);
        Assert.That(rates.TakenRate, Is.LessThanOrEqualTo(0.005), rates.TakenMessage);
    }

    [TestCase(1)]
    [TestCase(2)]
    public void AddressColumnsUnderNamesThatSayNothing_AreFound_ProductColumnsAreNot(int seed)
    {
        var random = new Random(seed);
        int columns = 300, found = 0, wrong = 0;
        for (int c = 0; c < columns; c++)
        {
            var addresses = Enumerable.Range(0, 40).Select(_ => Address(random)).ToArray();
            if (Rules.Classify(Some.Column(Pick(random, ["customers", "orders", "records", "import_rows"]), Pick(random, ["line", "value", "field_3", "data", "text1", "l1"]), "text", addresses)).DataCategory == "contact.postal_address")
                found++;
            var products = Enumerable.Range(0, 40).Select(_ => NearMiss(random)).ToArray();
            if (Rules.Classify(Some.Column(Pick(random, ["products", "items", "records"]), Pick(random, ["title", "label", "value", "line"]), "text", products)).DataCategory == "contact.postal_address")
                wrong++;
        }
        Assert.That((double)found / columns, Is.GreaterThanOrEqualTo(0.99), $"{found} of {columns} address columns found");
        Assert.That((double)wrong / columns, Is.LessThanOrEqualTo(0.005), $"{wrong} of {columns} product or sentence columns called addresses");
    }
}
