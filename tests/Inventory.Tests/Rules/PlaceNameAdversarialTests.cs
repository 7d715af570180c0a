using Bogus;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial 32 finding 7 (the kind): a materialized view's <c>ville</c> column of city names (fr/de/es) was suggested
/// <c>contact.name</c> 0.99 because the person-name detector matched 12/12. Place names (cities, regions, countries,
/// streets written without a number) are not given and family names; people's names (four languages, compound and
/// hyphenated names, the particles de/von/del/van, "Last, First") keep their recall. Values come from Bogus's locales (an
/// independent generator: real French, Spanish, Mexican, Austrian and Swiss town names, German and English made-up
/// town names, regions, countries and streets of each locale), columns under names and tables of the four languages and
/// several engines' text types, judged by the classifier the CLI uses (rules + model).
/// </summary>
[TestFixture]
public sealed class PlaceNameAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] Locales = ["fr", "de", "de_AT", "fr_CH", "es", "es_MX", "en", "en_GB"];

    private enum Place { City, Region, Country, Street }

    private static string PlaceValue(Faker faker, Place kind) => kind switch
    {
        Place.City => faker.Address.City(),
        Place.Region => faker.Address.State(),
        Place.Country => faker.Address.Country(),
        _ => faker.Address.StreetName(),
    };

    private static Faker Faker(string locale, int seed) => new(locale) { Random = new Randomizer(seed) };

    // People's names beyond the generator's plain "Given Family": particles, compounds and the inverted form.
    private static string Person(Faker faker, Random random)
    {
        string given = faker.Name.FirstName(), family = faker.Name.LastName();
        return random.Next(8) switch
        {
            0 => $"{given} {Pick(random, ["de", "von", "del", "van", "van der", "de la", "du", "von der", "da"])} {family}",
            1 => $"{given} {family}-{faker.Name.LastName()}",
            2 => $"{given}-{faker.Name.FirstName()} {family}",
            3 => $"{family}, {given}",
            4 => $"{given} {faker.Name.FirstName()} {family}",
            5 => $"{given} {family} {faker.Name.LastName()}",
            _ => faker.Name.FullName(),
        };
    }

    [TestCase(1)]
    [TestCase(2)]
    public void PlaceValues_RarelyReadAsPeople_PeopleStillAre(int seed)
    {
        // Given thousands of place names and people's names of eight locales
        var detector = new PersonNameDetector();
        var random = new Random(seed);
        var matched = new Dictionary<Place, (int Matched, int Total)>();
        int people = 0, peopleMatched = 0;
        var missedPeople = new List<string>();
        foreach (var locale in Locales)
        {
            var faker = Faker(locale, seed);
            foreach (var kind in Enum.GetValues<Place>())
                for (int i = 0; i < 400; i++)
                {
                    var value = PlaceValue(faker, kind);
                    var (m, t) = matched.GetValueOrDefault(kind);
                    matched[kind] = (m + (detector.IsMatch(value, ValueShape.Of(value, fraction: false)) ? 1 : 0), t + 1);
                }
            for (int i = 0; i < 1_000; i++)
            {
                var person = Person(faker, random);
                if (person.Any(char.IsDigit)) continue;
                people++;
                if (detector.IsMatch(person, ValueShape.Of(person, fraction: false))) peopleMatched++;
                else if (missedPeople.Count < 12) missedPeople.Add(person);
            }
        }
        foreach (var (kind, (m, t)) in matched) TestContext.Out.WriteLine($"{kind}: {m} of {t} read as a person's name");
        TestContext.Out.WriteLine($"people: {peopleMatched} of {people}");
        // Then multi-word places, regions, countries and streets are no longer people; one-word towns keep a surname's shape
        // (the column-level reading asks for given and family names instead), people keep their recall.
        using (Assert.EnterMultipleScope())
        {
            // Before: streets 87 %, regions 95 %, countries 92 % read as people (seeds 1 and 2).
            Assert.That(matched[Place.Street].Matched, Is.LessThan(matched[Place.Street].Total * 0.25), "street names read as people");
            Assert.That(matched[Place.Region].Matched, Is.LessThan(matched[Place.Region].Total * 0.05), "regions read as people");
            Assert.That(matched[Place.Country].Matched, Is.LessThan(matched[Place.Country].Total * 0.20), "countries read as people");
            Assert.That(peopleMatched, Is.GreaterThanOrEqualTo(people * 0.99), $"people's names missed, e.g. {string.Join("; ", missedPeople)}");
        }
    }

    private static readonly string[] PlaceColumns =
        ["ville", "city", "ort", "stadt", "ciudad", "localidad", "region", "pays", "land", "provincia", "lieu", "destination", "commune",
         "municipio", "standort", "bundesland", "country", "zielort", "departement", "comunidad", "sede", "agence", "location"];
    private static readonly string[] PlaceTables =
        ["mv_clients_par_ville", "stats_par_region", "ventes_par_pays", "agences", "villes", "cities", "standorte", "ciudades",
         "rapport_mensuel", "umsatz_pro_region", "ventas_por_provincia", "sites", "filiales", "destinations", "reiseziele"];
    private static readonly string[] SilentColumns = ["a", "col1", "valeur", "wert", "valor", "value", "champ_3", "feld2", "x", "c4", "spalte_b", "dato"];
    private static readonly string[] SilentTables = ["import_2024", "feuille1", "tabelle1", "hoja1", "staging", "tmp_load", "sheet1", "donnees"];

    [TestCase(1)]
    [TestCase(2)]
    public void ColumnsOfPlaces_NeverPeoplesNames(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 240;
        for (int c = 0; c < columns; c++)
        {
            var locale = Locales[c % Locales.Length];
            var faker = Faker(locale, seed * 1_000 + c);
            var kind = (Place)(c / Locales.Length % 4);
            var values = Enumerable.Range(0, random.Next(8, 60)).Select(_ => PlaceValue(faker, kind)).Distinct(StringComparer.Ordinal).ToArray();
            bool silent = c % 3 == 0;
            var column = Some.Column(Pick(random, silent ? SilentTables : PlaceTables), Pick(random, silent ? SilentColumns : PlaceColumns),
                Pick(random, EngineTextTypes), values);
            var decision = Combined.Classify(column);
            if (decision.DataCategory == "contact.name")
                wrong.Add($"{locale} {kind} {column.Table}.{column.Column.Name} → {decision.DataCategory} {decision.Confidence} ({string.Join(" | ", values.Take(8))})");
        }
        AssertNoneWrong(wrong, columns, "columns of place names suggested as people's names");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void ColumnsOfPeople_StayPeoplesNames(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        string[] named = ["nom", "nom_complet", "name", "full_name", "nombre", "nombre_completo", "name_kunde", "vollstaendiger_name", "titulaire",
            "contact_name", "display_name", "auteur", "ansprechpartner", "destinataire"];
        const int columns = 240;
        for (int c = 0; c < columns; c++)
        {
            var locale = Locales[c % Locales.Length];
            var faker = Faker(locale, seed * 1_000 + c);
            var values = Enumerable.Range(0, random.Next(12, 60)).Select(_ => Person(faker, random)).ToArray();
            bool silent = c % 2 == 0;
            var column = silent
                ? Some.Column(Pick(random, SilentTables), Pick(random, SilentColumns), Pick(random, EngineTextTypes), values)
                : Some.Column(Pick(random, ["clients", "kunden", "clientes", "customers", "contacts", "adherents", "mitglieder", "socios"]),
                    Pick(random, named), Pick(random, EngineTextTypes), values);
            var decision = Combined.Classify(column);
            if (decision.DataCategory != "contact.name")
                wrong.Add($"{locale} {column.Table}.{column.Column.Name} → {decision.DataCategory} {decision.Confidence}");
        }
        AssertNoneWrong(wrong, columns, "columns of people's names no longer read as names");
    }

    [TestCase(1)]
    public void ColumnsOfCompaniesAndProducts_Measured(int seed)
    {
        // Measured and reported (not a decision of this kind): companies and products under names that say nothing.
        var random = new Random(seed);
        int companies = 0, products = 0;
        const int columns = 80;
        for (int c = 0; c < columns; c++)
        {
            var faker = Faker(Locales[c % Locales.Length], seed * 1_000 + c);
            var company = Enumerable.Range(0, 30).Select(_ => faker.Company.CompanyName()).ToArray();
            var product = Enumerable.Range(0, 30).Select(_ => faker.Commerce.ProductName()).ToArray();
            if (Combined.Classify(Some.Column(Pick(random, SilentTables), Pick(random, SilentColumns), "text", company)).DataCategory == "contact.name") companies++;
            if (Combined.Classify(Some.Column(Pick(random, SilentTables), Pick(random, SilentColumns), "text", product)).DataCategory == "contact.name") products++;
        }
        TestContext.Out.WriteLine($"company columns read as people: {companies} of {columns}; product columns: {products} of {columns}");
        // Before this kind's change: 43 and 80 of 80 (seed 1); several capitalised words remain a product's shape too (reported, left).
        Assert.That(companies, Is.LessThanOrEqualTo(43), "company-name columns read as people's names, more than before");
    }

    [Test]
    public void TrialCase_CityColumnOfAnAggregateView_NotAPersonsName()
    {
        var column = Some.Column("mv_clients_par_ville", "ville", "text",
            "Lyon", "Nantes", "Lille", "Bordeaux", "München", "Köln", "Hamburg", "Leipzig", "Sevilla", "Valencia", "Bilbao", "Málaga");
        Assert.That(Combined.Classify(column).DataCategory, Is.Not.EqualTo("contact.name"));
    }
}
