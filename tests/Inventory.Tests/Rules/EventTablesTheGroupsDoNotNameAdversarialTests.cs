using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10, personal recall (events47; rules/MODEL.md, <i>Event tables the table groups do not name (session 47,
/// events47)</i>): the time of a row in a table shaped as a record of events whose name the event groups do not read
/// (<see cref="RuleClassifier.EventRowTimeEvidence"/>; LABELS.md tie-breaker 10), generated in bulk in the rules' four
/// languages (EN/FR/DE/ES), both ways:
/// <list type="bullet">
/// <item>an access record (a network address beside keys, a country, a page, the call or the action: a shop's
/// <c>product_report</c>, <c>customer_ip</c>, <c>api_history</c>, <c>rapport_produit</c>, <c>Kunden_IP</c>,
/// <c>historial_api</c>) and an action record (the action beside the key of whoever caused it, no other time: an API's
/// <c>api_calls</c>, a forge's <c>action</c>, <c>appels_api</c>, <c>Aufrufe</c>, <c>llamadas_api</c>): its time is
/// <c>automatic.activity</c>, by the rules alone and never none with the shipped model;</item>
/// <item>business records with the same words: an address beside a rating, a comment, an e-mail, a status or a time the
/// row changes at (an article's rating, a customer's comment, a login counter); an action beside a status and an update
/// time (jobs, tasks, requests); an action without anyone's key (cron rows); the system's own logs (webhooks, imports):
/// their time stays none (LABELS.md: <c>created_at</c> of ordinary business records);</item>
/// <item>the action of an action record (<c>action</c>, <c>action_name</c>, <c>op_type</c>, <c>type_d_action</c>,
/// <c>Aktion</c>, <c>accion</c>) beside the key of whoever caused it is <c>automatic.activity</c>
/// (<see cref="RuleClassifier.EventRowActionEvidence"/>); beside a status and an update time, or with no one's key, it is
/// not;</item>
/// <item>shared case C12: the day a visit is filed under (<c>visit.visited_on</c>, the partition key beside the client's
/// address and user agent) stays none, names only and with values.</item>
/// </list>
/// Only kinds are asserted, never one literal row.
/// </summary>
[TestFixture]
public sealed class EventTablesTheGroupsDoNotNameAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] TimeTypes =
        ["timestamp", "datetime", "timestamp without time zone", "timestamp with time zone", "DateTime", "datetime2", "TIMESTAMP",
         "bigint", "int(11)", "DateTime64(3)"];

    // The time of a row, per language, in the words the decision reads (EventTimeNames).
    private static readonly (string Language, string[][] Names)[] RowTimes =
    [
        ("en", W("created at", "date added", "timestamp", "received at", "occurred at", "logged at", "created on utc", "created unix")),
        ("fr", W("date", "horodatage", "date creation", "date ajout", "cree le", "recu le", "date heure")),
        ("de", W("zeitpunkt", "zeitstempel", "datum", "erstellt am", "empfangen am", "datum uhrzeit")),
        ("es", W("fecha", "fecha hora", "fecha creacion", "creado en", "recibido en", "marca de tiempo")),
    ];

    // Tables no event group reads, per language: reports, histories and lists of addresses and calls.
    private static readonly (string Language, string[] Tables)[] UnnamedTables =
    [
        ("en", ["product_report", "download_report", "customer_ip", "api_history", "marketing_report", "frontend_signals"]),
        ("fr", ["rapport_produit", "rapports_telechargement", "ip_client", "historique_api", "signaux"]),
        ("de", ["produktbericht", "download_bericht", "kunden_ip", "api_verlauf", "signale"]),
        ("es", ["informe_producto", "informe_descargas", "ip_cliente", "historial_api", "senales"]),
    ];

    // Access records: a network address beside keys and what the event records.
    private static readonly (string Language, string[] Siblings)[] AccessRows =
    [
        ("en", ["id", "customer_id", "store_id", "ip", "country"]),
        ("en", ["id", "api_id", "call", "ip_address"]),
        ("en", ["ip", "customer_id", "url", "referer"]),
        ("fr", ["id", "client_id", "adresse_ip", "pays"]),
        ("fr", ["id", "id_utilisateur", "ip", "page"]),
        ("de", ["id", "kunden_id", "ip_adresse", "land"]),
        ("de", ["id", "benutzer_id", "ip", "seite"]),
        ("es", ["id", "cliente_id", "direccion_ip", "pais"]),
        ("es", ["id", "id_usuario", "ip", "pagina"]),
    ];

    // Action records: the action beside the key of whoever caused it, no other time.
    private static readonly (string Language, string[] Siblings)[] ActionRows =
    [
        ("en", ["id", "user_id", "action", "payload"]),
        ("en", ["id", "agent_id", "action_name", "controller_name", "raw_http"]),
        ("en", ["id", "actor_id", "op_type", "repo_id", "content"]),
        ("fr", ["id", "utilisateur_id", "action", "donnees"]),
        ("fr", ["id", "id_agent", "type_d_action", "details"]),
        ("de", ["id", "benutzer_id", "aktion", "daten"]),
        ("de", ["id", "mitarbeiter_id", "vorgang", "details"]),
        ("es", ["id", "usuario_id", "accion", "datos"]),
        ("es", ["id", "id_agente", "tipo_de_accion", "detalles"]),
    ];

    // Business records with a network address: a rating, a comment, a login counter with its e-mail, a signature, or a time
    // at which the row changes.
    private static readonly (string Language, string[] Siblings)[] AddressedBusinessRows =
    [
        ("en", ["id", "article_id", "customer_id", "rating", "ip"]),
        ("en", ["id", "author", "comment", "ip", "status"]),
        ("en", ["id", "email", "ip", "total"]),
        ("en", ["id", "customer_id", "ip", "updated_at"]),
        ("en", ["id", "license_id", "ip_address", "fingerprint", "token", "expires_at"]),
        ("fr", ["id", "client_id", "ip", "note_attribuee"]),
        ("fr", ["id", "nom", "courriel", "ip", "statut"]),
        ("fr", ["id", "client_id", "ip", "date_modification"]),
        ("de", ["id", "kunden_id", "ip", "bewertung"]),
        ("de", ["id", "name", "email", "ip", "status"]),
        ("de", ["id", "kunden_id", "ip", "geaendert_am"]),
        ("es", ["id", "cliente_id", "ip", "valoracion"]),
        ("es", ["id", "nombre", "correo", "ip", "estado"]),
        ("es", ["id", "cliente_id", "ip", "fecha_modificacion"]),
    ];

    // Business records with an action: a status and an update time (jobs, tasks, requests), or no one's key (cron rows).
    private static readonly (string Language, string[] Siblings)[] ActionBusinessRows =
    [
        ("en", ["id", "user_id", "action", "status", "updated_at"]),
        ("en", ["id", "action", "status", "payload"]),
        ("en", ["id", "customer_id", "action", "email", "status", "date_modified"]),
        ("fr", ["id", "utilisateur_id", "action", "statut", "date_modification"]),
        ("fr", ["id", "action", "statut", "donnees"]),
        ("de", ["id", "benutzer_id", "aktion", "status", "aktualisiert_am"]),
        ("de", ["id", "aktion", "status", "daten"]),
        ("es", ["id", "usuario_id", "accion", "estado", "fecha_actualizacion"]),
        ("es", ["id", "accion", "estado", "datos"]),
    ];

    // Tables of a business record, per language (comments, ratings, licences, jobs, requests).
    private static readonly (string Language, string[] Tables)[] BusinessTables =
    [
        ("en", ["article_rating", "comments_moderation", "newsletter_unsubscribes", "license_validations", "jobs", "gdpr_requests"]),
        ("fr", ["notes_articles", "commentaires_moderation", "demandes_rgpd", "taches"]),
        ("de", ["artikel_bewertungen", "kommentare_moderation", "dsgvo_antraege", "aufgaben"]),
        ("es", ["valoraciones_articulos", "comentarios_moderacion", "solicitudes_rgpd", "tareas"]),
    ];

    private static ColumnKind RowTime(string what, string language, string[] siblings, (string Language, string[] Tables)[] tables,
        string[] accepted) =>
        new(what, [new KindWording(language, RowTimes.Single(t => t.Language == language).Names, tables.Single(t => t.Language == language).Tables)],
            TimeTypes, siblings, accepted);

    [Test]
    public void TimeOfAnAccessRecord_IsActivity()
    {
        int seed = 47100;
        foreach (var (language, siblings) in AccessRows)
            AdversarialColumns.AssertAllAccepted(Rules,
                RowTime($"the time of an access record ({language}: {string.Join(", ", siblings)})", language, siblings, UnnamedTables,
                    ["automatic.activity"]), 300, seed++);
    }

    [Test]
    public void TimeOfAnActionRecord_IsActivity()
    {
        int seed = 47110;
        foreach (var (language, siblings) in ActionRows)
            AdversarialColumns.AssertAllAccepted(Rules,
                RowTime($"the time of an action record ({language}: {string.Join(", ", siblings)})", language, siblings, UnnamedTables,
                    ["automatic.activity"]), 300, seed++);
    }

    [Test]
    public void TimeOfAnEventRecord_WithTheModel_IsNeverNone()
    {
        int seed = 47120;
        foreach (var (language, siblings) in AccessRows.Concat(ActionRows))
            AdversarialColumns.AssertNoneTake(Combined,
                RowTime($"the time of an event record, with the model ({language}: {string.Join(", ", siblings)})", language, siblings,
                    UnnamedTables, ["automatic.activity"]), 120, seed++, "none");
    }

    [Test]
    public void TimeOfAnEventRecord_RuleDecision_IsATableContextAtEightTenths()
    {
        var columns = AdversarialColumns.Generate(RowTime("the time of a German access record", "de", ["id", "kunden_id", "ip", "land"],
            UnnamedTables, ["automatic.activity"]), 300, 47130);
        var decisions = Rules.ClassifyMany(columns.Select(c => c.ToEvidence()).ToArray());
        Assert.That(decisions.Select(d => d.Evidence[0].Id).Distinct(), Is.EqualTo(new[] { RuleClassifier.EventRowTimeEvidence }));
        Assert.That(decisions.Select(d => d.Confidence).Distinct(), Is.EqualTo(new[] { 0.8 }));
        Assert.That(decisions.Select(d => d.Evidence[0].Kind).Distinct(), Is.EqualTo(new[] { "table-context" }));
    }

    [Test]
    public void TimeOfABusinessRecordWithAnAddress_IsNotActivity()
    {
        int seed = 47200;
        foreach (var (language, siblings) in AddressedBusinessRows)
            AdversarialColumns.AssertNoneTake(Rules,
                RowTime($"the time of a business record with an address ({language}: {string.Join(", ", siblings)})", language, siblings,
                    BusinessTables, ["none"]), 300, seed++, "automatic");
    }

    [Test]
    public void TimeOfABusinessRecordWithAnAction_IsNotActivity()
    {
        int seed = 47220;
        foreach (var (language, siblings) in ActionBusinessRows)
            AdversarialColumns.AssertNoneTake(Rules,
                RowTime($"the time of a business record with an action ({language}: {string.Join(", ", siblings)})", language, siblings,
                    BusinessTables, ["none"]), 300, seed++, "automatic");
    }

    [Test]
    public void TimeOfAnEventShapedRowInTheSystemsOwnLogs_IsNotActivity()
    {
        // Webhook deliveries, imports, jobs, tasks and traces of the system (groups not-online-activity, background-work,
        // outgoing-call) with a network address.
        var kind = new ColumnKind("the time of a row of the system's own logs", [
                new KindWording("en", RowTimes[0].Names, ["webhook_deliveries", "import_runs", "job_runs", "traces"]),
                new KindWording("fr", RowTimes[1].Names, ["appels_webhook", "taches_planifiees", "taches"]),
                new KindWording("de", RowTimes[2].Names, ["webhookaufrufe", "aufgaben", "warteschlange"]),
                new KindWording("es", RowTimes[3].Names, ["llamadas_webhook", "tareas_programadas", "tareas"]),
            ], TimeTypes, ["id", "webhook_id", "ip", "url"], ["none"]);
        AdversarialColumns.AssertNoneTake(Rules, kind, 800, 47240, "automatic");
    }

    [Test]
    public void OtherColumnsOfAnEventRecord_AreNotDecidedByTheTime()
    {
        // The decision reads times only: a business word beside the same shape keeps its own reading (not activity by it).
        var kind = new ColumnKind("other columns of an access record", [
                new KindWording("en", W("store id", "customer id", "updated at", "expires at", "rating"), ["product_report", "customer_ip"]),
                new KindWording("fr", W("client id", "date modification", "note attribuee"), ["rapport_produit", "ip_client"]),
                new KindWording("de", W("kunden id", "geaendert am", "bewertung"), ["produktbericht", "kunden_ip"]),
                new KindWording("es", W("cliente id", "fecha modificacion", "valoracion"), ["informe_producto", "ip_cliente"]),
            ], TimeTypes, ["id", "ip", "country", "date_added"], ["none"]);
        var columns = AdversarialColumns.Generate(kind, 600, 47250);
        var decisions = Rules.ClassifyMany(columns.Select(c => c.ToEvidence()).ToArray());
        Assert.That(decisions.Count(d => d.Evidence.Any(e => e.Id == RuleClassifier.EventRowTimeEvidence)), Is.Zero);
    }

    // ---------------------------------------------------------------- the action of an action record

    private static readonly KindWording[] ActionOfARow =
    [
        new("en", W("action", "action name", "action type", "op type", "operation"), ["api_calls", "frontend_signals", "action", "api_history"]),
        new("fr", W("action", "type d action", "nom de l action", "operation"), ["appels_api", "historique_api", "signaux"]),
        new("de", W("aktion", "aktionstyp", "vorgang"), ["api_aufrufe", "api_verlauf", "signale"]),
        new("es", W("accion", "tipo de accion", "nombre de la accion", "operacion"), ["llamadas_api", "historial_api", "senales"]),
    ];

    private static readonly string[] ActionTypes = ["varchar(50)", "text", "String", "LowCardinality(String)", "INT", "int(11)", "character varying(64)"];

    // The action's row: the key of whoever caused it and the event's time, per language.
    private static readonly string[][] ActorRows =
    [
        ["id", "user_id", "created_at", "payload"], ["id", "agent_id", "received_at", "controller_name", "raw_http"],
        ["id", "actor_id", "repo_id", "created_unix", "content"], ["id", "utilisateur_id", "horodatage", "donnees"],
        ["id", "benutzer_id", "zeitpunkt", "daten"], ["id", "usuario_id", "fecha", "datos"],
    ];

    // Business records with an action: an update time or an expiry, or no one's key.
    private static readonly string[][] BusinessActionRows =
    [
        ["id", "user_id", "status", "created_at", "updated_at"], ["id", "status", "payload", "created_at"],
        ["id", "utilisateur_id", "statut", "date_creation", "date_modification"], ["id", "statut", "donnees"],
        ["id", "benutzer_id", "status", "erstellt_am", "aktualisiert_am"], ["id", "status", "daten"],
        ["id", "usuario_id", "estado", "fecha_creacion", "fecha_actualizacion"], ["id", "estado", "datos", "expira_el"],
    ];

    [Test]
    public void ActionOfAnActionRecord_IsActivity()
    {
        int seed = 47400;
        foreach (var siblings in ActorRows)
            AdversarialColumns.AssertAllAccepted(Rules,
                new ColumnKind($"the action of an action record ({string.Join(", ", siblings)})", ActionOfARow, ActionTypes, siblings,
                    ["automatic.activity"]), 400, seed++);
    }

    [Test]
    public void ActionOfAnActionRecord_WithTheModel_IsNeverNone()
    {
        int seed = 47410;
        foreach (var siblings in ActorRows)
            AdversarialColumns.AssertNoneTake(Combined,
                new ColumnKind($"the action of an action record, with the model ({string.Join(", ", siblings)})", ActionOfARow, ActionTypes,
                    siblings, ["automatic.activity"]), 150, seed++, "none");
    }

    [Test]
    public void ActionOfABusinessRecord_IsNotActivity()
    {
        int seed = 47420;
        foreach (var siblings in BusinessActionRows)
            AdversarialColumns.AssertNoneTake(Rules,
                new ColumnKind($"the action of a business record ({string.Join(", ", siblings)})", [
                        new KindWording("en", ActionOfARow[0].Names, ["jobs", "gdpr_requests", "return_requests", "survey_quotas"]),
                        new KindWording("fr", ActionOfARow[1].Names, ["demandes_rgpd", "taches", "quotas"]),
                        new KindWording("de", ActionOfARow[2].Names, ["dsgvo_antraege", "aufgaben", "kontingente"]),
                        new KindWording("es", ActionOfARow[3].Names, ["solicitudes_rgpd", "tareas", "cuotas"]),
                    ], ActionTypes, siblings, ["none"]), 400, seed++, "automatic");
    }

    // ---------------------------------------------------------------- shared case C12

    private static readonly string[] VisitSiblings = ["id", "client_ip", "user_agent"];

    [Test]
    public void C12_PartitionKeyOfAVisitTable_StaysNone_NamesOnly()
    {
        // Names only the rules read a date, none; the combined reading of a names-only visit table is the model's (the case
        // itself is scanned with values, below), and this decision takes no part in it.
        var column = Some.InTable("visit", VisitSiblings, "visited_on", "date");
        Assert.That(Rules.Classify(column).DataCategory, Is.EqualTo("none"));
        Assert.That(Rules.Classify(column).Evidence.Any(e => e.Id == RuleClassifier.EventRowTimeEvidence), Is.False);
        Assert.That(Combined.Classify(column).Evidence.Any(e => e.Id == RuleClassifier.EventRowTimeEvidence), Is.False);
    }

    [Test]
    public void C12_PartitionKeyOfAVisitTable_StaysNone_WithValues()
    {
        var column = Some.InTable("visit", VisitSiblings, "visited_on", "date", "2024-06-01", "2025-02-11");
        Assert.That(Rules.Classify(column).DataCategory, Is.EqualTo("none"));
        Assert.That(Combined.Classify(column).DataCategory, Is.EqualTo("none"));
    }

    [Test]
    public void DayOfAVisitNamedAfterIt_InEveryLanguage_IsNotAnEventTime()
    {
        // The day a visit is filed under, named after the visit (C12's kind), in four languages: never this decision's.
        var kind = new ColumnKind("the day of a visit named after it", [
                new KindWording("en", W("visited on", "visit date", "visit day"), ["visit", "visits"]),
                new KindWording("fr", W("visite le", "date visite", "jour visite"), ["visite", "visites"]),
                new KindWording("de", W("besucht am", "besuchsdatum", "besuchstag"), ["besuch", "besuche"]),
                new KindWording("es", W("visitado el", "fecha visita", "dia visita"), ["visita", "visitas"]),
            ], ["date", "DATE", "date NOT NULL"], ["id", "client_ip", "user_agent"], ["none"]);
        var columns = AdversarialColumns.Generate(kind, 600, 47300);
        var decisions = Rules.ClassifyMany(columns.Select(c => c.ToEvidence()).ToArray());
        Assert.That(decisions.Count(d => d.Evidence.Any(e => e.Id == RuleClassifier.EventRowTimeEvidence)), Is.Zero);
    }
}
