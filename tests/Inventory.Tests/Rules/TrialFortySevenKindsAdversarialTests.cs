using Inventory.Catalog;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10, the kinds an engineer met on an unseen invented fleet (trial47, kinds48; rules/MODEL.md, <i>Kinds an engineer
/// met on an unseen fleet (session 48, kinds48)</i>), each asserted in the rules' four languages (EN/FR/DE/ES) against
/// LABELS.md and the corpus, with the look-alikes that must stay as they are:
/// <list type="bullet">
/// <item>K2: coordinates under a geo or GPS word in a row that holds an e-mail address are <c>automatic.geolocation</c>,
/// plain coordinates there the person's place; without a person, device or organisation they stay <c>none</c>.</item>
/// <item>K5: a sample of courtesy titles (M./Mme/Mx, Mr/Mrs, Herr/Frau, Sr./Sra.) is <c>contact.name</c> whatever the
/// column's name; codes of one title, or M/F, are not.</item>
/// <item>Look-alikes the withdrawn name-rule words were written against, kept as guards: a bare name of a catalogue, a
/// lookup or an enumeration is never a person's name; payee keys, types and counts are never a name; a catalogue's
/// abbreviated prices are never billing; webhook responses outside payments are never a payment reference.</item>
/// <item>Withdrawn by the lead after the joint cross-validation (session 48): the name-rule words of K3 (a surname
/// beside its given name), K9 (payees), K4 (abbreviated amounts and rates), K6, K7 and the <c>cnx</c> leftovers. With
/// errors48's rules they lowered macro-F1 at 5 folds (0.8099 → 0.8080) and 4 folds (0.8073 → 0.8040) through the first
/// level's refit on the new dictionary words; their tests left with them.</item>
/// </list>
/// Names and types only (hundreds of generated columns per test) and, where values decide, with generated values. Only
/// kinds are asserted, never one literal row.
/// </summary>
[TestFixture]
public sealed class TrialFortySevenKindsAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] TextTypes =
        ["varchar(255)", "varchar(80)", "character varying(120)", "text", "String", "nvarchar(100)", "TEXT", "VARCHAR(80)"];

    private static readonly string[] DecimalTypes = ["decimal(12,2)", "numeric(10,2)", "DECIMAL(12,2)", "numeric", "decimal(15,4)"];

    private static readonly string[] FloatTypes = ["double precision", "double", "float", "decimal(9,6)", "numeric(10,7)", "real"];

    // ---------------------------------------------------------------- K3. a surname beside its given name

    // One language's pair: the bare word, the tables it stands in, and the other half of the pair with other columns.
    private static readonly (KindWording Wording, string[] Siblings)[] SurnamePairs =
    [
        (new("fr", W("nom"), ["comptes", "tbl_comptes", "inscrits", "fiches", "abonnements", "participants_evt"]),
            ["id", "login", "mail", "prenom", "tel_port"]),
        (new("fr", W("nom"), ["comptes", "dossiers", "licences", "inscriptions"]), ["id", "prenom", "date_naissance"]),
        (new("de", W("name"), ["konten", "benutzerkonten", "anmeldungen", "teilnahmen", "registrierungen"]),
            ["id", "login", "email", "vorname", "telefon"]),
        (new("de", W("name"), ["konten", "mitgliedschaften", "ausweise"]), ["id", "vorname", "geburtsdatum"]),
        (new("es", W("nombre"), ["cuentas", "registros", "altas", "inscripciones", "participaciones"]),
            ["id", "usuario", "correo", "apellidos", "telefono"]),
        (new("es", W("nombre"), ["cuentas", "expedientes", "licencias"]), ["id", "primer_apellido", "segundo_apellido"]),
    ];

    // English names its surname in words of its own (last_name, surname), read by the person-name rules.
    private static readonly (KindWording Wording, string[] Siblings) EnglishPair =
        (new("en", W("last name", "surname", "family name", "lname"), ["accounts", "signups", "registrations", "enrolments"]),
            ["id", "login", "email", "first_name", "phone"]);

    private static IEnumerable<ColumnKind> SurnameKinds() =>
        SurnamePairs.Append(EnglishPair).Select(p => new ColumnKind(
            $"a surname ({p.Wording.Language}) beside {string.Join(", ", p.Siblings)}", [p.Wording], TextTypes, p.Siblings, ["contact.name"]));

    private static readonly string[] RepeatedSurnames =
    [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Müller", "Schmidt",
        "Schneider", "Fischer", "García", "López", "Sánchez", "Pérez", "Gómez", "Fournier",
    ];

    private static readonly string[] GivenNames =
        ["Camille", "Léa", "Hugo", "Louis", "Chloé", "Jonas", "Lukas", "Mia", "Lucía", "Mateo", "Sofía", "Emma", "Paul", "Inès"];

    private static readonly KindWording[] BareNameOfAThing =
    [
        new("en", W("name"), ["categories", "products", "plans", "tags", "countries", "roles"]),
        new("fr", W("nom"), ["categories", "produits", "etiquettes", "pays", "statuts", "articles"]),
        new("de", W("name"), ["kategorien", "produkte", "artikel", "laender", "rollen"]),
        new("es", W("nombre"), ["categorias", "productos", "articulos", "paises", "roles"]),
    ];

    [Test]
    public void BareNameOfAThing_IsNeverAName_EvenBesideAGivenNameWord()
    {
        AdversarialColumns.AssertNoneTake(Rules, new ColumnKind("the bare name of a catalogue or a lookup", BareNameOfAThing, TextTypes,
            ["id", "code", "description"], ["none"]), 400, 48130, "contact");
        // A catalogue or a lookup (the groups the pair rule stays out of) keeps its label, even when another column is named
        // like a given name (a template's placeholder field). A table of statuses is in neither group: it is left out here.
        KindWording[] grouped = [.. BareNameOfAThing.Select(w => w with { Tables = [.. w.Tables.Where(t => t != "statuts")] })];
        AdversarialColumns.AssertNoneTake(Rules, new ColumnKind("the bare name of a catalogue or a lookup beside a given-name word", grouped, TextTypes,
            ["id", "prenom", "vorname", "apellido", "code"], ["none"]), 400, 48131, "contact");
    }

    [Test]
    public void BareNameOfAnEnumeration_StaysNone_WithData()
    {
        // A real enumeration (a handful of labels repeated) with no given name beside it stays none (LABELS.md: statuses,
        // enumerations, configuration).
        string[] labels = ["Fromages", "Vins", "Épicerie", "Boissons", "Desserts", "Pains"];
        SampledKindAssertions.AssertSampledKind(
            new SurveyKind("kinds48", new ColumnKind("the bare name of an enumeration, 6 labels repeated", BareNameOfAThing, TextTypes,
                ["id", "code", "position"], ["none"]), (random, column) => r => labels[r.Next(labels.Length)], ValueCount: 300), 200, 48140, Combined);
    }

    [Test]
    public void BareName_WithoutAGivenNameBeside_IsNotTakenByThePair()
    {
        var random = new Random(48150);
        string[][] others = [["id", "code"], ["id", "first_name", "email"], ["id", "firstname", "realname"], ["id", "prenom_contact"],
            ["id", "contact_vorname"], ["id", "apellido_contacto"], ["id", "nom_complet"]];
        int checkedColumns = 0;
        for (int i = 0; i < 600; i++)
        {
            var column = AdversarialColumns.Spell(random, AdversarialColumns.Pick(random, ["nom", "name", "nombre"]));
            var siblings = AdversarialColumns.Pick(random, others);
            var table = AdversarialColumns.Table(random, AdversarialColumns.Pick(random, ["users", "comptes", "konten", "cuentas", "teams", "projets"]));
            var match = NameRules.Match(table, column, TypeFamily.Text, [.. siblings, column]);
            Assert.That(match.Rule?.Id, Is.Not.EqualTo("name.multi.surname-beside-given-name"), $"{table}.{column} beside {string.Join(", ", siblings)}");
            checkedColumns++;
        }
        Assert.That(checkedColumns, Is.EqualTo(600));
    }

    // ---------------------------------------------------------------- K2. coordinates beside an e-mail address

    private static readonly KindWording[] GeoCoordinates =
    [
        new("en", W("geo lat", "geo lon", "geo lng", "geo latitude", "geo longitude", "gps lat", "gps lon"), ["signups", "optins", "registrations"]),
        new("fr", W("geo lat", "geo lon", "geo latitude", "gps lat", "gps long"), ["inscriptions", "optins_newsletter"]),
        new("de", W("geo lat", "geo lon", "geo breite", "geo laenge", "gps lat"), ["registrierungen", "newsletter_optins"]),
        new("es", W("geo lat", "geo lon", "geo latitud", "geo longitud", "gps lat"), ["registros", "altas", "suscripciones_boletin"]),
    ];

    private static readonly string[][] EmailSiblings =
        [["id", "email", "utm_source", "created_at"], ["id", "courriel", "cree_le"], ["id", "e_mail", "erstellt_am"], ["id", "correo", "fecha_alta"]];

    [Test]
    public void GeoCoordinatesBesideAnEmail_AreGeolocation_NamesOnly()
    {
        int seed = 48200;
        foreach (var siblings in EmailSiblings)
            AdversarialColumns.AssertAllAccepted(Rules,
                new ColumnKind($"geo coordinates beside {string.Join(", ", siblings)}", GeoCoordinates, FloatTypes, siblings,
                    ["automatic.geolocation"]), 300, seed++);
    }

    private static Func<Random, string> Degrees(AdversarialColumn column)
    {
        bool latitude = column.Column.Contains("lat", StringComparison.OrdinalIgnoreCase) || column.Column.Contains("breite", StringComparison.OrdinalIgnoreCase);
        return latitude
            ? r => (43 + r.NextDouble() * 8).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)
            : r => (-2 + r.NextDouble() * 10).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Test]
    public void GeoCoordinatesBesideAnEmail_AreGeolocation_WithData()
    {
        int seed = 48210;
        foreach (var siblings in EmailSiblings)
        {
            var kind = new SurveyKind("kinds48", new ColumnKind($"geo coordinates beside {string.Join(", ", siblings)}, sampled", GeoCoordinates,
                FloatTypes, siblings, ["automatic.geolocation"]), (random, column) => Degrees(column), NamesOnly: false, ValueCount: 200);
            SampledKindAssertions.AssertSampledKind(kind, 200, seed++, Rules);
            SampledKindAssertions.AssertSampledKind(kind, 100, seed++, Combined);
        }
    }

    [Test]
    public void PlainCoordinatesBesideAnEmail_AreThePersonsPlace_WithData()
    {
        KindWording[] plain =
        [
            new("en", W("latitude", "longitude", "lat", "lng"), ["signups", "optins"]),
            new("fr", W("latitude", "longitude", "lat", "lon"), ["inscriptions", "optins_newsletter"]),
            new("de", W("breitengrad", "laengengrad", "latitude", "longitude"), ["registrierungen", "newsletter_optins"]),
            new("es", W("latitud", "longitud", "lat", "lon"), ["registros", "altas"]),
        ];
        var kind = new SurveyKind("kinds48", new ColumnKind("plain coordinates beside an e-mail address, sampled", plain, FloatTypes,
            ["id", "email", "created_at"], ["other_personal.location"]), (random, column) => Degrees(column), NamesOnly: false, ValueCount: 200);
        SampledKindAssertions.AssertSampledKind(kind, 400, 48220, Rules);
    }

    [Test]
    public void CoordinatesWithoutAPerson_StayNone_AndPremisesWithAnEmail_AreNeverAPersonsPosition()
    {
        KindWording[] places =
        [
            new("en", W("geo lat", "geo lon", "latitude", "longitude"), ["points_of_interest", "landmarks", "weather_stations_raw"]),
            new("fr", W("geo lat", "geo lon", "latitude", "longitude"), ["points_interet", "monuments"]),
            new("de", W("geo lat", "geo lon", "breitengrad", "laengengrad"), ["sehenswuerdigkeiten", "messpunkte"]),
            new("es", W("geo lat", "geo lon", "latitud", "longitud"), ["puntos_interes", "monumentos"]),
        ];
        var noPerson = new SurveyKind("kinds48", new ColumnKind("coordinates of places without a person, sampled", places, FloatTypes,
            ["id", "code", "label"], ["none"]), (random, column) => Degrees(column), NamesOnly: false, ValueCount: 100);
        SampledKindAssertions.AssertSampledKind(noPerson, 400, 48230, Rules);

        KindWording[] premises =
        [
            new("en", W("geo lat", "geo lon", "latitude", "longitude"), ["stores", "warehouses", "offices"]),
            new("fr", W("geo lat", "geo lon", "latitude", "longitude"), ["magasins", "entrepots", "agences"]),
            new("de", W("geo lat", "geo lon", "latitude", "longitude"), ["filialen", "lager"]),
            new("es", W("geo lat", "geo lon", "latitud", "longitud"), ["tiendas", "almacenes", "oficinas"]),
        ];
        var kind = new ColumnKind("coordinates of the organisation's premises beside their e-mail", premises, FloatTypes,
            ["id", "code", "email"], ["none"]);
        var columns = AdversarialColumns.Generate(kind, 400, 48231);
        var decisions = Rules.ClassifyMany(new SurveyKind("kinds48", kind, (random, column) => Degrees(column), ValueCount: 100).Sample(columns, 48232));
        var wrong = columns.Zip(decisions).Where(p => p.Second.DataCategory is "automatic.geolocation" or "other_personal.location")
            .Select(p => $"{p.First.Table}.{p.First.Column} → {p.Second.DataCategory}").ToList();
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong.Take(20)));
    }

    // ---------------------------------------------------------------- K9. the name of a payee

    private static readonly KindWording[] PayeeName =
    [
        new("en", W("payee", "payee name", "beneficiary", "beneficiary name", "name of beneficiary"), ["payouts", "transfers", "remittances", "disbursements"]),
        new("fr", W("beneficiaire", "nom beneficiaire", "nom du beneficiaire", "beneficiaire nom"), ["virements", "versements", "paiements_sortants"]),
        new("de", W("beguenstigter", "begunstigter", "name beguenstigter", "zahlungsempfaenger"), ["ueberweisungen", "auszahlungen"]),
        new("es", W("beneficiario", "nombre beneficiario", "nombre del beneficiario"), ["transferencias", "abonos", "pagos_salientes"]),
    ];

    private static readonly string[] PayoutSiblings = ["id", "iban", "amount", "paid_on"];

    [Test]
    public void PayeeKeysTypesAndCounts_AreNeverAName()
    {
        KindWording[] keys =
        [
            new("en", W("beneficiary id", "payee id", "beneficiary type", "beneficiary count", "payee uuid"), ["payouts", "transfers"]),
            new("fr", W("beneficiaire id", "id beneficiaire", "type beneficiaire", "nb beneficiaires"), ["virements", "versements"]),
            new("de", W("beguenstigter id", "zahlungsempfaenger id", "anzahl beguenstigter"), ["ueberweisungen", "auszahlungen"]),
            new("es", W("beneficiario id", "id beneficiario", "tipo beneficiario", "num beneficiarios"), ["transferencias", "abonos"]),
        ];
        var kind = new ColumnKind("a payee's key, type or count", keys, ["integer", "bigint", "varchar(20)", "uuid"], PayoutSiblings, ["none"]);
        AdversarialColumns.AssertNoneTake(Rules, kind, 800, 48320, "contact");
    }

    // ---------------------------------------------------------------- K4. abbreviated amounts and rates

    private static readonly KindWording[] AbbreviatedAmounts =
    [
        new("en", W("amt net", "amt gross", "total amt", "amt paid"), ["invoices", "orders", "bills"]),
        new("fr", W("mt ht", "mt ttc", "mnt ttc", "mnt ht", "mt tva", "mnt tva", "mt total"), ["factures", "commandes", "avoirs_clients"]),
        new("de", W("betr netto", "betr brutto", "ges brutto", "betrag netto"), ["rechnungen", "bestellungen"]),
        new("es", W("imp neto", "imp total", "imp iva", "imp bruto"), ["facturas", "pedidos"]),
    ];

    private static readonly string[] InvoiceSiblings = ["id", "client_id", "numero", "date_emission"];

    private static readonly KindWording[] TaxRates =
    [
        new("en", W("vat rate", "tax rate", "vat pct", "tax pct"), ["invoices", "orders", "invoice_lines"]),
        new("fr", W("tx tva", "taux tva", "tx de tva", "tx taxe", "tva taux"), ["factures", "commandes", "lignes_facture"]),
        new("de", W("mwst satz", "mwst proz", "mwst prozent", "ust prozent", "steuersatz"), ["rechnungen", "rechnungspositionen"]),
        new("es", W("tipo iva", "porc iva", "pct iva", "iva porcentaje"), ["facturas", "lineas_factura"]),
    ];

    [Test]
    public void AbbreviatedPricesOfACatalogue_AreNeverBilling()
    {
        KindWording[] catalogue =
        [
            new("en", W("amt net", "amt gross"), ["products", "catalog_items"]),
            new("fr", W("mt ht", "mt ttc", "mnt ttc"), ["produits", "articles"]),
            new("de", W("betr netto", "betr brutto"), ["produkte", "artikel"]),
            new("es", W("imp neto", "imp total"), ["productos", "articulos"]),
        ];
        AdversarialColumns.AssertNoneTake(Rules,
            new ColumnKind("an abbreviated price of a catalogue item", catalogue, DecimalTypes, ["id", "sku", "libelle"], ["none"]), 800, 48430, "financial");
    }

    // ---------------------------------------------------------------- K5. salutations

    private static readonly KindWording[] SalutationLikeNames =
    [
        new("en", W("salutation", "title", "honorific", "prefix"), ["accounts", "contacts", "signups"]),
        new("fr", W("civilite", "titre", "appellation"), ["comptes", "contacts", "inscrits"]),
        new("de", W("anrede", "titel", "anredeform"), ["konten", "kontakte", "kunden"]),
        new("es", W("tratamiento", "titulo", "trato"), ["cuentas", "contactos", "clientes"]),
    ];

    [Test]
    public void CourtesyTitles_AreAName_WithData()
    {
        var titles = new Dictionary<string, string[]>
        {
            ["en"] = ["Mr", "Mrs", "Ms", "Mx", "Dr"], ["fr"] = ["M.", "Mme", "Mx", "Mlle"], ["de"] = ["Herr", "Frau", "Divers", "Dr."],
            ["es"] = ["Sr.", "Sra.", "Srta.", "Don", "Doña"],
        };
        SampledKindAssertions.AssertSampledKind(
            new SurveyKind("kinds48", new ColumnKind("courtesy titles, sampled", SalutationLikeNames, ["varchar(5)", "varchar(10)", "text", "char(4)"],
                ["id", "email", "created_at"], ["contact.name"]), (random, column) => r => titles[column.Language][r.Next(titles[column.Language].Length)],
                NamesOnly: false, ValueCount: 300), 400, 48500, Combined);
    }

    [Test]
    public void OneTitleOrSexCodesOrSizes_AreNotSalutations()
    {
        string[][] samples = [["M", "F"], ["Mr"], ["S", "M", "L", "XL"], ["Herr"], ["H", "F", "X"], ["Dr", "Prof", "PhD", "MSc", "BSc"]];
        var random = new Random(48510);
        for (int i = 0; i < 300; i++)
        {
            var set = samples[i % samples.Length];
            var values = Enumerable.Range(0, 60).Select(_ => set[random.Next(set.Length)]).ToArray();
            Assert.That(ValueRules.Salutations(values), Is.Null, string.Join("/", set));
        }
        Assert.That(ValueRules.Salutations(["M.", "Mme", "Mx", "M.", "Mme", "M.", "Mme", "Mx", "M.", "Mme"]), Is.EqualTo((10, 10, 3)));
    }

    // ---------------------------------------------------------------- K6. the type of the object an audit entry is about

    private static readonly KindWording[] ObjectTypeOfAnAuditEntry =
    [
        new("en", W("object type", "entity type", "subject type", "resource type"), ["audit_log", "audit_events", "activity_log"]),
        new("fr", W("objet type", "type objet", "entite type", "type d objet", "ressource type"), ["journal_audit", "journal_evenements", "historique_actions"]),
        new("de", W("objekt typ", "objekttyp", "entitaet typ", "ressourcentyp"), ["audit_protokoll", "pruefprotokoll", "ereignisprotokoll"]),
        new("es", W("objeto tipo", "tipo objeto", "entidad tipo", "tipo de objeto"), ["registro_auditoria", "auditoria", "registro_eventos"]),
    ];

    // ---------------------------------------------------------------- K7. a payment provider's payload

    private static readonly KindWording[] ProviderPayload =
    [
        new("en", W("psp payload", "stripe response", "gateway payload", "gateway response", "paypal response"), ["payments", "charges", "transactions"]),
        new("fr", W("psp payload", "reponse psp", "reponse paiement", "retour psp", "retour passerelle"), ["paiements", "reglements"]),
        new("de", W("psp antwort", "zahlungsantwort", "antwort psp", "psp payload"), ["zahlungen", "transaktionen"]),
        new("es", W("respuesta pasarela", "respuesta pago", "respuesta psp", "psp payload"), ["pagos", "cobros"]),
    ];

    private static readonly string[] PaymentSiblings = ["id", "order_id", "amount", "status", "created_at"];

    [Test]
    public void WebhookResponsesOutsidePayments_AreNeverAPaymentReference()
    {
        KindWording[] responses =
        [
            new("en", W("response body", "response", "payload", "last response"), ["webhook_calls", "webhook_deliveries", "api_logs"]),
            new("fr", W("reponse", "corps reponse", "payload"), ["appels_webhook", "journal_api"]),
            new("de", W("antwort", "antwort body", "payload"), ["webhook_aufrufe", "api_protokoll"]),
            new("es", W("respuesta", "cuerpo respuesta", "payload"), ["llamadas_webhook", "registro_api"]),
        ];
        AdversarialColumns.AssertNoneTake(Rules, new ColumnKind("a webhook's response", responses, ["json", "jsonb", "text"], ["id", "url", "status_code"],
            ["none"]), 800, 48720, "financial");
    }

    // ---------------------------------------------------------------- K1 leftovers. abbreviated sign-in fields

}
