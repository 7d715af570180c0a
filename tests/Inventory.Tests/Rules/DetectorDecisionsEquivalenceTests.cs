using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Inventory.Catalog;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>Every built-in detector's decision on each of about 40,000 generated values, as the detector pass makes it
/// (<see cref="DetectorSuite.Run"/> of one value, text and untyped columns), kept as one digest and hit count per
/// detector in <c>Rules/Expected/detector-decisions.txt</c>: a change made for speed (a precomputed set of characters, a
/// cheaper pre-check, a result shared between detectors) must leave every digest as it was. The values are street lines
/// and one-line postal addresses in the orders of French, English, German and Spanish (house number first or last,
/// particles, unit lines, postcodes with places), host and domain names, person and company names, connection strings
/// and URIs with and without passwords, prose in the four languages, numbers and decimals written as text, and
/// look-alikes of each (a character of the detectors' punctuation inserted, a letter's case flipped, a character
/// dropped). A change that is meant to change decisions rewrites the file with <c>INVENTORY_UPDATE_EXPECTED=1</c>, and
/// the diff says which detectors' decisions moved and by how many hits.</summary>
[TestFixture]
public class DetectorDecisionsEquivalenceTests
{
    private static readonly string[] Given = ["Ana", "Bruno", "Chloé", "Élodie", "Günther", "Hélène", "Jürgen", "María", "José", "Íñigo", "Zoë", "Mary Ann", "Jean-Luc", "Ólafur"];
    private static readonly string[] Family = ["García", "Dupont", "Müller", "O'Brien", "de la Fuente", "van der Berg", "Le Gall", "Schäfer", "Núñez", "Lefèvre", "Smith-Jones", "Kowalski"];
    private static readonly string[] Names = ["Général Leclerc", "Paix", "Victor Hugo", "Gaulle", "Mayor", "Castellana", "Baker", "High", "Downing", "Goethe", "Linden", "Markt", "Kirche", "Santa Ana", "Oak", "Elm", "Saint-Michel", "Haupt", "Berliner", "Gran Vía", "Roma", "Augusta"];
    private static readonly string[] FrenchTypes = ["rue", "avenue", "av.", "boulevard", "bd", "chemin", "allée", "impasse", "quai", "place", "route", "cours", "passage", "square", "Rue", "Avenue", "RUE"];
    private static readonly string[] FrenchParticles = ["de la", "du", "des", "de", "d'", "", "", "le", "les"];
    private static readonly string[] EnglishTypes = ["Street", "St", "St.", "Road", "Rd", "Avenue", "Ave", "Lane", "Drive", "Way", "Close", "Crescent", "Square", "Gardens", "Mews", "Parkway", "street", "road"];
    private static readonly string[] GermanSuffixes = ["straße", "strasse", "str.", "weg", "gasse", "platz", "allee", "ring", "damm", "ufer", "Straße", " Weg", " Platz", "straat", "laan"];
    private static readonly string[] SpanishTypes = ["Calle", "C/", "Avenida", "Avda.", "Paseo", "Plaza", "Camino", "Carrer", "Via", "Rua", "calle", "Travessa"];
    private static readonly string[] GermanPrepositions = ["Am", "An der", "Im", "Auf dem", "Zum", "Zur", "Unter den", "Hinter der", "Beim"];
    private static readonly string[] Places = ["Paris", "Lyon", "Saint-Étienne", "Berlin", "München", "Frankfurt am Main", "Madrid", "Sevilla (Sevilla)", "London", "Bordeaux Cedex", "Aix-en-Provence", "Warszawa", "Ottawa", "Köln", "A Coruña", "Palma de Mallorca"];
    private static readonly string[] Postcodes = ["75002", "69001", "10115", "80331", "28013", "41001", "00-950", "1000-001", "SW1A 1AA", "M1 1AE", "EC1V 9HX", "K1A 0B1", "12345-6789", "2000", "D-10115", "F-75002"];
    private static readonly string[] Countries = ["France", "Germany", "Deutschland", "España", "Spain", "United Kingdom", "UK", "FRANCE"];
    private static readonly string[] UnitLines = ["2e étage", "3ème étage", "bât. B", "esc. 2", "porte 12", "3. OG links", "Whg. 4", "piso 4", "puerta 2", "7º izq.", "2º dcha.", "Apt 4B", "Flat 3", "Suite 200", "c/o Martin", "#4B", "Unit 7", "1er étage droite", "bajo", "BP 12"];
    private static readonly string[] Tlds = ["com", "org", "io", "fr", "de", "es", "co.uk", "net", "info", "c0m", "x", "museum"];
    private static readonly string[] Labels = ["api", "shop-kqzmw", "boulangerie-dupont", "mail", "www", "example", "cdn", "eu-west-1", "db01", "intranet", "app", "my-app", "xn--mnchen-3ya"];
    private static readonly string[] Schemes = ["postgres", "postgresql", "mysql", "mongodb+srv", "redis", "amqp", "ftp", "sftp", "https", "jdbc:postgresql", "jdbc:mysql", "ssh", "smtp", "s3"];
    private static readonly string[] Passwords = ["s3cr3t", "P@ssw0rd!", "hunter2", "***", "xxxx", "${DB_PASSWORD}", "$PASSWORD", "%(password)s", "{{ password }}", "<password>", "", "••••", "correct horse", "a;b", "p=q"];
    private static readonly string[] Keys = ["Server", "Host", "Data Source", "Database", "Initial Catalog", "User ID", "Uid", "user", "Port", "sslmode", "dbname", "Trusted_Connection", "Encrypt", "Timeout"];
    private static readonly string[] PasswordKeys = ["Password", "password", "PWD", "pwd", "passwd", "pass", "PassWord", "secret", "Pass Word"];
    private static readonly string[] Forms = ["SARL", "S.A.R.L.", "SAS", "SA", "GmbH", "AG", "KG", "e.V.", "Ltd", "Ltd.", "Limited", "PLC", "LLP", "Inc.", "Inc", "Corp.", "LLC", "Co.", "B.V.", "N.V.", "S.L.", "S.p.A.", "Oy", "AB", "Pty Ltd", "& Co", "Company", "Group", "Holding"];
    private static readonly string[] Prose =
    [
        "bonjour", "merci", "pour", "votre", "commande", "le", "colis", "est", "arrivé", "abîmé", "et", "je", "voudrais", "un", "remboursement",
        "hello", "please", "call", "me", "tomorrow", "about", "the", "invoice", "it", "was", "late", "again", "thanks", "a", "lot",
        "hallo", "bitte", "rufen", "Sie", "mich", "morgen", "an", "die", "Lieferung", "kam", "zu", "spät", "danke",
        "hola", "por", "favor", "llámeme", "mañana", "el", "pedido", "llegó", "tarde", "gracias", "rue", "Street", "avenue", "12", "3", "2024",
    ];
    private static readonly string[] ProseEnds = ["", ".", "!", "?", "...", " :)", ", merci.", "; thanks", " (urgent)"];
    private static readonly string[] Look = [",", "\n", "?", "!", ";", ":", "@", "\"", "(", ")", "[", "]", "{", "}", "<", ">", "=", "|", "#", "*", "_", ".", "-", "/", "'", "+", " ", "  ", "é", "ß", "ñ", "\t", "&", "%", "$"];

    [Test]
    public void EveryDetectorsDecisions_OnGeneratedValues_MatchesExpectedFile()
    {
        var values = Values();
        Assert.That(values, Has.Count.GreaterThan(35_000), "values generated");
        var suite = DetectorSuite.Default;
        var lines = new List<string> { $"# {values.Count} generated values (DetectorDecisionsEquivalenceTests); detector family hits sha256-of-decisions" };
        foreach (var family in new[] { TypeFamily.Text, TypeFamily.Untyped })
        {
            var bits = suite.DetectorIds.Select(_ => new byte[(values.Count + 7) / 8]).ToArray();
            var hits = new int[suite.DetectorIds.Count];
            for (int v = 0; v < values.Count; v++)
            {
                var scores = suite.Run([values[v]], family).Scores;
                for (int d = 0; d < scores.Count; d++)
                    if (scores[d].Matched > 0) { bits[d][v / 8] |= (byte)(1 << (v % 8)); hits[d]++; }
            }
            for (int d = 0; d < hits.Length; d++)
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{suite.DetectorIds[d]} {family.ToString().ToLowerInvariant()} {hits[d]} {Convert.ToHexStringLower(SHA256.HashData(bits[d]))[..16]}"));
        }
        // Whole columns: repeats, blanks and placeholders (each distinct value is tested once and its hits reused), every
        // count of each column's result in one digest.
        var random = new Random(33);
        var counts = new StringBuilder();
        for (int start = 0; start + 60 <= values.Count; start += 60)
        {
            var pool = values.GetRange(start, 12 + random.Next(48));
            var column = Enumerable.Range(0, 200).Select(_ => random.Next(12) switch
            {
                0 => Pick(random, ["n/a", "", "  ", "NULL", "-", "unknown", "néant", "k.A."]),
                _ => pool[random.Next(pool.Count)],
            }).ToList();
            var family = (start / 60 % 3) switch { 0 => TypeFamily.Text, 1 => TypeFamily.Untyped, _ => TypeFamily.Other };
            var result = suite.Run(column, family);
            counts.Append(CultureInfo.InvariantCulture, $"{result.Total} {result.Distinct} {result.Placeholders}:");
            foreach (var score in result.Scores) counts.Append(CultureInfo.InvariantCulture, $"{score.Matched},");
            counts.Append('\n');
        }
        lines.Add($"columns {values.Count / 60} {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(counts.ToString())))[..16]}");
        var actual = string.Join('\n', lines) + "\n";
        var path = Path.Combine(SharedPaths.Repository, "tests", "Inventory.Tests", "Rules", "Expected", "detector-decisions.txt");
        if (Environment.GetEnvironmentVariable("INVENTORY_UPDATE_EXPECTED") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            Assert.Ignore($"rewrote {path}");
        }
        Assert.That(File.Exists(path), Is.True, $"{path} is missing; run with INVENTORY_UPDATE_EXPECTED=1 to create it");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    [Test]
    public void GeneratedValues_HitTheDetectorsTheyAreMadeFor()
    {
        // The digests would prove nothing over values no detector takes: each kind of value must be found by its detector.
        var values = Values();
        var suite = DetectorSuite.Default;
        int Hits(string id) => values.Count(v => suite.Run([v], TypeFamily.Text)[id].Matched > 0);
        Assert.Multiple(() =>
        {
            Assert.That(Hits(DetectorIds.PostalAddress), Is.GreaterThan(5_000), "postal addresses");
            Assert.That(Hits(DetectorIds.FreeText), Is.GreaterThan(2_000), "free text");
            Assert.That(Hits(DetectorIds.PersonName), Is.GreaterThan(1_000), "person names");
            Assert.That(Hits(DetectorIds.CompanyName), Is.GreaterThan(1_000), "company names");
            Assert.That(Hits(DetectorIds.ConnectionSecret), Is.GreaterThan(400), "connection secrets");
            Assert.That(Hits(DetectorIds.Url), Is.GreaterThan(100), "URLs");
        });
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    /// <summary>The generated values, the same on every run (seeded; invariant formatting).</summary>
    internal static List<string> Values()
    {
        var random = new Random(32);
        string Pick(string[] words) => words[random.Next(words.Length)];
        string Number() => random.Next(4) switch
        {
            0 => random.Next(1, 300).ToString(CultureInfo.InvariantCulture),
            1 => random.Next(1, 99).ToString(CultureInfo.InvariantCulture) + (char)('a' + random.Next(3)),
            2 => $"{random.Next(1, 50)}-{random.Next(51, 99)}",
            _ => random.Next(1, 9999).ToString(CultureInfo.InvariantCulture),
        };
        string Street() => random.Next(7) switch
        {
            0 => $"{Number()} {(random.Next(4) == 0 ? Pick(["bis", "ter", "B"]) + " " : "")}{Pick(FrenchTypes)} {Pick(FrenchParticles)} {Pick(Names)}".Replace("  ", " ", StringComparison.Ordinal).Replace("d' ", "d'", StringComparison.Ordinal),
            1 => $"{Number()} {Pick(Names)} {Pick(EnglishTypes)}",
            2 => $"{Pick(Names).Replace(" ", "", StringComparison.Ordinal)}{Pick(GermanSuffixes)} {Number()}",
            3 => $"{Pick(SpanishTypes)} {(random.Next(2) == 0 ? "de " : "")}{Pick(Names)} {Number()}",
            4 => $"{Pick(GermanPrepositions)} {Pick(Names)} {Number()}",
            5 => $"{Pick(Postcodes)} {Pick(Places)}",
            _ => $"{Pick(Names)} {Number()}",
        };
        string Address()
        {
            var parts = new List<string> { Street() };
            if (random.Next(3) == 0) parts.Insert(random.Next(2), Pick(UnitLines));
            parts.Add($"{Pick(Postcodes)} {Pick(Places)}");
            if (random.Next(2) == 0) parts.Add(Pick(Countries));
            if (random.Next(5) == 0) parts.Insert(0, $"{Pick(Given)} {Pick(Family)}");
            return string.Join(random.Next(4) == 0 ? "\n" : ", ", parts);
        }
        string Host() => random.Next(5) switch
        {
            0 => $"{Pick(Labels)}.{Pick(Tlds)}",
            1 => $"{Pick(Labels)}.{Pick(Labels)}.{Pick(Tlds)}",
            2 => $"{Pick(Given).ToLowerInvariant()}.{Pick(Family).ToLowerInvariant()}",
            3 => $"{Pick(Labels)}..{Pick(Tlds)}",
            _ => $"{Pick(Labels).ToUpperInvariant()}.{Pick(Tlds)}",
        };
        string Person() => random.Next(6) switch
        {
            0 => $"{Pick(Given)} {Pick(Family)}",
            1 => $"{Pick(Family).ToUpperInvariant()} {Pick(Given)}",
            2 => $"{Pick(Family)}, {Pick(Given)}",
            3 => $"{Pick(["Dr.", "M.", "Mme", "Herr", "Frau", "Sr.", "Sra.", "Mr", "Ms"])} {Pick(Given)} {Pick(Family)}",
            4 => Pick(Given),
            _ => $"{Pick(Given).ToLowerInvariant()} {Pick(Family).ToLowerInvariant()}",
        };
        string Company() => random.Next(4) switch
        {
            0 => $"{Pick(Family)} {Pick(Names)} {Pick(Forms)}",
            1 => $"{Pick(Family)}, {Pick(Forms)}",
            2 => $"{Pick(Names)} {Pick(Forms)} ({Pick(Places)})",
            _ => Pick(["ООО «Ромашка»", "ОАО Газ", "株式会社サンプル", "有限公司 示例", "Example 有限会社", "ип Иванов", "Boulangerie Dupont & Fils", "ACME, Inc."]),
        };
        string Connection() => random.Next(6) switch
        {
            0 => $"{Pick(Schemes)}://{Pick(Given).ToLowerInvariant()}:{Pick(Passwords)}@{Host()}:{random.Next(1, 65535)}/{Pick(Labels)}",
            1 => $"{Pick(Schemes)}://{Pick(Given).ToLowerInvariant()}@{Host()}/{Pick(Labels)}",
            2 => $"{Pick(Schemes)}://{Host()}/{Pick(Labels)}?user={Pick(Labels)}&{Pick(PasswordKeys)}={Pick(Passwords)}",
            3 => string.Join(";", Enumerable.Range(0, random.Next(1, 5)).Select(_ => $"{Pick(Keys)}={Pick(Labels)}").Append($"{Pick(PasswordKeys)}={Pick(Passwords)}").OrderBy(_ => random.Next())) + (random.Next(2) == 0 ? ";" : ""),
            4 => string.Join(" ", Enumerable.Range(0, random.Next(1, 5)).Select(_ => $"{Pick(["host", "port", "dbname", "user", "sslmode"])}={Pick(Labels)}").Append($"{Pick(PasswordKeys)}={Pick(Passwords)}")),
            _ => $"{Pick(Keys)}={Pick(Labels)}",
        };
        string Text()
        {
            var words = Enumerable.Range(0, random.Next(3, 26)).Select(_ => Pick(Prose)).ToList();
            if (random.Next(2) == 0) words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
            if (random.Next(4) == 0) words.Insert(random.Next(words.Count), Street());
            return string.Join(random.Next(6) == 0 ? ", " : " ", words) + Pick(ProseEnds);
        }
        string Numeric() => random.Next(5) switch
        {
            0 => (random.Next(0, 1_000_000) / 100.0).ToString(CultureInfo.InvariantCulture),
            1 => "-0." + random.Next(1, 999).ToString(CultureInfo.InvariantCulture),
            2 => $"{random.Next(100, 999)}.{random.Next(100, 999)}.{random.Next(1000, 9999)}",
            3 => random.Next(1, 9) + "e" + random.Next(1, 20),
            _ => random.NextInt64(1, 99_999_999_999).ToString(CultureInfo.InvariantCulture),
        };
        string Mutate(string value)
        {
            if (value.Length == 0) return Pick(Look);
            int at = random.Next(value.Length);
            return random.Next(3) switch
            {
                0 => value.Insert(at, Pick(Look)),
                1 => value[..at] + (char.IsUpper(value[at]) ? char.ToLowerInvariant(value[at]) : char.ToUpperInvariant(value[at])) + value[(at + 1)..],
                _ => value.Remove(at, 1),
            };
        }
        var makers = new Func<string>[] { Street, Street, Street, Address, Address, Host, Person, Company, Connection, Text, Text, Numeric };
        var values = new List<string>();
        for (int i = 0; i < 40_000; i++)
        {
            var value = makers[i % makers.Length]();
            for (int m = random.Next(-2, 3); m > 0; m--) value = Mutate(value);
            values.Add(value);
        }
        return values;
    }
}
