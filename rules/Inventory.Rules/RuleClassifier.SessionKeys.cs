using Inventory.Classification;

namespace Inventory.Rules;

// The key of a login-session table whose values are the session tokens themselves (trial 35 finding 3m).
public sealed partial class RuleClassifier
{
    /// <summary>The evidence id of <see cref="SessionTokenKey"/>.</summary>
    internal const string SessionTokenKeyEvidence = "table.login-session-token-key";

    /// <summary>Shortest value read as a session token: PHP's default session id is 32 characters, Laravel's 40, a
    /// SHA-256 hex digest 64; the surrogate keys sessions tables use instead (cuid 25, ULID and Mattermost ids 26,
    /// nanoid 21, MongoDB ObjectId 24) are shorter.</summary>
    internal const int MinSessionTokenLength = 32;

    /// <summary>The <c>id</c> of a login-session table (table group <c>login-session</c>: sessions, Sitzungen, sesiones, …)
    /// whose sampled values are session tokens, or their digests (at least 90 % of them: 32–256 letters, digits,
    /// <c>-</c> or <c>_</c>, mixing letters and digits, unique, not a dashed UUID), is the value of the login-session cookie or
    /// its hash: <c>other_personal.credentials</c> (LABELS.md tie-breaker 11; the corpus labels piwigo's
    /// <c>piwigo_sessions.id</c> and openpanel's auth <c>sessions.id</c>, a SHA-256 of the token, so). A surrogate key
    /// (integers, UUIDs, short generated ids) stays <c>none</c> by its name (tie-breaker 11: "a session table's surrogate
    /// key when the cookie holds a separate token"), and so does a session table that keeps a browser's cookie state
    /// (<see cref="HoldsCookieState"/>, C35).</summary>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    private ColumnClassification? SessionTokenKey(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        if (name.DataCategory != "none" || column.Values.Count < 3) return null;
        var tokens = NameTokenizer.Tokenize(column.Column.Name);
        if (tokens.Count != 1 || tokens[0] != "id") return null;
        var groups = _rules.TableGroups(TableContext.NameOf(column));
        if (!groups.Contains("login-session") || groups.Contains("session-record") || HoldsCookieState(column)) return null;
        int matched = column.Values.Count(IsSessionToken);
        if (matched * 10 < column.Values.Count * 9 || column.Values.Distinct(StringComparer.Ordinal).Count() != column.Values.Count) return null;
        evidence.Insert(0, new EvidenceItem("table-context", SessionTokenKeyEvidence, "other_personal.credentials", matched, column.Values.Count,
            Math.Round((double)matched / column.Values.Count, 4),
            "the key of a login-session table holds session tokens (long random values), not a surrogate key: the cookie's value or its digest"));
        return Decide("other_personal.credentials", 0.85, evidence);
    }

    /// <summary>A value shaped as a session token: 32–256 characters of letters, digits, <c>-</c> and <c>_</c>, with both
    /// letters and digits, and not a UUID written with its dashes.</summary>
    internal static bool IsSessionToken(string value)
    {
        // A UUID written with its dashes is a surrogate key; 32 hex digits without dashes are PHP's default session id
        // as much as a UUID's digits, and a DPO would want them flagged (LABELS.md tie-breaker 9).
        if (value.Length is < MinSessionTokenLength or > 256 || Guid.TryParseExact(value, "D", out _)) return false;
        bool letter = false, digit = false;
        foreach (char c in value)
        {
            if (char.IsAsciiDigit(c)) digit = true;
            else if (char.IsAsciiLetter(c)) letter = true;
            else if (c is not ('-' or '_')) return false;
        }
        return letter && digit;
    }
}
