using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10, personal recall, the twenty-fifth error-kind round (errors48; rules/MODEL.md, <i>Experiments of the
/// twenty-fifth error-kind round (session 48, errors48)</i>), generated in bulk in the rules' four languages (EN/FR/DE/ES),
/// both ways:
/// <list type="bullet">
/// <item>the time a sign-in session was refreshed (<see cref="RuleClassifier.SessionRefreshTimeEvidence"/>: supabase's
/// <c>auth.sessions.refreshed_at</c>, keycloak's <c>OFFLINE_USER_SESSION.LAST_SESSION_REFRESH</c>; LABELS.md tie-breakers
/// 8 and 10) in a table of login sessions is <c>automatic.activity</c>, by the rules alone and never none with the shipped
/// model; a refresh token's expiry, lifetime or counter and a refresh rate there are not decided by it, and a refresh time
/// of a feed, a cache, a dashboard, a session recording or a training session is not activity;</item>
/// <item>an access record (events47) may also say what kind of thing the visit touched (<c>image_type</c>,
/// <c>type_de_contenu</c>, <c>objekt_typ</c>, <c>tipo_de_objeto</c>): its time is still <c>automatic.activity</c>, and a
/// rating, a status or a time the row changes at beside it still make it a business record;</item>
/// <item>the event-row decisions (events47) do not read tables of imports named in French, German or Spanish
/// (<c>importations</c>, <c>Importe</c>, <c>importaciones</c>): an import's row with an address and a time stays none,
/// while the same row in an API's history is activity.</item>
/// </list>
/// Only kinds are asserted, never one literal row.
/// </summary>
[TestFixture]
public sealed class ErrorKindTwentyFifthRoundAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] TimeTypes =
        ["timestamp", "datetime", "timestamp without time zone", "timestamp with time zone", "DateTime", "datetime2", "TIMESTAMP",
         "bigint", "INT", "int(11)", "DateTime64(3)"];

    // ---------------------------------------------------------------- the time a sign-in session was refreshed

    private static readonly KindWording[] RefreshTimes =
    [
        new("en", W("refreshed at", "last refresh", "last session refresh", "last refreshed at", "session refreshed at", "refresh time",
                "renewed at", "refreshed on utc"),
            ["sessions", "user_sessions", "offline_user_session", "login_sessions", "auth_sessions", "browser_sessions"]),
        new("fr", W("rafraichi le", "date de rafraichissement", "dernier rafraichissement", "date rafraichissement", "renouvele le"),
            ["sessions", "sessions_utilisateurs", "sessions_de_connexion", "session_utilisateur"]),
        new("de", W("aufgefrischt am", "erneuert am", "letzte erneuerung", "letzte auffrischung", "zuletzt erneuert"),
            ["sitzungen", "benutzersitzungen", "anmeldesitzungen", "sitzung"]),
        new("es", W("refrescado en", "renovado en", "ultima renovacion", "fecha de renovacion", "ultimo refresco"),
            ["sesiones", "sesiones_de_usuario", "sesion", "sesion_de_usuario"]),
    ];

    private static readonly string[][] SessionRows =
    [
        ["id", "user_id", "created_at", "updated_at", "ip", "user_agent"],
        ["USER_SESSION_ID", "USER_ID", "REALM_ID", "CREATED_ON", "DATA", "VERSION"],
        ["id", "utilisateur_id", "date_creation", "adresse_ip"],
        ["id", "benutzer_id", "erstellt_am", "ip_adresse"],
        ["id", "usuario_id", "fecha_creacion", "direccion_ip"],
        ["id", "user_id", "not_after", "refresh_token_hmac_key", "refresh_token_counter"],
    ];

    [Test]
    public void RefreshTimeOfASignInSession_IsActivity()
    {
        int seed = 48100;
        foreach (var siblings in SessionRows)
            AdversarialColumns.AssertAllAccepted(Rules,
                new ColumnKind($"the time a sign-in session was refreshed ({string.Join(", ", siblings)})", RefreshTimes, TimeTypes, siblings,
                    ["automatic.activity"]), 400, seed++);
    }

    [Test]
    public void RefreshTimeOfASignInSession_WithTheModel_IsNeverNone()
    {
        int seed = 48110;
        foreach (var siblings in SessionRows)
            AdversarialColumns.AssertNoneTake(Combined,
                new ColumnKind($"the time a sign-in session was refreshed, with the model ({string.Join(", ", siblings)})", RefreshTimes,
                    TimeTypes, siblings, ["automatic.activity"]), 200, seed++, "none");
    }

    [Test]
    public void RefreshTimeOfASignInSession_RuleDecision_IsATableContextAtEightTenths()
    {
        var columns = AdversarialColumns.Generate(new ColumnKind("the time a session was refreshed", RefreshTimes, TimeTypes, SessionRows[0],
            ["automatic.activity"]), 400, 48120);
        var decisions = Rules.ClassifyMany(columns.Select(c => c.ToEvidence()).ToArray());
        // A name rule reads some of the names already (an event time in a sign-in table: `refresh_time`); the decision
        // takes the others, each as a table context at 0.8.
        var taken = decisions.Where(d => d.Evidence[0].Id == RuleClassifier.SessionRefreshTimeEvidence).ToList();
        Assert.That(taken, Has.Count.GreaterThan(columns.Count / 2));
        Assert.That(taken.Select(d => d.Evidence[0].Kind).Distinct(), Is.EqualTo(new[] { "table-context" }));
        Assert.That(taken.Select(d => d.Confidence).Distinct(), Is.EqualTo(new[] { 0.8 }));
        Assert.That(decisions.Except(taken).Select(d => (d.Evidence[0].Kind, d.DataCategory)).Distinct(),
            Is.EquivalentTo(new[] { ("name-rule", "automatic.activity") }));
    }

    [Test]
    public void OtherRefreshColumnsOfASignInSession_AreNotDecidedByIt()
    {
        // A refresh token's expiry, lifetime and counter, a refresh rate and the token itself: none of them a time of a refresh.
        var kind = new ColumnKind("other refresh columns of a sign-in session", [
                new KindWording("en", W("refresh token expires at", "refresh token ttl", "refresh token counter", "refresh rate",
                    "refresh token", "refresh interval", "refresh expires at"), RefreshTimes[0].Tables),
                new KindWording("fr", W("expiration rafraichissement", "frequence de rafraichissement", "jeton de rafraichissement",
                    "nombre de rafraichissements"), RefreshTimes[1].Tables),
                new KindWording("de", W("auffrischung ablauf", "auffrischungsintervall", "auffrischungstoken", "anzahl erneuerungen"),
                    RefreshTimes[2].Tables),
                new KindWording("es", W("caducidad de renovacion", "intervalo de renovacion", "token de refresco", "numero de renovaciones"),
                    RefreshTimes[3].Tables),
            ], [.. TimeTypes, "text", "varchar(255)", "integer"], SessionRows[0], ["none", "other_personal.credentials"]);
        var columns = AdversarialColumns.Generate(kind, 1200, 48130);
        var decisions = Rules.ClassifyMany(columns.Select(c => c.ToEvidence()).ToArray());
        Assert.That(decisions.Count(d => d.Evidence.Any(e => e.Id == RuleClassifier.SessionRefreshTimeEvidence)), Is.Zero);
    }

    [Test]
    public void RefreshTimeOfSomethingElseThanASignInSession_IsNotActivity()
    {
        // Feeds, caches, dashboards and materialised views refresh too, and so do the records kept about sessions (their
        // recordings) and sessions that are no sign-in (a training course's).
        var kind = new ColumnKind("the refresh time of a feed, cache, dashboard, recording or course", [
                new KindWording("en", RefreshTimes[0].Names, ["rss_feeds", "caches", "dashboards", "materialized_views", "session_recordings",
                    "training_sessions", "exchange_rates"]),
                new KindWording("fr", RefreshTimes[1].Names, ["flux_rss", "caches", "tableaux_de_bord", "sessions_de_formation", "taux_de_change"]),
                new KindWording("de", RefreshTimes[2].Names, ["feeds", "zwischenspeicher", "schulungen", "wechselkurse"]),
                new KindWording("es", RefreshTimes[3].Names, ["fuentes_rss", "cache", "sesiones_de_formacion", "tipos_de_cambio"]),
            ], TimeTypes, ["id", "name", "url", "created_at"], ["none"]);
        AdversarialColumns.AssertNoneTake(Rules, kind, 1600, 48140, "automatic");
        var decisions = Rules.ClassifyMany(AdversarialColumns.Generate(kind, 1600, 48140).Select(c => c.ToEvidence()).ToArray());
        Assert.That(decisions.Count(d => d.Evidence.Any(e => e.Id == RuleClassifier.SessionRefreshTimeEvidence)), Is.Zero);
    }

    // ---------------------------------------------------------------- the kind of the thing an event touched

    // Access records that also say what kind of thing the visit touched (piwigo's `piwigo_history.image_type`).
    private static readonly (string Language, string[] Siblings)[] TypedAccessRows =
    [
        ("en", ["id", "user_id", "ip", "section", "image_id", "image_type", "tag_ids"]),
        ("en", ["id", "customer_id", "ip_address", "object_type", "object_id"]),
        ("fr", ["id", "utilisateur_id", "adresse_ip", "type_de_contenu", "contenu_id"]),
        ("de", ["id", "benutzer_id", "ip_adresse", "objekt_typ", "objekt_id"]),
        ("es", ["id", "usuario_id", "direccion_ip", "tipo_de_objeto", "objeto_id"]),
    ];

    // The same rows with a business record's column beside them: a rating, a status, a time the row changes at.
    private static readonly (string Language, string[] Siblings)[] TypedBusinessRows =
    [
        ("en", ["id", "user_id", "ip", "image_type", "rating"]),
        ("en", ["id", "customer_id", "ip_address", "object_type", "updated_at"]),
        ("fr", ["id", "utilisateur_id", "adresse_ip", "type_de_contenu", "statut"]),
        ("de", ["id", "benutzer_id", "ip_adresse", "objekt_typ", "bewertung"]),
        ("es", ["id", "usuario_id", "direccion_ip", "tipo_de_objeto", "fecha_modificacion"]),
    ];

    private static readonly (string Language, string[] Tables)[] VisitTables =
    [
        ("en", ["history", "gallery_history", "image_report", "api_history"]),
        ("fr", ["historique", "historique_galerie", "rapport_images"]),
        ("de", ["verlauf", "galerie_verlauf", "bildbericht"]),
        ("es", ["historial", "historial_galeria", "informe_imagenes"]),
    ];

    [Test]
    public void TimeOfAnAccessRecordWithTheKindOfWhatItTouched_IsActivity()
    {
        int seed = 48300;
        foreach (var (language, siblings) in TypedAccessRows)
            AdversarialColumns.AssertAllAccepted(Rules,
                RowTime($"the time of an access record with a kind of thing ({language}: {string.Join(", ", siblings)})", language, siblings,
                    VisitTables, ["automatic.activity"]), 400, seed++);
    }

    [Test]
    public void TimeOfABusinessRecordWithTheKindOfAThing_IsNotActivity()
    {
        int seed = 48310;
        foreach (var (language, siblings) in TypedBusinessRows)
            AdversarialColumns.AssertNoneTake(Rules,
                RowTime($"the time of a business record with a kind of thing ({language}: {string.Join(", ", siblings)})", language, siblings,
                    VisitTables, ["none"]), 400, seed++, "automatic");
    }

    // ---------------------------------------------------------------- imports named in French, German and Spanish

    private static readonly (string Language, string[][] Names)[] RowTimes =
    [
        ("en", W("created at", "date added", "timestamp", "received at")),
        ("fr", W("date", "horodatage", "date creation", "date ajout", "cree le")),
        ("de", W("zeitpunkt", "zeitstempel", "datum", "erstellt am")),
        ("es", W("fecha", "fecha hora", "fecha creacion", "creado en")),
    ];

    private static readonly (string Language, string[] Siblings)[] AccessRows =
    [
        ("fr", ["id", "utilisateur_id", "adresse_ip", "source"]),
        ("fr", ["id", "client_id", "ip", "donnees"]),
        ("de", ["id", "benutzer_id", "ip_adresse", "quelle"]),
        ("de", ["id", "kunden_id", "ip", "daten"]),
        ("es", ["id", "usuario_id", "direccion_ip", "origen"]),
        ("es", ["id", "cliente_id", "ip", "datos"]),
    ];

    private static readonly (string Language, string[] Tables)[] ImportTables =
    [
        ("fr", ["importations", "importations_clients", "journal_importations", "importation"]),
        // Not `importprotokoll`: the event-log group reads its `protokoll` (a log) before this decision (left, rules/MODEL.md).
        ("de", ["importe", "kunden_importe", "importvorgaenge", "importlaeufe", "import_laeufe"]),
        ("es", ["importaciones", "importaciones_clientes", "registro_importaciones", "importacion"]),
    ];

    private static readonly (string Language, string[] Tables)[] HistoryTables =
    [
        ("fr", ["historique_api", "ip_client", "rapport_produit"]),
        ("de", ["api_verlauf", "kunden_ip", "produktbericht"]),
        ("es", ["historial_api", "ip_cliente", "informe_producto"]),
    ];

    private static ColumnKind RowTime(string what, string language, string[] siblings, (string Language, string[] Tables)[] tables, string[] accepted) =>
        new(what, [new KindWording(language, RowTimes.Single(t => t.Language == language).Names, tables.Single(t => t.Language == language).Tables)],
            TimeTypes, siblings, accepted);

    [Test]
    public void TimeOfAnImportRow_InFrenchGermanSpanish_IsNotActivity()
    {
        int seed = 48200;
        foreach (var (language, siblings) in AccessRows)
            AdversarialColumns.AssertNoneTake(Rules,
                RowTime($"the time of an import's row ({language}: {string.Join(", ", siblings)})", language, siblings, ImportTables, ["none"]),
                400, seed++, "automatic");
    }

    [Test]
    public void TimeOfTheSameRowInAnApiHistory_IsActivity()
    {
        // The control of the test above: the same rows under a table name that says no import are access records.
        int seed = 48210;
        foreach (var (language, siblings) in AccessRows)
            AdversarialColumns.AssertAllAccepted(Rules,
                RowTime($"the time of an access record ({language}: {string.Join(", ", siblings)})", language, siblings, HistoryTables,
                    ["automatic.activity"]), 400, seed++);
    }
}
