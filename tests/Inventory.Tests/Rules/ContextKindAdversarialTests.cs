using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 item 6, generated in bulk from seeded generators: hashed identifiers (C30), coordinates (C33), API keys with
/// payment-like prefixes (C35), integer postal codes in address records (C38) and decimal numbers written as text
/// (C33). Thousands of values per kind, positives and near misses; rates are asserted, never particular rows.
/// </summary>
[TestFixture]
public sealed class ContextKindAdversarialTests : GeneratedNameFixture
{
    private static readonly DetectorSuite Detectors = DetectorSuite.Default;

    // ---------------------------------------------------------------- hashed identifiers (C30)

    private static string Digest(Random random, string input, int kind) => kind switch
    {
        0 => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(input))),
        1 => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(input))),
        _ => random.Next(2) == 0 ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input))) : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(input))),
    };

    [TestCase(1)]
    [TestCase(2)]
    public void HexDigestsOfPersonIdentifiers_ArePseudonymisedIdentifiers(int seed)
    {
        var random = new Random(seed);
        string[] names = ["email_sha256", "email_md5", "hashed_email", "email_hash", "hashed_phone", "phone_sha1", "msisdn_hash", "user_hash",
            "customer_email_sha256", "device_id_hash", "sha256_email", "member_md5", "emailHash", "hashedPhoneNumber"];
        int right = 0, columns = 420;
        for (int c = 0; c < columns; c++)
        {
            int kind = random.Next(3);
            var values = Enumerable.Range(0, 40).Select(_ => Digest(random, NestedValueAdversarialTests.Email(random), kind)).ToArray();
            var decision = Rules.Classify(Some.Column(Pick(random, ["audience_member", "crm_sync", "ad_match", "contacts"]), names[c % names.Length], "text", values));
            if (decision.DataCategory == "other_personal") right++;
        }
        Assert.That(Rate(right, columns), Is.GreaterThanOrEqualTo(0.99), $"{right} of {columns} hashed-identifier columns: other_personal");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void GenericHex_CommitsEtagsChecksums_NeverPersonal(int seed)
    {
        var random = new Random(seed);
        string[] names = ["commit_sha", "sha", "etag", "checksum", "file_sha256", "content_hash", "blob_digest", "tree_sha", "revision",
            "integrity", "md5", "attachment_checksum", "request_guid", "trace_id", "object_key"];
        int personal = 0, financial = 0, columns = 450;
        for (int c = 0; c < columns; c++)
        {
            int kind = random.Next(3);
            var values = Enumerable.Range(0, 40).Select(_ =>
            {
                var hex = Digest(random, random.NextInt64().ToString(CultureInfo.InvariantCulture), kind);
                // Test card numbers glued between hex letters (C30 request_guid): digits inside hex never count.
                return random.Next(3) == 0 ? "af6a" + Pick(random, ["4111111111111111", "4242424242424242", "378282246310005"]) + hex[..12] : hex;
            }).ToArray();
            var category = Rules.Classify(Some.Column(Pick(random, ["commits", "files", "requests", "assets", "packages"]), names[c % names.Length], "text", values)).DataCategory;
            if (category is not null && category != "none" && DataCategory.TopLevelOf(category) is "other_personal" or "contact" or "automatic") personal++;
            if (category is not null && DataCategory.TopLevelOf(category) == "financial") financial++;
        }
        Assert.That(Rate(personal, columns), Is.LessThanOrEqualTo(0.005), $"{personal} of {columns} generic hex columns called personal");
        Assert.That(financial, Is.Zero, "digits glued to hex letters gave financial evidence");
    }

    // ---------------------------------------------------------------- coordinates (C33, LABELS.md tie-breaker 13)

    // A coordinate whose 13 fraction digits pass Luhn (C33): the last digit is the Luhn check digit of the others.
    private static string LuhnCoordinate(Random random, int limit)
    {
        var digits = new int[13];
        for (int i = 0; i < 12; i++) digits[i] = random.Next(10);
        int sum = 0;
        for (int i = 11, k = 0; i >= 0; i--, k++) { int d = digits[i]; if (k % 2 == 0) { d *= 2; if (d > 9) d -= 9; } sum += d; }
        digits[12] = (10 - sum % 10) % 10;
        var whole = random.Next(-limit + 1, limit);
        return whole.ToString(CultureInfo.InvariantCulture) + "." + string.Concat(digits);
    }

    private static readonly (string Table, string[] Siblings, string? Expected)[] CoordinateTables =
    [
        ("device_ping", ["id", "user_id", "accuracy_m"], "automatic.geolocation"),
        ("location_events", ["id", "device_id", "recorded_at"], "automatic.geolocation"),
        ("visits", ["id", "visitor_id", "ip", "user_agent"], "automatic.geolocation"),
        ("gps_tracks", ["id", "driver_id", "speed", "heading"], "automatic.geolocation"),
        ("customer", ["id", "name", "email"], "other_personal.location"),
        ("addresses", ["id", "user_id", "street", "city"], "other_personal.location"),
        ("supplier", ["id", "name", "vat_number"], "other_personal.location"),
        ("listing", ["id", "owner_id", "title"], "other_personal.location"),
        ("store", ["id", "name"], "none"),
        ("warehouses", ["id", "code", "capacity"], "none"),
        ("earthquake", ["id", "magnitude", "depth_km"], "none"),
        ("airport", ["id", "iata", "name"], "none"),
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void Coordinates_TheTableSaysWhosePosition_NeverACard(int seed)
    {
        var random = new Random(seed);
        string[] latNames = ["lat", "latitude", "geo_lat", "start_lat"];
        string[] lonNames = ["lon", "lng", "longitude", "geo_lng"];
        foreach (var (table, siblings, expected) in CoordinateTables)
        {
            int right = 0, financial = 0, columns = 100;
            for (int c = 0; c < columns; c++)
            {
                bool lat = c % 2 == 0;
                var values = Enumerable.Range(0, 40).Select(_ => LuhnCoordinate(random, lat ? 90 : 180)).ToArray();
                var decision = Rules.Classify(Some.InTable(table, siblings, lat ? Pick(random, latNames) : Pick(random, lonNames),
                    Pick(random, ["double precision", "numeric(9,6)", "text", "real"]), values));
                if (decision.DataCategory == expected) right++;
                if (decision.DataCategory is { } d && DataCategory.TopLevelOf(d) == "financial") financial++;
            }
            Assert.That(Rate(right, columns), Is.GreaterThanOrEqualTo(0.99), $"{table}: {right} of {columns} coordinate columns → {expected}");
            Assert.That(financial, Is.Zero, $"{table}: Luhn-valid fractions gave financial");
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    public void DecimalText_NeverPhoneNorCard_DottedPhonesStillPhones(int seed)
    {
        var random = new Random(seed);
        int wrong = 0, phones = 0, n = 5000;
        for (int i = 0; i < n; i++)
        {
            var value = random.Next(2) == 0 ? LuhnCoordinate(random, 90) : $"{random.Next(1, 9)}.{random.NextInt64(1_000_000_000_000, 9_999_999_999_999)}";
            if (Detectors.IsMatch("detector.phone", value) || Detectors.IsMatch("detector.payment-card", value)) wrong++;
            var dotted = $"06.{random.Next(10, 99)}.{random.Next(10, 99)}.{random.Next(10, 99)}.{random.Next(10, 99)}";
            if (Detectors.IsMatch("detector.phone", dotted)) phones++;
        }
        Assert.That(Rate(wrong, n), Is.LessThanOrEqualTo(0.005), $"{wrong} of {n} decimal texts matched a phone or card");
        Assert.That(Rate(phones, n), Is.GreaterThanOrEqualTo(0.99), $"{phones} of {n} dotted phone numbers matched");
    }

    // ---------------------------------------------------------------- API keys vs payment references (C35)

    private static string Random62(Random random, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var chars = new char[length];
        do { for (int i = 0; i < length; i++) chars[i] = alphabet[random.Next(alphabet.Length)]; }
        while (!chars.Any(char.IsAsciiDigit) || !chars.Any(char.IsAsciiLetter));
        return new string(chars);
    }

    [TestCase(1)]
    [TestCase(2)]
    public void ModeMarkedKeys_AreSecrets_PaymentIdsArePaymentReferences(int seed)
    {
        var random = new Random(seed);
        int n = 5000, keysAsSecret = 0, keysAsPayment = 0, idsAsPayment = 0, idsAsKey = 0;
        for (int i = 0; i < n; i++)
        {
            var key = $"{Pick(random, ["sk", "rk", "pk", "tok", "key", "api", "whk", "app"])}_{Pick(random, ["live", "test"])}_{Random62(random, random.Next(16, 40))}";
            if (Detectors.IsMatch("detector.secret-token", key)) keysAsSecret++;
            if (Detectors.IsMatch("detector.payment-reference", key)) keysAsPayment++;
            var id = random.Next(6) == 0
                ? $"{Pick(random, ["cs_live_", "cs_test_"])}{Random62(random, 24)}"
                : $"{Pick(random, ["pi_", "ch_", "cus_", "pm_", "in_", "sub_", "txn_", "re_", "seti_", "tok_"])}{Random62(random, random.Next(14, 28))}";
            if (Detectors.IsMatch("detector.payment-reference", id)) idsAsPayment++;
            if (ApiKeyShape.IsMatch(id)) idsAsKey++;
        }
        Assert.That(Rate(keysAsSecret, n), Is.GreaterThanOrEqualTo(0.99), $"{keysAsSecret} of {n} mode-marked keys seen as secrets");
        Assert.That(Rate(keysAsPayment, n), Is.LessThanOrEqualTo(0.005), $"{keysAsPayment} of {n} mode-marked keys seen as payment references");
        Assert.That(Rate(idsAsPayment, n), Is.GreaterThanOrEqualTo(0.99), $"{idsAsPayment} of {n} payment ids seen as payment references");
        Assert.That(Rate(idsAsKey, n), Is.LessThanOrEqualTo(0.005), $"{idsAsKey} of {n} payment ids seen as API keys");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void TokenColumns_KeysAreCredentials_PaymentIdsInPaymentTablesArePaymentReferences(int seed)
    {
        var random = new Random(seed);
        int credentials = 0, references = 0, columns = 200;
        for (int c = 0; c < columns; c++)
        {
            var keys = Enumerable.Range(0, 40).Select(_ => $"{Pick(random, ["sk", "tok", "rk"])}_{Pick(random, ["live", "test"])}_{Random62(random, 16)}").ToArray();
            if (Rules.Classify(Some.Column(Pick(random, ["account_secret", "api_keys", "integrations"]), Pick(random, ["api_token", "api_key", "secret_key", "token"]), "text", keys)).DataCategory == "other_personal.credentials")
                credentials++;
            var ids = Enumerable.Range(0, 40).Select(_ => $"{Pick(random, ["pi_", "ch_"])}{Random62(random, 24)}").ToArray();
            if (Rules.Classify(Some.Column(Pick(random, ["payment", "charges", "orders"]), Pick(random, ["stripe_id", "gateway_ref", "psp_reference", "external_id"]), "text", ids)).DataCategory == "financial.payment_reference")
                references++;
        }
        Assert.That(Rate(credentials, columns), Is.GreaterThanOrEqualTo(0.99), $"{credentials} of {columns} key columns: credentials");
        Assert.That(Rate(references, columns), Is.GreaterThanOrEqualTo(0.99), $"{references} of {columns} payment-id columns: payment reference");
    }

    // ---------------------------------------------------------------- integer postal codes (C38)

    [TestCase(1)]
    [TestCase(2)]
    public void IntegerPostalCodesInAddressRecords_ArePostalAddresses_OtherIntegersAreNot(int seed)
    {
        var random = new Random(seed);
        (string Table, string[] Siblings)[] records =
            [("patient_visit", ["id", "date_of_birth"]), ("customer", ["id", "name"]), ("orders", ["id", "total"]), ("addresses", ["id", "street"]),
             ("kunden", ["id", "name"]), ("company", ["id", "vat_number"]), ("shipping", ["id", "street", "city"])];
        string[] names = ["postal_code", "zip", "zipcode", "postcode", "plz", "code_postal", "postleitzahl", "codigo_postal", "zip_code"];
        int right = 0, wrong = 0, columns = 350;
        for (int c = 0; c < columns; c++)
        {
            var (table, siblings) = records[c % records.Length];
            var codes = Enumerable.Range(0, 40).Select(_ => random.Next(1000, 99_999).ToString(CultureInfo.InvariantCulture)).ToArray();
            if (Rules.Classify(Some.InTable(table, siblings, names[c % names.Length], Pick(random, ["integer", "int", "bigint", "smallint"]), codes)).DataCategory == "contact.postal_address")
                right++;
            // Near misses in the same tables: salaries, quantities, years, counts are never postal codes.
            var amounts = Enumerable.Range(0, 40).Select(_ => (random.Next(10, 99) * 1000).ToString(CultureInfo.InvariantCulture)).ToArray();
            var category = Rules.Classify(Some.InTable(table, siblings, Pick(random, ["salary", "quantity", "year", "visits", "points", "amount_cents"]), "integer", amounts)).DataCategory;
            if (category == "contact.postal_address") wrong++;
        }
        Assert.That(Rate(right, columns), Is.GreaterThanOrEqualTo(0.99), $"{right} of {columns} integer postal codes in address records");
        Assert.That(Rate(wrong, columns), Is.LessThanOrEqualTo(0.005), $"{wrong} of {columns} other integers called postal codes");
    }

    [TestCase("region_stats", "zip")]
    [TestCase("kpi", "postal_code")]
    public void IntegerPostalCodeOutsideAnAddressRecord_KeepsTheTypeGate(string table, string column)
    {
        var values = Enumerable.Range(0, 40).Select(i => (10_000 + i * 7).ToString(CultureInfo.InvariantCulture)).ToArray();
        Assert.That(Rules.Classify(Some.InTable(table, ["id", "total"], column, "integer", values)).DataCategory, Is.Not.EqualTo("contact.postal_address"));
    }

    // ---------------------------------------------------------------- session tables' record times (C35)

    [TestCase(1)]
    [TestCase(2)]
    public void SessionRecordTimes_NoneOnlyBesideCookieState(int seed)
    {
        var random = new Random(seed);
        string[] tables = ["web_session", "sessions", "user_sessions", "browser_session", "http_sessions"];
        string[] times = ["created_at", "updated_at", "createdAt", "inserted_at", "creation_date"];
        int gatedWithState = 0, gatedWithout = 0, columns = 200;
        for (int c = 0; c < columns; c++)
        {
            var table = Pick(random, tables);
            var time = Pick(random, times);
            string[] plain = ["session_id", "user_id", Pick(random, ["data", "expires", "ip_address", "user_agent"])];
            string[] withState = [.. plain, Pick(random, ["csrf_token", "xsrf_secret", "consent_cookie_id", "consent_id"])];
            bool Gated(string[] siblings) => Rules.Classify(Some.InTable(table, siblings, time, "timestamptz", "2024-05-01 10:00:00+00", "2024-05-02 11:00:00+00"))
                .Evidence.Any(e => e.Id == "table.cookie-state");
            if (Gated(withState)) gatedWithState++;
            if (Gated(plain)) gatedWithout++;
        }
        Assert.That(gatedWithState, Is.EqualTo(columns), "record times of stored browser sessions are generic timestamps");
        Assert.That(gatedWithout, Is.Zero, "session tables without cookie state keep LABELS.md tie-breaker 10 (left to the model)");
    }
}
