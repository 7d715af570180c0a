using System.Security.Cryptography;
using Inventory.Rules;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 item 6, kind "opaque secrets and tokens" (newcomer trial: an <c>api_token</c> of <c>tok_</c> + random characters
/// was suggested <c>financial.payment_reference</c>). Vendor-prefixed keys (<c>tok_</c>, <c>sk_</c>, <c>pk_</c>, <c>ghp_</c>,
/// <c>xoxb-</c>, …), JWTs, hex and base64 session tokens under names of secrets are credentials (LABELS.md tie-breaker 7);
/// the same prefixed values under a payment name or in a payment table are payment references. Generated in bulk from
/// seeded generators; rates are asserted, never particular rows.
/// </summary>
[TestFixture]
public sealed class SecretTokenAdversarialTests : GeneratedNameFixture
{
    private static readonly DetectorSuite Detectors = DetectorSuite.Default;

    private static string Random(Random random, string alphabet, int length)
    {
        var chars = new char[length];
        do { for (int i = 0; i < length; i++) chars[i] = alphabet[random.Next(alphabet.Length)]; }
        while (chars.Count(char.IsAsciiDigit) < 3 || chars.Count(char.IsAsciiLetter) < 3);
        return new string(chars);
    }

    // Random characters as a token generator draws them: some lack digits or have only one.
    private static string Unconstrained(Random random, int length)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = Base62[random.Next(Base62.Length)];
        return new string(chars);
    }

    private const string Base62 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string LowerDigits = "abcdefghijklmnopqrstuvwxyz0123456789";

    private static string Base64Url(Random random, int bytes)
    {
        var data = new byte[bytes];
        random.NextBytes(data);
        return Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>A secret as applications store it: a vendor-prefixed key, a JWT, a hex or base64 session token.</summary>
    internal static string Secret(Random random, int kind) => kind switch
    {
        0 => "tok_" + Unconstrained(random, random.Next(20, 32)),
        1 => $"{Pick(random, ["sk", "pk", "rk", "whsec", "key", "api", "sess"])}_{Random(random, random.Next(2) == 0 ? Base62 : LowerDigits, random.Next(20, 40))}",
        2 => $"{Pick(random, ["ghp_", "gho_", "github_pat_", "glpat-"])}{Random(random, Base62, 36)}",
        3 => $"{Pick(random, ["xoxb-", "xoxp-"])}{random.Next(100_000, 999_999)}-{random.Next(100_000, 999_999)}-{Random(random, Base62, 24)}",
        4 => $"eyJhbGciOiJIUzI1NiJ9.{Base64Url(random, 48)}.{Base64Url(random, 32)}",
        5 => Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(random.NextInt64()))),
        6 => Convert.ToBase64String(SHA256.HashData(BitConverter.GetBytes(random.NextInt64()))),
        7 => Base64Url(random, 32),
        _ => $"{Pick(random, ["sk", "rk", "tok"])}_{Pick(random, ["live", "test"])}_{Random(random, Base62, 24)}",
    };

    private static readonly string[] SecretNames =
        ["api_token", "api_key", "apiKey", "access_token", "auth_token", "secret", "secret_key", "token", "bearer_token", "refresh_token",
         "session_token", "client_secret", "webhook_secret", "AccessToken", "personal_access_token", "private_key", "jeton"];
    private static readonly string[] SecretTables = ["integrations", "api_keys", "users", "oauth_tokens", "webhooks", "accounts", "apps", "bots"];

    [TestCase(1)]
    [TestCase(2)]
    public void PrefixedRandomTokens_AreSecretTokens_WordsJoinedByUnderscoresAreNot(int seed)
    {
        var random = new Random(seed);
        int n = 5000, prefixed = 0, words = 0;
        string[] vocabulary = ["user", "profile", "settings", "default", "theme", "dark", "mode", "billing", "plan", "monthly", "v2", "2024", "beta", "team"];
        for (int i = 0; i < n; i++)
        {
            var token = $"{Pick(random, ["tok", "pk", "sk", "sess", "key", "whsec", "api"])}_{Random(random, random.Next(2) == 0 ? Base62 : LowerDigits, random.Next(16, 40))}";
            if (ApiKeyShape.IsPrefixedRandom(token)) prefixed++;
            var label = string.Join('_', Enumerable.Range(0, random.Next(3, 6)).Select(_ => Pick(random, vocabulary)));
            if (ApiKeyShape.IsPrefixedRandom(label) || Detectors.IsMatch("detector.secret-token", label)) words++;
        }
        Assert.That(Rate(prefixed, n), Is.GreaterThanOrEqualTo(0.99), $"{prefixed} of {n} prefixed random tokens recognised");
        Assert.That(Rate(words, n), Is.LessThanOrEqualTo(0.005), $"{words} of {n} underscore-joined words taken for tokens");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void SecretColumns_AreCredentials_WhateverTheTokenPrefix(int seed)
    {
        var random = new Random(seed);
        int columns = 600, credentials = 0, payment = 0;
        for (int c = 0; c < columns; c++)
        {
            int kind = random.Next(9);
            var values = Enumerable.Range(0, 40).Select(_ => Secret(random, kind)).ToArray();
            var category = Rules.Classify(Some.Column(Pick(random, SecretTables), SecretNames[c % SecretNames.Length], "text", values)).DataCategory;
            if (category == "other_personal.credentials") credentials++;
            if (category == "financial.payment_reference") payment++;
        }
        Assert.That(Rate(credentials, columns), Is.GreaterThanOrEqualTo(0.99), $"{credentials} of {columns} secret columns: credentials");
        Assert.That(payment, Is.Zero, "a secret column called a payment reference");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void ProcessorTokens_UnderPaymentNamesOrInPaymentTables_ArePaymentReferences(int seed)
    {
        var random = new Random(seed);
        int columns = 600, references = 0, credentials = 0;
        (string Table, string Column)[] places =
            [("payments", "token"), ("charges", "source_token"), ("card_tokens", "token"), ("orders", "payment_token"), ("orders", "card_token"),
             ("subscriptions", "stripe_token"), ("invoices", "charge_token"), ("transactions", "token"), ("customers", "stripe_customer_id"),
             ("orders", "payment_intent_id"), ("payment_methods", "api_token"), ("checkout_sessions", "payment_reference")];
        for (int c = 0; c < columns; c++)
        {
            var (table, column) = places[c % places.Length];
            string prefix = Pick(random, ["tok_", "pm_", "card_", "src_", "pi_", "ch_", "cus_"]);
            var values = Enumerable.Range(0, 40).Select(_ => prefix + Random(random, Base62, random.Next(14, 28))).ToArray();
            var category = Rules.Classify(Some.Column(table, column, "text", values)).DataCategory;
            if (category == "financial.payment_reference") references++;
            if (category == "other_personal.credentials") credentials++;
        }
        Assert.That(Rate(references, columns), Is.GreaterThanOrEqualTo(0.99), $"{references} of {columns} processor-token columns: payment reference");
        Assert.That(Rate(credentials, columns), Is.LessThanOrEqualTo(0.005), $"{credentials} of {columns} processor-token columns called credentials");
    }
}
