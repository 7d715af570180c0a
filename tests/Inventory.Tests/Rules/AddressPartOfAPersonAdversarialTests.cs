using Bogus;
using Inventory.Classification;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// A town or city kept on a person's own record with no street or postal code beside it (trial38 finding 5:
/// <c>clients.ville</c> beside <c>nom</c>, <c>prenom</c>, <c>courriel</c> was suggested <c>none</c>), checked in bulk with
/// generated table and column names in English, French, German and Spanish, names only and with generated place names:
/// it is <c>contact.postal_address</c> (<c>name.multi.town-of-a-person</c>, LABELS.md tie-breakers 4 and 9); a country
/// alone stays as before, not a postal address (case C13). The
/// look-alikes the rule must leave: a place in an event, visit or sign-in table (derived from a visit), in a lookup or
/// town list (the list's own entry), in a configuration or payment table, a company's record, and a person's
/// <c>state</c> or <c>region</c> (a workflow state, a sales region). Only kinds are asserted, never one literal row.
/// </summary>
[TestFixture]
public sealed class AddressPartOfAPersonAdversarialTests : GeneratedNameFixture
{
    private const string Rule = "name.multi.town-of-a-person";

    private static readonly string[] PersonTables =
        ["users", "customers", "clients", "members", "contacts", "subscribers", "employees", "patients", "user_profiles",
         "customer", "utilisateurs", "adherents", "membres", "kunden", "benutzer", "mitglieder", "mitarbeiter", "usuarios",
         "clientes", "socios", "empleados", "pacientes"];

    private static readonly string[] TownColumns =
        ["city", "town", "home_town", "hometown", "city_of_residence", "ville", "commune", "ville_de_residence", "ort", "stadt",
         "wohnort", "heimatort", "ciudad", "localidad", "poblacion", "municipio", "ciudad_de_residencia"];

    // A country alone on a person's record stays none (case C13), as before.
    private static readonly string[] CountryColumns = ["country", "country_code", "country_name", "pays", "land", "pais"];

    // A person's other columns, never a street or a postal code: the part stands alone.
    private static readonly string[][] PersonSiblings =
        [["id", "first_name", "last_name", "email", "created_at"], ["id", "name", "email", "phone"],
         ["id", "nom", "prenom", "courriel", "telephone"], ["id", "vorname", "nachname", "email", "telefon"],
         ["id", "nombre", "apellidos", "correo", "telefono"], ["id", "username", "display_name", "password_hash"]];


    private static ColumnEvidence Build(Random random, Faker faker, string table, string[] siblings, string name, bool sampled, Func<string> value)
    {
        var type = Pick(random, EngineTextTypes);
        if (!sampled) return Some.Unsampled(table, name, type) with { TableColumns = [.. siblings, name] };
        return Some.InTable(table, siblings, name, type, Enumerable.Range(0, random.Next(30, 150)).Select(_ => value()).ToArray());
    }

    /// <summary>Generates <paramref name="columns"/> columns with <paramref name="column"/> (its index, the seeded source, a
    /// faker of a random locale), classifies each with the shipped classifier, and asserts that none is wrong by
    /// <paramref name="wrongIf"/>; a wrong one is named by table, column and decision, never by a value.</summary>
    private static void ExpectNoneWrong(int seed, int columns, Func<int, Random, Faker, (string Where, ColumnEvidence Evidence)> column,
        Func<ColumnClassification, bool> wrongIf, string what)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int c = 0; c < columns; c++)
        {
            var faker = new Faker(Pick(random, FakerLocales)) { Random = new Randomizer(seed * 10_000 + c) };
            var (where, evidence) = column(c, random, faker);
            var decision = Combined.Classify(evidence);
            if (wrongIf(decision)) wrong.Add($"{where} → {decision.DataCategory} {decision.Confidence}");
        }
        AssertNoneWrong(wrong, columns, what);
    }

    private static bool Fired(ColumnClassification decision) => decision.Evidence.Any(e => e.Id == Rule);

    // Given a town or city column in a people's table with no street or postal code beside it, names only or with sampled
    // place names, then it is the person's postal address.
    [TestCase(1)]
    [TestCase(2)]
    public void TownAloneOnAPersonsRecord_PostalAddress(int seed) => ExpectNoneWrong(seed, 800, (c, random, faker) =>
    {
        bool sampled = c % 3 != 0;
        var table = AsIsPascalOrUpper(random, Pick(random, PersonTables));
        var name = SnakeCamelOrPascal(random, Pick(random, TownColumns));
        return ($"{table}.{name} {(sampled ? "sampled" : "names only")}",
            Build(random, faker, table, Pick(random, PersonSiblings), name, sampled, () => faker.Address.City()));
    }, decision => decision.DataCategory != "contact.postal_address", "a town alone on a person's record not read as contact.postal_address");

    // Given the same town columns in tables that hold no person's own record, then the rule never fires.
    [TestCase(1)]
    [TestCase(2)]
    public void TownInEventLookupConfigurationPaymentOrCompanyTable_RuleNeverFires(int seed)
    {
        string[] otherTables =
            ["page_views", "visits", "sessions", "sign_ins", "login_events", "audit_logs", "click_events", "visites", "besuche",
             "visitas", "countries", "cities", "towns", "zip_towns", "communes", "ortschaften", "localidades", "settings",
             "app_config", "payment_methods", "cards", "companies", "suppliers", "entreprises", "firmen", "empresas",
             "shipping_zones", "tax_rates"];
        ExpectNoneWrong(seed, 800, (c, random, faker) =>
        {
            var table = AsIsPascalOrUpper(random, Pick(random, otherTables));
            var name = SnakeCamelOrPascal(random, Pick(random, TownColumns));
            return ($"{table}.{name}", Build(random, faker, table, ["id", "name", "created_at"], name, c % 2 == 0, () => faker.Address.City()));
        }, Fired, "the person's-town rule fired outside a person's record");
    }

    // Given a person's country (name or two-letter code) with no street or postal code beside it (case C13's kind), then
    // the town rule does not fire and no confident postal address is suggested (a leaning towards a personal category at
    // low confidence, where the model cannot separate it from none, stays allowed).
    [TestCase(1)]
    [TestCase(2)]
    public void CountryAloneOnAPersonsRecord_StaysNone(int seed) => ExpectNoneWrong(seed, 400, (c, random, faker) =>
    {
        var table = Pick(random, PersonTables);
        var name = SnakeCamelOrPascal(random, Pick(random, CountryColumns));
        bool code = c % 2 == 0;
        return ($"{table}.{name}", Build(random, faker, table, Pick(random, PersonSiblings), name, c % 3 != 0,
            () => code ? faker.Address.CountryCode() : faker.Address.Country()));
    }, decision => Fired(decision) || (decision.DataCategory == "contact.postal_address" && decision.Confidence >= 0.5),
        "a country alone on a person's record read as a postal address at >= 0.5");

    // Given a person's state, status or region (a workflow state, a sales region), then the rule does not read it.
    [TestCase(1)]
    [TestCase(2)]
    public void StateOrRegionOfAPerson_RuleNeverFires(int seed)
    {
        string[] names = ["state", "status", "region", "province", "aasm_state", "account_state", "etat", "statut", "zustand",
                          "estado", "sales_region", "region_code"];
        string[] values = ["active", "pending", "blocked", "archived", "EMEA", "APAC", "north"];
        ExpectNoneWrong(seed, 400, (c, random, faker) =>
        {
            var table = Pick(random, PersonTables);
            var name = SnakeCamelOrPascal(random, Pick(random, names));
            return ($"{table}.{name}", Build(random, faker, table, Pick(random, PersonSiblings), name, c % 2 == 0, () => Pick(random, values)));
        }, Fired, "a person's state or region read as a place of the person");
    }
}
