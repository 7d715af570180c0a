using System.Globalization;
using System.Text;
using System.Text.Json;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Connectors.Postgres;
using Inventory.Rules;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 item 6, "values nested in arrays and JSON documents are seen by the detectors" (C28, C29), generated in bulk
/// from seeded generators: thousands of PostgreSQL array literals read back element by element (also when the sampler
/// cut them), hundreds of array and JSON columns under names that say nothing, whose elements or paths decide, and
/// near misses (labels, numbers, configuration documents) that must stay non-personal. Only kinds are asserted.
/// </summary>
[TestFixture]
public sealed class NestedValueAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] GenericNames = ["list", "values", "items", "entries", "extra", "aliases", "secondary", "history", "misc", "stuff"];
    private static readonly string[] Tables = ["member", "records", "entries", "imports", "rows", "objects"];
    private static readonly string[] Labels = ["vip", "beta", "partner", "churn-risk", "edu", "trial", "nonprofit", "newsletter", "gold", "silver"];

    internal static string Email(Random random) =>
        $"{Pick(random, ["ana", "b.ostberg", "li", "karim.wen", "m_okafor", "sanna", "tobias", "y.zeller"])}{random.Next(1000)}@{Pick(random, ["example.com", "example.org", "example.net", "mail.example.com"])}";

    internal static string Ip(Random random) => random.Next(3) switch
    {
        0 => $"{Pick(random, ["192.0.2", "198.51.100", "203.0.113"])}.{random.Next(1, 255)}",
        1 => $"2001:db8:{random.Next(1, 0xffff):x}::{random.Next(1, 0xffff):x}",
        _ => $"{random.Next(11, 223)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}",
    };

    // Phone numbers as integers with their country code (C01): French mobiles, UK drama-range mobiles.
    internal static string PhoneDigits(Random random) => random.Next(2) == 0
        ? "336" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture)
        : "447700900" + random.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- PostgreSQL array text

    private static string Literal(IReadOnlyList<string?> elements)
    {
        var text = new StringBuilder("{");
        for (int i = 0; i < elements.Count; i++)
        {
            if (i > 0) text.Append(',');
            var e = elements[i];
            if (e is null) { text.Append("NULL"); continue; }
            bool quote = e.Length == 0 || e.Equals("NULL", StringComparison.OrdinalIgnoreCase) || e.Any(c => c is '{' or '}' or ',' or '"' or '\\' || char.IsWhiteSpace(c));
            if (!quote) { text.Append(e); continue; }
            text.Append('"');
            foreach (var c in e) { if (c is '"' or '\\') text.Append('\\'); text.Append(c); }
            text.Append('"');
        }
        return text.Append('}').ToString();
    }

    private static string Element(Random random)
    {
        const string alphabet = "abcxyz019@.-_ ,\"\\{}é";
        if (random.Next(10) == 0) return Pick(random, ["NULL", "null", "", " ", "a b"]);
        var chars = new char[random.Next(1, 12)];
        for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }

    [TestCase(1)]
    [TestCase(2)]
    public void PostgresArrayText_ReadsEveryElement_AndNeverAPartOne(int seed)
    {
        var random = new Random(seed);
        int arrays = 0, cutArrays = 0;
        for (int n = 0; n < 3000; n++)
        {
            var elements = Enumerable.Range(0, random.Next(0, 30)).Select(_ => random.Next(8) == 0 ? null : Element(random)).ToList();
            var literal = Literal(elements);
            if (random.Next(4) == 0 && elements.Count >= 2)
                literal = "{" + Literal(elements.Take(elements.Count / 2).ToList()) + "," + Literal(elements.Skip(elements.Count / 2).ToList()) + "}";
            var expected = elements.Where(e => e is not null).Take(PostgresArrayText.MaxElements).ToList();
            Assert.That(PostgresArrayText.Elements(literal), Is.EqualTo(expected), $"array {n}");
            arrays++;
            // A cut (left(col::text, n)) gives a prefix of the elements: never a partial element.
            int cut = random.Next(1, literal.Length);
            var read = PostgresArrayText.Elements(literal[..cut]);
            Assert.That(read, Is.EqualTo(expected.Take(read.Count)), $"array {n} cut at {cut}");
            cutArrays++;
        }
        Assert.That(arrays + cutArrays, Is.EqualTo(6000));
    }

    [Test]
    public void PostgresArrayText_ReadsDimensionDecorationAndEmptyArrays()
    {
        Assert.That(PostgresArrayText.Elements("[0:1]={a,b}"), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(PostgresArrayText.Elements("{}"), Is.Empty);
        Assert.That(PostgresArrayText.Elements("{NULL,NULL}"), Is.Empty);
        Assert.That(PostgresArrayText.Elements("not an array"), Is.Empty);
    }

    // ---------------------------------------------------------------- array columns (elements sampled one by one)

    private static (string Kind, string DeclaredType, TypeFamily Family, Func<Random, string> Value, string? Expected)[] ArrayKinds =>
    [
        ("e-mail", "text[]", TypeFamily.Text, Email, "contact.email"),
        ("ip", "inet[]", TypeFamily.Network, Ip, "automatic.ip_address"),
        ("phone", "bigint[]", TypeFamily.Integer, PhoneDigits, "contact.phone"),
        ("label", "text[]", TypeFamily.Text, r => Pick(r, Labels), null),
        ("score", "integer[]", TypeFamily.Integer, r => r.Next(0, 100).ToString(CultureInfo.InvariantCulture), null),
        ("amount", "numeric[]", TypeFamily.Decimal, r => (r.Next(100, 99_999) / 100.0).ToString("0.00", CultureInfo.InvariantCulture), null),
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void ArrayColumns_ElementsDecide_UnderNamesThatSayNothing(int seed)
    {
        var random = new Random(seed);
        foreach (var kind in ArrayKinds)
        {
            int right = 0, personal = 0, columns = 300;
            for (int c = 0; c < columns; c++)
            {
                var elements = Enumerable.Range(0, random.Next(20, 60)).Select(_ => kind.Value(random)).ToArray();
                var column = Some.Array(Pick(random, Tables), Pick(random, GenericNames), kind.DeclaredType, kind.Family, random.Next(0, 10), elements);
                var category = Rules.Classify(column).DataCategory;
                if (kind.Expected is not null && category == kind.Expected) right++;
                if (category is not null && category != "none") personal++;
            }
            if (kind.Expected is not null)
                Assert.That(Rate(right, columns), Is.GreaterThanOrEqualTo(0.99), $"{kind.Kind} arrays: {right} of {columns} columns found");
            else
                Assert.That(Rate(personal, columns), Is.LessThanOrEqualTo(0.005), $"{kind.Kind} arrays: {personal} of {columns} columns called personal");
        }
    }

    [TestCase("pending_emails", "text[]")]
    [TestCase("backup_emails", "text[]")]
    [TestCase("old_phones", "bigint[]")]
    [TestCase("previous_ips", "inet[]")]
    public void AllEmptyArrays_FallBackToTheName_NeverNone(string name, string declaredType)
    {
        var column = Some.Array("member", name, declaredType, TypeFamily.Text, 40);
        var decision = Rules.Classify(column);
        Assert.That(decision.DataCategory, Is.Not.Null.And.Not.EqualTo("none"));
        Assert.That(decision.Evidence.Select(e => e.Id), Does.Contain("no-data"));
    }

    // ---------------------------------------------------------------- JSON arrays in text (SQLite, MySQL, SQL Server)

    [TestCase(1)]
    [TestCase(2)]
    public void JsonArrayColumns_ElementsDecide(int seed)
    {
        var random = new Random(seed);
        foreach (var kind in ArrayKinds)
        {
            int right = 0, personal = 0, columns = 200;
            for (int c = 0; c < columns; c++)
            {
                var values = Enumerable.Range(0, 40).Select(_ => random.Next(10) == 0 ? "[]"
                    : JsonSerializer.Serialize(Enumerable.Range(0, random.Next(1, 4)).Select(_ => kind.Value(random)).ToArray())).ToArray();
                var column = Some.Column(Pick(random, Tables), Pick(random, GenericNames), Pick(random, ["text", "json", ""]), values);
                var category = Rules.Classify(column).DataCategory;
                if (kind.Expected is not null && category == kind.Expected) right++;
                if (category is not null && category != "none") personal++;
            }
            if (kind.Expected is not null)
                Assert.That(Rate(right, columns), Is.GreaterThanOrEqualTo(0.99), $"JSON {kind.Kind} arrays: {right} of {columns} columns found");
            else
                Assert.That(Rate(personal, columns), Is.LessThanOrEqualTo(0.005), $"JSON {kind.Kind} arrays: {personal} of {columns} columns called personal");
        }
    }

    // ---------------------------------------------------------------- JSON objects: paths classified like columns

    private static readonly string[] NeutralKeys = ["a", "b", "c", "data", "info", "meta", "ctx", "attrs", "k1", "k2", "v", "x", "node", "item"];

    private static string Payload(Random random, string[] emailPath, string[] ipPath, bool withIp)
    {
        var root = new Dictionary<string, object?>
        {
            ["plan"] = Pick(random, ["free", "pro", "team"]),
            ["n"] = random.Next(100),
        };
        Put(root, emailPath, Email(random));
        if (withIp) Put(root, ipPath, Ip(random));
        return JsonSerializer.Serialize(root);

        static void Put(Dictionary<string, object?> node, string[] path, string value)
        {
            for (int i = 0; i < path.Length - 1; i++)
            {
                if (node.TryGetValue(path[i], out var child) && child is Dictionary<string, object?> d) { node = d; continue; }
                var next = new Dictionary<string, object?>();
                node[path[i]] = next;
                node = next;
            }
            node[path[^1]] = value;
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    public void JsonPayloads_MostIdentifyingPathDecides_WhateverTheKeys(int seed)
    {
        var random = new Random(seed);
        int contact = 0, columns = 300;
        for (int c = 0; c < columns; c++)
        {
            // Stable key sets within a column (a structured payload), keys that no name rule knows.
            var emailPath = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(random, NeutralKeys)).Append("e" + random.Next(9)).ToArray();
            var ipPath = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(random, NeutralKeys)).Append("i" + random.Next(9)).ToArray();
            if (ipPath[0] == emailPath[0]) ipPath[0] += "_";
            var values = Enumerable.Range(0, 40).Select(_ => Payload(random, emailPath, ipPath, withIp: true)).ToArray();
            var decision = Rules.Classify(Some.Column("app_event", Pick(random, ["payload", "doc", "extra", "blob"]), Pick(random, ["jsonb", "json", "text"]), values));
            if (decision.DataCategory is { } d && DataCategory.TopLevelOf(d) == "contact" && decision.AlsoContains.Contains("automatic")) contact++;
        }
        Assert.That(Rate(contact, columns), Is.GreaterThanOrEqualTo(0.99), $"{contact} of {columns} payloads: contact, also automatic");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void JsonPayloads_EvidenceNamesTheSchemaPathOfEachCategory(int seed)
    {
        // C28: "path-level evidence is kept and can be addressed in the report".
        var random = new Random(seed);
        int named = 0, columns = 300;
        for (int c = 0; c < columns; c++)
        {
            var emailPath = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(random, NeutralKeys)).Append("e" + random.Next(9)).ToArray();
            var ipPath = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(random, NeutralKeys)).Append("i" + random.Next(9)).ToArray();
            if (ipPath[0] == emailPath[0]) ipPath[0] += "_";
            var values = Enumerable.Range(0, 40).Select(_ => Payload(random, emailPath, ipPath, withIp: true)).ToArray();
            var paths = Rules.Classify(Some.Column("app_event", "payload", "jsonb", values)).Evidence.Where(e => e.Kind == "json-path").ToList();
            if (paths.Any(e => e.Id == "$." + string.Join('.', emailPath) && e.DataCategory == "contact.email" && e.Matched > 0)
                && paths.Any(e => e.Id == "$." + string.Join('.', ipPath) && e.DataCategory == "automatic.ip_address")) named++;
        }
        Assert.That(Rate(named, columns), Is.GreaterThanOrEqualTo(0.99), $"{named} of {columns} payloads name the e-mail and IP paths");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void JsonMapsKeyedByData_NeverNameTheirPaths(int seed)
    {
        // Keys may be data: maps keyed by e-mail addresses or by ids give each key to one document or few, and an e-mail
        // key is not an identifier; no path of theirs leaves the classifier.
        var random = new Random(seed);
        int leaked = 0, columns = 200;
        for (int c = 0; c < columns; c++)
        {
            var keys = new List<string>();
            var values = Enumerable.Range(0, 40).Select(_ =>
            {
                var key = random.Next(2) == 0 ? Email(random) : "u" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
                keys.Add(key);
                return JsonSerializer.Serialize(new Dictionary<string, object> { [key] = new Dictionary<string, string> { ["email"] = Email(random), ["ip"] = Ip(random) } });
            }).ToArray();
            var evidence = Rules.Classify(Some.Column("subscriptions", "by_address", "jsonb", values)).Evidence;
            if (evidence.Any(e => keys.Any(k => e.Id.Contains(k, StringComparison.Ordinal) || (e.Detail?.Contains(k, StringComparison.Ordinal) ?? false)))) leaked++;
        }
        Assert.That(leaked, Is.Zero, "a data key reached the evidence");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void JsonConfigurationDocuments_NeverPersonal(int seed)
    {
        var random = new Random(seed);
        int personal = 0, columns = 300;
        for (int c = 0; c < columns; c++)
        {
            var values = Enumerable.Range(0, 30).Select(_ => JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["theme"] = Pick(random, ["light", "dark", "system"]),
                ["retry"] = random.Next(1, 6),
                ["timeout_ms"] = random.Next(1, 60) * 1000,
                ["ratio"] = Math.Round(random.NextDouble(), 13),
                ["features"] = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Pick(random, ["export", "sso", "audit", "beta"])).ToArray(),
                ["limits"] = new Dictionary<string, int> { ["max_upload_mb"] = random.Next(1, 500), ["seats"] = random.Next(1, 10_000) },
                ["build"] = random.NextInt64(1_000_000_000, 9_999_999_999),
            })).ToArray();
            var category = Rules.Classify(Some.Column(Pick(random, ["app_setting", "config", "preferences"]), Pick(random, ["value", "settings", "doc"]), "jsonb", values)).DataCategory;
            if (category is not null && category != "none") personal++;
        }
        Assert.That(Rate(personal, columns), Is.LessThanOrEqualTo(0.005), $"{personal} of {columns} configuration documents called personal");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void JsonDocumentsWithKeysThatChangeByRow_AreCustomerContent(int seed)
    {
        var random = new Random(seed);
        string[] keys = ["recipe", "steps", "trip", "days", "packing", "poem", "lines", "todo", "done", "minutes", "meeting", "budget",
            "title", "blocks", "garden", "plants", "book", "chapter", "song", "chords", "workout", "sets", "pet", "vet", "car", "mileage"];
        string[] words = ["mix", "rest", "bake", "charger", "boots", "grey on the roofs", "water the plants", "call the vet", "three sets", "oil change"];
        int content = 0, columns = 300;
        for (int c = 0; c < columns; c++)
        {
            var values = Enumerable.Range(0, 40).Select(_ =>
            {
                var doc = new Dictionary<string, object>();
                foreach (var key in Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(random, keys)).Distinct())
                    doc[key] = random.Next(3) == 0 ? Enumerable.Range(0, 3).Select(_ => Pick(random, words)).ToArray() : Pick(random, words);
                return JsonSerializer.Serialize(doc);
            }).ToArray();
            var decision = Rules.Classify(Some.Column(Pick(random, ["tenant_document", "workspace_item", "record"]), Pick(random, ["doc", "data", "content_json"]), "jsonb", values));
            if (decision.DataCategory is { } d && DataCategory.TopLevelOf(d) == "customer_content") content++;
        }
        Assert.That(Rate(content, columns), Is.GreaterThanOrEqualTo(0.99), $"{content} of {columns} user-document columns called customer content");
    }

    [Test]
    public void JsonPaths_LimitsAreReported_NeverSilent()
    {
        // 30 levels deep and 300 distinct keys: depth and path limits both cut, and the sample says so.
        var deep = new StringBuilder();
        for (int i = 0; i < 30; i++) deep.Append("{\"k\":");
        deep.Append("\"x\"").Append('}', 30);
        var wide = JsonSerializer.Serialize(Enumerable.Range(0, 300).ToDictionary(i => "key" + i.ToString(CultureInfo.InvariantCulture), i => i));
        var sample = JsonValues.Paths([deep.ToString(), wide]);
        Assert.That(sample.Truncated, Is.True);
        Assert.That(sample.Paths, Has.Count.EqualTo(JsonValues.MaxPaths));
        var decision = Rules.Classify(Some.Column("t", "doc", "jsonb", deep.ToString(), wide, wide));
        Assert.That(decision.Evidence.Select(e => e.Id), Does.Contain("sample.json-limits"));
    }
}
