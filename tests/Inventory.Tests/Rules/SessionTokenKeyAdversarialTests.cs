using System.Globalization;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial 35 finding 3m: the <c>id</c> of a login-session table holding the session tokens themselves (64 hex digits:
/// the cookie's value or its SHA-256) was <c>none</c> by <c>name.en.key</c>. LABELS.md tie-breaker 11 and the corpus
/// (piwigo, openpanel's auth sessions) file such a key as <c>other_personal.credentials</c>, and a surrogate key as
/// <c>none</c>. Generated in bulk: login-session tables in English, French, German and Spanish, the engines' types,
/// tokens of PHP, Laravel, SHA-256/512 digests and base64url; both directions: surrogate keys of session tables
/// (integers, UUIDs, cuid, ULID, nanoid, ObjectId), long hex keys of tables that are no login sessions (files, commits,
/// session recordings, training sessions) and session tables keeping a browser's cookie state never take the rule.
/// </summary>
[TestFixture]
public sealed class SessionTokenKeyAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] SessionTables =
        ["sessions", "user_sessions", "login_sessions", "auth_sessions", "web_sessions", "sessions_utilisateurs", "sessions_de_connexion",
         "sitzungen", "benutzersitzungen", "anmeldesitzungen", "sesiones", "sesiones_de_usuario", "app_sessions", "wp_sessions", "Session"];
    private static readonly string[] Types = ["varchar(64)", "char(64)", "varchar(128)", "text", "character varying", "VARCHAR(255)", "nvarchar(128)", "", "String"];
    private const string Base36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    private const string Alnum = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static string Run(Random random, string alphabet, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]));

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Token(Random random, int style) => style switch
    {
        0 => Run(random, "0123456789abcdef", 64),                  // SHA-256 of the token
        1 => Run(random, Alnum, 40),                               // Laravel
        2 => Run(random, "0123456789abcdef", 32),                  // PHP's default session id
        3 => Convert.ToBase64String(Bytes(random, 32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        _ => Run(random, "0123456789abcdef", 128),                 // SHA-512
    };

    private static string SurrogateKey(Random random, int style, int i) => style switch
    {
        0 => (1000 + i).ToString(CultureInfo.InvariantCulture),
        1 => new Guid(Bytes(random, 16)).ToString(),
        2 => "c" + Run(random, Base36, 24),                        // cuid
        3 => Run(random, "0123456789ABCDEFGHJKMNPQRSTVWXYZ", 26),  // ULID
        4 => Run(random, Alnum + "_-", 21),                        // nanoid
        _ => Run(random, "0123456789abcdef", 24),                  // MongoDB ObjectId
    };

    private static string[] Columns(string key) => [key, "user_id", "ip_address", "user_agent", "payload", "last_activity"];

    [TestCase(1)]
    [TestCase(2)]
    public void KeyOfLoginSessionTableHoldingTokens_Credentials(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 300;
        for (int c = 0; c < columns; c++)
        {
            int style = c % 5;
            var values = Enumerable.Range(0, random.Next(5, 60)).Select(_ => Token(random, style)).ToArray();
            var column = Some.Column(Pick(random, SessionTables), "id", Pick(random, Types), values) with { TableColumns = Columns("id") };
            var decision = Combined.Classify(column);
            if (decision.DataCategory != "other_personal.credentials")
                wrong.Add($"{column.Table}.id style {style} {column.Column.DeclaredType} → {decision.DataCategory} {decision.Confidence}");
        }
        AssertNoneWrong(wrong, columns, "login-session keys holding tokens not read as credentials");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void SurrogateKeysOfLoginSessionTables_StayNone(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 300;
        for (int c = 0; c < columns; c++)
        {
            int style = c % 6;
            var values = Enumerable.Range(0, random.Next(5, 60)).Select(i => SurrogateKey(random, style, i)).ToArray();
            var column = Some.Column(Pick(random, SessionTables), "id", style == 0 ? "bigint" : Pick(random, Types), values) with { TableColumns = Columns("id") };
            var decision = Combined.Classify(column);
            if (decision.DataCategory != "none" || decision.Evidence.Any(e => e.Id == RuleClassifier.SessionTokenKeyEvidence))
                wrong.Add($"{column.Table}.id style {style} → {decision.DataCategory} {decision.Confidence}");
        }
        AssertNoneWrong(wrong, columns, "surrogate keys of session tables taken as tokens");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void LongHexKeysOutsideLoginSessions_NeverTakeTheRule(int seed)
    {
        // Content-addressed keys (files, blobs, commits), session recordings and courses, a session table that keeps a
        // browser's cookie state (C35: its session id is a device id), and columns of a session table other than its id.
        string[] tables = ["files", "fichiers", "dateien", "archivos", "blobs", "commits", "objects", "session_recordings", "training_sessions",
            "sessions_de_formation", "schulungen", "uploads", "documents", "cache_entries"];
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 300;
        for (int c = 0; c < columns; c++)
        {
            var values = Enumerable.Range(0, random.Next(5, 60)).Select(_ => Token(random, c % 5)).ToArray();
            var column = (c % 3) switch
            {
                0 => Some.Column(Pick(random, tables), "id", Pick(random, Types), values),
                1 => Some.Column(Pick(random, SessionTables), "id", Pick(random, Types), values) with { TableColumns = [.. Columns("id"), Pick(random, ["csrf_token", "xsrf_token", "consent_cookie_id"])] },
                _ => Some.Column(Pick(random, SessionTables), Pick(random, ["checksum", "etag", "user_id", "hash_id", "device_id"]), Pick(random, Types), values),
            };
            var decision = Combined.Classify(column);
            if (decision.Evidence.Any(e => e.Id == RuleClassifier.SessionTokenKeyEvidence))
                wrong.Add($"{column.Table}.{column.Column.Name} → {decision.DataCategory} {decision.Confidence}");
        }
        Assert.That(wrong, Is.Empty, "the session-token key rule fired outside a login-session table's key");
    }
}
