using System.Globalization;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial44 finding 3, generated in bulk: street lines written in the Spanish (and Catalan, Italian, Portuguese) order,
/// the house number after a comma and the floor and door after another (<c>Calle Mayor, 12, 3º B</c>, <c>Plaza de
/// España, 34</c>, <c>Avda. de la Paz, nº 5, 2ºA</c>, <c>Camino Viejo, s/n</c>), with or without postcode and town, are
/// postal addresses: they were read as free text (<c>customer_content.message</c>) under a name that says nothing. Near
/// misses that share their pieces stay out: Spanish sentences and notes with commas and numbers, product and course
/// names, a street type alone, a street without a number, dates, rooms and floors of a building. Rates only.
/// </summary>
[TestFixture]
public sealed class SpanishOrderAddressAdversarialTests
{
    private static readonly DetectorSuite Detectors = DetectorSuite.Default;
    private static readonly IColumnClassifier Combined = ClassifierFactory.CreateDefault();
    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
    private static string N(Random random, int max) => random.Next(1, max).ToString(CultureInfo.InvariantCulture);

    private static readonly string[] Types = ["Calle", "C/", "Avenida", "Avda.", "Paseo", "Plaza", "Camino", "Ronda", "Travesía", "Glorieta",
        "Carretera", "Ctra.", "Pasaje", "Carrer", "Avinguda", "Passeig", "Plaça", "Via", "Rua"];
    private static readonly string[] Names = ["Mayor", "de la Constitución", "del Sol", "de España", "Real", "de Gracia", "de Alcalá", "San Juan",
        "de la Paz", "Viejo", "de Valencia", "Diagonal", "de los Olivos", "del Carmen", "de Balmes", "Roma", "Augusta", "Nueva"];
    private static readonly string[] Towns = ["Madrid", "Barcelona", "Sevilla", "Vitoria-Gasteiz", "A Coruña", "Málaga", "Palma", "L'Hospitalet de Llobregat"];

    private static string Number(Random random) => random.Next(8) switch
    {
        0 => "nº " + N(random, 300),
        1 => "s/n",
        2 => N(random, 300) + Pick(random, ["A", "B", "a"]),
        3 => $"{N(random, 100)}-{random.Next(101, 200)}",
        _ => N(random, 300),
    };

    private static string Floor(Random random) => random.Next(7) switch
    {
        0 => $"{N(random, 9)}º {Pick(random, ["A", "B", "C", "D"])}",
        1 => $"{N(random, 9)}º{Pick(random, ["A", "B", "C", "D"])}",
        2 => $"{N(random, 9)}ª {Pick(random, ["A", "B", "izda", "dcha"])}",
        3 => $"{N(random, 9)}º {Pick(random, ["izda.", "dcha.", "izquierda", "derecha"])}",
        4 => Pick(random, ["bajo", "Bajo B", "Portal 2", "Escalera B"]),
        5 => $"piso {N(random, 9)}, puerta {N(random, 9)}",
        _ => "",
    };

    internal static string Address(Random random)
    {
        var line = $"{Pick(random, Types)} {Pick(random, Names)}, {Number(random)}";
        var floor = Floor(random);
        if (floor.Length > 0) line += ", " + floor;
        if (random.Next(3) == 0) line += $", {random.Next(1, 53):00}{random.Next(0, 1000):000} {Pick(random, Towns)}";
        return line;
    }

    private static string NearMiss(Random random) => random.Next(12) switch
    {
        0 => $"Calle cortada, {N(random, 9)} días sin luz",
        1 => $"Paseo en barco, {N(random, 5)} horas",
        2 => $"{Pick(random, Types)} {Pick(random, Names)}, {Pick(random, ["restaurante", "cerca del metro", "junto al parque"])}",
        3 => $"{Pick(random, ["Plaza", "Avenida", "Calle"])}, {N(random, 60)}",
        4 => $"Camino de Santiago, etapa {N(random, 30)}",
        5 => $"Camiseta {Pick(random, ["Azul", "Roja", "Negra"])}, {N(random, 50)}",
        6 => $"Sala {N(random, 9)}, Planta {N(random, 6)}",
        7 => $"{Pick(random, Towns)}, {N(random, 28)} de {Pick(random, ["marzo", "abril", "mayo"])} de {random.Next(2019, 2026)}",
        8 => $"Capítulo {N(random, 30)}, Versículo {N(random, 40)}",
        9 => $"Llamar al {N(random, 999)}, preguntar por {Pick(random, ["Lucía", "Iñaki", "Carmen"])}",
        10 => $"Pedido {N(random, 9999)}, {N(random, 9)} unidades",
        _ => $"Ronda de clasificación, {N(random, 9)}",
    };

    [TestCase(1)]
    [TestCase(2)]
    public void Detector_FindsSpanishOrderStreetLines_RejectsNearMisses(int seed)
    {
        var rates = DetectorHitRates.Measure(Detectors, "detector.postal-address", new Random(seed), 5000, Address, NearMiss);
        Assert.That(rates.FoundRate, Is.GreaterThanOrEqualTo(0.99), rates.FoundMessage);
        Assert.That(rates.Taken, Is.Zero, rates.TakenMessage);
    }

    [TestCase(1)]
    [TestCase(2)]
    public void AddressColumnsUnderNamesThatSayNothing_AreAddresses_NoteColumnsAreNot(int seed)
    {
        var random = new Random(seed);
        int columns = 200, found = 0, wrongNotes = 0;
        var missed = new List<string>();
        for (int c = 0; c < columns; c++)
        {
            var name = Pick(random, ["campo_3", "dato2", "feld_e", "valor_texto", "linea"]);
            var values = Enumerable.Range(0, random.Next(30, 200)).Select(_ => Address(random)).ToArray();
            var category = Combined.Classify(Some.InTable("datos", ["id", name, "creado_en"], name, "varchar(120)", values)).DataCategory;
            if (category == "contact.postal_address") found++;
            else if (missed.Count < 6) missed.Add($"{name} → {category}");
            var notes = Enumerable.Range(0, random.Next(30, 200)).Select(_ => NearMiss(random)).ToArray();
            if (Combined.Classify(Some.InTable("datos", ["id", name, "creado_en"], name, "varchar(120)", notes)).DataCategory == "contact.postal_address") wrongNotes++;
        }
        Assert.That(found, Is.GreaterThanOrEqualTo(columns * 95 / 100), $"{found} of {columns} address columns found; e.g. {string.Join("; ", missed)}");
        Assert.That(wrongNotes, Is.Zero, "near-miss columns called postal addresses");
    }
}
