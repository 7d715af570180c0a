using System.Globalization;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// The survey of session 25 (kinds25, issue 10 item 6 and the acceptance on held-back cases "of the same kinds as
/// ../shared/cases"): every case kind of C01–C45 that the classifier decides is generated anew — other names in English,
/// French, German and Spanish, other values, other declared types (PostgreSQL, SQLite, MariaDB) — 100 columns per kind
/// and seed, and scored by the combined classifier names only and with sampled values. The cases that test the scanner
/// rather than a decision (C03's reads, C04, C06, C12–C15, C27, C42, C45) are represented by the decision they lead to
/// where there is one (C03: dates a driver cannot read stay none; C07: empty and all-NULL tables) and otherwise left to
/// their case tests.
/// <para>The survey is a test: each kind's wrong count must stay at or under the ceiling recorded after kinds25's fixes
/// (most are 0), so a regression of any kind fails. Run it alone to print the table
/// (<c>--filter "FullyQualifiedName~HeldBackKinds25Survey"</c>); set <c>INVENTORY_SURVEY_OUT</c> to a file to get it as TSV.</para>
/// </summary>
[TestFixture]
public sealed class HeldBackKinds25Survey
{
    private static readonly IColumnClassifier Combined = ClassifierFactory.CreateDefault();

    private static string[][] W(params string[] names) => AdversarialColumns.Words(names);
    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static readonly string[] PersonEn = ["customers", "users", "members", "employees", "accounts", "subscribers"];
    private static readonly string[] PersonFr = ["clients", "utilisateurs", "adherents", "salaries", "comptes", "abonnes"];
    private static readonly string[] PersonDe = ["kunden", "benutzer", "mitglieder", "mitarbeiter", "konten", "abonnenten"];
    private static readonly string[] PersonEs = ["clientes", "usuarios", "socios", "empleados", "cuentas", "suscriptores"];
    private static readonly string[] PersonSiblings = ["id", "created_at", "updated_at", "status"];

    private static KindWording[] InPersonTables(string[] en, string[] fr, string[] de, string[] es) =>
        [new("en", W(en), PersonEn), new("fr", W(fr), PersonFr), new("de", W(de), PersonDe), new("es", W(es), PersonEs)];

    private static KindWording[] In(string[] tablesEn, string[] tablesFr, string[] tablesDe, string[] tablesEs, string[] en, string[] fr, string[] de, string[] es) =>
        [new("en", W(en), tablesEn), new("fr", W(fr), tablesFr), new("de", W(de), tablesDe), new("es", W(es), tablesEs)];

    private static readonly string[] SessionEn = ["web_sessions", "sessions", "page_views", "visits", "login_events"];
    private static readonly string[] SessionFr = ["sessions_web", "visites", "connexions", "evenements"];
    private static readonly string[] SessionDe = ["sitzungen", "besuche", "anmeldungen", "ereignisse"];
    private static readonly string[] SessionEs = ["sesiones", "visitas", "accesos", "eventos"];
    private static readonly string[] SessionSiblings = ["id", "user_id", "created_at"];

    private static KindWording[] InSessionTables(string[] en, string[] fr, string[] de, string[] es) =>
        In(SessionEn, SessionFr, SessionDe, SessionEs, en, fr, de, es);

    private static readonly string[] Text = ["varchar(255)", "text", "TEXT", "character varying(200)", "longtext", "varchar(191)"];
    private static readonly string[] Integer = ["bigint", "INTEGER", "bigint(20)", "int8", "numeric(15,0)"];

    private static Func<Random, AdversarialColumn, Func<Random, string?>> Each(Func<Random, string> value) => (_, _) => r => value(r);
    private static Func<Random, AdversarialColumn, Func<Random, string?>> Column(Func<Random, Func<Random, string>> column) =>
        (random, _) => { var next = column(random); return r => next(r); };
    private static Func<Random, AdversarialColumn, Func<Random, string?>> ByLanguage(Func<Random, string, Func<Random, string>> column) =>
        (random, c) => { var next = column(random, c.Language); return r => next(r); };

    // ---- C01: the name says e-mail/phone; the type and values say what is stored -------------------------------------

    internal static readonly SurveyKind Emails = new("C01", new("e-mail addresses", InPersonTables(
            ["email", "email address", "contact email", "mail", "primary email", "work email"],
            ["courriel", "adresse mail", "mel", "email contact", "adresse courriel"],
            ["e mail", "email adresse", "mail adresse", "emailadresse", "kontakt email"],
            ["correo", "correo electronico", "email contacto", "direccion correo", "correo personal"]),
        Text, PersonSiblings, ["contact.email"]), Each(HeldBackValues.Email));

    internal static readonly SurveyKind EmailFlagsAndCounts = new("C01", new("e-mail/phone flags, counts and confirmation times", InPersonTables(
            ["email verified", "email count", "phone confirmed at", "emails sent", "email opt in", "phone verified"],
            ["courriel verifie", "nombre courriels", "telephone confirme le", "mail valide", "nb emails"],
            ["email bestaetigt", "anzahl emails", "telefon bestaetigt am", "email geprueft", "mail anzahl"],
            ["correo verificado", "numero correos", "telefono confirmado en", "email validado", "total correos"]),
        ["boolean", "tinyint(1)", "integer", "INTEGER"], PersonSiblings, ["none"]),
        (_, c) => DeclaredTypes.FamilyOf(c.Type) == TypeFamily.Boolean || c.Type == "tinyint(1)"
            ? r => r.Next(2) == 0 ? "1" : "0"
            : r => r.Next(0, 60).ToString(CultureInfo.InvariantCulture));

    internal static readonly SurveyKind PhonesAsNumbers = new("C01", new("phone numbers stored as numbers", InPersonTables(
            ["phone", "mobile", "phone number", "cell phone", "mobile number"],
            ["telephone", "portable", "tel mobile", "numero telephone"],
            ["telefon", "handy", "mobilnummer", "telefonnummer"],
            ["telefono", "movil", "celular", "numero telefono"]),
        Integer, PersonSiblings, ["contact.phone"]), Each(HeldBackSamples.PhoneDigits));

    // ---- C03: dates a driver cannot read -----------------------------------------------------------------------------

    internal static readonly SurveyKind UnreadableDates = new("C03", new("validity dates holding infinity, year 12000 or BC", InPersonTables(
            ["valid from", "valid to", "renewed on", "expires at", "valid until"],
            ["valide du", "valide jusqu au", "renouvele le", "expire le"],
            ["gueltig ab", "gueltig bis", "verlaengert am", "laeuft ab am"],
            ["valido desde", "valido hasta", "renovado el", "caduca el"]),
        ["timestamptz", "timestamp", "date", "datetime"], PersonSiblings, ["none"]), Column(HeldBackSamples.UnreadableDateColumn), NamesOnly: false);

    // ---- C04: personal values past the first rows (sparse columns) --------------------------------------------------

    internal static readonly SurveyKind SparseEmails = new("C04", new("e-mails in a few of the sampled rows", InPersonTables(
            ["backup email", "secondary email", "alt email", "recovery email"],
            ["courriel secours", "email secondaire", "autre courriel"],
            ["ersatz email", "zweite email", "weitere email"],
            ["correo alternativo", "correo secundario", "otro correo"]),
        Text, PersonSiblings, ["contact.email"]), Each(r => r.Next(10) == 0 ? HeldBackValues.Email(r) : null!), ValueCount: 200);

    // ---- C05: display names ----------------------------------------------------------------------------------------

    internal static readonly SurveyKind DisplayNames = new("C05", new("display names of people", InPersonTables(
            ["display name", "full name", "contact name", "shown name"],
            ["nom affiche", "nom complet", "nom prenom", "nom contact"],
            ["anzeigename", "vollstaendiger name", "kontaktname", "vor und nachname"],
            ["nombre visible", "nombre completo", "nombre contacto", "nombre y apellidos"]),
        Text, PersonSiblings, ["contact.name"]), Each(HeldBackSamples.FullName));

    // ---- C07: empty and all-NULL tables ----------------------------------------------------------------------------

    internal static readonly SurveyKind EmptyTableEmails = new("C07", new("e-mails of a table with no rows", InPersonTables(
            ["subscriber email", "email", "optin email"], ["courriel abonne", "email inscrit"], ["abonnent email", "email"], ["correo suscriptor", "correo"]),
        Text, PersonSiblings, ["contact"]), Each(_ => null!), ValueCount: 0);

    internal static readonly SurveyKind AllNullPayloads = new("C07", new("payloads whose sampled values are all NULL",
        In(["audit_tmp", "staging", "imports"], ["audit_tmp", "import_brut"], ["audit_tmp", "import_roh"], ["auditoria_tmp", "importacion"],
            ["payload", "data", "blob"], ["donnees", "contenu brut"], ["nutzdaten", "rohdaten"], ["carga", "datos brutos"]),
        ["text", "jsonb", "TEXT", "longtext"], ["id", "created_at"], ["untagged"]), Each(_ => null!), NamesOnly: false);

    // ---- C08: free text with identifiers; staff notes ---------------------------------------------------------------

    internal static readonly SurveyKind FreeTextWithIdentifiers = new("C08", new("ticket and message text carrying identifiers",
        In(["support_tickets", "messages", "comments", "requests"], ["tickets", "messages", "commentaires", "demandes"],
            ["tickets", "nachrichten", "kommentare", "anfragen"], ["incidencias", "mensajes", "comentarios", "solicitudes"],
            ["body", "message", "comment", "description", "details"], ["corps", "message", "commentaire", "description"],
            ["nachricht", "kommentar", "beschreibung", "text"], ["cuerpo", "mensaje", "comentario", "descripcion"]),
        ["text", "TEXT", "longtext", "varchar(4000)"], ["id", "user_id", "created_at"], ["customer_content"]),
        ByLanguage(HeldBackSamples.ProseWithIdentifiersColumn), NamesOnly: false);

    internal static readonly SurveyKind StaffNotes = new("C08", new("notes staff write about a customer", InPersonTables(
            ["internal note", "staff notes", "agent notes", "notes", "remarks"],
            ["note interne", "remarque conseiller", "notes", "observations"],
            ["interne notiz", "bearbeiter notiz", "notizen", "bemerkungen"],
            ["nota interna", "observaciones", "notas agente", "comentarios internos"]),
        ["text", "TEXT", "longtext", "varchar(2000)"], PersonSiblings, ["customer_content.message"]), ByLanguage(HeldBackSamples.ProseWithIdentifiersColumn));

    // ---- C11: names with spaces, hyphens, accents and signs ----------------------------------------------------------

    internal static readonly SurveyKind OddlyWrittenContacts = new("C11", new("contact columns named with spaces, hyphens, accents or #",
        In(["Sales.Customer", "Order Lines/2024", "Kunden Stamm"], ["Clients", "Commandes 2024"], ["Kunden", "Bestellungen 2024"], ["Clientes", "Pedidos 2024"],
            ["Buyer E-Mail", "E-Mail", "Phone #", "Full Name", "Tel. No"], ["Adresse e-mail", "Téléphone", "Nom complet", "N° de téléphone"],
            ["E-Mail-Adresse", "Telefon-Nr.", "Vollständiger Name", "Tel.-Nr."], ["Correo electrónico", "Teléfono", "Nombre completo", "Nº teléfono"]),
        ["nvarchar(200)", "varchar(200)", "text"], ["CustomerID", "note"], ["contact"]),
        (_, c) => c.Column.Contains("mail", StringComparison.OrdinalIgnoreCase) || c.Column.Contains("Correo", StringComparison.OrdinalIgnoreCase)
            ? r => HeldBackValues.Email(r)
            : c.Column.Contains("Nom", StringComparison.OrdinalIgnoreCase) || c.Column.Contains("Name", StringComparison.OrdinalIgnoreCase)
                ? r => HeldBackSamples.FullName(r) : r => HeldBackValues.Phone(r));

    // ---- C16/C17: spatial and driver-unfriendly types ----------------------------------------------------------------

    internal static readonly SurveyKind DriverTextTypes = new("C17", new("ranges, vectors and regclass values", InPersonTables(
            ["stay", "owner rel", "validity", "cols", "booking period"], ["sejour", "periode", "validite"], ["aufenthalt", "zeitraum", "gueltigkeit"], ["estancia", "periodo", "vigencia"]),
        ["daterange", "int2vector", "regclass", "tsrange"], PersonSiblings, ["none"]), Column(HeldBackSamples.DriverTextColumn), NamesOnly: false);

    internal static readonly SurveyKind BinaryAvatars = new("C17", new("binary avatars (length only)", InPersonTables(
            ["avatar", "photo", "profile picture"], ["avatar", "photo", "photo profil"], ["avatar", "foto", "profilbild"], ["avatar", "foto", "foto perfil"]),
        ["bytea", "BLOB", "longblob"], PersonSiblings, ["other_personal.photo", "untagged"]), Each(_ => null!), ValueCount: 0);

    // ---- C18: SQLite columns without a type and names that say nothing -----------------------------------------------

    private static readonly KindWording[] Neutral = In(["import_raw", "staging", "legacy_data", "sheet1"], ["import_brut", "feuille1"], ["import_roh", "tabelle1"], ["importacion", "hoja1"],
        ["a", "b", "col1", "col2", "field3", "data", "value", "extra", "meta"], ["champ1", "col2", "donnee", "valeur", "extra"],
        ["feld1", "spalte2", "daten", "wert", "extra"], ["campo1", "columna2", "dato", "valor", "extra"]);

    internal static readonly SurveyKind UntypedEmails = new("C18", new("e-mails in columns without a type or a telling name", Neutral, ["", "TEXT", "varchar(255)"], ["id"], ["contact.email"]),
        Each(HeldBackSamples.PersonalValueColumn(0)), NamesOnly: false);

    internal static readonly SurveyKind UntypedPhones = new("C18", new("phones in columns without a type or a telling name", Neutral, ["", "TEXT", "varchar(40)"], ["id"], ["contact.phone"]),
        Each(HeldBackSamples.PersonalValueColumn(1)), NamesOnly: false);

    internal static readonly SurveyKind UntypedPersonNames = new("C18", new("people's names in columns without a type or a telling name", Neutral, ["", "TEXT", "varchar(100)"], ["id"], ["contact.name"]),
        Each(HeldBackSamples.FullName), NamesOnly: false);

    internal static readonly SurveyKind NeutralIbans = new("C18", new("IBANs in columns whose names say nothing", Neutral, ["", "TEXT", "varchar(40)"], ["id"], ["financial.bank_account"]),
        Each(HeldBackSamples.PersonalValueColumn(2)), NamesOnly: false);

    internal static readonly SurveyKind NeutralIps = new("C18", new("IP addresses in columns whose names say nothing", Neutral, ["", "TEXT", "varchar(45)"], ["id"], ["automatic.ip_address"]),
        Each(HeldBackSamples.PersonalValueColumn(3)), NamesOnly: false);

    // ---- C23: agent, language, IP ----------------------------------------------------------------------------------

    internal static readonly SurveyKind UserAgents = new("C23", new("user agent strings", InSessionTables(
            ["user agent", "ua", "browser agent", "http user agent", "client agent"], ["agent utilisateur", "navigateur", "user agent"],
            ["browser kennung", "user agent", "browser agent"], ["agente usuario", "navegador", "user agent"]),
        Text, SessionSiblings, ["automatic.user_agent"]),
        Each(r => $"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{r.Next(100, 130)}.0.{r.Next(1000, 6000)}.{r.Next(10, 200)} Safari/537.36"));

    internal static readonly SurveyKind BrowserLanguages = new("C23", new("browser languages and UI locales", InSessionTables(
            ["accept language", "ui locale", "browser language", "locale"], ["langue navigateur", "langue interface", "locale"],
            ["browsersprache", "oberflaechensprache", "sprache browser"], ["idioma navegador", "idioma interfaz", "locale"]),
        ["varchar(35)", "text", "TEXT"], SessionSiblings, ["automatic.browser_language"]),
        Each(r => Pick(r, ["fr-FR,fr;q=0.9,en;q=0.8", "de-DE", "es-ES,es;q=0.9", "en-GB,en;q=0.7", "fr_FR", "de"])));

    internal static readonly SurveyKind ClientIps = new("C23", new("client IP addresses", InSessionTables(
            ["client ip", "remote addr", "ip address", "last ip"], ["adresse ip", "ip client", "ip connexion"], ["ip adresse", "client ip", "anmelde ip"], ["direccion ip", "ip cliente", "ip acceso"]),
        ["inet", "varchar(45)", "TEXT"], SessionSiblings, ["automatic.ip_address"]), Each(HeldBackSamples.Ip));

    // ---- C26: abbreviated contact names ----------------------------------------------------------------------------

    internal static readonly SurveyKind AbbreviatedEmails = new("C26", new("abbreviated e-mail names", InPersonTables(
            ["email addr", "mail addr", "email adr", "contact email addr"], ["adr mail", "mel", "adr courriel"], ["mail adr", "email adr", "e mail adr"], ["dir correo", "dir email", "correo e"]),
        Text, PersonSiblings, ["contact.email"]), Each(HeldBackValues.Email));

    internal static readonly SurveyKind AbbreviatedPhones = new("C26", new("abbreviated phone names", InPersonTables(
            ["contact no", "tel no", "phone no", "mob no", "mobile no"], ["no tel", "num tel", "tel fixe", "tel port"], ["tel nr", "telefon nr", "handy nr", "mobil nr"], ["num tel", "tlf", "tel movil", "nro telefono"]),
        ["varchar(30)", "text", "TEXT"], PersonSiblings, ["contact.phone"]), Each(HeldBackValues.Phone));

    internal static readonly SurveyKind CompanyNames = new("C26", new("customers' company names", InPersonTables(
            ["company", "company name", "organisation", "organization name"], ["societe", "raison sociale", "entreprise", "nom societe"],
            ["firma", "firmenname", "unternehmen", "unternehmensname"], ["empresa", "razon social", "nombre empresa", "compania"]),
        Text, PersonSiblings, ["contact.company_name"]),
        Each(r => Pick(r, ["Acme", "Dupont", "Müller", "García"]) + " " + Pick(r, ["SARL", "GmbH", "S.L.", "Ltd", "SA", "AG", "Inc."])));

    // ---- C28: JSON documents ---------------------------------------------------------------------------------------

    internal static readonly SurveyKind PersonalDocuments = new("C28", new("event documents with a customer's e-mail, name and phone",
        In(["app_events", "events", "webhook_events"], ["evenements", "evenements_app"], ["ereignisse", "app_ereignisse"], ["eventos", "eventos_app"],
            ["payload", "data", "body", "attributes", "meta"], ["donnees", "contenu", "charge"], ["daten", "inhalt", "nutzlast"], ["datos", "contenido", "carga"]),
        ["jsonb", "json", "TEXT", "longtext"], ["id", "type", "created_at"], ["contact"]), ByLanguage(HeldBackSamples.PersonalDocumentColumn), NamesOnly: false);

    internal static readonly SurveyKind SettingsDocuments = new("C28", new("configuration documents", In(["app_settings", "settings", "configs"], ["parametres", "reglages"],
            ["einstellungen", "konfiguration"], ["ajustes", "configuracion"], ["value", "config", "settings", "options"], ["valeur", "config", "options"],
            ["wert", "konfig", "optionen"], ["valor", "config", "opciones"]),
        ["jsonb", "json", "TEXT"], ["id", "key", "updated_at"], ["none"]), Column(HeldBackSamples.SettingsDocumentColumn), NamesOnly: false);

    // ---- C29: arrays -------------------------------------------------------------------------------------------------

    internal static readonly SurveyKind IpArrays = new("C29", new("arrays of sign-in IP addresses", InPersonTables(
            ["login ips", "known ips", "ip history", "signin ips"], ["ips connexion", "adresses ip"], ["anmelde ips", "ip adressen"], ["ips acceso", "direcciones ip"]),
        ["inet[]", "text[]"], PersonSiblings, ["automatic.ip_address"]), Each(HeldBackSamples.Ip), Element: TypeFamily.Network);

    internal static readonly SurveyKind PhoneNumberArrays = new("C29", new("bigint arrays of phone numbers", InPersonTables(
            ["phones", "phone numbers", "mobiles"], ["telephones", "numeros telephone"], ["telefone", "telefonnummern"], ["telefonos", "moviles"]),
        ["bigint[]", "int8[]"], PersonSiblings, ["contact.phone"]), Each(HeldBackSamples.PhoneDigits), Element: TypeFamily.Integer);

    internal static readonly SurveyKind ScoreArrays = new("C29", new("integer arrays of scores and ratings", InPersonTables(
            ["scores", "ratings", "points"], ["notes", "scores", "points"], ["punkte", "bewertungen"], ["puntuaciones", "notas", "puntos"]),
        ["int[]", "integer[]", "smallint[]"], PersonSiblings, ["none"]),
        Each(r => r.Next(0, 100).ToString(CultureInfo.InvariantCulture)), NamesOnly: false, Element: TypeFamily.Integer);

    // ---- C30: hashed identifiers vs hex ----------------------------------------------------------------------------

    internal static readonly SurveyKind HashedContacts = new("C30", new("hashed e-mails and phones", In(
            ["audience_members", "custom_audiences", "contacts"], ["audiences", "contacts"], ["zielgruppen", "kontakte"], ["audiencias", "contactos"],
            ["email sha256", "email md5", "hashed email", "phone hash", "hashed phone", "email hash"],
            ["courriel sha256", "email hache", "telephone hache", "hash email"], ["email hash", "gehashte email", "telefon hash"], ["correo sha256", "hash correo", "telefono hash"]),
        ["char(64)", "varchar(64)", "TEXT", "char(32)"], ["id", "audience_id", "created_at"], ["other_personal"]), Column(HeldBackSamples.DigestColumn),
        // Names only, the corpus labels a hashed e-mail as the e-mail (loomio users.email_sha256: contact.email); C30 decides
        // with the values (digests of a person's identifier: other_personal), which is what this kind asserts.
        NamesOnly: false);

    internal static readonly SurveyKind FileDigests = new("C30", new("file digests and checksums", In(
            ["uploads", "attachments", "files"], ["fichiers", "pieces_jointes"], ["dateien", "anhaenge"], ["archivos", "adjuntos"],
            ["file sha256", "checksum", "content md5", "digest"], ["empreinte fichier", "somme controle", "checksum"], ["pruefsumme", "datei hash", "checksum"], ["suma control", "hash archivo", "checksum"]),
        ["char(64)", "varchar(64)", "TEXT"], ["id", "size", "created_at"], ["none"]), Column(HeldBackSamples.DigestColumn));

    internal static readonly SurveyKind HexRequestIds = new("C30", new("hex request ids with card digits glued in", In(
            ["requests", "api_calls", "jobs"], ["requetes", "appels_api"], ["anfragen", "api_aufrufe"], ["peticiones", "llamadas_api"],
            ["request guid", "trace id", "request id", "correlation id"], ["id requete", "id trace"], ["anfrage id", "trace id"], ["id peticion", "id traza"]),
        ["char(32)", "varchar(32)", "TEXT"], ["id", "path", "created_at"], ["none"]), Column(HeldBackSamples.HexIdWithCardDigitsColumn), NamesOnly: false);

    // ---- C33: coordinates ------------------------------------------------------------------------------------------

    internal static readonly SurveyKind DevicePings = new("C33", new("latitudes of device pings", In(
            ["device_pings", "location_updates", "gps_fixes"], ["positions_appareil", "releves_gps"], ["geraete_positionen", "gps_meldungen"], ["posiciones_dispositivo", "lecturas_gps"],
            ["lat", "lon", "latitude", "longitude"], ["lat", "latitude", "longitude"], ["breitengrad", "laengengrad", "lat"], ["latitud", "longitud", "lat"]),
        ["double precision", "decimal(9,6)", "REAL", "float"], ["id", "user_id", "accuracy_m", "recorded_at"], ["other_personal.location", "automatic.geolocation"]),
        Column(HeldBackValues.DecimalDegreeColumn));

    internal static readonly SurveyKind RatesWithFractions = new("C33", new("business rates whose fractions pass Luhn", In(
            ["kpi", "metrics", "daily_stats"], ["indicateurs", "stats_jour"], ["kennzahlen", "tagesstatistik"], ["indicadores", "estadisticas"],
            ["tx pos", "conversion rate", "bounce rate", "ratio"], ["taux conversion", "taux rebond", "tx incid"], ["quote", "konversionsrate", "absprungrate"], ["tasa conversion", "tasa rebote", "ratio"]),
        ["double precision", "decimal(12,10)", "text", "REAL"], ["id", "day", "created_at"], ["none"]),
        Each(r => (r.NextDouble() * 0.9).ToString("0.0000000000000", CultureInfo.InvariantCulture)), NamesOnly: false);

    // ---- C35: credentials and sessions -----------------------------------------------------------------------------

    internal static readonly SurveyKind PasswordHashes = new("C35", new("password hashes", InPersonTables(
            ["password hash", "encrypted password", "pwd hash", "password digest", "passwd"], ["mot de passe", "mdp hash", "hash mot de passe"],
            ["passwort hash", "kennwort", "passwort"], ["contrasena", "hash contrasena", "clave acceso"]),
        ["varchar(255)", "TEXT", "char(60)"], PersonSiblings, ["other_personal.credentials"]), Column(HeldBackSamples.PasswordHashColumn));

    internal static readonly SurveyKind PassportNumbers = new("C35", new("passport numbers", InPersonTables(
            ["passport number", "passport no", "passport"], ["numero passeport", "passeport"], ["reisepassnummer", "passnummer", "reisepass"], ["numero pasaporte", "pasaporte"]),
        ["varchar(20)", "TEXT", "char(9)"], PersonSiblings, ["other_personal.national_id"]), Each(HeldBackSamples.PassportNumber));

    internal static readonly SurveyKind OtpSeeds = new("C35", new("OTP secrets", InPersonTables(
            ["totp secret", "otp secret", "mfa secret", "two factor secret"], ["secret totp", "cle otp", "secret double authentification"],
            ["totp geheimnis", "otp schluessel", "mfa geheimnis"], ["secreto totp", "clave otp", "secreto mfa"]),
        ["varchar(64)", "TEXT"], PersonSiblings, ["other_personal.credentials"]), Column(HeldBackSamples.OtpSeedColumn));

    internal static readonly SurveyKind SessionCookies = new("C35", new("tracking session and cookie ids in session tables", InSessionTables(
            ["session id", "cookie id", "consent cookie id", "visitor id", "anonymous id"], ["id session", "id cookie", "id visiteur"],
            ["sitzungs id", "cookie id", "besucher id"], ["id sesion", "id cookie", "id visitante"]),
        ["varchar(128)", "TEXT", "uuid"], SessionSiblings, ["automatic.device_id", "other_personal.credentials"]),
        (random, c) =>
        {
            if (DeclaredTypes.FamilyOf(c.Type) == TypeFamily.Uuid) return r => new Guid(Enumerable.Range(0, 16).Select(_ => (byte)r.Next(256)).ToArray()).ToString();
            var next = HeldBackSamples.SessionCookieColumn(random);
            return r => next(r);
        });

    // ---- C36: NIR --------------------------------------------------------------------------------------------------

    internal static readonly SurveyKind Nirs = new("C36", new("French NIRs", In(
            ["beneficiaries", "insured_people", "patients"], ["beneficiaire", "assures", "patients"], ["versicherte", "patienten"], ["beneficiarios", "asegurados"],
            ["nir", "social security number", "insee number"], ["nir", "numero secu", "num securite sociale", "numero insee"], ["sozialversicherungsnummer", "nir"], ["numero seguridad social", "nir"]),
        ["varchar(21)", "char(15)", "TEXT"], PersonSiblings, ["other_personal.national_id"]), Each(CheckedNumbers.FrenchNir));

    internal static readonly SurveyKind MisKeyedFileNumbers = new("C36", new("file references of NIR shape with wrong keys", In(
            ["cases", "claims", "files"], ["dossiers", "sinistres"], ["akten", "schadensfaelle"], ["expedientes", "siniestros"],
            ["file ref", "case reference", "claim number"], ["ref dossier", "numero sinistre", "reference dossier"], ["aktenzeichen", "schadensnummer"], ["ref expediente", "numero siniestro"]),
        ["varchar(21)", "char(15)", "TEXT"], ["id", "opened_at"], ["none"]), Each(HeldBackSamples.MisKeyedNir), NamesOnly: false);

    // ---- C38: dates of birth vs timestamps vs numbers --------------------------------------------------------------

    internal static readonly SurveyKind BirthDatesAsText = new("C38", new("dates of birth as text", InPersonTables(
            ["date of birth", "birth date", "dob", "birthday"], ["date naissance", "date de naissance", "ne le"], ["geburtsdatum", "geboren am", "geb datum"], ["fecha nacimiento", "fecha de nacimiento", "nacido el"]),
        ["varchar(10)", "TEXT", "char(10)"], PersonSiblings, ["other_personal.date_of_birth"]), (random, _) => { var next = HeldBackSamples.BirthDateColumn(random, false); return r => next(r); });

    internal static readonly SurveyKind EventTimesAsText = new("C38", new("event times as ISO text", InSessionTables(
            ["event ts text", "occurred at text", "ts iso"], ["horodatage texte", "date evenement"], ["zeitstempel text", "ereignis zeit"], ["marca tiempo texto", "fecha evento"]),
        ["varchar(32)", "TEXT"], SessionSiblings, ["none", "automatic.activity"]), Column(HeldBackSamples.EventTimeTextColumn), NamesOnly: false);

    internal static readonly SurveyKind PostalCodesAsNumbers = new("C38", new("postal codes stored as integers", InPersonTables(
            ["postal code", "zip", "zip code", "postcode"], ["code postal", "cp"], ["postleitzahl", "plz"], ["codigo postal", "cod postal"]),
        ["integer", "INTEGER", "int(5)"], [.. PersonSiblings, "street", "city"], ["contact.postal_address"]), Each(HeldBackSamples.PostalCodeNumber));

    internal static readonly SurveyKind SalariesAsNumbers = new("C38", new("salaries stored as integers", In(
            ["employees", "staff", "payroll"], ["salaries", "paie"], ["mitarbeiter", "gehaltsabrechnung"], ["empleados", "nominas"],
            ["salary", "annual salary", "gross salary"], ["salaire", "salaire annuel", "salaire brut"], ["gehalt", "jahresgehalt", "bruttogehalt"], ["salario", "sueldo", "salario bruto"]),
        ["integer", "INTEGER", "int(11)"], ["id", "first_name", "last_name", "hired_on"], ["financial.billing"]), Each(HeldBackSamples.Salary));

    // ---- C44: huge values ------------------------------------------------------------------------------------------

    internal static readonly SurveyKind HugeDocuments = new("C44", new("huge user documents", In(
            ["documents", "notes", "posts"], ["documents", "notes"], ["dokumente", "notizen"], ["documentos", "notas"],
            ["body", "content", "text"], ["contenu", "corps", "texte"], ["inhalt", "text", "dokument"], ["contenido", "cuerpo", "texto"]),
        ["text", "TEXT", "longtext"], ["id", "owner_id", "created_at"], ["customer_content"]),
        (random, c) => { var next = HeldBackSamples.HugeTextColumn(random, c.Language, 20_000); return r => next(r); }, NamesOnly: false, ValueCount: 6);

    // ---- the brief's other kinds: card ranges, ids that pass a check, enumerations, versions, providers, counters -----

    internal static readonly SurveyKind CardNumbers = new("C33/C30", new("card numbers of the main ranges", In(
            ["payments", "cards", "saved_cards"], ["paiements", "cartes"], ["zahlungen", "karten"], ["pagos", "tarjetas"],
            ["card number", "pan", "cc number", "credit card"], ["numero carte", "carte bancaire", "num cb"], ["kartennummer", "kreditkarte", "karten nr"], ["numero tarjeta", "tarjeta credito", "num tarjeta"]),
        ["varchar(19)", "TEXT", "char(16)"], ["id", "customer_id", "created_at"], ["financial.payment_card"]), Each(CheckedNumbers.Pan));

    internal static readonly SurveyKind LongIdsPassingChecks = new("C33/C36", new("order and shipment numbers that pass Luhn or look like phones", In(
            ["orders", "invoices", "shipments"], ["commandes", "factures", "expeditions"], ["bestellungen", "rechnungen", "sendungen"], ["pedidos", "facturas", "envios"],
            ["order number", "invoice no", "tracking number", "shipment id", "order ref"], ["numero commande", "no facture", "numero suivi"],
            ["bestellnummer", "rechnungsnummer", "sendungsnummer"], ["numero pedido", "num factura", "numero seguimiento"]),
        ["bigint", "varchar(20)", "INTEGER", "bigint(20)"], ["id", "customer_id", "total", "created_at"], ["none"]), Column(HeldBackSamples.LongIdColumn), NamesOnly: false);

    internal static readonly SurveyKind Ibans = new("C08/C18", new("IBANs", InPersonTables(
            ["iban", "bank account", "account iban"], ["iban", "compte bancaire", "rib iban"], ["iban", "bankverbindung", "konto iban"], ["iban", "cuenta bancaria", "numero cuenta"]),
        ["varchar(34)", "TEXT"], PersonSiblings, ["financial.bank_account"]), Each(CheckedNumbers.Iban));

    internal static readonly SurveyKind Enumerations = new("C26", new("statuses and types read like names", In(
            ["orders", "accounts", "tickets"], ["commandes", "comptes", "tickets"], ["bestellungen", "konten", "tickets"], ["pedidos", "cuentas", "incidencias"],
            ["status", "state", "stage", "kind", "level"], ["statut", "etat", "etape", "niveau"], ["status", "zustand", "stufe", "art"], ["estado", "etapa", "nivel", "tipo"]),
        ["varchar(20)", "TEXT", "varchar(32)"], ["id", "user_id", "created_at"], ["none"]), ByLanguage(HeldBackSamples.EnumerationColumn), NamesOnly: false, ValueCount: 120);

    internal static readonly SurveyKind FourPartVersions = new("C23", new("four-part version strings", In(
            ["devices", "installations", "clients"], ["appareils", "installations"], ["geraete", "installationen"], ["dispositivos", "instalaciones"],
            ["app version", "build", "firmware version", "client version"], ["version appli", "version logiciel", "build"], ["app version", "firmware", "softwareversion"], ["version app", "version firmware", "compilacion"]),
        ["varchar(20)", "TEXT"], ["id", "user_id", "created_at"], ["none", "automatic.user_agent"]), Column(HeldBackSamples.FourPartVersionColumn), NamesOnly: false);

    internal static readonly SurveyKind ProviderSubjects = new("C35", new("a person's id at an identity provider", In(
            ["identities", "oauth_accounts", "user_identities", "social_logins"], ["identites", "comptes_oauth"], ["identitaeten", "oauth_konten"], ["identidades", "cuentas_oauth"],
            ["provider uid", "sub", "google id", "provider account id", "external uid"], ["uid fournisseur", "id franceconnect", "sub franceconnect"],
            ["anbieter uid", "externe kennung", "google id"], ["uid proveedor", "id externo usuario", "google id"]),
        ["varchar(255)", "TEXT"], ["id", "user_id", "provider", "created_at"], ["contact.username"]), Column(HeldBackSamples.ProviderSubjectColumn));

    internal static readonly SurveyKind SignInCounters = new("C01", new("sign-in counters and failed attempts", InPersonTables(
            ["sign in count", "login count", "failed attempts", "failed login attempts", "lockout count"], ["nb connexions", "nombre connexions", "tentatives echouees"],
            ["anmeldungen anzahl", "fehlversuche", "login versuche"], ["numero accesos", "intentos fallidos", "contador accesos"]),
        ["integer", "INTEGER", "smallint", "int(11)"], PersonSiblings, ["automatic.activity"]), Column(HeldBackSamples.SmallCountColumn));

    /// <summary>Every kind of the survey.</summary>
    internal static readonly (string Name, SurveyKind Kind)[] Kinds =
    [
        (nameof(Emails), Emails), (nameof(EmailFlagsAndCounts), EmailFlagsAndCounts), (nameof(PhonesAsNumbers), PhonesAsNumbers),
        (nameof(SignInCounters), SignInCounters), (nameof(UnreadableDates), UnreadableDates), (nameof(SparseEmails), SparseEmails),
        (nameof(DisplayNames), DisplayNames), (nameof(EmptyTableEmails), EmptyTableEmails), (nameof(AllNullPayloads), AllNullPayloads),
        (nameof(FreeTextWithIdentifiers), FreeTextWithIdentifiers), (nameof(StaffNotes), StaffNotes), (nameof(Ibans), Ibans),
        (nameof(OddlyWrittenContacts), OddlyWrittenContacts), (nameof(DriverTextTypes), DriverTextTypes), (nameof(BinaryAvatars), BinaryAvatars),
        (nameof(UntypedEmails), UntypedEmails), (nameof(UntypedPhones), UntypedPhones), (nameof(UntypedPersonNames), UntypedPersonNames),
        (nameof(NeutralIbans), NeutralIbans), (nameof(NeutralIps), NeutralIps),
        (nameof(UserAgents), UserAgents), (nameof(BrowserLanguages), BrowserLanguages), (nameof(ClientIps), ClientIps), (nameof(FourPartVersions), FourPartVersions),
        (nameof(AbbreviatedEmails), AbbreviatedEmails), (nameof(AbbreviatedPhones), AbbreviatedPhones), (nameof(CompanyNames), CompanyNames),
        (nameof(Enumerations), Enumerations), (nameof(PersonalDocuments), PersonalDocuments), (nameof(SettingsDocuments), SettingsDocuments),
        (nameof(IpArrays), IpArrays), (nameof(PhoneNumberArrays), PhoneNumberArrays), (nameof(ScoreArrays), ScoreArrays),
        (nameof(HashedContacts), HashedContacts), (nameof(FileDigests), FileDigests), (nameof(HexRequestIds), HexRequestIds),
        (nameof(DevicePings), DevicePings), (nameof(RatesWithFractions), RatesWithFractions), (nameof(CardNumbers), CardNumbers),
        (nameof(LongIdsPassingChecks), LongIdsPassingChecks), (nameof(PasswordHashes), PasswordHashes), (nameof(PassportNumbers), PassportNumbers),
        (nameof(OtpSeeds), OtpSeeds), (nameof(SessionCookies), SessionCookies), (nameof(ProviderSubjects), ProviderSubjects),
        (nameof(Nirs), Nirs), (nameof(MisKeyedFileNumbers), MisKeyedFileNumbers), (nameof(BirthDatesAsText), BirthDatesAsText),
        (nameof(EventTimesAsText), EventTimesAsText), (nameof(PostalCodesAsNumbers), PostalCodesAsNumbers), (nameof(SalariesAsNumbers), SalariesAsNumbers),
        (nameof(HugeDocuments), HugeDocuments),
    ];

    /// <summary>The wrong counts recorded after kinds25 (names only, sampled) per kind, for seeds 1 and 2 of 100 columns,
    /// lowered to 0 by kinds26 for the times as text, the personal and the settings documents: the survey fails when a
    /// kind does worse. Kinds not listed must be 0 / 0.</summary>
    internal static readonly Dictionary<string, (int NamesOnly, int Sampled)> Ceilings = new(StringComparer.Ordinal)
    {
        ["BirthDatesAsText"] = (2, 2),
        ["CompanyNames"] = (2, 0),
        ["DisplayNames"] = (2, 0),
        ["FileDigests"] = (2, 2),
        ["Ibans"] = (4, 0),
        ["OddlyWrittenContacts"] = (3, 0),
        ["PhoneNumberArrays"] = (9, 0),
        ["PhonesAsNumbers"] = (41, 0),
        ["ProviderSubjects"] = (3, 2),
        ["RatesWithFractions"] = (0, 7),
        ["ScoreArrays"] = (0, 2),
        ["SessionCookies"] = (9, 0),
        ["StaffNotes"] = (7, 0),
        ["UntypedPhones"] = (0, 1),
    };

    private static IEnumerable<TestCaseData> Cases() =>
        Kinds.SelectMany(k => new[] { 1, 2 }.Select(seed => new TestCaseData(k.Name, seed).SetName($"Survey({k.Kind.Case} {k.Name}, seed {seed})")));

    /// <summary>One kind and seed: 100 generated columns, names only and sampled; the wrong counts must not exceed the
    /// recorded ceiling. Prints the counts (and appends them to <c>INVENTORY_SURVEY_OUT</c> when set).</summary>
    [TestCaseSource(nameof(Cases))]
    public void Survey(string name, int seed)
    {
        var kind = Kinds.Single(k => k.Name == name).Kind;
        var (namesOnly, sampled) = SampledKindAssertions.Misses(kind, 100, seed, Combined);
        string line = string.Join('\t', kind.Case, name, seed.ToString(CultureInfo.InvariantCulture),
            kind.NamesOnly ? namesOnly.Count.ToString(CultureInfo.InvariantCulture) : "-",
            kind.Values is null ? "-" : sampled.Count.ToString(CultureInfo.InvariantCulture),
            string.Join("; ", namesOnly.Take(4).Concat(sampled.Take(4))));
        TestContext.Out.WriteLine(line);
        if (Environment.GetEnvironmentVariable("INVENTORY_SURVEY_OUT") is { Length: > 0 } path)
            lock (Ceilings) File.AppendAllText(path, line + "\n");
        SampledKindAssertions.AssertWithin(kind, 100, (namesOnly, sampled), Ceilings.GetValueOrDefault(name));
    }
}
