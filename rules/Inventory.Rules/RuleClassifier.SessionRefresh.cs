using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Rules;

/// <summary>The rule classifier's decision on the time a sign-in session was last refreshed (errors48, issue 10; LABELS.md
/// tie-breakers 8 and 10): supabase's <c>auth.sessions.refreshed_at</c>, keycloak's
/// <c>OFFLINE_USER_SESSION.LAST_SESSION_REFRESH</c>. Each refresh is the person's client coming back with the session's
/// token, the same information as a <c>last_seen_at</c> (tie-breaker 8) or a session's start time (tie-breaker 10), and the
/// corpus labels every such column <c>automatic.activity</c> (with openreplay's <c>users.jwt_refresh_iat</c>, which
/// <c>name.multi.time-of-an-authentication</c> reads). The columns named after a refresh that the corpus labels
/// <c>none</c> are no time of a refresh: a refresh token's expiry or lifetime (<c>refresh_token_expires_at</c>,
/// <c>refreshTokenTtl</c>), a counter (<c>refresh_token_counter</c>), a feed's or a view's refresh rate.</summary>
/// <remarks>The words of this decision are stated here rather than in rules/name-rules.yml, as the event-row decisions'
/// are (<see cref="EventRowTime"/>): every word of the rule file is also in the column model's closed-compound dictionary,
/// and this decision is meant to leave the model's inputs as they are.</remarks>
public sealed partial class RuleClassifier
{
    /// <summary>Evidence id of <see cref="SessionRefreshTime"/>'s decision (kind <c>table-context</c>).</summary>
    public const string SessionRefreshTimeEvidence = "table.session-refresh-time";

    // Whole names (tokens joined by spaces, a trailing `utc`/`gmt` left out) of the time a session was refreshed or
    // renewed, in English, French, German and Spanish. Not an expiry (`refresh_expires_at`), a lifetime, a rate or a count.
    private static readonly HashSet<string> SessionRefreshTimeNames = new(StringComparer.Ordinal)
    {
        "refreshed at", "refreshed on", "refreshed", "refreshed time", "refresh at", "refresh time", "refresh date",
        "refresh timestamp", "last refresh", "last refreshed", "last refreshed at", "last refreshed on", "last refresh at",
        "last refresh time", "last refresh date", "last session refresh", "session refresh", "session refreshed at",
        "session refresh time", "renewed at", "last renewed at", "last renewal", "session renewed at",
        "rafraichi le", "rafraichie le", "date rafraichissement", "date de rafraichissement", "date du rafraichissement",
        "dernier rafraichissement", "date dernier rafraichissement", "date du dernier rafraichissement",
        "heure de rafraichissement", "renouvele le", "renouvelee le", "dernier renouvellement",
        "aufgefrischt am", "erneuert am", "zuletzt erneuert", "zuletzt aufgefrischt", "letzte erneuerung",
        "letzte auffrischung", "auffrischung am", "auffrischungszeit", "erneuerungszeit", "sitzung erneuert am",
        "refrescado en", "refrescada en", "refrescado el", "refrescada el", "renovado en", "renovada en", "renovado el",
        "renovada el", "ultima renovacion", "ultimo refresco", "fecha renovacion", "fecha de renovacion", "fecha refresco",
        "fecha de refresco", "hora de renovacion",
    };

    /// <summary>The time a sign-in session was refreshed (a whole name of <see cref="SessionRefreshTimeNames"/>:
    /// <c>refreshed_at</c>, <c>LAST_SESSION_REFRESH</c>, <c>date_de_rafraichissement</c>, <c>erneuert_am</c>,
    /// <c>renovado_en</c>) in a table of sign-in sessions (table group <c>login-session</c>, not <c>session-record</c>:
    /// recordings, notes and training sessions are no one's sign-in) is <c>automatic.activity</c>, when the person's client
    /// came back (LABELS.md tie-breakers 8 and 10). A time, a number (Unix times) or text type; the name rules' reading
    /// must be none or nothing. A table-context decision, at 0.8 (the event rules' weight).</summary>
    /// <param name="column">The column, with its table's name.</param>
    /// <param name="name">The column name's match: none, or a <c>none</c> match.</param>
    /// <param name="evidence">The column's evidence, prepended to when the rule applies.</param>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    private ColumnClassification? SessionRefreshTime(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        if (name.DataCategory is not (null or "none")) return null;
        if (column.Column.Family is not (TypeFamily.Temporal or TypeFamily.Integer or TypeFamily.Decimal or TypeFamily.Text or TypeFamily.Untyped))
            return null;
        var tokens = NameTokenizer.Tokenize(column.Column.Name);
        if (tokens.Count == 0 || !SessionRefreshTimeNames.Contains(EventRowWords(tokens))) return null;
        var groups = _rules.TableGroups(TableContext.NameOf(column));
        if (!groups.Contains("login-session") || groups.Contains("session-record")) return null;
        evidence.Insert(0, new EvidenceItem("table-context", SessionRefreshTimeEvidence, "automatic.activity",
            Detail: "the time a sign-in session was refreshed: when the person's client came back with the session"));
        return Decide("automatic.activity", 0.8, evidence);
    }
}
