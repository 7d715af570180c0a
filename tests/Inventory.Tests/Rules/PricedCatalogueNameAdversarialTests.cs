using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Session 27 (ship27, issue 10): the bare name (<c>name</c>, <c>nom</c>, <c>nombre</c>, <c>Bezeichnung</c>, <c>label</c>,
/// <c>libelle</c>, <c>titulo</c>) of a table whose rows are items the organisation prices, sells or stocks (another column
/// names a price, a SKU, a stock, a barcode) is the item's name (<c>none</c>, LABELS.md tie-breaker 6), in tables of any
/// name in English, French, German and Spanish (plans, fees, options, forfaits, tarifs, Tarife, Gebuehren, cuotas,
/// opciones…), names only and with catalogue values. Every retrain after session 26 called the French <c>nom</c> of
/// such a table a company's name. Look-alikes that must keep their category: a company's name beside its VAT number or
/// SIRET and a price, a customer's <c>nom</c> beside an e-mail and a price, and a bare name whose sampled values are
/// people's names (a booking with a price). Only kinds are asserted; failure messages name columns, never values.
/// </summary>
[TestFixture]
public sealed class PricedCatalogueNameAdversarialTests : GeneratedNameFixture
{
    // Tables of priced things, none of them a word of a person, company, order or payment table group; most in no group.
    private static readonly string[][] PricedTables =
    [
        ["plans", "fees", "options", "add_ons", "extras", "packages", "bundles", "offers", "tiers", "rate_sheets", "services",
         "tags", "labels", "badges", "gift_wraps", "menu_items", "rooms", "seat_tiers", "vouchers", "line_items"],
        ["forfaits", "tarifs", "frais", "options", "formules", "offres", "prestations", "etiquettes", "supplements", "abonnements_types",
         "articles_menu", "chambres", "bons"],
        ["tarife", "gebuehren", "optionen", "pakete", "angebote", "leistungen", "etiketten", "zusatzleistungen", "gutscheine",
         "zimmer", "speisekarte"],
        ["tarifas", "cuotas", "opciones", "paquetes", "ofertas", "servicios", "etiquetas", "complementos", "bonos", "habitaciones",
         "planes"],
    ];
    private static readonly string[][] LabelColumns =
    [
        ["name", "label", "title", "Name"],
        ["nom", "libelle", "titre", "designation", "intitule"],
        ["name", "bezeichnung", "titel", "Benennung"],
        ["nombre", "etiqueta", "titulo", "denominacion"],
    ];
    private static readonly string[][] PriceColumns =
    [
        ["price", "unit_price", "list_price", "priceCents", "sku", "stock", "barcode", "sale_price"],
        ["prix", "prix_unitaire", "prix_ht", "prix_ttc", "tarif", "code_barre", "reference_article", "quantite_en_stock"],
        ["preis", "Einzelpreis", "Listenpreis", "Verkaufspreis", "Lagerbestand", "Artikelnummer", "Stueckpreis"],
        ["precio", "precio_unitario", "precio_venta", "tarifa", "existencias", "codigo_de_barras", "precio_base"],
    ];
    private static readonly string[] OtherColumns =
        ["description", "slug", "position", "color", "currency", "active", "created_at", "updated_at", "sort_order", "duree", "dauer", "duracion"];
    private static readonly string[] Types = ["character varying(255)", "text", "varchar(100)", "nvarchar(200)"];
    private static readonly string[] Prefixes = ["", "", "", "app_", "tbl_", "shop_", "public."];
    private static readonly string[] CatalogueValues =
    [
        "Pro Plan", "Starter", "Team Monthly", "Forfait Famille", "Jahresabo Plus", "Plan Empresa", "Gift Wrap", "Late Checkout",
        "Suite Océan", "Zimmer Alpenblick", "Habitación Doble", "Extra Bed", "Express Delivery", "Option Premium", "Urgent",
        "Grace Kelly Rose", "Ella Fitzgerald Vinyl", "Menu Enfant", "Tagesgericht", "Menú del Día", "Basic", "Enterprise Annual",
    ];
    private static readonly string[] FirstNames =
        ["Camille", "Julien", "Sophie", "Lukas", "Anna", "Jonas", "Javier", "Lucia", "Carmen", "Emily", "James", "Olivia", "Daniel", "Marie"];
    private static readonly string[] LastNames =
        ["Roux", "Martin", "Dubois", "Schmidt", "Weber", "Garcia", "Lopez", "Smith", "Johnson", "Brown", "Petit", "Müller", "Núñez"];
    private static ColumnEvidence Column(string table, string column, string type, string[] siblings, string[]? values) =>
        values is null
            ? Some.Unsampled(table, column, type) with { TableColumns = [.. siblings, column] }
            : Some.InTable(table, siblings, column, type, values);

    /// <summary>A priced-item table of language <paramref name="language"/>: its table, its label column and its siblings
    /// (an id, one price word of any language, and two other columns).</summary>
    private static (string Table, string Column, string[] Siblings) PricedItem(Random random, int language) =>
        (AsIsPascalOrUpper(random, Pick(random, Prefixes) + Pick(random, PricedTables[language])), Pick(random, LabelColumns[language]),
         ["id", Pick(random, PriceColumns[random.Next(2) == 0 ? language : random.Next(4)]), Pick(random, OtherColumns), Pick(random, OtherColumns)]);

    [TestCase(1, false)]
    [TestCase(2, false)]
    [TestCase(3, false)]
    [TestCase(1, true)]
    [TestCase(2, true)]
    public void BareNamesOfPricedItems_AreNotPersonal(int seed, bool withValues)
    {
        // Given 800 label columns of priced-item tables in four languages, names only or with catalogue values
        var random = new Random(seed);
        var columns = new List<ColumnEvidence>();
        for (int c = 0; c < 800; c++)
        {
            var (table, column, siblings) = PricedItem(random, c % 4);
            var values = withValues ? Enumerable.Range(0, random.Next(30, 90)).Select(_ => Pick(random, CatalogueValues)).ToArray() : null;
            columns.Add(Column(table, column, Pick(random, Types), siblings, values));
        }
        // When they are classified, Then none is personal
        var decisions = Combined.ClassifyMany(columns);
        var personal = columns.Zip(decisions).Where(p => p.Second.DataCategory is not "none")
            .Select(p => $"{p.First.Table}.{p.First.Column.Name} [{string.Join(",", p.First.TableColumns)}] → {p.Second.DataCategory ?? "untagged"}").ToList();
        AssertNoneWrong(personal, columns.Count, "names of priced items not none");
    }

    private static readonly string[][] CompanyTables =
    [
        ["companies", "vendors", "suppliers", "merchants", "partners", "organisations"],
        ["societes", "entreprises", "fournisseurs"],
        ["firma", "unternehmen", "lieferant"],
        ["empresas", "proveedores"],
    ];
    private static readonly string[][] CompanyIdentifiers =
    [
        ["vat_number", "vat_id", "tax_id", "company_number"],
        ["siret", "siren", "numero_tva", "tva_intracom"],
        ["ust_id", "ust_idnr", "steuernummer", "handelsregisternummer"],
        ["cif", "nif", "numero_iva"],
    ];

    /// <summary>Asserts that a price word added to the tables of <paramref name="columns"/> changes no rule decision (the
    /// priced-item rule never takes them) and takes hardly any <paramref name="expected"/> decision away from the combined
    /// classifier (names only): the price adds nothing to whose name it is. The combined decision may lose at most 1 % of
    /// them: the first level sees the price among the siblings (its `mo` table signal) and the session-27 retrain moves
    /// one company name of 356 at seed 1; the rules' invariant is exact.</summary>
    private static void AssertKeptBesideAPrice(List<ColumnEvidence> columns, string expected, Random random, string what)
    {
        var priced = columns.Select(c => c with { TableColumns = [.. c.TableColumns, Pick(random, PriceColumns[random.Next(4)])] }).ToList();
        var before = Rules.ClassifyMany(columns);
        var after = Rules.ClassifyMany(priced);
        var moved = priced.Zip(before, after).Where(t => t.Third.DataCategory != t.Second.DataCategory
                || t.Third.Evidence.Any(e => e.Id == RuleClassifier.PricedItemEvidence))
            .Select(t => $"{t.First.Table}.{t.First.Column.Name} [{string.Join(",", t.First.TableColumns)}]: {t.Second.DataCategory} → {t.Third.DataCategory}").ToList();
        var combinedBefore = Combined.ClassifyMany(columns);
        var combinedAfter = Combined.ClassifyMany(priced);
        var lost = priced.Zip(combinedBefore, combinedAfter).Where(t => t.Second.DataCategory == expected && t.Third.DataCategory != expected)
            .Select(t => $"{t.First.Table}.{t.First.Column.Name} [{string.Join(",", t.First.TableColumns)}] → {t.Third.DataCategory ?? "untagged"}").ToList();
        int kept = combinedBefore.Count(d => d.DataCategory == expected);
        TestContext.Out.WriteLine($"{what}: {kept} of {columns.Count} {expected} without a price, {combinedAfter.Count(d => d.DataCategory == expected)} with one");
        Assert.Multiple(() =>
        {
            Assert.That(kept, Is.GreaterThan(columns.Count / 2), $"{what}: only {kept} of {columns.Count} {expected} without a price");
            Assert.That(moved, Is.Empty, $"{moved.Count} of {columns.Count} {what} decided otherwise by the rules beside a price; e.g. {string.Join("; ", moved.Take(12))}");
            Assert.That(lost, Has.Count.LessThanOrEqualTo(kept / 100), $"{lost.Count} of {kept} {what} no longer {expected} beside a price; e.g. {string.Join("; ", lost.Take(12))}");
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    public void CompanyNamesBesideATaxNumber_StayCompanyNames_EvenBesideAPrice(int seed)
    {
        // Given company tables whose name column sits beside a VAT number, a SIRET or a CIF
        var random = new Random(seed);
        var columns = new List<ColumnEvidence>();
        for (int c = 0; c < 400; c++)
        {
            int language = c % 4;
            var table = AsIsPascalOrUpper(random, Pick(random, Prefixes) + Pick(random, CompanyTables[language]));
            string[] siblings = ["id", Pick(random, CompanyIdentifiers[language]), Pick(random, OtherColumns), Pick(random, OtherColumns)];
            columns.Add(Column(table, LabelColumns[language][0], Pick(random, Types), siblings, null));
        }
        // When a price word is added to their tables, Then no rule decision moves and no company name is lost
        AssertKeptBesideAPrice(columns, "contact.company_name", random, "company names beside a tax number");
    }

    private static readonly string[][] NeutralTables =
    [
        ["entries", "records", "registrations", "bookings", "signups", "tickets_sold", "tiers"],
        ["inscriptions", "reservations", "entrees", "forfaits"],
        ["buchungen", "anmeldungen", "eintraege", "tarife"],
        ["reservas", "inscripciones", "registros", "tarifas"],
    ];
    private static readonly string[][] PersonIdentifiers =
    [
        ["email", "email_address", "phone", "username", "customer_email"],
        ["courriel", "adresse_email", "telephone", "prenom"],
        ["email", "telefon", "vorname", "benutzername"],
        ["correo", "correo_electronico", "telefono", "apellido"],
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void BareNamesBesideAPriceAndSomeonesIdentifier_AreNotTakenAsItems(int seed)
    {
        // Given bare names of tables with a price and an e-mail, a phone, a user name or a first name beside them
        var random = new Random(seed);
        var columns = new List<ColumnEvidence>();
        for (int c = 0; c < 400; c++)
        {
            int language = c % 4;
            var table = AsIsPascalOrUpper(random, Pick(random, Prefixes) + Pick(random, NeutralTables[language]));
            string[] siblings = ["id", Pick(random, PersonIdentifiers[language]), Pick(random, PriceColumns[language]), Pick(random, OtherColumns)];
            columns.Add(Column(table, Pick(random, LabelColumns[language][..1]), Pick(random, Types), siblings, null));
        }
        // When the rules classify them, Then the priced-item rule never decides: the row identifies someone
        var ruled = Rules.ClassifyMany(columns);
        var taken = columns.Zip(ruled).Where(p => p.Second.Evidence.Any(e => e.Id == RuleClassifier.PricedItemEvidence))
            .Select(p => $"{p.First.Table}.{p.First.Column.Name} [{string.Join(",", p.First.TableColumns)}]").ToList();
        AssertNoneWrong(taken, columns.Count, "bare names beside someone's identifier taken as priced items");
    }

    private static readonly string[][] PersonTables =
    [
        ["customers", "clients", "members", "guests", "students", "subscribers"],
        ["clients", "adherents", "abonnes", "patients", "participants"],
        ["kunden", "mitglieder", "teilnehmer", "patienten"],
        ["clientes", "socios", "pacientes", "participantes"],
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void PersonTableNames_StayPeoplesNames_EvenBesideAPrice(int seed)
    {
        // Given person tables (customers, adherents, Kunden, socios) whose bare name sits beside an e-mail or a phone
        var random = new Random(seed);
        var columns = new List<ColumnEvidence>();
        for (int c = 0; c < 400; c++)
        {
            int language = c % 4;
            var table = AsIsPascalOrUpper(random, Pick(random, Prefixes) + Pick(random, PersonTables[language]));
            string[] siblings = ["id", Pick(random, PersonIdentifiers[language][..3]), Pick(random, OtherColumns), Pick(random, OtherColumns)];
            columns.Add(Column(table, LabelColumns[language][0], Pick(random, Types), siblings, null));
        }
        // When a price word (a member's fee) is added to their tables, Then no rule decision moves and no person's name is lost
        AssertKeptBesideAPrice(columns, "contact.name", random, "person-table names");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void BareNamesBesideAPriceWhoseValuesArePeople_ArePeoplesNames(int seed)
    {
        // Given bare names of bookings, registrations and priced tables whose sampled values are people's full names
        var random = new Random(seed);
        var columns = new List<ColumnEvidence>();
        for (int c = 0; c < 300; c++)
        {
            int language = c % 4;
            var table = AsIsPascalOrUpper(random, Pick(random, NeutralTables[language]));
            string[] siblings = ["id", Pick(random, PriceColumns[language]), "created_at", Pick(random, OtherColumns)];
            var values = Enumerable.Range(0, random.Next(30, 90)).Select(_ => $"{Pick(random, FirstNames)} {Pick(random, LastNames)}").ToArray();
            columns.Add(Column(table, Pick(random, LabelColumns[language][..1]), "text", siblings, values));
        }
        // When classified, Then the values decide: people's names
        var decisions = Combined.ClassifyMany(columns);
        var wrong = columns.Zip(decisions).Where(p => p.Second.DataCategory != "contact.name")
            .Select(p => $"{p.First.Table}.{p.First.Column.Name} → {p.Second.DataCategory ?? "untagged"}").ToList();
        AssertNoneWrong(wrong, columns.Count, "bare names holding people's names beside a price not people's names");
    }

    // ---- ages of records ----------------------------------------------------------------------------------------------

    private static readonly string[][] RecordTables =
    [
        ["settings", "cache_entries", "http_headers", "retention_policies", "products", "api_responses", "cdn_rules", "backups", "feature_flags", "wines"],
        ["parametres", "cache", "politiques_retention", "produits", "regles_cdn", "sauvegardes", "vins", "fromages"],
        ["einstellungen", "cache", "aufbewahrung", "artikel", "zwischenspeicher", "sicherungen", "weine", "richtlinien"],
        ["ajustes", "cache", "politicas_retencion", "productos", "copias_de_seguridad", "vinos", "reglas_cdn"],
    ];
    private static readonly string[][] AgeNames =
    [
        ["max_age", "cache_age", "age_limit", "age", "age_days", "age_seconds", "min_age", "maxAge", "stale_age", "ttl_age"],
        ["age_max", "age_cache", "age", "duree_age", "age_en_jours", "age_minimum"],
        ["max_alter", "cache_alter", "alter", "alter_tage", "hoechstalter", "alter_in_sekunden"],
        ["edad_maxima", "edad_cache", "edad", "edad_dias", "edad_minima", "edad_en_segundos"],
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void AgesOfRecords_AreNone(int seed)
    {
        // Given ages of settings, caches, headers, policies, backups and items in four languages, with neutral siblings
        var random = new Random(seed);
        var columns = new List<ColumnEvidence>();
        for (int c = 0; c < 400; c++)
        {
            int language = c % 4;
            var table = AsIsPascalOrUpper(random, Pick(random, Prefixes) + Pick(random, RecordTables[language]));
            string[] siblings = ["id", Pick(random, ["name", "key", "value", "path", "nom", "clave"]), Pick(random, OtherColumns)];
            columns.Add(Column(table, Pick(random, AgeNames[language]), Pick(random, ["integer", "bigint", "smallint", "numeric(10,0)"]), siblings, null));
        }
        // When classified (names only), Then none is a date of birth nor any personal category
        var decisions = Combined.ClassifyMany(columns);
        var personal = columns.Zip(decisions).Where(p => p.Second.DataCategory is not "none")
            .Select(p => $"{p.First.Table}.{p.First.Column.Name} → {p.Second.DataCategory ?? "untagged"}").ToList();
        AssertNoneWrong(personal, columns.Count, "ages of records not none");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void AgesBesideAPersonOrNamedForOne_AreNotTakenAsAgesOfRecords(int seed)
    {
        // Given ages in tables that point at a person (user_id, kunde_id, id_cliente) and ages named for a person anywhere
        var random = new Random(seed);
        string[][] references = [["user_id", "customer_id", "owner_id", "member_ref"], ["id_utilisateur", "client_id", "id_adherent"],
            ["kunde_id", "benutzer_id", "mitglied_id"], ["id_cliente", "usuario_id", "id_socio"]];
        string[][] personAges = [["customer_age", "patient_age", "user_age"], ["age_client", "age_patient"], ["kunden_alter", "patienten_alter"], ["edad_cliente", "edad_paciente"]];
        var columns = new List<ColumnEvidence>();
        for (int c = 0; c < 400; c++)
        {
            int language = c % 4;
            bool named = c % 8 >= 4;
            var table = AsIsPascalOrUpper(random, Pick(random, named ? RecordTables[language] : ["poll_entries", "survey_rows", "entries", "inscriptions", "eintraege", "registros"]));
            string[] siblings = named ? ["id", "name", "created_at"] : ["id", Pick(random, references[language]), "created_at"];
            columns.Add(Column(table, Pick(random, named ? personAges[language] : AgeNames[language]), "integer", siblings, null));
        }
        // When the rules classify them, Then the age-of-a-record decision never takes them
        var taken = columns.Zip(Rules.ClassifyMany(columns)).Where(p => p.Second.Evidence.Any(e => e.Id == RuleClassifier.AgeOfARecordEvidence))
            .Select(p => $"{p.First.Table}.{p.First.Column.Name} [{string.Join(",", p.First.TableColumns)}]").ToList();
        AssertNoneWrong(taken, columns.Count, "ages of people taken as ages of records");
    }

    // ---- digests of uploaded files --------------------------------------------------------------------------------------

    private static string Digest(Random random)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    [TestCase(1)]
    [TestCase(2)]
    public void BareDigestsOfUploadedFiles_AreNone(int seed)
    {
        // Given bare digest words in tables of uploaded files in four languages, names only and with hex digests
        var random = new Random(seed);
        string[][] tables = [["uploads", "attachments", "files", "documents", "blobs"], ["fichiers", "pieces_jointes", "documents", "televersements"],
            ["dateien", "anhaenge", "dokumente"], ["archivos", "adjuntos", "ficheros", "documentos"]];
        string[][] names = [["digest", "hash", "sha256", "md5", "sha1"], ["empreinte", "hachage", "hash", "sha256"], ["hashwert", "digest", "hash", "md5"], ["huella", "hash", "digest", "sha256"]];
        var columns = new List<ColumnEvidence>();
        for (int c = 0; c < 400; c++)
        {
            int language = c % 4;
            var table = AsIsPascalOrUpper(random, Pick(random, Prefixes) + Pick(random, tables[language]));
            string[] siblings = ["id", Pick(random, ["size", "taille", "groesse", "tamano"]), Pick(random, ["content_type", "mime_type", "created_at"])];
            var values = c % 2 == 0 ? null : Enumerable.Range(0, random.Next(20, 60)).Select(_ => Digest(random)).ToArray();
            columns.Add(Column(table, AdversarialColumns.Spell(random, Pick(random, names[language])), Pick(random, ["char(64)", "varchar(64)", "text"]), siblings, values));
        }
        // When classified, Then each is none, never a pseudonymised identifier
        var decisions = Combined.ClassifyMany(columns);
        var personal = columns.Zip(decisions).Where(p => p.Second.DataCategory is not "none")
            .Select(p => $"{p.First.Table}.{p.First.Column.Name} ({(p.First.Sampled ? "sampled" : "names only")}) → {p.Second.DataCategory ?? "untagged"}").ToList();
        AssertNoneWrong(personal, columns.Count, "bare digests of uploaded files not none");
    }

    [TestCase("forfaits", "nom", new[] { "id", "prix", "created_at" }, ExpectedResult = true)]
    [TestCase("Tarife", "Bezeichnung", new[] { "id", "Einzelpreis" }, ExpectedResult = true)]
    [TestCase("etiquetas", "nombre", new[] { "id", "precio_venta", "color" }, ExpectedResult = true)]
    [TestCase("forfaits", "nom", new[] { "id", "description", "created_at" }, ExpectedResult = false)]
    [TestCase("forfaits", "nom", new[] { "id", "prix", "courriel" }, ExpectedResult = false)]
    [TestCase("fournisseurs", "nom", new[] { "id", "prix", "created_at" }, ExpectedResult = false)]
    [TestCase("forfaits", "nom_client", new[] { "id", "prix" }, ExpectedResult = false)]
    [TestCase("forfaits", "prix_nom", new[] { "id", "prix" }, ExpectedResult = false)]
    public bool PricedItemName_DecidesOnlyABareLabelOfAPricedTableThatIdentifiesNoOne(string table, string column, string[] siblings) =>
        Rules.Classify(Some.Unsampled(table, column, "varchar(100)") with { TableColumns = [.. siblings, column] })
            .Evidence.Any(e => e.Id == RuleClassifier.PricedItemEvidence);
}
