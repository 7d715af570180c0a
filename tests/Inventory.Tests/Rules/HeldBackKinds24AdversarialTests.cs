using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>How a generated kind is sampled: the values of one column (<see cref="HeldBackValues"/>), as plain values or
/// as the elements of an array column.</summary>
/// <param name="Kind">Names, tables, types and accepted categories.</param>
/// <param name="Values">Called once per column (its format), then once per value; receives the column's language.</param>
/// <param name="NamesOnly">True when the name and table alone must decide the kind (what CI sees); false when only the
/// values can tell it (the same name holds other things elsewhere).</param>
/// <param name="Element">The element family of an array column (<c>text[]</c>), or null for plain values.</param>
/// <param name="ValueCount">Values sampled per column (40; more where the kind is about repetition, as a scan of up to 500
/// rows sees it).</param>
internal sealed record SampledKind(ColumnKind Kind, Func<Random, string, Func<Random, string>> Values, bool NamesOnly = true, TypeFamily? Element = null,
    int ValueCount = 40)
{
    /// <summary>The same kind as a <see cref="SurveyKind"/> (case <c>kinds24</c>), sampled alike: the same seeded values,
    /// each column's format drawn once from its language.</summary>
    public SurveyKind AsSurveyKind() =>
        new("kinds24", Kind, (random, column) => { var next = Values(random, column.Language); return r => next(r); }, NamesOnly, Element, ValueCount);

    /// <summary>The generated columns, each sampled with <see cref="ValueCount"/> values (or array elements) as a scan reads them.</summary>
    public ColumnEvidence[] Sample(IReadOnlyList<AdversarialColumn> columns, int seed) => AsSurveyKind().Sample(columns, seed);
}

/// <summary>
/// Issue 10 item 6, held-back kinds of session 24 (kinds24), generated in bulk in English, French, German and Spanish
/// names (<see cref="AdversarialColumns"/>: snake, camel, Pascal and upper snake case, plain and prefixed tables) with
/// generated values (<see cref="HeldBackValues"/>), each beside look-alikes that must stay right:
/// <list type="bullet">
/// <item>coordinates stored as micro-degree integers (<c>lat_e6</c>, <c>breitengrad_e7</c>) or as one text value
/// (<c>lat,lng</c>, <c>lat lng</c>, <c>POINT(lng lat)</c>) are a person's location in a person's record and a device's
/// geolocation in a visit or event table (LABELS.md tie-breaker 13); the organisation's own premises, dimensions, version
/// strings, price pairs and large integers are not;</item>
/// <item>card tokens of payment gateways (<c>tok_…</c>, <c>pm_…</c>), of token vaults and 16-digit tokens that fail the
/// Luhn check are payment references (LABELS.md), never card numbers, and carry no card-number detector hit (the
/// <c>no-card-number</c> claim reads it); real card numbers under a token name are still card numbers, and API secrets
/// stay credentials (C35);</item>
/// <item>lists of e-mail addresses or of phone numbers (PostgreSQL arrays, JSON arrays, comma- or semicolon-separated
/// text: <c>cc</c>, <c>recipients</c>, <c>telefonos</c>) are e-mails or phones, one kind per column; lists of tags are
/// not (C29's kind);</item>
/// <item>the German tax identification number named with <c>id</c> (<c>steuer_id</c>, <c>SteuerIdNr</c>) is a national
/// id; keys of tax rates (<c>steuer_satz_id</c>, <c>tax_rate_id</c>) stay <c>none</c> and the VAT id (<c>ust_id</c>)
/// stays a tax id;</item>
/// <item>a ticket's or a case's <c>opened_at</c> is the record's time, not a read receipt (which it stays on mails and
/// notifications); canned replies in a message column of a ticket or message table are messages (subjects picked from a
/// short list stay an enumeration); a phone extension (<c>phone_ext</c>) is not a phone number, as a column or as a
/// JSON key.</item>
/// </list>
/// Only kinds are asserted, never one literal row; failure messages name columns, never values.
/// </summary>
[TestFixture]
public sealed class HeldBackKinds24AdversarialTests : GeneratedNameFixture
{
    private static readonly string[] PersonEn = ["customers", "users", "members", "employees", "patients", "contacts", "profiles"];
    private static readonly string[] PersonFr = ["clients", "utilisateurs", "adherents", "salaries", "patients", "contacts"];
    private static readonly string[] PersonDe = ["kunden", "benutzer", "mitglieder", "mitarbeiter", "patienten", "kontakte"];
    private static readonly string[] PersonEs = ["clientes", "usuarios", "socios", "empleados", "pacientes", "contactos"];
    private static readonly string[] PersonSiblings = ["id", "first_name", "last_name", "street", "city", "postal_code", "created_at"];

    private static KindWording[] InPersonTables(string[] en, string[] fr, string[] de, string[] es) =>
        [new("en", W(en), PersonEn), new("fr", W(fr), PersonFr), new("de", W(de), PersonDe), new("es", W(es), PersonEs)];

    private static readonly string[] VisitEn = ["visits", "events", "sessions", "page_views", "device_pings", "check_ins", "location_events"];
    private static readonly string[] VisitFr = ["visites", "evenements", "sessions", "pages_vues", "connexions"];
    private static readonly string[] VisitDe = ["besuche", "ereignisse", "sitzungen", "seitenaufrufe", "anmeldungen"];
    private static readonly string[] VisitEs = ["visitas", "eventos", "sesiones", "paginas_vistas", "accesos"];
    private static readonly string[] VisitSiblings = ["id", "user_id", "ip_address", "user_agent", "created_at"];

    private static KindWording[] InVisitTables(string[] en, string[] fr, string[] de, string[] es) =>
        [new("en", W(en), VisitEn), new("fr", W(fr), VisitFr), new("de", W(de), VisitDe), new("es", W(es), VisitEs)];

    // ---- coordinates ------------------------------------------------------------------------------------------------

    private static readonly string[] MicroEn = ["lat e6", "lng e6", "lon e6", "latitude e7", "longitude e7", "lat micro", "lng micro",
        "latitude micro", "longitude microdeg", "lat microdegrees", "geo lat e6", "gps lat e7"];
    private static readonly string[] MicroFr = ["lat e6", "lng e6", "latitude e6", "longitude e7", "latitude micro", "gps lat e6"];
    private static readonly string[] MicroDe = ["breitengrad e6", "laengengrad e6", "lat e6", "lng e7", "breitengrad micro", "gps lat e6", "breite e6", "laenge e7"];
    private static readonly string[] MicroEs = ["latitud e6", "longitud e6", "lat e6", "lng e7", "latitud micro", "gps lat e6"];
    private static readonly string[] IntegerTypes = ["integer", "bigint", "int", "int8", "numeric(12,0)"];

    private static readonly string[] PairEn = ["coords", "coordinates", "geo position", "latlng", "lat lng", "gps position", "geo point",
        "geopoint", "location point", "gps coordinates", "geo coords", "position gps"];
    private static readonly string[] PairFr = ["coordonnees", "coordonnees gps", "position gps", "point gps", "coord gps", "geo position"];
    private static readonly string[] PairDe = ["koordinaten", "gps koordinaten", "geo position", "gps position", "geokoordinaten", "geo punkt"];
    private static readonly string[] PairEs = ["coordenadas", "coordenadas gps", "posicion gps", "punto gps", "geo posicion", "coord gps"];
    private static readonly string[] PairTypes = ["varchar(40)", "varchar(64)", "text", "character varying(100)"];

    internal static readonly SampledKind MicroDegreesOfAPerson = new(new("micro-degree coordinates in a person's record",
        InPersonTables(MicroEn, MicroFr, MicroDe, MicroEs), IntegerTypes, PersonSiblings, ["other_personal.location"]),
        (r, _) => HeldBackValues.MicroDegreeColumn(r));

    internal static readonly SampledKind MicroDegreesOfAVisit = new(new("micro-degree coordinates of a visit or event",
        InVisitTables(MicroEn, MicroFr, MicroDe, MicroEs), IntegerTypes, VisitSiblings, ["automatic.geolocation"]),
        (r, _) => HeldBackValues.MicroDegreeColumn(r));

    internal static readonly SampledKind CoordinatePairOfAPerson = new(new("lat,lng / POINT coordinates in a person's record",
        InPersonTables(PairEn, PairFr, [.. PairDe, "wohnort koordinaten"], PairEs), PairTypes, PersonSiblings, ["other_personal.location"]),
        (r, _) => HeldBackValues.CoordinatePairColumn(r));

    internal static readonly SampledKind CoordinatePairOfAVisit = new(new("lat,lng / POINT coordinates of a visit or event",
        InVisitTables(PairEn, PairFr, PairDe, PairEs), PairTypes, VisitSiblings, ["automatic.geolocation"]),
        (r, _) => HeldBackValues.CoordinatePairColumn(r));

    internal static readonly SampledKind UnusualDegreeNamesOfAPerson = new(new("latitude or longitude under unusual names in a person's record",
        InPersonTables(["geo lat", "gps lat", "gps lng", "lat deg", "latitude deg", "wgs84 lat", "wgs84 lng", "pos lat", "pos lng", "geo lon", "gps latitude"],
            ["lat gps", "latitude gps", "geo lat", "gps longitude", "lng gps", "lat wgs84"],
            ["gps breitengrad", "geo lat", "gps laengengrad", "lat gps", "geo breitengrad", "lng wgs84"],
            ["lat gps", "latitud gps", "geo lat", "longitud gps", "lng gps", "posicion lat"]),
        ["decimal(9,6)", "double precision", "numeric(10,7)", "float", "real", "varchar(20)"], PersonSiblings, ["other_personal.location"]),
        (r, _) => HeldBackValues.DecimalDegreeColumn(r));

    internal static readonly SampledKind CoordinatesOfPremises = new(new("coordinates of the organisation's own premises",
        [new("en", W([.. MicroEn, .. PairEn]), ["stores", "shops", "warehouses", "offices", "branches", "depots"]),
            new("fr", W([.. MicroFr, .. PairFr]), ["magasins", "boutiques", "entrepots", "agences", "sites"]),
            new("de", W([.. MicroDe, .. PairDe]), ["filialen", "geschaefte", "lager", "standorte", "bueros"]),
            new("es", W([.. MicroEs, .. PairEs]), ["tiendas", "almacenes", "oficinas", "sucursales", "sedes"])],
        ["bigint", "varchar(40)"], ["id", "name", "opening_hours", "created_at"], ["none"]),
        (r, _) => r.Next(2) == 0 ? HeldBackValues.MicroDegreeColumn(r) : HeldBackValues.CoordinatePairColumn(r), NamesOnly: false);

    internal static readonly SampledKind LargeIntegerLookAlikes = new(new("positions, distances, durations and money in micros",
        [new("en", W("position", "sort order", "sequence", "rank", "distance mm", "duration ms", "cost micros", "amount micros", "elevation mm"),
                ["tasks", "playlist_items", "route_steps", "workouts", "ad_spend", "steps"]),
            new("fr", W("position", "ordre", "rang", "sequence", "distance mm", "duree ms", "cout micros"), ["taches", "etapes", "seances", "depenses_pub"]),
            new("de", W("position", "reihenfolge", "rang", "sequenz", "entfernung mm", "dauer ms", "kosten micros"), ["aufgaben", "schritte", "trainings", "werbekosten"]),
            new("es", W("posicion", "orden", "rango", "secuencia", "distancia mm", "duracion ms", "coste micros"), ["tareas", "pasos", "entrenamientos", "gastos_anuncios"])],
        IntegerTypes, ["id", "user_id", "created_at"], ["none", "financial.billing"]),
        (r, _) => HeldBackValues.LargeIntegerLookAlikeColumn(r), NamesOnly: false);

    internal static readonly SampledKind PairLookAlikes = new(new("dimensions, versions, ranges and price pairs as text",
        [new("en", W("dimensions", "resolution", "image size", "version", "size range", "bounds"), ["products", "banners", "releases", "listings", "layouts"]),
            new("fr", W("dimensions", "resolution", "taille image", "version", "tailles"), ["produits", "bannieres", "versions", "annonces"]),
            new("de", W("abmessungen", "aufloesung", "bildgroesse", "version", "groessen"), ["produkte", "banner", "versionen", "anzeigen"]),
            new("es", W("dimensiones", "resolucion", "tamano imagen", "version", "tallas"), ["productos", "banners", "versiones", "anuncios"])],
        PairTypes, ["id", "name", "created_at"], ["none"]),
        (r, _) => HeldBackValues.PairLookAlikeColumn(r), NamesOnly: false);

    // ---- card tokens ------------------------------------------------------------------------------------------------

    private static readonly KindWording[] CardTokenNames =
    [
        new("en", W("card token", "payment token", "vault token", "card vault token", "stored card token", "network token", "token", "payment method token", "card reference"),
            ["payments", "cards", "payment_methods", "saved_cards", "charges", "wallets"]),
        new("fr", W("token carte", "jeton carte", "jeton paiement", "jeton", "token paiement", "jeton carte bancaire"),
            ["paiements", "cartes", "moyens_paiement", "cartes_enregistrees"]),
        new("de", W("karten token", "kartentoken", "zahlungs token", "zahlungstoken", "token", "zahlungsmittel token", "karten referenz"),
            ["zahlungen", "karten", "zahlungsmittel", "gespeicherte_karten"]),
        new("es", W("token tarjeta", "token pago", "token", "token de tarjeta", "ficha tarjeta", "token medio pago", "referencia tarjeta"),
            ["pagos", "tarjetas", "medios_pago", "tarjetas_guardadas"]),
    ];
    private static readonly string[] TokenTypes = ["varchar(64)", "varchar(255)", "text", "character varying(100)"];
    private static readonly string[] PaymentSiblings = ["id", "customer_id", "brand", "last4", "created_at"];

    internal static readonly SampledKind GatewayCardTokens = new(new("gateway card tokens (tok_, card_, pm_, src_)",
        CardTokenNames, TokenTypes, PaymentSiblings, ["financial.payment_reference"]), (r, _) => HeldBackValues.GatewayTokenColumn(r));

    internal static readonly SampledKind VaultCardTokens = new(new("vault tokens of stored cards",
        CardTokenNames, TokenTypes, PaymentSiblings, ["financial.payment_reference"]), (r, _) => HeldBackValues.VaultTokenColumn(r));

    internal static readonly SampledKind LuhnFailingCardTokens = new(new("16-digit card tokens that fail the Luhn check",
        CardTokenNames, ["varchar(19)", "char(16)", "text", "varchar(32)"], PaymentSiblings, ["financial.payment_reference"]),
        (r, _) => HeldBackValues.LuhnFailingTokenColumn(r));

    internal static readonly SampledKind PansUnderTokenNames = new(new("real card numbers under a token name (failed tokenisation)",
        CardTokenNames, ["varchar(19)", "char(16)", "text", "varchar(32)"], PaymentSiblings, ["financial.payment_card"]),
        (r, _) => HeldBackValues.PanColumn(r), NamesOnly: false);

    internal static readonly SampledKind ApiSecrets = new(new("API secrets and session tokens outside payments",
        [new("en", W("api token", "access token", "auth token", "token", "secret key", "session token"), ["api_keys", "users", "integrations", "sessions"]),
            new("fr", W("jeton api", "jeton acces", "jeton", "cle secrete"), ["cles_api", "utilisateurs", "integrations"]),
            new("de", W("api token", "zugangs token", "token", "geheimer schluessel"), ["api_schluessel", "benutzer", "integrationen"]),
            new("es", W("token api", "token acceso", "token", "clave secreta"), ["claves_api", "usuarios", "integraciones"])],
        TokenTypes, ["id", "user_id", "created_at"], ["other_personal.credentials"]), (r, _) => HeldBackValues.ApiSecretColumn(r));

    // ---- lists of e-mails and phones ---------------------------------------------------------------------------------

    // Recipients and copies in tables of mails and messages; a person's further addresses in person tables too.
    private static readonly KindWording[] EmailListNames =
    [
        new("en", W("emails", "email addresses", "bcc", "cc addresses", "cc emails", "recipients", "recipient emails", "to addresses",
            "notify emails", "cc list"), ["messages", "mail_queue", "notifications", "emails", "outbox", "newsletters"]),
        new("fr", W("courriels", "emails", "adresses email", "destinataires", "copie a", "emails destinataires"),
            ["messages", "courriers", "notifications", "courriels"]),
        new("de", W("emails", "email adressen", "empfaenger", "empfaenger emails", "kopie an", "mail adressen"),
            ["nachrichten", "mails", "benachrichtigungen", "postausgang"]),
        new("es", W("correos", "emails", "destinatarios", "correos destinatarios", "copia a", "direcciones correo"),
            ["mensajes", "correos_salientes", "notificaciones", "correos"]),
        new("en", W("additional emails", "alt emails", "secondary emails", "emails"), ["contacts", "customers", "users", "members"]),
        new("fr", W("emails secondaires", "courriels secondaires", "adresses email"), ["contacts", "clients", "utilisateurs"]),
        new("de", W("weitere emails", "email adressen", "weitere email adressen"), ["kontakte", "kunden", "benutzer"]),
        new("es", W("correos adicionales", "correos secundarios", "emails"), ["contactos", "clientes", "usuarios"]),
    ];
    private static readonly KindWording[] PhoneListNames =
    [
        new("en", W("phones", "phone numbers", "mobile numbers", "telephones", "sms recipients", "alt phones", "contact numbers"),
            ["contacts", "customers", "sms_campaigns", "users", "leads"]),
        new("fr", W("telephones", "numeros telephone", "portables", "numeros portables", "destinataires sms"), ["contacts", "clients", "campagnes_sms", "prospects"]),
        new("de", W("telefonnummern", "handynummern", "telefone", "mobilnummern", "sms empfaenger"), ["kontakte", "kunden", "sms_kampagnen", "interessenten"]),
        new("es", W("telefonos", "numeros telefono", "moviles", "numeros movil", "destinatarios sms"), ["contactos", "clientes", "campanas_sms", "prospectos"]),
    ];
    private static readonly string[] ArrayTypes = ["text[]", "varchar(255)[]", "_text", "character varying[]"];
    private static readonly string[] ListTypes = ["text", "varchar(1000)", "character varying(2000)", "longtext"];
    private static readonly string[] ListSiblings = ["id", "subject", "sent_at", "created_at"];

    internal static readonly SampledKind EmailArrays = new(new("text arrays of e-mail addresses", EmailListNames, ArrayTypes, ListSiblings, ["contact.email"]),
        (r, _) => HeldBackValues.Email, Element: TypeFamily.Text);

    internal static readonly SampledKind PhoneArrays = new(new("text arrays of phone numbers", PhoneListNames, ArrayTypes, ListSiblings, ["contact.phone"]),
        (r, _) => HeldBackValues.Phone, Element: TypeFamily.Text);

    internal static readonly SampledKind EmailLists = new(new("comma- or semicolon-separated e-mail addresses in text", EmailListNames, ListTypes, ListSiblings, ["contact.email"]),
        (r, _) => HeldBackValues.ListColumn(r, HeldBackValues.Email));

    internal static readonly SampledKind EmailJsonArrays = new(new("JSON arrays of e-mail addresses in text", EmailListNames, ["text", "json", "jsonb", "nvarchar(max)"], ListSiblings, ["contact.email"]),
        (r, _) => HeldBackValues.JsonArrayColumn(r, HeldBackValues.Email));

    internal static readonly SampledKind PhoneLists = new(new("comma- or semicolon-separated phone numbers in text", PhoneListNames, ListTypes, ListSiblings, ["contact.phone"]),
        (r, _) => HeldBackValues.ListColumn(r, HeldBackValues.Phone));

    internal static readonly SampledKind CopiesOfAMail = new(new("cc and bcc of mails and messages", [
            new("en", W("cc", "bcc"), ["messages", "emails", "mail_queue", "notifications", "outbox"]),
            new("fr", W("cc", "bcc"), ["messages", "courriels", "courriers", "notifications"]),
            new("de", W("cc", "bcc"), ["nachrichten", "mails", "benachrichtigungen", "postausgang"]),
            new("es", W("cc", "bcc"), ["mensajes", "correos", "correos_salientes", "notificaciones"])],
        ArrayTypes, ListSiblings, ["contact.email"]), (r, _) => HeldBackValues.Email, Element: TypeFamily.Text);

    internal static readonly SampledKind TagLists = new(new("lists of tags and labels", [
            new("en", W("tags", "labels", "segments", "roles", "scopes", "categories"), ["contacts", "customers", "users", "messages"]),
            new("fr", W("etiquettes", "tags", "segments", "roles", "categories"), ["contacts", "clients", "utilisateurs"]),
            new("de", W("schlagworte", "tags", "segmente", "rollen", "kategorien"), ["kontakte", "kunden", "benutzer"]),
            new("es", W("etiquetas", "tags", "segmentos", "roles", "categorias"), ["contactos", "clientes", "usuarios"])],
        ListTypes, ListSiblings, ["none"]), (r, _) => HeldBackValues.TagListColumn(r), NamesOnly: false);

    internal static readonly SampledKind CardNumbersUnderCc = new(new("cc as a credit card in payment tables", [
            new("en", W("cc", "cc number", "cc num", "cc no"), ["payments", "orders", "charges"]),
            new("fr", W("cc", "numero cc", "num cc"), ["paiements", "commandes"]),
            new("de", W("cc", "cc nummer", "cc nr"), ["zahlungen", "bestellungen"]),
            new("es", W("cc", "numero cc", "num cc"), ["pagos", "pedidos"])],
        ["varchar(19)", "text", "char(16)"], ["id", "order_id", "amount", "created_at"], ["financial.payment_card"]), (r, _) => HeldBackValues.PanColumn(r));

    // ---- German tax identification number -----------------------------------------------------------------------------

    internal static readonly SampledKind GermanTaxIdNamedWithId = new(new("German tax identification numbers named with id",
        InPersonTables(["steuer id", "steuerid", "steuer id nr", "steueridnr", "german tax id", "steuer identifikationsnummer", "steuer idnr"],
            ["steuer id", "id fiscal allemand", "identifiant fiscal allemand", "steuerid", "steuer idnr"],
            ["steuer id", "steuerid", "steuer id nr", "steueridnr", "steuer identifikationsnummer", "steuerliche id", "steuer ident nr", "st id nr"],
            ["steuer id", "id fiscal aleman", "identificador fiscal aleman", "steuerid", "steuer idnr"]),
        ["varchar(11)", "char(11)", "bigint", "text", "varchar(20)"], PersonSiblings, ["other_personal.national_id"]),
        (r, _) => CheckedNumbers.GermanTaxId);

    internal static readonly SampledKind TaxRateKeys = new(new("keys of tax rates, classes and rules", [
            new("en", W("tax rate id", "tax class id", "tax rule id", "tax code id", "tax zone id"), ["products", "invoice_lines", "orders", "order_items"]),
            new("fr", W("taux tva id", "id taux tva", "id taxe", "classe taxe id"), ["produits", "lignes_facture", "commandes"]),
            new("de", W("steuer satz id", "steuersatz id", "steuer klasse id", "steuerklasse id", "steuer regel id", "steuer schluessel id"), ["produkte", "rechnungspositionen", "bestellungen"]),
            new("es", W("tipo iva id", "id tipo iva", "id impuesto", "clase impuesto id"), ["productos", "lineas_factura", "pedidos"])],
        ["integer", "bigint", "int", "smallint"], ["id", "price", "quantity", "created_at"], ["none"]), (r, _) => x => x.Next(1, 12).ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal static readonly SampledKind VatIdsNamedWithId = new(new("VAT identification numbers named with id (USt-IdNr)", [
            new("en", W("vat id", "vat id number", "ust id", "ust idnr"), ["companies", "customers", "suppliers"]),
            new("fr", W("id tva", "ust id", "numero tva intracom"), ["societes", "clients", "fournisseurs"]),
            new("de", W("ust id", "ust idnr", "ustid", "umsatzsteuer id", "ust id nr", "umsatzsteuer identifikationsnummer"), ["firmen", "kunden", "lieferanten"]),
            new("es", W("id iva", "nif iva", "ust id"), ["empresas", "clientes", "proveedores"])],
        ["varchar(14)", "varchar(20)", "text"], ["id", "name", "created_at"], ["financial.tax_id"]),
        (r, _) => x => "DE" + CheckedNumbers.Digits(x, 9));

    // ---- trial 25 kinds ----------------------------------------------------------------------------------------------

    internal static readonly SampledKind OpenedAtOfARecord = new(new("opening time of a ticket, case or account", [
            new("en", W("opened at", "opened on", "date opened"), ["tickets", "support_tickets", "cases", "incidents", "accounts", "disputes", "claims"]),
            new("fr", W("ouvert le", "date ouverture", "opened at"), ["tickets", "dossiers", "incidents", "comptes", "reclamations"]),
            new("de", W("geoeffnet am", "eroeffnet am", "opened at"), ["tickets", "vorgaenge", "faelle", "konten", "reklamationen"]),
            new("es", W("abierto en", "fecha apertura", "opened at"), ["tickets", "casos", "incidencias", "cuentas", "reclamaciones"])],
        ["timestamp", "timestamptz", "datetime", "timestamp with time zone"], ["id", "user_id", "status", "subject", "created_at"], ["none"]),
        (r, _) => HeldBackValues.Timestamp);

    internal static readonly SampledKind OpenedAtOfAMail = new(new("read receipts of mails and notifications", [
            new("en", W("opened at", "read at", "seen at", "clicked at"), ["emails", "email_messages", "notifications", "newsletter_deliveries", "mail_recipients"]),
            new("fr", W("ouvert le", "lu le", "opened at"), ["courriels", "notifications", "envois_newsletter"]),
            new("de", W("geoeffnet am", "gelesen am", "opened at"), ["benachrichtigungen", "mails", "newsletter_versand"]),
            new("es", W("abierto en", "leido en", "opened at"), ["notificaciones", "correos", "envios_boletin"])],
        ["timestamp", "timestamptz", "datetime"], ["id", "user_id", "sent_at", "created_at"], ["automatic.activity"]),
        (r, _) => HeldBackValues.Timestamp, NamesOnly: false);

    internal static readonly SampledKind CannedReplies = new(new("canned replies in message columns of ticket and message tables", [
            new("en", W("message", "body", "reply", "content", "answer", "response", "reply body", "message body"), ["ticket_replies", "tickets", "messages", "support_messages", "conversations"]),
            new("fr", W("message", "corps", "reponse", "contenu", "texte reponse", "corps message"), ["reponses_ticket", "messages", "tickets", "demandes"]),
            new("de", W("nachricht", "inhalt", "antwort", "antwort text", "nachricht text"), ["ticket_antworten", "nachrichten", "tickets", "anfragen"]),
            new("es", W("mensaje", "cuerpo", "respuesta", "contenido", "texto respuesta"), ["respuestas_ticket", "mensajes", "incidencias", "solicitudes"])],
        ["text", "varchar(2000)", "character varying(4000)", "longtext"], ["id", "ticket_id", "author_id", "created_at"], ["customer_content.message"]),
        HeldBackValues.CannedReplyColumn, NamesOnly: false, ValueCount: 120);

    internal static readonly SampledKind PickedSubjects = new(new("ticket subjects picked from a short list", [
            new("en", W("subject", "topic", "category"), ["tickets", "support_tickets", "requests"]),
            new("fr", W("sujet", "objet", "motif"), ["tickets", "demandes"]),
            new("de", W("betreff", "thema", "anliegen"), ["tickets", "anfragen"]),
            new("es", W("asunto", "tema", "motivo"), ["tickets", "solicitudes"])],
        ["varchar(100)", "text"], ["id", "user_id", "status", "created_at"], ["none"]),
        HeldBackValues.PickedSubjectColumn, NamesOnly: false, ValueCount: 120);

    private static readonly string[] ExtensionKeys = ["phone_ext", "phone_extension", "ext", "extension", "tel_ext", "durchwahl", "extension_telefono", "telefon_durchwahl"];

    internal static readonly SampledKind ExtensionInAProfileDocument = new(new("profile documents holding a phone extension", [
            new("en", W("profile", "settings", "preferences", "extra", "meta"), ["users", "employees", "members", "staff"]),
            new("fr", W("profil", "parametres", "preferences", "extra"), ["utilisateurs", "salaries", "membres"]),
            new("de", W("profil", "einstellungen", "extra", "meta"), ["benutzer", "mitarbeiter", "mitglieder"]),
            new("es", W("perfil", "ajustes", "preferencias", "extra"), ["usuarios", "empleados", "miembros"])],
        ["jsonb", "json"], ["id", "email", "created_at"], ["none"]),
        (r, _) => HeldBackValues.ExtensionDocumentColumn(r, ExtensionKeys), NamesOnly: false);

    internal static readonly SampledKind PhoneBesideItsExtension = new(new("profile documents holding a phone number and its extension", [
            new("en", W("profile", "contact", "extra"), ["users", "employees", "members"]),
            new("fr", W("profil", "contact", "extra"), ["utilisateurs", "salaries"]),
            new("de", W("profil", "kontakt", "extra"), ["benutzer", "mitarbeiter"]),
            new("es", W("perfil", "contacto", "extra"), ["usuarios", "empleados"])],
        ["jsonb", "json"], ["id", "email", "created_at"], ["contact.phone"]),
        (r, _) => HeldBackValues.PhoneWithExtensionDocumentColumn(r, ExtensionKeys), NamesOnly: false);

    internal static readonly SampledKind PhoneExtensionColumns = new(new("phone extensions as columns", [
            new("en", W("phone ext", "phone extension", "tel ext", "ext", "extension", "office phone ext"), ["employees", "contacts", "staff", "users"]),
            new("fr", W("poste telephonique", "extension telephone", "tel ext", "numero poste"), ["salaries", "contacts", "utilisateurs"]),
            new("de", W("durchwahl", "telefon durchwahl", "tel durchwahl", "nebenstelle"), ["mitarbeiter", "kontakte", "benutzer"]),
            new("es", W("extension telefono", "ext telefono", "extension", "anexo telefonico"), ["empleados", "contactos", "usuarios"])],
        ["integer", "smallint", "varchar(6)", "varchar(10)"], ["id", "first_name", "last_name", "phone", "created_at"], ["none"]),
        (r, _) => x => x.Next(100, 10_000).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Every kind of this round, for the test cases (and for a survey of the kinds).</summary>
    internal static readonly (string Name, SampledKind Kind)[] Kinds =
    [
        (nameof(MicroDegreesOfAPerson), MicroDegreesOfAPerson), (nameof(MicroDegreesOfAVisit), MicroDegreesOfAVisit),
        (nameof(CoordinatePairOfAPerson), CoordinatePairOfAPerson), (nameof(CoordinatePairOfAVisit), CoordinatePairOfAVisit),
        (nameof(UnusualDegreeNamesOfAPerson), UnusualDegreeNamesOfAPerson), (nameof(CoordinatesOfPremises), CoordinatesOfPremises),
        (nameof(LargeIntegerLookAlikes), LargeIntegerLookAlikes), (nameof(PairLookAlikes), PairLookAlikes),
        (nameof(GatewayCardTokens), GatewayCardTokens), (nameof(VaultCardTokens), VaultCardTokens), (nameof(LuhnFailingCardTokens), LuhnFailingCardTokens),
        (nameof(PansUnderTokenNames), PansUnderTokenNames), (nameof(ApiSecrets), ApiSecrets),
        (nameof(EmailArrays), EmailArrays), (nameof(PhoneArrays), PhoneArrays), (nameof(EmailLists), EmailLists), (nameof(EmailJsonArrays), EmailJsonArrays),
        (nameof(PhoneLists), PhoneLists), (nameof(CopiesOfAMail), CopiesOfAMail), (nameof(TagLists), TagLists), (nameof(CardNumbersUnderCc), CardNumbersUnderCc),
        (nameof(GermanTaxIdNamedWithId), GermanTaxIdNamedWithId), (nameof(TaxRateKeys), TaxRateKeys), (nameof(VatIdsNamedWithId), VatIdsNamedWithId),
        (nameof(OpenedAtOfARecord), OpenedAtOfARecord), (nameof(OpenedAtOfAMail), OpenedAtOfAMail), (nameof(CannedReplies), CannedReplies),
        (nameof(PickedSubjects), PickedSubjects), (nameof(ExtensionInAProfileDocument), ExtensionInAProfileDocument),
        (nameof(PhoneBesideItsExtension), PhoneBesideItsExtension), (nameof(PhoneExtensionColumns), PhoneExtensionColumns),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        Kinds.SelectMany(k => new[] { 1, 2 }.Select(seed => new TestCaseData(k.Name, seed).SetName($"Kind_NamesAndValues_Right({k.Name}, seed {seed})")));

    [TestCaseSource(nameof(Cases))]
    public void Kind_NamesAndValues_Right(string name, int seed)
    {
        var kind = Kinds.Single(k => k.Name == name).Kind;
        SampledKindAssertions.AssertSampledKind(kind.AsSurveyKind(), 200, seed, Combined);
    }

    /// <summary>Tokens of a card in a card's format are not card numbers: no decision on such a column carries a hit of
    /// the card-number detector, which the <c>no-card-number</c> claim reads (a hit there is "card numbers are stored").</summary>
    [TestCase(1)]
    [TestCase(2)]
    public void LuhnFailingTokens_NoCardNumberDetectorHit(int seed)
    {
        var columns = AdversarialColumns.Generate(LuhnFailingCardTokens.Kind, 200, seed);
        var sampled = LuhnFailingCardTokens.Sample(columns, seed);
        var withHit = sampled.Zip(Combined.ClassifyMany(sampled))
            .Where(p => p.Second.Evidence.Any(e => e.Id == "detector.payment-card" && e.Matched > 0))
            .Select(p => $"{p.First.Table}.{p.First.Column.Name}").ToList();
        AssertNoneWrong(withHit, 200, "token columns carry a card-number detector hit");
    }
}
