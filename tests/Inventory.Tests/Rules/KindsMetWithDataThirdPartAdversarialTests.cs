using System.Text.Json;
using Bogus;
using Inventory.Classification;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Kinds a user met with invented data, third part (trial35 finding 3 rows b, s, u, k; trial36 finding 9; a visitors'
/// book; rules/MODEL.md <i>Kinds met with data, third part</i>), checked in bulk with generated names in English, French,
/// German and Spanish, the engines' text types and generated values, in both directions:
/// <list type="bullet">
/// <item>a person's name under a role (<c>commenter_name</c>, <c>nom_visiteur</c>, <c>Name des Kommentators</c>,
/// <c>nombre_del_comentarista</c>) is <c>contact.name</c>, also when its values are given names alone; names of things
/// (<c>category_name</c>, <c>host_name</c>, <c>nom_produit</c>) never take the rule;</item>
/// <item>language tags at a JSON path under a bare language key of a person's document (<c>$.prefs.lang</c>) are
/// <c>automatic.browser_language</c>, as in a plain column; country codes, a catalogue's or the application's language
/// are not;</item>
/// <item>a vehicle's registration plate (fr, de, es, uk formats) is <c>other_personal</c>; a company's registration
/// number, a student's <c>matricula</c>, a <c>Kennzeichen</c> outside a vehicle table are not taken;</item>
/// <item>an insurance policy number and a person's insurer are <c>other_personal</c>; access policies, privacy policies
/// and a social insurance number (a national id) are not taken;</item>
/// <item>the date of a visitors' book entry is not a visit log's activity; a visits table's still is;</item>
/// <item>a payment table's <c>gateway</c> is the provider's name, not a network address; a network table's still is.</item>
/// </list>
/// Only kinds are asserted, never one literal row.
/// </summary>
[TestFixture]
public sealed class KindsMetWithDataThirdPartAdversarialTests : GeneratedNameFixture
{
    private const string RoleNameRule = "name.multi.role-person-name";
    private const string PlateRule = "name.multi.vehicle-registration-plate";
    private const string PlateInVehicleTableRule = "name.multi.vehicle-plate-in-vehicle-table";
    private const string PolicyRule = "name.multi.insurance-policy-number";
    private const string InsurerRule = "name.multi.insurer-of-a-person";

    private static bool Fired(ColumnClassification decision, string ruleId) => decision.Evidence.Any(e => e.Id == ruleId);

    private static bool FiredAny(ColumnClassification decision, params string[] ruleIds) => ruleIds.Any(r => Fired(decision, r));

    // ---------------------------------------------------------------- b: a person's name under a role

    private static readonly string[] RoleNames =
        ["commenter_name", "commentator_name", "reviewer_name", "reporter_name", "requester_name", "submitter_name", "guest_name",
         "visitor_name", "signer_name", "participant_name", "attendee_name", "applicant_name", "patient_name", "student_name",
         "passenger_name", "tenant_name", "invitee_name", "assignee_name", "guest_first_name", "visitor_last_name",
         "nom_commentateur", "nom_du_commentateur", "nom_auteur", "nom_de_l_auteur", "nom_expediteur", "nom_visiteur", "nom_invite",
         "nom_participant", "nom_eleve", "prenom_auteur", "prenom_du_visiteur", "nom_locataire",
         "kommentatorname", "name_des_kommentators", "autorname", "absendername", "vorname_des_absenders", "besuchername",
         "name_des_besuchers", "gastname", "teilnehmername", "patientenname", "schuelername", "mietername",
         "nombre_comentarista", "nombre_del_comentarista", "nombre_autor", "nombre_remitente", "nombre_visitante",
         "nombre_del_invitado", "nombre_huesped", "nombre_participante", "nombre_paciente", "nombre_alumno", "nombre_solicitante"];

    private static readonly string[] ContentTables =
        ["comments", "reviews", "guestbook", "messages", "posts", "tickets", "bookings", "commentaires", "avis", "livre_d_or",
         "kommentare", "bewertungen", "nachrichten", "comentarios", "resenas", "reservas", "mensajes", "events", "visits"];

    // Names of things that end in "name", and a role's name in a catalogue: the rule must leave them.
    private static readonly string[] ThingNames =
        ["category_name", "product_name", "plan_name", "role_name", "file_name", "host_name", "driver_name", "event_name", "template_name",
         "display_name_key", "owner_name", "creator_name", "parent_name", "tag_name", "nom_produit", "nom_categorie", "nom_fichier",
         "nom_modele", "produktname", "kategoriename", "dateiname", "nombre_producto", "nombre_categoria", "nombre_archivo",
         "nombre_plantilla"];

    /// <summary>Classifies <paramref name="column"/> and, when its category is not <paramref name="expected"/>, adds a
    /// line naming the table, column, whether it was sampled and the decision (never a value) to <paramref name="wrong"/>.</summary>
    private static void ExpectCategory(List<string> wrong, ColumnEvidence column, string table, string name, bool sampled, string expected)
    {
        var decision = Combined.Classify(column);
        if (decision.DataCategory != expected) wrong.Add($"{table}.{name} {(sampled ? "sampled" : "names only")} → {decision.DataCategory} {decision.Confidence}");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void PersonsNameUnderARole_GivenNamesAlone_ContactName(int seed)
    {
        // Given columns named after a person's role, sampled with given names alone (or names only)
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 400;
        for (int c = 0; c < columns; c++)
        {
            var faker = new Faker(Pick(random, FakerLocales)) { Random = new Randomizer(seed * 1000 + c) };
            bool sampled = c % 4 != 0;
            var table = Pick(random, ContentTables);
            var name = SnakeCamelOrPascal(random, Pick(random, RoleNames));
            var type = Pick(random, EngineTextTypes);
            var column = sampled
                ? Some.InTable(table, ["id", "body", "created_at"], name, type,
                    Enumerable.Range(0, random.Next(20, 120)).Select(_ => faker.Name.FirstName()).ToArray())
                : Some.Unsampled(table, name, type);
            ExpectCategory(wrong, column, table, name, sampled, "contact.name");
        }
        AssertNoneWrong(wrong, columns, "a person's name under a role not read as contact.name");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void NamesOfThings_AndRolesInACatalogue_NeverTakeTheRoleRule(int seed)
    {
        // Given names of things ending in "name" with a few words as values, and role names in catalogue tables
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 400;
        string[] words = ["Standard", "Premium", "Basic", "Gold", "Export CSV", "Newsletter", "Sommerangebot", "Oferta", "Rapport mensuel"];
        string[] catalogues = ["products", "produits", "produkte", "productos", "catalog", "articles"];
        for (int c = 0; c < columns; c++)
        {
            bool thing = c % 2 == 0;
            var table = thing ? Pick(random, ContentTables) : Pick(random, catalogues);
            var name = SnakeCamelOrPascal(random, thing ? Pick(random, ThingNames) : Pick(random, RoleNames));
            var column = Some.Column(table, name, Pick(random, EngineTextTypes),
                Enumerable.Range(0, random.Next(20, 80)).Select(_ => Pick(random, words)).ToArray());
            var decision = Combined.Classify(column);
            if (Fired(decision, RoleNameRule)) wrong.Add($"{table}.{name} → {decision.DataCategory} {decision.Confidence}");
        }
        AssertNoneWrong(wrong, columns, "a thing's name taken by the role-name rule");
    }

    // ---------------------------------------------------------------- trial36 #9: language tags at a JSON path

    private static readonly string[] LanguageTags =
        ["fr-FR", "de-DE", "es-ES", "en-GB", "en-US", "pt-BR", "it-IT", "nl-NL", "de-AT", "fr-CH", "es-MX", "fr", "de", "es", "en", "it",
         "de_DE", "fr_FR", "en-GB,en;q=0.8", "ca-ES"];

    private static readonly string[] LanguageKeys = ["lang", "language", "locale", "langue", "sprache", "idioma", "languageCode"];
    private static readonly string[] PersonTables = ["contacts", "users", "customers", "clients", "kunden", "benutzer", "usuarios", "members", "utilisateurs"];
    private static readonly string[] Holders = ["prefs", "preferences", "profile", "ui", "account", "praeferenzen", "preferencias"];

    private static string? PathCategory(ColumnClassification decision, string path) =>
        decision.JsonPaths?.Named.FirstOrDefault(n => n.Path == path)?.DataCategory;

    private static string Document(Random random, string holder, string key, string value) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            [holder] = new Dictionary<string, object> { [key] = value, ["theme"] = Pick(random, new[] { "dark", "light" }), ["newsletter"] = random.Next(2) == 0 },
            ["source"] = Pick(random, new[] { "web", "app" }),
        });

    [TestCase(1)]
    [TestCase(2)]
    public void LanguageTagsAtAPersonsDocumentPath_BrowserLanguage(int seed)
    {
        // Given a person's or account's JSON documents holding language tags under a bare language key
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 300;
        for (int c = 0; c < columns; c++)
        {
            var table = Pick(random, PersonTables);
            var holder = Pick(random, Holders);
            var key = Pick(random, LanguageKeys);
            var documents = Enumerable.Range(0, random.Next(10, 60)).Select(_ => Document(random, holder, key, Pick(random, LanguageTags))).ToArray();
            var decision = Combined.Classify(Some.Column(table, Pick(random, new[] { "profile", "settings_json", "data", "meta", "attributes" }), Pick(random, new[] { "jsonb", "json", "text", "longtext" }), documents));
            // Then the path is the person's browser language
            var found = PathCategory(decision, $"$.{holder}.{key}");
            if (found != "automatic.browser_language") wrong.Add($"{table} $.{holder}.{key} → {found ?? "nothing"}");
        }
        AssertNoneWrong(wrong, columns, "language tags at a person's document path not read as a browser language");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void CountryCodesCataloguesAndTheApplicationsLanguage_AreNotBrowserLanguage(int seed)
    {
        // Given look-alikes: lower-case country codes under country keys, a catalogue's or translation's language, and the
        // application's own settings documents
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 300;
        string[] countries = ["fr", "de", "es", "it", "nl", "pt", "be", "at", "ch"];
        string[] countryKeys = ["country", "pays", "land", "pais", "country_code", "nationality_code", "region"];
        string[] catalogueTables = ["products", "films", "produkt", "translations", "produits", "produkte", "productos", "articles", "catalog"];
        string[] settingTables = ["app_settings", "settings", "configuration", "parametres", "einstellungen", "ajustes"];
        for (int c = 0; c < columns; c++)
        {
            string table, holder, key;
            string[] values;
            switch (c % 3)
            {
                case 0: table = Pick(random, PersonTables); holder = "address"; key = Pick(random, countryKeys); values = countries; break;
                case 1: table = Pick(random, catalogueTables); holder = Pick(random, new[] { "meta", "details", "info" }); key = Pick(random, LanguageKeys); values = LanguageTags; break;
                default: table = Pick(random, settingTables); holder = Pick(random, new[] { "general", "ui", "defaults", "settings" }); key = Pick(random, LanguageKeys); values = LanguageTags; break;
            }
            var documents = Enumerable.Range(0, random.Next(10, 60)).Select(_ => Document(random, holder, key, Pick(random, values))).ToArray();
            var decision = Combined.Classify(Some.Column(table, Pick(random, new[] { "value", "data", "meta", "payload" }), "jsonb", documents));
            var found = PathCategory(decision, $"$.{holder}.{key}");
            if (found == "automatic.browser_language") wrong.Add($"{table} $.{holder}.{key} → {found}");
        }
        AssertNoneWrong(wrong, columns, "country codes, a catalogue's or the application's language read as a browser language");
    }

    // ---------------------------------------------------------------- s: vehicle registration plates

    private const string PlateLetters = "ABCDEFGHJKLMNPQRSTVWXYZ";

    private static string Letters(Random random, int count) => string.Concat(Enumerable.Range(0, count).Select(_ => PlateLetters[random.Next(PlateLetters.Length)]));

    private static string Plate(Random random) => random.Next(4) switch
    {
        0 => $"{Letters(random, 2)}-{random.Next(1, 1000):000}-{Letters(random, 2)}",                                          // France (SIV)
        1 => $"{Pick(random, new[] { "B", "M", "HH", "OG", "K", "F", "S" })}-{Letters(random, random.Next(1, 3))} {random.Next(1, 10000)}", // Germany
        2 => $"{random.Next(0, 10000):0000} {Letters(random, 3)}",                                                              // Spain
        _ => $"{Letters(random, 2)}{random.Next(51, 75)} {Letters(random, 3)}",                                                   // UK
    };

    private static readonly string[] PlateNames =
        ["license_plate", "licence_plate", "number_plate", "registration_plate", "vehicle_registration", "vehicle_plate_number",
         "plaque_immatriculation", "plaque_d_immatriculation", "immatriculation_vehicule", "numero_de_plaque", "kfz_kennzeichen",
         "kfzkennzeichen", "fahrzeugkennzeichen", "amtliches_kennzeichen", "nummernschild", "matricula_vehiculo", "matricula_del_coche",
         "placa_matricula", "car_plate", "vehicle_plate"];

    private static readonly string[] VehicleTables = ["vehicles", "cars", "fleet_vehicles", "vehicules", "voitures", "fahrzeuge", "kfz", "vehiculos", "coches"];
    private static readonly string[] BarePlateNames = ["plate", "registration_number", "registration", "plaque", "immatriculation", "kennzeichen", "matricula", "placa", "numero_matricula"];
    private static readonly string[] AnyTables = ["customers", "parking_permits", "bookings", "employees", "mitarbeiter", "reservations", "locations", "alquileres"];

    [TestCase(1)]
    [TestCase(2)]
    public void VehicleRegistrationPlates_OtherPersonal(int seed)
    {
        // Given plates named as plates anywhere, and bare plate names in vehicle tables, sampled or names only
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 400;
        for (int c = 0; c < columns; c++)
        {
            bool bare = c % 2 == 0, sampled = c % 3 != 0;
            var table = bare ? Pick(random, VehicleTables) : Pick(random, AnyTables.Concat(VehicleTables).ToArray());
            var name = SnakeCamelOrPascal(random, bare ? Pick(random, BarePlateNames) : Pick(random, PlateNames));
            var type = Pick(random, EngineTextTypes);
            var column = sampled
                ? Some.Column(table, name, type, Enumerable.Range(0, random.Next(20, 120)).Select(_ => Plate(random)).ToArray())
                : Some.Unsampled(table, name, type);
            ExpectCategory(wrong, column, table, name, sampled, "other_personal");
        }
        AssertNoneWrong(wrong, columns, "vehicle plates not read as other_personal");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void BarePlateWordsOutsideVehicleTables_NeverTakeThePlateRules(int seed)
    {
        // Given a company's registration number, a student's matricula, a Kennzeichen of anything, a dental plaque, outside
        // vehicle tables
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 400;
        string[] tables = ["companies", "societes", "firmen", "empresas", "students", "etudiants", "alumnos", "orders", "products", "patients", "events", "kunden"];
        for (int c = 0; c < columns; c++)
        {
            var table = Pick(random, tables);
            var name = SnakeCamelOrPascal(random, Pick(random, BarePlateNames));
            var column = c % 2 == 0
                ? Some.Unsampled(table, name, Pick(random, EngineTextTypes))
                : Some.Column(table, name, Pick(random, EngineTextTypes), Enumerable.Range(0, 30).Select(_ => $"{Letters(random, 3)}{random.Next(100000, 999999)}").ToArray());
            var decision = Combined.Classify(column);
            if (FiredAny(decision, PlateRule, PlateInVehicleTableRule)) wrong.Add($"{table}.{name} → {decision.DataCategory} {decision.Confidence}");
        }
        AssertNoneWrong(wrong, columns, "bare plate words outside vehicle tables taken by the plate rules");
    }

    // ---------------------------------------------------------------- u: insurance policy numbers and insurers

    // Not `versichertennummer` nor `krankenversichertennummer`: the German health-insurance member number is issued to every
    // insured person for life, a national id (kinds47, trial46 kind K2; TrialFortySixKindsAdversarialTests).
    private static readonly string[] PolicyNames =
        ["policy_number", "insurance_policy_number", "insurance_number", "insurance_id", "health_insurance_number", "numero_police",
         "numero_de_police", "num_police", "numero_assurance", "numero_d_assurance", "police_d_assurance", "versicherungsnummer",
         "versicherungsscheinnummer", "policennummer", "num_poliza", "numero_poliza",
         "numero_de_poliza", "poliza_nr", "numero_asegurado", "numero_de_seguro", "policyNumber", "insuranceNo"];

    // Not `krankenkasse`: the health facts read it as health (SensitiveFactNameAdversarialTests).
    private static readonly string[] InsurerNames =
        ["insurer", "insurance_company", "insurance_provider", "health_insurer", "assureur", "compagnie_d_assurance", "mutuelle",
         "versicherer", "versicherung", "krankenversicherung", "aseguradora", "compania_de_seguros", "mutua"];

    private static readonly string[] InsuredTables =
        ["patients", "pacientes", "patienten", "customers", "clients", "employees", "mitarbeiter", "empleados", "policyholders", "assures",
         "versicherte", "asegurados", "users", "members"];

    [TestCase(1)]
    [TestCase(2)]
    public void PolicyNumbersAndInsurersOfPeople_OtherPersonal(int seed)
    {
        // Given policy numbers anywhere and insurers in tables of people, sampled or names only
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 400;
        string[] insurers = ["AXA", "Allianz", "MAIF", "MACIF", "AOK", "TK", "Barmer", "Sanitas", "Adeslas", "Mapfre", "DKV", "Aviva"];
        for (int c = 0; c < columns; c++)
        {
            bool policy = c % 2 == 0, sampled = c % 3 != 0;
            var table = Pick(random, InsuredTables);
            var name = policy ? Pick(random, PolicyNames) : SnakeCamelOrPascal(random, Pick(random, InsurerNames));
            var type = Pick(random, EngineTextTypes);
            string Value() => policy ? $"{Pick(random, new[] { "POL-", "PN", "", "A" })}{random.Next(1000000, 99999999)}" : Pick(random, insurers);
            var column = sampled
                ? Some.Column(table, name, type, Enumerable.Range(0, random.Next(20, 120)).Select(_ => Value()).ToArray())
                : Some.Unsampled(table, name, type);
            ExpectCategory(wrong, column, table, name, sampled, "other_personal");
        }
        AssertNoneWrong(wrong, columns, "policy numbers or insurers of people not read as other_personal");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void AccessPoliciesInsurersTablesAndSocialInsurance_NeverTakeTheInsuranceRules(int seed)
    {
        // Given access and privacy policies, insurers listed as partners or products, and social insurance numbers
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 300;
        string[] policyThings = ["policy_id", "policy_type", "password_policy", "privacy_policy", "policy_version", "policy_name", "retention_policy",
            "otp_policy_type", "policy_enforce_mode", "cookie_policy_url", "type_police", "tipo_poliza"];
        string[] partnerTables = ["insurers", "assureurs", "versicherer", "aseguradoras", "products", "plans", "partners", "settings", "companies"];
        string[] nationalIds = ["social_security_number", "sozialversicherungsnummer", "numero_securite_sociale", "national_insurance_number", "social_insurance_number"];
        for (int c = 0; c < columns; c++)
        {
            string table, name;
            switch (c % 3)
            {
                case 0: table = Pick(random, InsuredTables.Concat(["realms", "resource_policies"]).ToArray()); name = Pick(random, policyThings); break;
                case 1: table = Pick(random, partnerTables); name = Pick(random, InsurerNames); break;
                default: table = Pick(random, InsuredTables); name = Pick(random, nationalIds); break;
            }
            var decision = Combined.Classify(Some.Unsampled(table, name, Pick(random, EngineTextTypes)));
            bool taken = FiredAny(decision, PolicyRule, InsurerRule) || (c % 3 == 2 && decision.DataCategory != "other_personal.national_id");
            if (taken) wrong.Add($"{table}.{name} → {decision.DataCategory} {decision.Confidence}");
        }
        AssertNoneWrong(wrong, columns, "policies, insurers' tables or national ids taken by the insurance rules");
    }

    // ---------------------------------------------------------------- a visitors' book; k: a payment gateway

    [TestCase(1)]
    [TestCase(2)]
    public void VisitorsBookDates_AreNotActivity_VisitsDatesStillAre(int seed)
    {
        // Given the date and time columns of visitors' books, and of visit logs (names only)
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 300;
        string[] books = ["guestbook", "guest_book", "visitors_book", "livre_d_or", "livres_d_or", "gaestebuch", "libro_visitas", "libro_de_visitas", "libro_de_invitados"];
        string[] visits = ["visits", "visites", "besuche", "visitas", "page_views", "paginas_vistas"];
        string[] times = ["fecha", "fecha_hora", "date_heure", "horodatage", "datum", "zeitstempel", "hora"];
        for (int c = 0; c < columns; c++)
        {
            bool book = c % 2 == 0;
            var table = AsIsPascalOrUpper(random, Pick(random, book ? books : visits));
            var name = Pick(random, times);
            var decision = Combined.Classify(Some.Unsampled(table, name, Pick(random, new[] { "timestamp", "datetime", "date", "text" })));
            if ((decision.DataCategory == "automatic.activity") == book) wrong.Add($"{table}.{name} → {decision.DataCategory} {decision.Confidence}");
        }
        AssertNoneWrong(wrong, columns, "a visitors' book's date read as activity, or a visit log's date not");
    }

    [TestCase(1)]
    public void PaymentGateway_IsNoNetworkAddress_NetworkGatewayStillIs(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 200;
        string[] payments = ["payment_methods", "payments", "charges", "paiements", "zahlungen", "pagos", "transactions"];
        string[] networks = ["interfaces", "network_config", "routes", "server_config", "subnets"];
        for (int c = 0; c < columns; c++)
        {
            bool payment = c % 2 == 0;
            var table = Pick(random, payment ? payments : networks);
            var decision = Combined.Classify(Some.Column(table, "gateway", Pick(random, EngineTextTypes),
                Enumerable.Range(0, 30).Select(_ => payment ? Pick(random, new[] { "stripe", "paypal", "adyen", "mollie" }) : $"10.0.{random.Next(256)}.1").ToArray()));
            bool network = Fired(decision, "name.en.network-address");
            if (decision.DataCategory != "none" || network == payment) wrong.Add($"{table}.gateway → {decision.DataCategory} network-address {network}");
        }
        AssertNoneWrong(wrong, columns, "a payment gateway read as a network address, or a network gateway not");
    }
}
