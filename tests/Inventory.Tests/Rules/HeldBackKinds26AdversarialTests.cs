using System.Globalization;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 item 6, held-back kinds of session 26 (kinds26): the value-level kinds kinds25 left open, generated in bulk
/// (300 columns per kind and seed, names in English, French, German and Spanish, four spellings, plain and prefixed
/// tables, PostgreSQL, SQLite and MariaDB types; 40 sampled values each) beside look-alikes that must keep their decision:
/// <list type="bullet">
/// <item>times written as text (ISO 8601, <c>yyyy-MM-dd HH:mm:ss</c>, day-first dates with a time) under names that say
/// text (<c>zeitstempel_text</c>, <c>horodatage_texte</c>, <c>marca_de_tiempo_texto</c>) are a record's time, not a
/// message; dates of birth as text keep their name, and messages that mention a date stay messages;</item>
/// <item>JSON event documents holding a customer's e-mail, name and phone under a content name (<c>body</c>,
/// <c>payload</c>, <c>corps</c>, <c>cuerpo</c>) are the contact data they hold; documents of a message's text and
/// language stay content;</item>
/// <item>the phone of a recipient or a sender named head first (<c>numero_telefono_destinatario</c>,
/// <c>telephone_destinataire</c>) with national or international numbers is a phone, not the recipient's name; the
/// recipient's name stays a name;</item>
/// <item>documents of a configuration table with no personal path (<c>configs.value</c>) are configuration (none), not
/// credentials; a configuration document holding a contact e-mail is that e-mail.</item>
/// </list>
/// Only kinds are asserted, never one literal row; failure messages name columns, never values.
/// </summary>
[TestFixture]
public sealed class HeldBackKinds26AdversarialTests : GeneratedNameFixture
{
    private static KindWording[] In(string[] tablesEn, string[] tablesFr, string[] tablesDe, string[] tablesEs, string[] en, string[] fr, string[] de, string[] es) =>
        [new("en", W(en), tablesEn), new("fr", W(fr), tablesFr), new("de", W(de), tablesDe), new("es", W(es), tablesEs)];

    private static Func<Random, AdversarialColumn, Func<Random, string?>> Each(Func<Random, string> value) => (_, _) => r => value(r);
    private static Func<Random, AdversarialColumn, Func<Random, string?>> Column(Func<Random, Func<Random, string>> column) =>
        (random, _) => { var next = column(random); return r => next(r); };

    private static readonly string[] TextTypes = ["varchar(32)", "TEXT", "text", "varchar(64)", "longtext", "", "character varying(40)"];

    /// <summary>Times written as text, one format per column: ISO 8601 with Z, an offset or a fraction, the SQL form, and
    /// day-first dates with a time (French, German, Spanish habits).</summary>
    private static Func<Random, string> TimeTextColumn(Random random)
    {
        string format = Pick(random, ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd'T'HH:mm:ss'+02:00'", "yyyy-MM-dd HH:mm:ss",
            "yyyy-MM-dd'T'HH:mm:ss.ffffff", "dd/MM/yyyy HH:mm", "dd.MM.yyyy HH:mm:ss", "yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd'T'HH:mm"]);
        return r => new DateTime(2021, 1, 1).AddSeconds(r.Next(0, 90_000_000)).ToString(format, CultureInfo.InvariantCulture);
    }

    // ---- times as text ----------------------------------------------------------------------------------------------

    internal static readonly SurveyKind TimesAsText = new("C38", new("times written as text under names that say text", In(
            ["sessions", "events", "sign_ins", "page_views", "orders", "audit_log", "jobs"], ["sessions", "evenements", "connexions", "commandes", "journal"],
            ["sitzungen", "ereignisse", "anmeldungen", "bestellungen", "protokoll"], ["sesiones", "eventos", "accesos", "pedidos", "registro"],
            ["event ts text", "occurred at text", "timestamp text", "ts iso", "time text", "created text", "logged at str", "timestamp string"],
            ["horodatage texte", "date evenement texte", "heure texte", "horodatage chaine", "date heure texte"],
            ["zeitstempel text", "ereignis zeit text", "zeitpunkt text", "zeitstempel", "datum uhrzeit text"],
            ["marca de tiempo texto", "marca tiempo texto", "fecha evento texto", "hora texto", "fecha hora texto"]),
        TextTypes, ["id", "user_id", "created_at"], ["none", "automatic.activity"]), Column(TimeTextColumn), NamesOnly: false);

    internal static readonly SurveyKind BirthDatesAsIsoText = new("C38", new("dates of birth as ISO text (look-alikes of times as text)", In(
            ["customers", "patients", "members"], ["clients", "patients", "adherents"], ["kunden", "patienten", "mitglieder"], ["clientes", "pacientes", "socios"],
            ["date of birth", "birth date", "dob"], ["date naissance", "date de naissance"], ["geburtsdatum", "geburtstag"], ["fecha nacimiento", "fecha de nacimiento"]),
        ["varchar(10)", "TEXT", "char(10)", ""], ["id", "first_name", "last_name", "created_at"], ["other_personal.date_of_birth"]),
        (random, _) => { var next = HeldBackSamples.BirthDateColumn(random, random.Next(2) == 0); return r => next(r); }, NamesOnly: false);

    internal static readonly SurveyKind MessagesMentioningTimes = new("C08", new("messages that mention a date and a time (look-alikes)", In(
            ["tickets", "messages", "comments"], ["tickets", "messages", "commentaires"], ["tickets", "nachrichten", "kommentare"], ["tickets", "mensajes", "comentarios"],
            ["message", "comment", "body"], ["message", "commentaire", "texte"], ["nachricht", "kommentar", "text"], ["mensaje", "comentario", "texto"]),
        ["text", "TEXT", "longtext"], ["id", "user_id", "created_at"], ["customer_content"]),
        (random, c) =>
        {
            var time = TimeTextColumn(random);
            var prose = HeldBackSamples.ProseWithIdentifiersColumn(random, c.Language);
            return r => prose(r).Split('.')[0] + " — " + time(r);
        }, NamesOnly: false);

    // ---- event documents under a content name -------------------------------------------------------------------------

    internal static readonly SurveyKind EventDocumentsUnderContentNames = new("C28", new("event documents with a customer's e-mail, name and phone under a content name", In(
            ["events", "app_events", "webhook_events", "webhook_deliveries", "outbox_events"], ["evenements", "evenements_webhook", "webhooks"],
            ["ereignisse", "webhook_ereignisse", "webhooks"], ["eventos", "eventos_webhook", "webhooks"],
            ["body", "payload", "content", "message body", "request body"], ["corps", "contenu", "charge utile", "corps requete"],
            ["inhalt", "nutzlast", "nachricht", "body"], ["cuerpo", "contenido", "carga util", "cuerpo peticion"]),
        ["jsonb", "json", "TEXT", "longtext"], ["id", "type", "created_at"], ["contact"]),
        (random, c) => { var next = HeldBackSamples.PersonalDocumentColumn(random, c.Language); return r => next(r); }, NamesOnly: false);

    internal static readonly SurveyKind MessageDocuments = new("C28", new("documents of a message's text and language (look-alikes)", In(
            ["messages", "comments", "chat_messages"], ["messages", "commentaires"], ["nachrichten", "kommentare"], ["mensajes", "comentarios"],
            ["body", "content"], ["corps", "contenu"], ["inhalt", "nachricht"], ["cuerpo", "contenido"]),
        ["jsonb", "json"], ["id", "author_id", "created_at"], ["customer_content"]),
        (random, c) =>
        {
            var prose = HeldBackSamples.ProseWithIdentifiersColumn(random, c.Language);
            return r => $"{{\"text\": \"{prose(r).Split('.')[0].Replace("\"", "", StringComparison.Ordinal)}\", \"format\": \"{Pick(r, ["plain", "markdown"])}\"}}";
        }, NamesOnly: false);

    // ---- phones of a recipient named head first ------------------------------------------------------------------------

    internal static readonly SurveyKind RecipientPhones = new("C01", new("phones of a recipient or a sender named head first", In(
            ["shipments", "deliveries", "messages", "sms_outbox", "orders"], ["expeditions", "livraisons", "envois_sms", "commandes"],
            ["sendungen", "lieferungen", "sms_versand", "bestellungen"], ["envios", "entregas", "mensajes_sms", "pedidos"],
            ["recipient phone", "recipient phone number", "sender phone", "phone of recipient", "recipient mobile"],
            ["telephone destinataire", "numero telephone destinataire", "tel expediteur", "numero de telephone du destinataire", "portable destinataire"],
            ["empfaenger telefon", "telefon empfaenger", "absender telefonnummer", "telefonnummer des empfaengers", "empfaenger handy"],
            ["numero telefono destinatario", "telefono remitente", "telefono del destinatario", "movil destinatario", "numero de telefono del destinatario"]),
        ["varchar(30)", "TEXT", "text", "bigint", ""], ["id", "order_id", "created_at"], ["contact.phone"]),
        (random, _) => random.Next(2) == 0 ? r => HeldBackValues.Phone(r) : r => HeldBackSamples.PhoneDigits(r), NamesOnly: false);

    internal static readonly SurveyKind RecipientNames = new("C05", new("names of a recipient or a sender (look-alikes)", In(
            ["shipments", "deliveries", "orders"], ["expeditions", "livraisons", "commandes"], ["sendungen", "lieferungen", "bestellungen"], ["envios", "entregas", "pedidos"],
            ["recipient name", "recipient", "sender name"], ["nom destinataire", "destinataire", "nom expediteur"], ["empfaenger name", "empfaenger", "absender name"],
            ["nombre destinatario", "destinatario", "nombre remitente"]),
        ["varchar(100)", "TEXT", "text"], ["id", "order_id", "created_at"], ["contact.name"]), Each(HeldBackSamples.FullName), NamesOnly: false);

    // ---- configuration documents ---------------------------------------------------------------------------------------

    /// <summary>Configuration documents, one key set per column (themes, limits, flags, feature switches, endpoints).</summary>
    private static Func<Random, string> ConfigurationDocumentColumn(Random random) => random.Next(3) switch
    {
        0 => HeldBackSamples.SettingsDocumentColumn(random),
        1 => r => $"{{\"max_upload_mb\": {r.Next(5, 500)}, \"features\": {{\"search\": {Pick(r, ["true", "false"])}, \"export\": {Pick(r, ["true", "false"])}}}, \"cache_ttl\": {r.Next(60, 3600)}}}",
        _ => r => $"{{\"enabled\": {Pick(r, ["true", "false"])}, \"mode\": \"{Pick(r, ["strict", "lenient", "off"])}\", \"threshold\": {r.Next(1, 100)}, \"webhook_url\": \"https://hooks.example.com/{r.Next(1000, 9999)}\"}}",
    };

    internal static readonly SurveyKind ConfigurationDocuments = new("C28", new("documents of a configuration table", In(
            ["configs", "app_settings", "settings", "system_config", "app_config"], ["parametres", "reglages", "configuration"],
            ["einstellungen", "konfiguration", "systemeinstellungen"], ["ajustes", "configuracion", "parametros"],
            ["value", "config", "settings", "data", "options"], ["valeur", "config", "donnees", "options"], ["wert", "konfig", "daten", "optionen"],
            ["valor", "config", "datos", "opciones"]),
        ["jsonb", "json", "TEXT", "text", "longtext"], ["id", "key", "updated_at"], ["none"]), Column(ConfigurationDocumentColumn), NamesOnly: false);

    internal static readonly SurveyKind ConfigurationDocumentsWithAContact = new("C28", new("configuration documents holding a contact e-mail (look-alikes)", In(
            ["configs", "app_settings", "settings"], ["parametres", "reglages"], ["einstellungen", "konfiguration"], ["ajustes", "configuracion"],
            ["value", "config"], ["valeur", "config"], ["wert", "konfig"], ["valor", "config"]),
        ["jsonb", "json", "TEXT"], ["id", "key", "updated_at"], ["contact"]),
        Each(r => $"{{\"theme\": \"{Pick(r, ["dark", "light"])}\", \"notify_email\": \"{HeldBackValues.Email(r)}\", \"page_size\": {r.Next(10, 100)}}}"), NamesOnly: false);

    /// <summary>Every kind of this round.</summary>
    internal static readonly (string Name, SurveyKind Kind)[] Kinds =
    [
        (nameof(TimesAsText), TimesAsText), (nameof(BirthDatesAsIsoText), BirthDatesAsIsoText), (nameof(MessagesMentioningTimes), MessagesMentioningTimes),
        (nameof(EventDocumentsUnderContentNames), EventDocumentsUnderContentNames), (nameof(MessageDocuments), MessageDocuments),
        (nameof(RecipientPhones), RecipientPhones), (nameof(RecipientNames), RecipientNames),
        (nameof(ConfigurationDocuments), ConfigurationDocuments), (nameof(ConfigurationDocumentsWithAContact), ConfigurationDocumentsWithAContact),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        Kinds.SelectMany(k => new[] { 1, 2 }.Select(seed => new TestCaseData(k.Name, seed).SetName($"Kind_Sampled_Right({k.Name}, seed {seed})")));

    /// <summary>300 generated columns of a kind, sampled with 40 values each: every one right.</summary>
    [TestCaseSource(nameof(Cases))]
    public void Kind_Sampled_Right(string name, int seed) =>
        SampledKindAssertions.AssertSampledKind(Kinds.Single(k => k.Name == name).Kind, 300, seed, Combined);
}
