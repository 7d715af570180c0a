using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Rules;

// The key of a login-session table whose values are the session tokens themselves (trial 35 finding 3m), and, names only,
// the text key of an expiring session or sign-in challenge with no other secret beside it (kinds39).
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

    /// <summary>The evidence id of <see cref="SessionIdAsToken"/>.</summary>
    internal const string SessionIdAsTokenEvidence = "table.expiring-secret-key";

    // Words of a column name that say when a row stops being valid (expires_at, expiration, valid_until, Ablaufdatum,
    // fecha_de_caducidad).
    private static readonly HashSet<string> ExpiryTokens = new(StringComparer.Ordinal)
        { "expires", "expire", "expired", "expiry", "expiration", "expiresat", "expiresin", "ttl", "until", "after",
          "expirations", "ablauf", "ablaufdatum", "ablaufzeit", "gueltig", "gultig", "expiracion", "vencimiento", "caducidad",
          "caduca" };

    /// <summary>Names only: the <c>id</c> of a sign-in session or a pending sign-in challenge (table groups
    /// <c>login-session</c> and <c>sign-in-challenge</c>: <c>sessions</c>, <c>reset_password</c>,
    /// <c>two_factor_challenges</c>), typed as text, in a row that expires (a column says expires, expiration, valid
    /// until…) and in which no other column names a secret (no token, hash, key or password beside it, by the name rules or
    /// a fragment of a compound: <c>Sitzungstoken</c>):
    /// the key is the secret the person's cookie or link carries, <c>other_personal.credentials</c> (LABELS.md
    /// tie-breaker 11: a session table's surrogate key is none only "when the cookie holds a separate token"; the corpus
    /// labels openpanel's auth <c>sessions.id</c>, <c>reset_password.id</c>, <c>two_factor_challenges.id</c> and piwigo's
    /// <c>piwigo_sessions.id</c> so, and every text key of a session table with a token column beside it none). Integer
    /// and UUID keys, tables that keep a browser's cookie state (C35) or record sessions (recordings, uploads) are left
    /// alone. With sampled values <see cref="SessionTokenKey"/> reads the values instead.</summary>
    /// <param name="column">The column, with its table's column names.</param>
    /// <param name="name">The name match.</param>
    /// <param name="evidence">The column's evidence, added to.</param>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    private ColumnClassification? SessionIdAsToken(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        if (name.DataCategory != "none" || column.Column.Family is not (TypeFamily.Text or TypeFamily.Untyped)) return null;
        var tokens = NameTokenizer.Tokenize(column.Column.Name);
        if (tokens.Count != 1 || tokens[0] != "id") return null;
        var table = TableContext.NameOf(column);
        var groups = _rules.TableGroups(table);
        if (!(groups.Contains("login-session") || groups.Contains("sign-in-challenge")) || groups.Contains("session-record")
            || HoldsCookieState(column)) return null;
        bool expires = false;
        foreach (var sibling in column.TableColumns)
        {
            if (string.Equals(sibling, column.Column.Name, StringComparison.Ordinal)) continue;
            if (_rules.Match(table, sibling, TypeFamily.Text) is { Gates.Count: 0, DataCategory: "other_personal.credentials" }
                || NamesASecret(sibling)) return null;
            if (AnyIn(NameTokenizer.Tokenize(sibling), ExpiryTokens)) expires = true;
        }
        if (!expires) return null;
        evidence.Insert(0, new EvidenceItem("table-context", SessionIdAsTokenEvidence, "other_personal.credentials",
            Detail: "the text key of an expiring session or sign-in challenge with no other secret beside it: the secret the cookie or the link carries (LABELS.md tie-breaker 11)"));
        return Decide("other_personal.credentials", 0.8, evidence);
    }

    // True when a column name holds a word of a secret inside a compound the name rules do not split (Sitzungstoken,
    // sessionsecret, jetonhash) or says it is encrypted (encryptedSad, ciphertext, donnees_chiffrees): such a table keeps
    // its secret beside the key, which is then a surrogate key.
    private static bool NamesASecret(string columnName)
    {
        var joined = string.Concat(NameTokenizer.Tokenize(columnName));
        return SecretFragments.Any(f => joined.Contains(f, StringComparison.Ordinal));
    }

    private static readonly string[] SecretFragments =
        ["token", "jeton", "secret", "hash", "digest", "password", "passwort", "contrasena", "encrypt", "cipher", "chiffr", "verschluessel", "cifrad"];

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
