using System.Globalization;
using Inventory.Rules;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 item 6, kind "postal addresses written in full" (newcomer trial: long French addresses with apartment and floor,
/// on several lines, under <c>col3</c>, <c>data</c>, <c>libelle</c>, were suggested <c>customer_content.message</c> by the
/// free-text detector). Full addresses of France, Germany, Spain, the UK and the US — several lines or comma-separated
/// parts, with flat, floor, building, staircase, suite, c/o and PO box lines — are taken by the postal-address detector
/// before the free-text one; messages that mention an address inside a sentence stay messages. Generated in bulk from
/// seeded generators; rates are asserted, never particular rows.
/// </summary>
[TestFixture]
public sealed class LongAddressAdversarialTests : GeneratedNameFixture
{
    private static readonly DetectorSuite Detectors = DetectorSuite.Default;
    private static string N(Random random, int max) => random.Next(1, max).ToString(CultureInfo.InvariantCulture);
    private static string Zip(Random random) => random.Next(1000, 99_999).ToString("00000", CultureInfo.InvariantCulture);

    private static readonly string[] FrStreets =
        ["rue de la République", "avenue Victor Hugo", "boulevard Haussmann", "rue du Faubourg Saint-Antoine", "place Bellecour",
         "chemin des Vignes", "allée des Roses", "impasse du Moulin", "quai de la Loire", "rue Jean Jaurès", "cours Lafayette"];
    private static readonly string[] FrCities = ["Lyon", "Paris", "Marseille", "Toulouse", "Bordeaux", "LILLE", "Saint-Étienne", "Aix-en-Provence", "Nantes"];
    private static readonly string[] DeStreets = ["Hauptstraße", "Bahnhofstr.", "Lindenweg", "Schillerplatz", "Goethestrasse", "Kastanienallee", "Am Markt", "Rosengasse"];
    private static readonly string[] DeCities = ["Berlin", "München", "Hamburg", "Köln", "Frankfurt am Main", "Stuttgart", "Leipzig"];
    private static readonly string[] EsStreets = ["Calle Mayor", "Avenida de América", "Paseo del Prado", "Calle de Alcalá", "C/ de Balmes", "Plaza Mayor", "Camino Real"];
    private static readonly string[] EsCities = ["Madrid", "Barcelona", "Sevilla", "Valencia", "Bilbao", "Málaga"];
    private static readonly string[] UkStreets = ["Baker Street", "High Road", "Church Lane", "Station Road", "Victoria Avenue", "Mill Close", "King Edward Crescent"];
    private static readonly string[] UkTowns = ["London", "Bristol", "Leeds", "Manchester", "Oxford", "Cardiff"];
    private static readonly string[] UkPostcodes = ["NW1 6XE", "BS1 4DJ", "LS1 2AB", "M1 1AE", "OX1 2JD", "CF10 1EP", "EC1V 9HX", "SW1A 1AA"];
    private static readonly string[] UsStreets = ["Main St", "5th Avenue", "Pennsylvania Ave NW", "Elm Street", "Sunset Blvd", "Oak Drive", "Market St"];
    private static readonly string[] UsCities = ["Springfield, IL", "New York, NY", "Washington, DC", "Austin, TX", "San Francisco, CA", "Portland, OR"];
    private static readonly string[] Persons = ["M. Jean Dupont", "Mme Claire Martin", "Herrn Max Müller", "Sra. Lucía García", "Mr John Smith", "Ms. Jane Doe"];

    private static string Sep(Random random) => random.Next(3) == 0 ? "\n" : ", ";

    /// <summary>A full postal address of one of five countries, with the lines people add (flat, floor, building,
    /// staircase, suite, c/o, PO box, country).</summary>
    internal static string Address(Random random)
    {
        string s = Sep(random);
        string head = random.Next(5) == 0 ? Pick(random, Persons) + s : "";
        return head + (random.Next(5) switch
        {
            0 => random.Next(4) switch
            {
                0 => $"Appartement {N(random, 40)}, {N(random, 9)}e étage{s}{N(random, 150)} {Pick(random, FrStreets)}{s}{Zip(random)} {Pick(random, FrCities)}",
                1 => $"{N(random, 150)} {Pick(random, FrStreets)}{s}Bâtiment {Pick(random, ["A", "B", "C"])}, Escalier {N(random, 5)}{s}{Zip(random)} {Pick(random, FrCities)}{s}France",
                2 => $"Résidence Les {Pick(random, ["Tilleuls", "Glycines", "Pins"])}, Apt {N(random, 60)}{s}{N(random, 90)} {Pick(random, FrStreets)}{s}{Zip(random)} {Pick(random, FrCities)}",
                _ => $"{N(random, 90)} bis {Pick(random, FrStreets)}{s}{Pick(random, ["BP", "CS"])} {random.Next(100, 99_999)}{s}{Zip(random)} {Pick(random, FrCities)} CEDEX {N(random, 20)}",
            },
            1 => random.Next(3) switch
            {
                0 => $"{Pick(random, DeStreets)} {N(random, 150)}{s}{N(random, 6)}. OG {Pick(random, ["links", "rechts"])}{s}{Zip(random)} {Pick(random, DeCities)}",
                1 => $"c/o {Pick(random, ["Müller", "Schmidt", "Weber"])}{s}{Pick(random, DeStreets)} {N(random, 150)}{Pick(random, ["", "a", "b"])}{s}{Zip(random)} {Pick(random, DeCities)}{s}Deutschland",
                _ => $"{Pick(random, DeStreets)} {N(random, 150)}{s}Wohnung {N(random, 30)}, {N(random, 6)}. Stock{s}{Zip(random)} {Pick(random, DeCities)}",
            },
            2 => random.Next(3) switch
            {
                0 => $"{Pick(random, EsStreets)} {N(random, 150)}, {N(random, 9)}º {Pick(random, ["A", "B", "izq.", "dcha."])}{s}{Zip(random)} {Pick(random, EsCities)}",
                1 => $"{Pick(random, EsStreets)} {N(random, 150)}, piso {N(random, 9)}, puerta {N(random, 6)}{s}{Zip(random)} {Pick(random, EsCities)}{s}España",
                _ => $"{Pick(random, EsStreets)}, {N(random, 150)}, {N(random, 9)}ª planta{s}{Zip(random)} {Pick(random, EsCities)} ({Pick(random, ["Madrid", "Barcelona", "Sevilla"])})",
            },
            3 => random.Next(3) switch
            {
                0 => $"Flat {N(random, 40)}{s}{N(random, 300)} {Pick(random, UkStreets)}{s}{Pick(random, UkTowns)} {Pick(random, UkPostcodes)}{s}United Kingdom",
                1 => $"{Pick(random, ["1st", "2nd", "3rd", "4th"])} Floor, {N(random, 200)} {Pick(random, UkStreets)}{s}{Pick(random, UkTowns)}{s}{Pick(random, UkPostcodes)}",
                _ => $"Apartment {N(random, 20)}{Pick(random, ["A", "B", ""])}, {Pick(random, ["Maple House", "The Old Mill", "Rose Court"])}{s}{N(random, 90)} {Pick(random, UkStreets)}{s}{Pick(random, UkTowns)} {Pick(random, UkPostcodes)}",
            },
            _ => random.Next(3) switch
            {
                0 => $"{N(random, 9000)} {Pick(random, UsStreets)} {Pick(random, ["Apt", "Unit", "#"])} {N(random, 30)}{Pick(random, ["A", "B", ""])}{s}{Pick(random, UsCities)} {random.Next(10_000, 99_999)}",
                1 => $"{N(random, 9000)} {Pick(random, UsStreets)}, Suite {random.Next(100, 2000)}{s}{Pick(random, UsCities)} {random.Next(10_000, 99_999)}{s}USA",
                _ => $"PO Box {random.Next(10, 9999)}{s}{Pick(random, UsCities)} {random.Next(10_000, 99_999)}-{random.Next(1000, 9999)}",
            },
        });
    }

    /// <summary>A message a person wrote that mentions an address inside a sentence, in one of the five languages.</summary>
    internal static string Message(Random random)
    {
        string fr = $"{N(random, 150)} {Pick(random, FrStreets)}, {Zip(random)} {Pick(random, FrCities)}";
        string de = $"{Pick(random, DeStreets)} {N(random, 150)}, {Zip(random)} {Pick(random, DeCities)}";
        string es = $"{Pick(random, EsStreets)} {N(random, 150)}, {Zip(random)} {Pick(random, EsCities)}";
        string uk = $"{N(random, 300)} {Pick(random, UkStreets)}, {Pick(random, UkTowns)} {Pick(random, UkPostcodes)}";
        return random.Next(8) switch
        {
            0 => $"Bonjour, merci de livrer au {fr} avant midi, le digicode est en panne.",
            1 => $"J'ai déménagé, ma nouvelle adresse est {fr}. Pouvez-vous mettre à jour mon compte ?",
            2 => $"Bitte liefern Sie an {de}, ich bin ab 14 Uhr zu Hause.",
            3 => $"Hola, el paquete llegó a {es} pero la caja estaba rota.",
            4 => $"Please ship to {uk} as soon as possible, thanks!",
            5 => $"The courier left the parcel at {uk} with a neighbour who was not home.",
            6 => $"Nous avons bien reçu votre colis.\nIl a été livré au {fr} ce matin.",
            _ => $"Can you change the delivery address to {N(random, 9000)} {Pick(random, UsStreets)}, {Pick(random, UsCities)} {random.Next(10_000, 99_999)}? I moved last week.",
        };
    }

    /// <summary>The street line alone, as the first line of an address record holds it (no postcode, no place): the long
    /// French forms (house number, suffix, street type, particles and a name of several words) and the other languages' orders.</summary>
    internal static string StreetLine(Random random) => random.Next(6) switch
    {
        0 or 1 => $"{N(random, 250)}{Pick(random, ["", "", " bis", " ter"])} {Pick(random, FrStreets)}",
        2 => $"{N(random, 250)} {Pick(random, ["rue", "avenue", "boulevard", "allée", "impasse", "chemin"])} {Pick(random, ["du Général de Gaulle", "de la Libération", "des Trois Frères Lumière", "Jean-Baptiste Clément", "du Maréchal Foch", "de la Croix Rousse"])}",
        3 => $"{Pick(random, DeStreets)} {N(random, 150)}{Pick(random, ["", "a", "b"])}",
        4 => $"{Pick(random, EsStreets)} {N(random, 150)}",
        _ => $"{N(random, 300)} {Pick(random, UkStreets)}",
    };

    private static readonly (string Table, string[] Siblings, string[] Lines)[] AddressRecords =
    [
        ("adresses", ["id", "utilisateur_id", "code_postal", "ville", "pays"], ["ligne1", "ligne_1", "adresse_ligne1", "ligne_adresse_1", "adresse1"]),
        ("addresses", ["id", "user_id", "postcode", "city", "country"], ["line1", "line_1", "address_line_1", "address1", "street_line"]),
        ("adressen", ["id", "kunde_id", "plz", "ort", "land"], ["zeile1", "adresszeile1", "adresse_zeile_1", "anschrift1"]),
        ("direcciones", ["id", "cliente_id", "codigo_postal", "ciudad", "pais"], ["linea1", "linea_1", "direccion_linea1", "direccion1"]),
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void Detector_StreetLinesAlone_AreAddressesNotProse(int seed)
    {
        var random = new Random(seed);
        int n = 5000, found = 0, prose = 0;
        for (int i = 0; i < n; i++)
        {
            var line = StreetLine(random);
            if (Detectors.IsMatch("detector.postal-address", line)) found++;
            if (Detectors.IsMatch("detector.free-text", line)) prose++;
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Rate(found, n), Is.GreaterThanOrEqualTo(0.99), $"{found} of {n} street lines found");
            Assert.That(prose, Is.Zero, $"{prose} of {n} street lines read as free text");
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    public void AddressRecordFirstLines_OfStreetLines_ArePostalAddresses_SampledAndCombined(int seed)
    {
        // trial31: adresses.ligne1 holding "12 rue de la République"-like lines was suggested customer_content.message 0.93.
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 300;
        for (int c = 0; c < columns; c++)
        {
            var (table, siblings, lines) = Pick(random, AddressRecords);
            var name = SnakeCamelOrPascal(random, Pick(random, lines));
            var column = Some.InTable(table, siblings, name, Pick(random, EngineTextTypes), Enumerable.Range(0, 40).Select(_ => StreetLine(random)).ToArray());
            var rules = Rules.Classify(column).DataCategory;
            var combined = Combined.Classify(column).DataCategory;
            if (rules != "contact.postal_address" || combined != "contact.postal_address") wrong.Add($"{table}.{name}: rules {rules ?? "untagged"}, combined {combined ?? "untagged"}");
        }
        AssertNoneWrong(wrong, columns, "first address lines of street lines not contact.postal_address");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Detector_TakesFullAddresses_NotMessagesThatMentionOne(int seed)
    {
        var random = new Random(seed);
        int n = 5000, found = 0, taken = 0, prose = 0;
        var missed = new List<string>();
        var wrong = new List<string>();
        for (int i = 0; i < n; i++)
        {
            var address = Address(random);
            if (Detectors.IsMatch("detector.postal-address", address)) found++;
            else if (missed.Count < 6) missed.Add(address.Replace('\n', '/'));
            if (Detectors.IsMatch("detector.free-text", address)) prose++;
            var message = Message(random);
            if (Detectors.IsMatch("detector.postal-address", message)) { taken++; if (wrong.Count < 5) wrong.Add(message); }
        }
        Assert.That(Rate(found, n), Is.GreaterThanOrEqualTo(0.99), $"{found} of {n} full addresses found; missed e.g. {string.Join(" | ", missed)}");
        Assert.That(Rate(prose, n), Is.LessThanOrEqualTo(0.01), $"{prose} of {n} full addresses read as free text");
        Assert.That(Rate(taken, n), Is.LessThanOrEqualTo(0.005), $"{taken} of {n} messages taken for addresses; e.g. {string.Join(" | ", wrong)}");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void AddressColumnsUnderUninformativeNames_ArePostalAddresses_MessageColumnsStayMessages(int seed)
    {
        var random = new Random(seed);
        int columns = 300, addresses = 0, messages = 0;
        for (int c = 0; c < columns; c++)
        {
            var table = Pick(random, ["imports", "clients", "commandes", "records", "kunden", "pedidos", "customers", "staging"]);
            var values = Enumerable.Range(0, 40).Select(_ => Address(random)).ToArray();
            if (Rules.Classify(Some.Column(table, Pick(random, ["col3", "data", "libelle", "value", "field_7", "text1", "info", "bezeichnung"]), "text", values)).DataCategory == "contact.postal_address")
                addresses++;
            var notes = Enumerable.Range(0, 40).Select(_ => Message(random)).ToArray();
            if (Rules.Classify(Some.Column(table, Pick(random, ["col4", "data", "comment", "message", "remarque", "text2", "body"]), "text", notes)).DataCategory == "customer_content.message")
                messages++;
        }
        Assert.That(Rate(addresses, columns), Is.GreaterThanOrEqualTo(0.99), $"{addresses} of {columns} address columns: postal address");
        Assert.That(Rate(messages, columns), Is.GreaterThanOrEqualTo(0.99), $"{messages} of {columns} message columns that mention addresses: message");
    }
}
