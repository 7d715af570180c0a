using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Rules;

/// <summary>The rule classifier's decision on the time of an event in a table whose name the event groups do not read as
/// an event or log table (events47, issue 10; LABELS.md tie-breaker 10): a shop's report rows of who opened a product or a
/// download (<c>oc_product_report</c>), the addresses a customer came from (<c>oc_customer_ip</c>), the calls an API
/// received (<c>api_calls</c>, <c>oc_api_history</c>), the signals and traces a replay tool records. Such a table says what
/// it records by the shape of its rows, not by its name: the time of the row beside the network address or the action of
/// whoever caused it, and nothing that a business record holds (a status, an amount, a name, a text, a second time at which
/// the row changed).</summary>
/// <remarks>The words of this decision are stated here rather than in rules/name-rules.yml: every word of the rule file is
/// also in the column model's closed-compound dictionary (<see cref="NameRuleSet"/>), so new words there would change the
/// model's inputs, and this decision is meant to leave them as they are (as <c>MarkLocatorName</c>, rules/MODEL.md session
/// 43).</remarks>
public sealed partial class RuleClassifier
{
    /// <summary>Evidence id of <see cref="EventRowTime"/>'s decision (kind <c>table-context</c>).</summary>
    public const string EventRowTimeEvidence = "table.event-row-time";

    /// <summary>Evidence id of <see cref="EventRowAction"/>'s decision (kind <c>table-context</c>).</summary>
    public const string EventRowActionEvidence = "table.event-row-action";

    // Whole names (tokens joined by spaces, a trailing `utc`/`gmt` left out) that say when a row was written or when what it
    // records happened, in English, French, German and Spanish. Not a day of a record (`visited_on`, a partition key of
    // a visit table in shared case C12, `date_of_birth`), not a time the row changes at (`updated_at`, `date_modified`,
    // `tms`), ends (`expires_at`) or is checked at (`validated_at`, `verified_at`).
    private static readonly HashSet<string> EventTimeNames = new(StringComparer.Ordinal)
    {
        "created at", "created on", "created", "created unix", "created ts", "created time", "created date", "creation date",
        "creation time", "date created", "time created", "inserted at", "added at", "added on", "date added", "time added",
        "timestamp", "time stamp", "ts", "time", "date", "datetime", "date time", "event time", "event date", "event at",
        "event timestamp", "occurred at", "occured at", "occurred on", "occured on", "happened at", "logged at",
        "recorded at", "received at", "tracked at", "requested at", "request time", "accessed at", "access time",
        "date heure", "date et heure", "heure", "horodatage", "date creation", "date de creation", "cree le", "date ajout",
        "date d ajout", "ajoute le", "recu le", "survenu le", "date evenement", "date de l evenement", "date acces",
        "date d acces",
        "datum", "zeit", "uhrzeit", "zeitpunkt", "zeitstempel", "erstellt am", "erstellt", "erstellungsdatum",
        "erstellungszeit", "hinzugefuegt am", "hinzugefugt am", "empfangen am", "datum uhrzeit", "ereigniszeit",
        "zugriffszeit", "erfolgt am",
        "fecha", "hora", "fecha hora", "fecha y hora", "marca de tiempo", "creado en", "creado el", "fecha creacion",
        "fecha de creacion", "fecha alta", "recibido en", "recibido el", "ocurrido en", "fecha evento", "fecha del evento",
        "fecha acceso", "fecha de acceso",
    };

    // Whole names of what an event row records besides its time and its keys: the action, the kind, the call, the page or
    // the place of the request (four languages). A business record's own columns (a status, an amount, a name, a title, a
    // text, a token) are not among them.
    private static readonly HashSet<string> EventAttributeNames = new(StringComparer.Ordinal)
    {
        "action", "action name", "action type", "event", "event type", "event name", "type", "kind", "key", "data", "call",
        "method", "section", "source", "category", "url", "uri", "path", "page", "referer", "referrer", "query", "country",
        "details", "detail",
        "evenement", "type d action", "type d evenement", "donnees", "appel", "methode", "categorie", "pays", "chemin",
        "aktion", "typ", "ereignis", "ereignistyp", "daten", "aufruf", "methode", "quelle", "kategorie", "land", "seite", "pfad",
        "accion", "tipo", "tipo de accion", "evento", "tipo de evento", "datos", "llamada", "metodo", "fuente", "origen",
        "categoria", "pais", "pagina", "ruta", "detalles",
    };

    // Whole names of the action a row records (`action`, `action_name`, `op_type`, four languages).
    private static readonly HashSet<string> ActionNames = new(StringComparer.Ordinal)
    {
        "action", "action name", "action type", "op type", "operation type", "operation", "verb", "event name", "event type",
        "type d action", "nom de l action", "type d operation", "aktion", "aktionstyp", "vorgang", "vorgangstyp", "accion",
        "tipo de accion", "nombre de la accion", "operacion", "tipo de operacion",
    };

    // Words of the key to whoever caused the row, besides the person words of the name group `person-key-subject`: an
    // actor, an agent (a staff member), an operator (four languages).
    private static readonly HashSet<string> ActorWords = new(StringComparer.Ordinal)
    {
        "actor", "agent", "operator", "performer", "performed", "initiator", "acteur", "operateur", "akteur", "bearbeiter",
        "agente", "operador",
    };

    // Last words of a name that say a time (for the shape's test that no other time than the event's is in the row).
    private static readonly HashSet<string> TimeWords = new(StringComparer.Ordinal)
    {
        "at", "on", "date", "time", "timestamp", "ts", "unix", "datetime", "tms", "le", "am", "um", "en", "el", "datum", "fecha",
        "expires", "expiry", "expiration", "expire",
    };

    // First words of a name that say a time (`date_object`, `date_modification`, `fecha_baja`, `datum_aenderung`).
    private static readonly HashSet<string> LeadingTimeWords = new(StringComparer.Ordinal) { "date", "fecha", "datum", "heure", "hora" };

    // The system's own records (group `not-online-activity`: imports, errors, traces, syncs; `background-work`: jobs, tasks,
    // queues; `outgoing-call`: webhook and callback deliveries), in four languages where the groups hold them.
    private static readonly string[] EventRowExcludedGroups = ["not-online-activity", "background-work", "outgoing-call"];

    // Words of a table of imports in French, German and Spanish that the group `not-online-activity` (English `import`)
    // does not hold (errors48, events47's leftover: `importe`, `importaciones`): an import's row, with the address and the
    // time of whoever started it, is the system's record of a load, not an event of that person's use of the service.
    private static readonly HashSet<string> ImportTableWords = new(StringComparer.Ordinal)
    {
        "import", "imports", "importation", "importations", "importe", "importen", "importlauf", "importlaeufe", "importlaufe",
        "importvorgang", "importvorgaenge", "importvorgange", "importprotokoll", "importprotokolle", "importjob", "importjobs",
        "importacion", "importaciones", "importado", "importados",
    };

    /// <summary>The words of a name as this decision compares them: its tokens, a trailing <c>utc</c> or <c>gmt</c> left
    /// out (<c>CreatedOnUtc</c>), joined by spaces.</summary>
    private static string EventRowWords(IReadOnlyList<string> tokens)
    {
        int n = tokens.Count;
        while (n > 1 && tokens[n - 1] is "utc" or "gmt") n--;
        return string.Join(' ', tokens.Take(n));
    }

    /// <summary>What a sibling column is in an event row's shape.</summary>
    private enum EventRowPart { Key, NetworkAddress, Automatic, EventTime, Attribute, Action, ActorKey, OtherTime, Other }

    private EventRowPart EventRowPartOf(string table, string sibling)
    {
        var match = _rules.Match(table, sibling, TypeFamily.Text);
        var tokens = match.Tokens;
        if (tokens.Count == 0) return EventRowPart.Other;
        var words = EventRowWords(tokens);
        if (match.Gates.Count == 0 && match.DataCategory == "automatic.ip_address") return EventRowPart.NetworkAddress;
        if (ActionNames.Contains(words)) return EventRowPart.Action;
        if (EventTimeNames.Contains(words)) return EventRowPart.EventTime;
        bool key = KeyWords.Contains(tokens[^1]) || (tokens.Count > 1 && KeyWords.Contains(tokens[0])) || words is "rowid" or "entity";
        if (key && tokens.Count > 1)
        {
            var rest = KeyWords.Contains(tokens[^1]) ? tokens.Take(tokens.Count - 1).ToList() : tokens.Skip(1).ToList();
            if (rest.Any(ActorWords.Contains) || _rules.InNameGroup(rest, "person-key-subject")) return EventRowPart.ActorKey;
        }
        if (key) return EventRowPart.Key;
        if (match.Gates.Count == 0 && match.DataCategory is { } category && category.StartsWith("automatic.", StringComparison.Ordinal))
            return EventRowPart.Automatic;
        if (EventAttributeNames.Contains(words)) return EventRowPart.Attribute;
        // The kind of the thing the event touched (`image_type`, `object_type`, `type_de_contenu`, `Medientyp` is one token,
        // `tipo_de_objeto`): an attribute of the event (errors48: piwigo's `piwigo_history.image_type`).
        if (tokens.Count > 1 && (tokens[^1] is "type" or "typ" or "kind" || tokens[0] is "type" or "typ" or "tipo"))
            return EventRowPart.Attribute;
        if (TimeWords.Contains(tokens[^1]) || LeadingTimeWords.Contains(tokens[0]) || tokens.Any(t => t is "updated" or "modified" or "tms"))
            return EventRowPart.OtherTime;
        return EventRowPart.Other;
    }

    /// <summary>True when the column's table has the shape of a record of events people caused, whatever its name: either
    /// (an access record) another column is a network address (a name rule's <c>automatic.ip_address</c>) and every other
    /// column is a key, an event time, a name rule's <c>automatic.*</c> reading (a user agent, a country of the visit, a
    /// page or a referrer) or an attribute of the event (<see cref="EventAttributeNames"/>: its action, kind, call, data,
    /// page; or the kind of the thing it touched, <c>image_type</c>, <c>type_de_contenu</c>, <c>tipo_de_objeto</c>); or (an action record) another column names the action (<see cref="ActionNames"/>), another is a key to whoever
    /// caused it (a person word of the name group <c>person-key-subject</c> or an actor word, <see cref="ActorWords"/>:
    /// <c>user_id</c>, <c>agent_id</c>, <c>fk_user</c>, <c>actor_id</c>), and no other column is a time other than an event
    /// time (no <c>updated_at</c>, <c>tms</c>, <c>date_object</c>, <c>expires_at</c>: the row of a business record changes
    /// or ends). Tables of the system's own records (groups <c>not-online-activity</c>, <c>background-work</c>,
    /// <c>outgoing-call</c>: imports, errors, traces, jobs, tasks, queues, webhook deliveries) and tables of imports in French,
    /// German and Spanish (<see cref="ImportTableWords"/>: <c>importations</c>, <c>Importe</c>, <c>importaciones</c>) are not read.</summary>
    /// <param name="column">The column, with its table's column names.</param>
    /// <param name="tableGroups">The table's context groups (<see cref="NameMatch.TableGroups"/>).</param>
    /// <returns>True for an event row's shape.</returns>
    internal bool IsEventRowShape(ColumnEvidence column, IReadOnlyList<string> tableGroups) =>
        ReadEventRowShape(column, tableGroups) is { } shape
        && ((shape.Address && shape.AccessShape) || (shape.Action && shape.Actor && shape.ActionShape));

    /// <summary>True when the column's table is an action record without the column (<see cref="IsEventRowShape"/>'s
    /// second shape, the column being the action itself): another column is a key to whoever caused the row, another an
    /// event time, no other column is a time other than an event time, and the table's name is not of a business record
    /// (<see cref="BusinessRecordGroups"/>: orders, payments, posts and comments, the catalogue, projects and reports,
    /// whose action or event name is the record's).</summary>
    /// <param name="column">The column, with its table's column names.</param>
    /// <param name="tableGroups">The table's context groups (<see cref="NameMatch.TableGroups"/>).</param>
    /// <returns>True for an action record.</returns>
    internal bool IsActionRecordOfItsAction(ColumnEvidence column, IReadOnlyList<string> tableGroups) =>
        !tableGroups.Any(BusinessRecordGroups.Contains)
        && ReadEventRowShape(column, tableGroups) is { } shape && shape.Actor && shape.EventTime && shape.ActionShape;

    // Tables of business records whose action or event name is the record's (an order's, an invoice's, a post's, a
    // product's, a project's): the action decision does not read them.
    private static readonly string[] BusinessRecordGroups = ["order", "payment", "content", "catalogue", "shared-record"];

    private readonly record struct EventRowShape(bool Address, bool Action, bool Actor, bool EventTime, bool AccessShape, bool ActionShape);

    private EventRowShape? ReadEventRowShape(ColumnEvidence column, IReadOnlyList<string> tableGroups)
    {
        if (tableGroups.Any(EventRowExcludedGroups.Contains) || column.TableColumns.Count < 2) return null;
        var table = TableContext.NameOf(column);
        if (NameTokenizer.Tokenize(table).Any(ImportTableWords.Contains)) return null;
        bool address = false, action = false, actor = false, eventTime = false, accessShape = true, actionShape = true;
        foreach (var sibling in column.TableColumns)
        {
            if (string.Equals(sibling, column.Column.Name, StringComparison.Ordinal)) continue;
            switch (EventRowPartOf(table, sibling))
            {
                case EventRowPart.NetworkAddress: address = true; break;
                case EventRowPart.Action: action = true; break;
                case EventRowPart.ActorKey: actor = true; break;
                case EventRowPart.EventTime: eventTime = true; break;
                case EventRowPart.Key or EventRowPart.Automatic or EventRowPart.Attribute: break;
                case EventRowPart.OtherTime: accessShape = false; actionShape = false; break;
                default: accessShape = false; break;
            }
        }
        return new EventRowShape(address, action, actor, eventTime, accessShape, actionShape);
    }

    /// <summary>The time of a row (<see cref="EventTimeNames"/>: <c>date_added</c>, <c>created_at</c>, <c>timestamp</c>,
    /// <c>received_at</c>, <c>created_unix</c>, <c>horodatage</c>, <c>Zeitpunkt</c>, <c>fecha</c>) in a table shaped as a
    /// record of events (<see cref="IsEventRowShape"/>) is <c>automatic.activity</c>, when something a person did happened
    /// (LABELS.md tie-breaker 10), where the table's name said no event and the name rules read a generic timestamp
    /// (<c>none</c>). A time, a number or text type (Unix times, ISO strings). A table-context decision, at 0.8 (the
    /// event rules' weight).</summary>
    /// <param name="column">The column, with its table's column names.</param>
    /// <param name="name">The column name's match: none, or a <c>none</c> match.</param>
    /// <param name="evidence">The column's evidence, prepended to when the rule applies.</param>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    private ColumnClassification? EventRowTime(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        if (name.DataCategory is not (null or "none")) return null;
        if (column.Column.Family is not (TypeFamily.Temporal or TypeFamily.Integer or TypeFamily.Decimal or TypeFamily.Text or TypeFamily.Untyped))
            return null;
        if (name.Tokens.Count == 0 || !EventTimeNames.Contains(EventRowWords(name.Tokens))) return null;
        if (!IsEventRowShape(column, name.TableGroups)) return null;
        evidence.Insert(0, new EvidenceItem("table-context", EventRowTimeEvidence, "automatic.activity",
            Detail: "the time of a row beside a network address or the action of whoever caused it, with no business record's columns: when an event happened"));
        return Decide("automatic.activity", 0.8, evidence);
    }

    /// <summary>The action a row records (a whole name of <see cref="ActionNames"/>: <c>action</c>, <c>action_name</c>,
    /// <c>op_type</c>, <c>aktion</c>, <c>accion</c>) beside the key of whoever caused it and the event's time, with no
    /// other time (<see cref="IsActionRecordOfItsAction"/>), is <c>automatic.activity</c>, what a person did (LABELS.md
    /// tie-breaker 10: the event's type or action), where the table's name said no event. Text, number or enumeration
    /// types. A table-context decision, at 0.8.</summary>
    /// <param name="column">The column, with its table's column names.</param>
    /// <param name="name">The column name's match: none, or a <c>none</c> match.</param>
    /// <param name="evidence">The column's evidence, prepended to when the rule applies.</param>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    private ColumnClassification? EventRowAction(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        if (name.DataCategory is not (null or "none")) return null;
        if (column.Column.Family is not (TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Integer or TypeFamily.Other)) return null;
        if (name.Tokens.Count == 0 || !ActionNames.Contains(EventRowWords(name.Tokens))) return null;
        if (!IsActionRecordOfItsAction(column, name.TableGroups)) return null;
        evidence.Insert(0, new EvidenceItem("table-context", EventRowActionEvidence, "automatic.activity",
            Detail: "the action of a row beside the key of whoever caused it, with no business record's time: what a person did"));
        return Decide("automatic.activity", 0.8, evidence);
    }
}
