using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10, twenty-third error-kind round (errors44; rules/MODEL.md, <i>Experiments of the twenty-third error-kind round
/// (session 44, errors44)</i>), personal columns suggested none, generated in bulk in the rules' four languages with the
/// look-alikes that must stay as they are:
/// <list type="bullet">
/// <item>The label of what a person clicked, tapped, swiped or typed into, kept on a row of an event table
/// (<c>events.clicks.label</c>, <c>taps.label</c>, <c>clics.libelle</c>, <c>Klicks.Bezeichnung</c>,
/// <c>eventos.etiqueta</c>) is part of the click, <c>automatic.activity</c> (LABELS.md: clicks, page titles; tie-breaker
/// 10); before, <c>name.en.generic-name</c> read it as a thing's name (<c>none</c>). Look-alikes: the label of a
/// configured thing (event types and definitions, custom events, tags and labels, statistics, the catalogue), the label
/// of any other table, and facts about a label (its id, colour, key) stay <c>none</c>.</item>
/// <item>The attachments of a record a person wrote, kept as a list in one column (<c>comments.attachments jsonb</c>,
/// <c>pieces_jointes</c>, <c>Anhaenge</c>, <c>adjuntos</c>), are the files users uploaded,
/// <c>customer_content.file</c> (LABELS.md: attachments); before, no rule read them and the model took some for none.
/// Look-alikes: a count, a size limit or a flag about attachments, and an integer or boolean <c>attachments</c>, stay
/// <c>none</c>.</item>
/// <item>How many pages, events, clicks, screen views or errors one visit or tracking session had, kept on the session's
/// row (<c>sessions.pages_count</c>, <c>visits.events_count</c>, <c>sessions.nombre_de_pages</c>,
/// <c>Besuche.anzahl_klicks</c>, <c>visitas.numero_de_eventos</c>), is <c>automatic.activity</c> (LABELS.md tie-breaker
/// 10: per-visit counts); before, <c>name.en.enumerations</c> read it as a count of records. Look-alikes: the same counts
/// on posts, projects, replays and recordings, statistics and system logs, and other counts of a session (its refresh
/// counter), stay <c>none</c>.</item>
/// </list>
/// Names and types only, hundreds of generated columns per test. Only kinds are asserted, never one literal row.
/// </summary>
[TestFixture]
public sealed class ErrorKindTwentyThirdRoundAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] LabelTypes =
        ["text", "varchar(255)", "character varying(512)", "String", "Nullable(String)", "nvarchar(max)", "TEXT", "LowCardinality(String)"];

    // Tables of what people did on the service: clicks, taps, inputs, page events, audit and activity logs, in an events
    // schema or not.
    private static readonly KindWording[] LabelsOfWhatWasClicked =
    [
        new("en", W("label", "element label", "target label"),
            ["clicks", "events.clicks", "events.inputs", "events_ios.taps", "events_ios.swipes", "click_events", "ui_events",
                "page_events", "tracked_events", "activity_log", "audit_log", "analytics_events", "events"]),
        new("fr", W("libelle", "etiquette"),
            ["clics", "evenements", "journal_d_activite", "journal_des_evenements", "visites", "evenements.clics"]),
        new("de", W("bezeichnung"), ["klicks", "ereignisse", "seitenaufrufe", "ereignisprotokoll", "besuche", "ereignisse.klicks"]),
        new("es", W("etiqueta"), ["eventos", "registro_de_eventos", "visitas", "bitacora", "paginas_vistas", "eventos.clics"]),
    ];

    private static readonly string[][] EventSiblings =
    [
        ["id", "session_id", "timestamp", "selector", "url"],
        ["event_id", "session_id", "seq_index", "path", "hesitation", "x", "y"],
        ["id", "visitor_id", "occurred_at", "page_url", "action"],
        ["id", "id_session", "horodatage", "url", "type"],
    ];

    [Test]
    public void LabelsOfWhatAPersonClicked_AreActivity([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("the label of what a person clicked, in an event table", LabelsOfWhatWasClicked, LabelTypes,
                EventSiblings[siblings], ["automatic.activity"]), 300, 4400 + siblings);

    [Test]
    public void LabelsOfWhatAPersonClicked_WithTheModel_AreNeverNone([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertNoneTake(Combined,
            new ColumnKind("the label of what a person clicked, with the model", LabelsOfWhatWasClicked, LabelTypes,
                EventSiblings[siblings], ["automatic.activity"]), 200, 4410 + siblings, "none");

    // Look-alike: the label of a thing the organisation configures, in tables that name events too (their kinds, types,
    // definitions, categories, the labels and tags themselves, statistics of events).
    private static readonly KindWording[] LabelsOfConfiguredEventThings =
    [
        new("en", W("label"),
            ["event_types", "event_definitions", "custom_events", "event_categories", "event_labels", "event_tags", "event_stats",
                "audit_log_types", "click_statuses", "event_templates"]),
        new("fr", W("libelle", "etiquette"), ["types_evenements", "categories_evenements", "statistiques_evenements", "modeles_evenements"]),
        new("de", W("bezeichnung"), ["ereignistypen", "ereigniskategorien", "ereignisstatistiken"]),
        new("es", W("etiqueta"), ["tipos_de_eventos", "categorias_de_eventos", "estadisticas_eventos"]),
    ];

    [Test]
    public void LabelsOfConfiguredEventThings_AreNotActivity([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertNoneTake(Rules,
            new ColumnKind("the label of a configured event kind, category, tag or statistic", LabelsOfConfiguredEventThings,
                LabelTypes, EventSiblings[siblings], ["none"]), 300, 4420 + siblings, "automatic");

    // Look-alike: the label of anything else (products, statuses, menus, ticket types, plans, fields, accounts).
    private static readonly KindWording[] LabelsElsewhere =
    [
        new("en", W("label"), ["products", "statuses", "menus", "ticket_types", "plans", "custom_fields", "bank_accounts", "warehouses"]),
        new("fr", W("libelle", "etiquette"), ["produits", "statuts", "menus", "types_de_tickets", "comptes_bancaires", "entrepots"]),
        new("de", W("bezeichnung"), ["produkte", "status", "menues", "ticketarten", "bankkonten", "lager"]),
        new("es", W("etiqueta"), ["productos", "estados", "menus", "tipos_de_ticket", "cuentas_bancarias", "almacenes"]),
    ];

    [Test]
    public void LabelsOfOtherTables_AreNotActivity() =>
        AdversarialColumns.AssertNoneTake(Rules,
            new ColumnKind("the label of a thing outside event tables", LabelsElsewhere, LabelTypes,
                ["id", "code", "position", "active", "created_at"], ["none"]), 800, 4430, "automatic");

    // Where the rules read the word as a thing's name (`name.en.generic-name`), the label outside event tables stays `none`
    // (the French `etiquette` has no reading of its own outside this round's rule, so it is left out here).
    private static readonly KindWording[] GenericLabelsElsewhere =
    [
        new("en", W("label"), ["products", "statuses", "menus", "ticket_types", "plans", "custom_fields", "bank_accounts", "warehouses"]),
        new("fr", W("libelle"), ["produits", "statuts", "menus", "types_de_tickets", "comptes_bancaires", "entrepots"]),
        new("de", W("bezeichnung"), ["produkte", "status", "menues", "ticketarten", "bankkonten", "lager"]),
        new("es", W("etiqueta"), ["productos", "estados", "menus", "tipos_de_ticket", "cuentas_bancarias", "almacenes"]),
    ];

    [Test]
    public void GenericLabelsOfOtherTables_StayNone() =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("the label of a thing outside event tables, a generic name", GenericLabelsElsewhere, LabelTypes,
                ["id", "code", "position", "active", "created_at"], ["none"]), 800, 4435);

    // Look-alike: what is said of a label in an event table (the key to a label row, its colour, its position).
    private static readonly KindWording[] FactsAboutALabel =
    [
        new("en", W("label id", "label color", "label position", "label key"), ["clicks", "events", "audit_log", "events.clicks"]),
        new("fr", W("id libelle", "couleur etiquette"), ["clics", "evenements"]),
        new("de", W("bezeichnung id"), ["klicks", "ereignisse"]),
        new("es", W("id etiqueta", "color etiqueta"), ["eventos", "visitas"]),
    ];

    [Test]
    public void FactsAboutALabel_InEventTables_AreNotTheClick() =>
        AdversarialColumns.AssertNoneTake(Rules,
            new ColumnKind("the id, colour or position of a label in an event table", FactsAboutALabel,
                [.. LabelTypes, "integer", "bigint"], EventSiblings[0], ["none"]), 600, 4440, "automatic");

    // The event's own name and type keep their reading (no rule of this round takes them elsewhere).
    private static readonly KindWording[] EventNamesAndTypes =
    [
        new("en", W("name", "type", "event type", "action"), ["events", "clicks", "page_events", "audit_log"]),
        new("fr", W("type evenement"), ["evenements", "clics"]),
        new("de", W("ereignis typ"), ["ereignisse", "klicks"]),
        new("es", W("tipo evento", "accion"), ["eventos", "visitas"]),
    ];

    [Test]
    public void EventNamesAndTypes_StayActivity() =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("an event's name, type or action", EventNamesAndTypes, LabelTypes, EventSiblings[0],
                ["automatic.activity"]), 400, 4450);

    private static readonly string[] ListTypes =
        ["jsonb", "json", "Json", "text", "longtext", "nvarchar(max)", "mediumtext", "varchar(2000)", "TEXT", "String"];

    // Records people write and attach files to: comments, posts, discussions, polls, messages, tickets, notes, outcomes.
    private static readonly KindWording[] AttachmentsOfARecord =
    [
        new("en", W("attachments"),
            ["comments", "posts", "discussions", "polls", "messages", "tickets", "notes", "outcomes", "stances", "replies",
                "discussion_templates", "users", "groups"]),
        new("fr", W("pieces jointes"), ["commentaires", "messages", "tickets", "notes", "demandes", "discussions"]),
        new("de", W("anhaenge", "anhange"), ["kommentare", "nachrichten", "beitraege", "tickets", "notizen", "anfragen"]),
        new("es", W("adjuntos", "archivos adjuntos"), ["comentarios", "mensajes", "publicaciones", "tickets", "notas", "solicitudes"]),
    ];

    private static readonly string[][] RecordSiblings =
    [
        ["id", "author_id", "body", "created_at", "updated_at"],
        ["id", "user_id", "title", "details", "closed_at"],
        ["id", "auteur_id", "contenu", "date_creation"],
        ["id", "usuario_id", "cuerpo", "fecha_creacion"],
    ];

    [Test]
    public void AttachmentsOfARecord_AreFiles([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("the attachments of a record, kept as a list", AttachmentsOfARecord, ListTypes,
                RecordSiblings[siblings], ["customer_content.file"]), 300, 4460 + siblings);

    [Test]
    public void AttachmentsOfARecord_WithTheModel_AreNeverNone([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertNoneTake(Combined,
            new ColumnKind("the attachments of a record, with the model", AttachmentsOfARecord, ListTypes,
                RecordSiblings[siblings], ["customer_content.file"]), 200, 4470 + siblings, "none");

    // Look-alike: a count, a limit or a flag about attachments, in any table.
    private static readonly KindWording[] FactsAboutAttachments =
    [
        new("en", W("attachments count", "attachments enabled", "has attachments", "allow attachments", "max attachments",
                "attachments size"),
            ["comments", "posts", "polls", "settings", "export_templates", "poll_templates"]),
        new("fr", W("nombre pieces jointes", "pieces jointes autorisees"), ["commentaires", "parametres", "modeles"]),
        new("de", W("anzahl anhaenge", "anhaenge erlaubt"), ["kommentare", "einstellungen", "vorlagen"]),
        new("es", W("numero de adjuntos", "adjuntos permitidos"), ["comentarios", "ajustes", "plantillas"]),
    ];

    [Test]
    public void FactsAboutAttachments_AreNotFiles() =>
        AdversarialColumns.AssertNoneTake(Rules,
            new ColumnKind("a count, limit or flag about attachments", FactsAboutAttachments,
                ["integer", "int", "bigint", "boolean", "tinyint(1)", "bit"], RecordSiblings[0], ["none"]), 800, 4480,
            "customer_content");

    // Look-alike: a bare `attachments` held as a number or a flag is a count or a setting, not the files.
    private static readonly KindWording[] AttachmentsAsNumbersOrFlags =
    [
        new("en", W("attachments"), ["comments", "posts", "export_templates", "settings"]),
        new("fr", W("pieces jointes"), ["commentaires", "parametres"]),
        new("de", W("anhaenge"), ["kommentare", "einstellungen"]),
        new("es", W("adjuntos"), ["comentarios", "ajustes"]),
    ];

    [Test]
    public void AttachmentsHeldAsNumbersOrFlags_StayNone() =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("a bare attachments column held as a number or a flag", AttachmentsAsNumbersOrFlags,
                ["integer", "int", "smallint", "boolean", "bool", "tinyint(1)"], RecordSiblings[0], ["none"]), 400, 4490);

    private static readonly string[] CountTypes = ["integer", "int", "bigint", "UInt16", "UInt32", "smallint", "Int32", "numeric"];

    // Visits and tracking sessions, in an analytics schema or not.
    private static readonly KindWording[] CountsOfAVisit =
    [
        new("en", W("pages count", "page count", "events count", "errors count", "clicks count", "screen view count",
                "page views count", "hits count", "number of pages", "number of events", "nb pages"),
            ["sessions", "experimental.sessions", "visits", "visitor_sessions", "tracking_sessions", "analytics.sessions",
                "web_sessions"]),
        new("fr", W("nombre de pages", "nombre d evenements", "nombre de clics"), ["visites", "sessions", "sessions_de_visite"]),
        new("de", W("anzahl seiten", "anzahl ereignisse", "anzahl klicks", "anzahl seitenaufrufe"), ["besuche", "sitzungen"]),
        new("es", W("numero de paginas", "numero de eventos", "numero de clics"), ["visitas", "sesiones"]),
    ];

    private static readonly string[][] VisitSiblings =
    [
        ["session_id", "user_id", "start_ts", "duration", "user_country", "user_browser"],
        ["id", "visitor_id", "started_at", "ended_at", "referrer", "entry_path"],
        ["id", "id_visiteur", "debut", "duree", "navigateur"],
        ["id", "besucher_id", "beginn", "dauer", "browser"],
    ];

    [Test]
    public void CountsOfAVisit_AreActivity([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("how many pages, events or clicks one visit had", CountsOfAVisit, CountTypes, VisitSiblings[siblings],
                ["automatic.activity"]), 300, 4500 + siblings);

    [Test]
    public void CountsOfAVisit_WithTheModel_AreNeverNone([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertNoneTake(Combined,
            new ColumnKind("how many pages, events or clicks one visit had, with the model", CountsOfAVisit, CountTypes,
                VisitSiblings[siblings], ["automatic.activity"]), 200, 4510 + siblings, "none");

    // Look-alike: the same counts kept on things that are not a visit (posts, projects, replays and recordings of a session,
    // statistics, the system's own logs and jobs, groups of events).
    private static readonly KindWording[] CountsElsewhere =
    [
        new("en", W("pages count", "events count", "errors count", "page count", "number of pages"),
            ["posts", "projects", "session_replay_chunks", "session_recordings", "daily_stats", "import_logs", "cron_jobs",
                "documents", "books", "FraudEventGroup", "event_groups", "alert_events"]),
        new("fr", W("nombre de pages", "nombre d evenements"), ["documents", "projets", "statistiques", "enregistrements"]),
        new("de", W("anzahl seiten", "anzahl ereignisse"), ["dokumente", "projekte", "statistiken", "aufzeichnungen"]),
        new("es", W("numero de paginas", "numero de eventos"), ["documentos", "proyectos", "estadisticas", "grabaciones"]),
    ];

    [Test]
    public void CountsOfOtherThings_AreNotActivity() =>
        AdversarialColumns.AssertNoneTake(Rules,
            new ColumnKind("counts of pages or events kept on something other than a visit", CountsElsewhere, CountTypes,
                ["id", "title", "created_at"], ["none"]), 800, 4520, "automatic");

    // Look-alike: how often a login session's token was refreshed or renewed is a fact about the secret, not a visit's count
    // (failed sign-in attempts are activity by tie-breaker 14 and are left out here).
    private static readonly KindWording[] OtherCountsOfASession =
    [
        new("en", W("refresh token counter", "refresh count", "token refresh count"), ["sessions", "auth.sessions", "user_sessions"]),
        new("fr", W("nombre de renouvellements"), ["sessions"]),
        new("de", W("anzahl erneuerungen"), ["sitzungen"]),
        new("es", W("numero de renovaciones"), ["sesiones"]),
    ];

    [Test]
    public void OtherCountsOfASession_AreNotThisRoundsActivity() =>
        AdversarialColumns.AssertNoneTake(Rules,
            new ColumnKind("other counts of a login session", OtherCountsOfASession, CountTypes,
                ["id", "user_id", "created_at", "not_after"], ["none"]), 400, 4530, "automatic");
}
