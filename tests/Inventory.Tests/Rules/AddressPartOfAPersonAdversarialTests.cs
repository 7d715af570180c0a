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

    private static readonly string[] Locales = ["fr", "de", "es", "en", "en_GB", "de_AT", "es_MX", "fr_CH"];

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

    [TestCase(1)]
    [TestCase(2)]
    public void TownAloneOnAPersonsRecord_PostalAddress(int seed)
    {
        // Given a town or city column in a people's table with no street or postal code beside it
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 800;
        for (int c = 0; c < columns; c++)
        {
            var faker = new Faker(Pick(random, Locales)) { Random = new Randomizer(seed * 10_000 + c) };
            bool sampled = c % 3 != 0;
            var table = AsIsPascalOrUpper(random, Pick(random, PersonTables));
            var column = Pick(random, TownColumns);
            var name = SnakeCamelOrPascal(random, column);
            var evidence = Build(random, faker, table, Pick(random, PersonSiblings), name, sampled, () => faker.Address.City());
            // When classified (names and types only, or with sampled place names)
            var decision = Combined.Classify(evidence);
            // Then it is the person's postal address
            if (decision.DataCategory != "contact.postal_address")
                wrong.Add($"{table}.{name} {(sampled ? "sampled" : "names only")} → {decision.DataCategory} {decision.Confidence}");
        }
        AssertNoneWrong(wrong, columns, "a town alone on a person's record not read as contact.postal_address");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void TownInEventLookupConfigurationPaymentOrCompanyTable_RuleNeverFires(int seed)
    {
        // Given the same town columns in tables that hold no person's own record
        string[] otherTables =
            ["page_views", "visits", "sessions", "sign_ins", "login_events", "audit_logs", "click_events", "visites", "besuche",
             "visitas", "countries", "cities", "towns", "zip_towns", "communes", "ortschaften", "localidades", "settings",
             "app_config", "payment_methods", "cards", "companies", "suppliers", "entreprises", "firmen", "empresas",
             "shipping_zones", "tax_rates"];
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 800;
        for (int c = 0; c < columns; c++)
        {
            var faker = new Faker(Pick(random, Locales)) { Random = new Randomizer(seed * 10_000 + c) };
            var table = AsIsPascalOrUpper(random, Pick(random, otherTables));
            var column = Pick(random, TownColumns);
            var name = SnakeCamelOrPascal(random, column);
            var evidence = Build(random, faker, table, ["id", "name", "created_at"], name, c % 2 == 0, () => faker.Address.City());
            var decision = Combined.Classify(evidence);
            if (decision.Evidence.Any(e => e.Id == Rule)) wrong.Add($"{table}.{name} → {decision.DataCategory} {decision.Confidence}");
        }
        AssertNoneWrong(wrong, columns, "the person's-town rule fired outside a person's record");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void CountryAloneOnAPersonsRecord_StaysNone(int seed)
    {
        // Given a person's country (name or two-letter code) with no street or postal code beside it (case C13's kind)
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 400;
        for (int c = 0; c < columns; c++)
        {
            var faker = new Faker(Pick(random, Locales)) { Random = new Randomizer(seed * 10_000 + c) };
            var table = Pick(random, PersonTables);
            var name = SnakeCamelOrPascal(random, Pick(random, CountryColumns));
            bool code = c % 2 == 0;
            var evidence = Build(random, faker, table, Pick(random, PersonSiblings), name, c % 3 != 0,
                () => code ? faker.Address.CountryCode() : faker.Address.Country());
            // When classified, then the town rule does not fire and no confident postal address is suggested (a leaning
            // towards a personal category at low confidence, where the model cannot separate it from none, stays allowed)
            var decision = Combined.Classify(evidence);
            if (decision.Evidence.Any(e => e.Id == Rule) || (decision.DataCategory == "contact.postal_address" && decision.Confidence >= 0.5))
                wrong.Add($"{table}.{name} → {decision.DataCategory} {decision.Confidence}");
        }
        AssertNoneWrong(wrong, columns, "a country alone on a person's record read as a postal address at >= 0.5");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void StateOrRegionOfAPerson_RuleNeverFires(int seed)
    {
        // Given a person's state, status or region (a workflow state, a sales region): not a place the rule reads
        string[] names = ["state", "status", "region", "province", "aasm_state", "account_state", "etat", "statut", "zustand",
                          "estado", "sales_region", "region_code"];
        string[] values = ["active", "pending", "blocked", "archived", "EMEA", "APAC", "north"];
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 400;
        for (int c = 0; c < columns; c++)
        {
            var faker = new Faker(Pick(random, Locales)) { Random = new Randomizer(seed * 10_000 + c) };
            var table = Pick(random, PersonTables);
            var name = SnakeCamelOrPascal(random, Pick(random, names));
            var evidence = Build(random, faker, table, Pick(random, PersonSiblings), name, c % 2 == 0, () => Pick(random, values));
            var decision = Combined.Classify(evidence);
            if (decision.Evidence.Any(e => e.Id == Rule)) wrong.Add($"{table}.{name} → {decision.DataCategory} {decision.Confidence}");
        }
        AssertNoneWrong(wrong, columns, "a person's state or region read as a place of the person");
    }
}
