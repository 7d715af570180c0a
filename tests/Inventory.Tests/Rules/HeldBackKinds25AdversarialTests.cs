using System.Globalization;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 item 6, held-back kinds of session 25 (kinds25): the kinds the survey (<see cref="HeldBackKinds25Survey"/>)
/// found wrong on main, generated in bulk (300 columns per kind and seed, names in English, French, German and Spanish,
/// four spellings, plain and prefixed tables, PostgreSQL, SQLite and MariaDB types; 40 sampled values each, thousands per
/// kind) beside look-alikes that must keep their decision:
/// <list type="bullet">
/// <item>sign-in counters and failed attempts are activity (LABELS.md tie-breakers 8, 14), a job's or an invoice's
/// attempts are not;</item>
/// <item>a person's subject at an identity provider is a username (tie-breaker 12);</item>
/// <item>a file's digest or checksum is none, never the file itself; a business rate is never money, a pay rate is;</item>
/// <item>notes staff write in a person's record are messages; full names, customers' companies, bank accounts, card
/// numbers, phone numbers, INSEE numbers, OTP keys and "born on" dates in French, German and Spanish wordings;</item>
/// <item>values-level: order, invoice and tracking numbers and four-part version strings are never phones (a phone under
/// a phone name in an order table still is); an integer array named <c>notes</c> holds grades, not messages, while a
/// bigint array of phones holds phones; prose in a table of documents is the users' content (a catalogue's descriptions
/// are not); a settings document's default time zone is configuration; a column whose sampled values were all NULL and
/// that no rule decides stays untagged (C07).</item>
/// </list>
/// Only kinds are asserted, never one literal row; failure messages name columns, never values.
/// </summary>
[TestFixture]
public sealed class HeldBackKinds25AdversarialTests : GeneratedNameFixture
{
    private static readonly string[] PersonEn = ["customers", "users", "members", "employees", "accounts", "profiles"];
    private static readonly string[] PersonFr = ["clients", "utilisateurs", "adherents", "salaries", "comptes", "membres"];
    private static readonly string[] PersonDe = ["kunden", "benutzer", "mitglieder", "mitarbeiter", "konten", "kontakte"];
    private static readonly string[] PersonEs = ["clientes", "usuarios", "socios", "empleados", "cuentas", "contactos"];
    private static readonly string[] PersonSiblings = ["id", "created_at", "updated_at", "status"];

    private static KindWording[] InPersonTables(string[] en, string[] fr, string[] de, string[] es) =>
        [new("en", W(en), PersonEn), new("fr", W(fr), PersonFr), new("de", W(de), PersonDe), new("es", W(es), PersonEs)];

    private static KindWording[] In(string[] tablesEn, string[] tablesFr, string[] tablesDe, string[] tablesEs, string[] en, string[] fr, string[] de, string[] es) =>
        [new("en", W(en), tablesEn), new("fr", W(fr), tablesFr), new("de", W(de), tablesDe), new("es", W(es), tablesEs)];

    private static Func<Random, AdversarialColumn, Func<Random, string?>> Each(Func<Random, string> value) => (_, _) => r => value(r);
    private static Func<Random, AdversarialColumn, Func<Random, string?>> Column(Func<Random, Func<Random, string>> column) =>
        (random, _) => { var next = column(random); return r => next(r); };

    private static readonly string[] Text = ["varchar(255)", "text", "TEXT", "character varying(200)", "longtext"];

    // ---- names that decide ------------------------------------------------------------------------------------------

    internal static readonly SurveyKind SignInCounters = new("C01", new("sign-in counters and failed attempts", InPersonTables(
            ["sign in count", "login count", "failed attempts", "failed login attempts", "lockout count", "number of logins"],
            ["nb connexions", "nombre connexions", "tentatives echouees", "compteur connexions", "tentatives connexion"],
            ["anzahl anmeldungen", "fehlversuche", "login versuche", "anmeldeversuche", "fehlgeschlagene anmeldungen"],
            ["numero accesos", "intentos fallidos", "contador accesos", "intentos acceso", "accesos fallidos"]),
        ["integer", "INTEGER", "smallint", "int(11)", "bigint"], PersonSiblings, ["automatic.activity"]), Column(HeldBackSamples.SmallCountColumn));

    internal static readonly SurveyKind RetriesOfJobsAndPayments = new("C01", new("attempts of jobs, webhooks and invoice payments", In(
            ["jobs", "tasks", "invoices", "payments"], ["taches", "factures", "paiements"], ["aufgaben", "rechnungen", "zahlungen"], ["tareas", "facturas", "pagos"],
            ["failed attempts", "attempts", "retry count"], ["tentatives echouees", "tentatives"], ["fehlversuche", "versuche"], ["intentos fallidos", "intentos"]),
        ["integer", "INTEGER"], ["id", "created_at"], ["none"]), Column(HeldBackSamples.SmallCountColumn));

    internal static readonly SurveyKind ProviderSubjects = new("C35", new("a person's subject at an identity provider", In(
            ["identities", "oauth_accounts", "user_identities", "linked_accounts"], ["identites", "comptes_oauth", "comptes"], ["identitaeten", "oauth_konten", "konten"], ["identidades", "cuentas_oauth", "cuentas"],
            ["provider uid", "sub", "google id", "provider account id", "external uid"], ["uid fournisseur", "id franceconnect", "sub franceconnect"],
            ["anbieter uid", "externe kennung", "google id"], ["uid proveedor", "id externo usuario", "google id"]),
        ["varchar(255)", "TEXT", "text"], ["id", "user_id", "provider", "created_at"], ["contact.username"]), Column(HeldBackSamples.ProviderSubjectColumn));

    internal static readonly SurveyKind ContentDigests = new("C30", new("file digests and checksums", In(
            ["uploads", "attachments", "files"], ["fichiers", "pieces_jointes"], ["dateien", "anhaenge"], ["archivos", "adjuntos"],
            ["file sha256", "checksum", "content md5", "file hash", "blob sha1"], ["empreinte fichier", "somme controle", "hash fichier"],
            ["pruefsumme", "datei hash", "kontrollsumme"], ["suma control", "hash archivo", "checksum"]),
        ["char(64)", "varchar(64)", "TEXT"], ["id", "size", "created_at"], ["none"]), Column(HeldBackSamples.DigestColumn));

    internal static readonly SurveyKind HashedContacts = new("C30", new("hashed e-mails and phones (values)", In(
            ["audience_members", "custom_audiences", "contacts"], ["audiences", "contacts"], ["zielgruppen", "kontakte"], ["audiencias", "contactos"],
            ["email sha256", "email md5", "hashed email", "phone hash", "hashed phone"], ["courriel sha256", "email hache", "telephone hache"],
            ["email hash", "telefon hash"], ["correo sha256", "hash correo", "telefono hash"]),
        ["char(64)", "varchar(64)", "TEXT"], ["id", "audience_id", "created_at"], ["other_personal"]), Column(HeldBackSamples.DigestColumn), NamesOnly: false);

    internal static readonly SurveyKind BusinessRates = new("C33", new("business rates", In(
            ["kpi", "metrics", "daily_stats", "campaigns"], ["indicateurs", "stats_jour"], ["kennzahlen", "tagesstatistik"], ["indicadores", "estadisticas"],
            ["bounce rate", "open rate", "click rate", "churn rate", "error rate"], ["taux conversion", "taux rebond", "taux ouverture", "taux de clic"],
            ["konversionsrate", "absprungrate", "oeffnungsrate", "fehlerrate"], ["tasa conversion", "tasa rebote", "tasa apertura", "tasa de clics"]),
        ["double precision", "decimal(12,10)", "REAL", "float"], ["id", "day", "created_at"], ["none"]),
        Each(r => (r.NextDouble() * 0.9).ToString("0.0000000000000", CultureInfo.InvariantCulture)));

    internal static readonly SurveyKind PayRates = new("C38", new("staff pay rates (look-alikes of business rates)", In(
            ["employees", "staff", "payroll"], ["salaries", "paie"], ["mitarbeiter", "gehaltsabrechnung"], ["empleados", "nominas"],
            ["hourly rate", "pay rate", "salary"], ["taux horaire", "salaire"], ["stundensatz", "gehalt"], ["tarifa hora", "salario"]),
        ["decimal(10,2)", "numeric(10,2)", "REAL"], ["id", "first_name", "last_name", "hired_on"], ["financial.billing"]),
        Each(r => (r.Next(1_200, 9_000) / 100.0).ToString("0.00", CultureInfo.InvariantCulture)));

    internal static readonly SurveyKind StaffNotes = new("C08", new("notes staff write in a person's record", InPersonTables(
            ["internal note", "staff notes", "agent notes", "remarks", "internal notes"], ["note interne", "remarque conseiller", "observations", "remarques"],
            ["interne notiz", "bearbeiter notiz", "notizen", "bemerkungen"], ["nota interna", "observaciones", "notas agente", "comentarios internos"]),
        ["text", "TEXT", "longtext", "varchar(2000)"], PersonSiblings, ["customer_content.message"]), (random, c) =>
        {
            var next = HeldBackSamples.ProseWithIdentifiersColumn(random, c.Language);
            return r => next(r);
        });

    internal static readonly SurveyKind FullNames = new("C05", new("full and shown names of people", InPersonTables(
            ["full name", "contact name"], ["nom complet", "nom affiche", "nom contact"],
            ["anzeigename", "kontaktname", "vollstaendiger name", "vor und nachname"], ["nombre completo", "nombre visible", "nombre contacto", "nombre y apellidos"]),
        Text, PersonSiblings, ["contact.name"]), Each(HeldBackSamples.FullName));

    internal static readonly SurveyKind CompaniesOfCustomers = new("C26", new("customers' company names", InPersonTables(
            ["company name"], ["raison sociale", "nom societe", "nom entreprise"], ["firmenname", "unternehmen", "unternehmensname"], ["razon social", "nombre empresa", "compania"]),
        Text, PersonSiblings, ["contact.company_name"]),
        Each(r => Pick(r, ["Acme", "Dupont", "Lefèvre", "García", "Schulz"]) + " " + Pick(r, ["SARL", "GmbH", "S.L.", "Ltd", "SA", "AG"])));

    internal static readonly SurveyKind BankAccounts = new("C08", new("bank accounts in French, German and Spanish wordings", InPersonTables(
            ["iban", "bank account"], ["compte bancaire", "numero compte bancaire", "iban"], ["bankverbindung", "bankkonto", "konto iban"], ["cuenta bancaria", "cuenta iban", "numero cuenta bancaria"]),
        ["varchar(34)", "TEXT"], PersonSiblings, ["financial.bank_account"]), Each(CheckedNumbers.Iban));

    internal static readonly SurveyKind CardNumbers = new("C33", new("card numbers in French, German and Spanish wordings", In(
            ["payments", "cards", "saved_cards"], ["paiements", "cartes"], ["zahlungen", "karten"], ["pagos", "tarjetas"],
            ["card number", "pan", "credit card"], ["numero carte", "carte bancaire", "num cb"], ["kartennummer", "kreditkarte", "karten nr"], ["numero tarjeta", "tarjeta credito", "num tarjeta"]),
        ["varchar(19)", "TEXT", "char(16)"], ["id", "customer_id", "created_at"], ["financial.payment_card"]), Each(CheckedNumbers.Pan));

    internal static readonly SurveyKind PhoneNumberWords = new("C26", new("phone numbers named with a number word", InPersonTables(
            ["phone no", "tel no", "mobile no"], ["no tel", "num tel", "tel port"], ["mobil nr", "telefon nr", "handy nr", "tel nr"], ["num tel", "tlf", "tel movil"]),
        ["varchar(30)", "text", "TEXT"], PersonSiblings, ["contact.phone"]), Each(HeldBackValues.Phone));

    internal static readonly SurveyKind InseeNumbers = new("C36", new("NIRs named after INSEE", In(
            ["beneficiaries", "insured_people", "patients"], ["beneficiaire", "assures", "patients"], ["versicherte", "patienten"], ["beneficiarios", "asegurados"],
            ["insee number", "nir", "social security number"], ["numero insee", "num insee", "numero secu"], ["insee nummer", "nir"], ["numero insee", "nir"]),
        ["varchar(21)", "char(15)", "TEXT"], PersonSiblings, ["other_personal.national_id"]), Each(CheckedNumbers.FrenchNir));

    internal static readonly SurveyKind OtpKeys = new("C35", new("OTP keys in French, German and Spanish wordings", InPersonTables(
            ["totp secret", "otp secret", "otp key"], ["cle otp", "secret totp", "cle totp"], ["otp schluessel", "totp geheimnis", "otp geheimnis"], ["clave otp", "secreto totp", "secreto otp"]),
        ["varchar(64)", "TEXT"], PersonSiblings, ["other_personal.credentials"]), Column(HeldBackSamples.OtpSeedColumn));

    internal static readonly SurveyKind BornOn = new("C38", new("dates of birth written as born on", InPersonTables(
            ["date of birth", "birth date"], ["ne le", "nee le", "date naissance"], ["geboren am", "geburtsdatum"], ["nacido el", "nacida el", "fecha nacimiento"]),
        ["varchar(10)", "TEXT", "char(10)"], PersonSiblings, ["other_personal.date_of_birth"]),
        (random, _) => { var next = HeldBackSamples.BirthDateColumn(random, false); return r => next(r); });

    // ---- values that must not decide against the name -----------------------------------------------------------------

    internal static readonly SurveyKind BusinessRecordNumbers = new("C33/C36", new("order, invoice and tracking numbers", In(
            ["orders", "invoices", "shipments", "bookings"], ["commandes", "factures", "expeditions", "reservations"],
            ["bestellungen", "rechnungen", "sendungen", "buchungen"], ["pedidos", "facturas", "envios", "reservas"],
            ["order number", "invoice no", "tracking number", "shipment number", "booking number"], ["numero commande", "no facture", "numero suivi", "num reservation"],
            ["bestellnummer", "rechnungsnummer", "sendungsnummer", "buchungsnummer", "auftrags nr"], ["numero pedido", "num factura", "numero seguimiento", "numero reserva"]),
        ["bigint", "varchar(20)", "INTEGER", "bigint(20)"], ["id", "customer_id", "total", "created_at"], ["none"]), Column(HeldBackSamples.LongIdColumn), NamesOnly: false);

    internal static readonly SurveyKind PhonesInOrderTables = new("C01", new("phone numbers of an order's recipient (look-alikes of order numbers)", In(
            ["orders", "shipments"], ["commandes", "expeditions"], ["bestellungen", "sendungen"], ["pedidos", "envios"],
            ["delivery phone number", "recipient phone", "order phone"], ["telephone livraison", "numero telephone livraison"],
            ["telefonnummer empfaenger", "liefer telefon"], ["telefono entrega", "numero telefono entrega"]),
        ["varchar(30)", "TEXT"], ["id", "customer_id", "total", "created_at"], ["contact.phone"]), Each(HeldBackValues.Phone), NamesOnly: false);

    internal static readonly SurveyKind VersionStrings = new("C23", new("four-part version strings", In(
            ["devices", "installations", "clients"], ["appareils", "installations"], ["geraete", "installationen"], ["dispositivos", "instalaciones"],
            ["app version", "build", "firmware version", "client version"], ["version appli", "version logiciel", "build"], ["app version", "firmware", "softwareversion", "firmwareversion"],
            ["version app", "version firmware", "compilacion"]),
        ["varchar(20)", "TEXT"], ["id", "user_id", "created_at"], ["none", "automatic.user_agent"]), Column(HeldBackSamples.FourPartVersionColumn), NamesOnly: false);

    internal static readonly SurveyKind GradeArrays = new("C29", new("integer arrays of grades and ratings", InPersonTables(
            ["ratings", "grades"], ["notes", "evaluations"], ["noten", "bewertungen"], ["notas", "calificaciones"]),
        ["int[]", "integer[]", "smallint[]"], PersonSiblings, ["none"]),
        Each(r => r.Next(0, 21).ToString(CultureInfo.InvariantCulture)), NamesOnly: false, Element: TypeFamily.Integer);

    internal static readonly SurveyKind PhoneArrays = new("C29", new("bigint arrays of phone numbers", InPersonTables(
            ["phones", "phone numbers"], ["telephones", "numeros telephone"], ["telefone", "telefonnummern"], ["telefonos", "numeros telefono"]),
        ["bigint[]", "int8[]"], PersonSiblings, ["contact.phone"]), Each(HeldBackSamples.PhoneDigits), NamesOnly: false, Element: TypeFamily.Integer);

    internal static readonly SurveyKind DocumentProse = new("C44", new("prose of users' documents", In(
            ["documents", "document_versions"], ["documents"], ["dokumente"], ["documentos"],
            ["body", "content", "text"], ["contenu", "corps", "texte"], ["inhalt", "text"], ["contenido", "cuerpo", "texto"]),
        ["text", "TEXT", "longtext"], ["id", "owner_id", "created_at"], ["customer_content"]),
        (random, c) => { var next = HeldBackSamples.HugeTextColumn(random, c.Language, 2_000); return r => next(r); }, NamesOnly: false, ValueCount: 12);

    internal static readonly SurveyKind CatalogueDescriptions = new("C44", new("descriptions of the organisation's products (look-alikes)", In(
            ["products", "articles"], ["produits", "articles"], ["produkte", "artikel"], ["productos", "articulos"],
            ["description", "long description"], ["description", "descriptif"], ["beschreibung", "produktbeschreibung"], ["descripcion", "descripcion larga"]),
        ["text", "TEXT"], ["id", "sku", "price", "created_at"], ["none"]),
        (random, c) => { var next = HeldBackSamples.ProseWithIdentifiersColumn(random, c.Language); return r => next(r).Split(' ')[0] + " " + Pick(r, ["durable", "léger", "robust", "ligero", "compact", "waterproof"]) + "."; },
        NamesOnly: false);

    internal static readonly SurveyKind SettingsDocuments = new("C28", new("the application's settings documents", In(
            ["app_settings", "settings", "configs"], ["parametres", "reglages"], ["einstellungen", "konfiguration"], ["ajustes", "configuracion"],
            ["config", "settings", "options"], ["valeur", "config", "options"], ["wert", "konfig", "optionen"], ["valor", "config", "opciones"]),
        ["jsonb", "json", "TEXT"], ["id", "key", "updated_at"], ["none"]), Column(HeldBackSamples.SettingsDocumentColumn), NamesOnly: false);

    internal static readonly SurveyKind AllNullPayloads = new("C07", new("payloads whose sampled values are all NULL", In(
            ["audit_tmp", "staging", "imports"], ["audit_tmp", "import_brut"], ["audit_tmp", "import_roh"], ["auditoria_tmp", "importacion"],
            ["payload", "data", "blob", "raw"], ["donnees", "contenu brut"], ["nutzdaten", "rohdaten"], ["carga", "datos brutos"]),
        ["text", "jsonb", "TEXT", "longtext"], ["id", "created_at"], ["untagged"]), Each(_ => null!), NamesOnly: false);

    internal static readonly SurveyKind AllNullEmails = new("C07", new("e-mail columns whose sampled values are all NULL", InPersonTables(
            ["email", "backup email"], ["courriel", "email secours"], ["email", "mail adresse"], ["correo", "correo alternativo"]),
        Text, PersonSiblings, ["contact"]), Each(_ => null!), NamesOnly: false);

    /// <summary>Every kind of this round.</summary>
    internal static readonly (string Name, SurveyKind Kind)[] Kinds =
    [
        (nameof(SignInCounters), SignInCounters), (nameof(RetriesOfJobsAndPayments), RetriesOfJobsAndPayments), (nameof(ProviderSubjects), ProviderSubjects),
        (nameof(ContentDigests), ContentDigests), (nameof(HashedContacts), HashedContacts), (nameof(BusinessRates), BusinessRates), (nameof(PayRates), PayRates),
        (nameof(StaffNotes), StaffNotes), (nameof(FullNames), FullNames), (nameof(CompaniesOfCustomers), CompaniesOfCustomers), (nameof(BankAccounts), BankAccounts),
        (nameof(CardNumbers), CardNumbers), (nameof(PhoneNumberWords), PhoneNumberWords), (nameof(InseeNumbers), InseeNumbers), (nameof(OtpKeys), OtpKeys),
        (nameof(BornOn), BornOn), (nameof(BusinessRecordNumbers), BusinessRecordNumbers), (nameof(PhonesInOrderTables), PhonesInOrderTables),
        (nameof(VersionStrings), VersionStrings), (nameof(GradeArrays), GradeArrays), (nameof(PhoneArrays), PhoneArrays), (nameof(DocumentProse), DocumentProse),
        (nameof(CatalogueDescriptions), CatalogueDescriptions), (nameof(SettingsDocuments), SettingsDocuments), (nameof(AllNullPayloads), AllNullPayloads),
        (nameof(AllNullEmails), AllNullEmails),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        Kinds.SelectMany(k => new[] { 1, 2 }.Select(seed => new TestCaseData(k.Name, seed).SetName($"Kind_NamesAndValues_Right({k.Name}, seed {seed})")));

    /// <summary>300 generated columns of a kind, names only (where names decide) and sampled: every one right.</summary>
    [TestCaseSource(nameof(Cases))]
    public void Kind_NamesAndValues_Right(string name, int seed)
    {
        var kind = Kinds.Single(k => k.Name == name).Kind;
        SampledKindAssertions.AssertSampledKind(kind, 300, seed, Combined);
    }

    /// <summary>Business-record numbers and version strings carry no phone decision even where the phone detector accepts
    /// many of them: across 600 sampled columns of each, none is decided from a phone detector's hit.</summary>
    [TestCase(1)]
    [TestCase(2)]
    public void NumbersAndVersions_NeverDecidedByThePhoneDetector(int seed)
    {
        var decided = new List<string>();
        foreach (var kind in new[] { BusinessRecordNumbers, VersionStrings })
        {
            var columns = AdversarialColumns.Generate(kind.Kind, 600, seed);
            var sampled = kind.Sample(columns, seed);
            decided.AddRange(sampled.Zip(Combined.ClassifyMany(sampled))
                .Where(p => p.Second.DataCategory == "contact.phone")
                .Select(p => $"{p.First.Table}.{p.First.Column.Name}"));
        }
        AssertNoneWrong(decided, 1200, "number or version columns decided as phones");
    }
}
