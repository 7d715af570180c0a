using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Connectors.Sampling;
using Inventory.Rules;
using Inventory.Rules.Detectors;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Documents longer than the sampling's value length limit (a webhook payload, an order snapshot, an XML message) are cut
/// by the connector; a cut document used not to parse, so the column lost its paths and an e-mail address in
/// <c>$.customer.email</c> became <c>none</c>. A cut document is now read up to the cut: its whole values, the brackets and
/// elements still open closed there, never a value the cut split. Bulk generated documents (JSON objects and arrays nested
/// to depth 6, strings with escapes, accents, CJK and emoji; XML with attributes, repeated elements, namespaces and CDATA),
/// each cut at many positions; text that only opens like JSON or XML stays out.
/// </summary>
[TestFixture]
public sealed class CutDocumentAdversarialTests
{
    private static readonly string[] Words = ["Zoë", "straße", "niño", "l'été", "a\"b", "back\\slash", "tab\tin", "line\nbreak", "東京", "🙂 smile", "plain", "<tag>", "&amp;"];
    private static readonly string[] Keys = ["email", "courriel", "E-Mail", "correo", "name", "nom", "items", "notes", "sku", "tel", "adresse", "ville", "meta"];

    private static JsonNode Generate(Random random, int depth)
    {
        int pick = depth >= 6 ? random.Next(4) : random.Next(7);
        return pick switch
        {
            0 => JsonValue.Create(Words[random.Next(Words.Length)] + random.Next(1000))!,
            1 => JsonValue.Create(random.Next(-100000, 100000) * (random.Next(2) == 0 ? 1 : 0.125))!,
            2 => JsonValue.Create(random.Next(2) == 0)!,
            3 => JsonValue.Create(new string('x', random.Next(0, 300)))!,
            4 or 5 => Object(random, depth),
            _ => new JsonArray(Enumerable.Range(0, random.Next(0, 25)).Select(_ => (JsonNode?)Generate(random, depth + 1)).ToArray()),
        };
    }

    private static JsonObject Object(Random random, int depth)
    {
        var o = new JsonObject();
        foreach (var key in Keys.OrderBy(_ => random.Next()).Take(random.Next(1, 6))) o[key] = Generate(random, depth + 1);
        return o;
    }

    /// <summary>Every scalar of a document with its path (arrays as [*]) and its text, as a multiset.</summary>
    private static Dictionary<string, int> Leaves(JsonElement element)
    {
        var leaves = new Dictionary<string, int>(StringComparer.Ordinal);
        void Walk(JsonElement e, string path)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) Walk(p.Value, path + "." + p.Name); break;
                case JsonValueKind.Array: foreach (var item in e.EnumerateArray()) Walk(item, path + "[*]"); break;
                default:
                    var key = path + "=" + e.GetRawText();
                    leaves[key] = leaves.GetValueOrDefault(key) + 1;
                    break;
            }
        }
        Walk(element, "$");
        return leaves;
    }

    private static bool IsSubset(Dictionary<string, int> part, Dictionary<string, int> whole) =>
        part.All(p => whole.TryGetValue(p.Key, out int n) && n >= p.Value);

    [Test]
    public void CompletePrefix_CutJsonDocuments_WholeJsonOfTheOriginalsValuesOnly()
    {
        var random = new Random(3401);
        var wrong = new List<string>();
        int cuts = 0, withValues = 0;
        for (int d = 0; d < 600; d++)
        {
            var root = random.Next(4) == 0 ? (JsonNode)new JsonArray(Object(random, 1), Object(random, 1), Object(random, 1)) : Object(random, 0);
            var text = root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            using var original = JsonDocument.Parse(text);
            var whole = Leaves(original.RootElement);
            for (int c = 0; c < 8; c++)
            {
                int at = 1 + random.Next(text.Length - 1);
                // A cut never splits a UTF-16 surrogate pair in this test's input: the connector cuts characters server-side.
                if (char.IsLowSurrogate(text[at])) at--;
                cuts++;
                var completed = JsonValues.CompletePrefix(text[..at]);
                if (completed is null) { wrong.Add($"document {d} cut at {at}: refused"); continue; }
                try
                {
                    using var read = JsonDocument.Parse(completed);
                    var part = Leaves(read.RootElement);
                    if (part.Count > 0) withValues++;
                    if (!IsSubset(part, whole)) wrong.Add($"document {d} cut at {at}: a value not in the original");
                    if (read.RootElement.ValueKind != original.RootElement.ValueKind) wrong.Add($"document {d} cut at {at}: root kind changed");
                }
                catch (JsonException)
                {
                    wrong.Add($"document {d} cut at {at}: not whole JSON");
                }
            }
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(wrong, Is.Empty, $"{wrong.Count} of {cuts} cuts wrong");
            Assert.That(withValues, Is.GreaterThan(cuts / 2), "most cuts keep some whole values");
        }
    }

    [Test]
    public void CompletePrefix_ValueSplitByTheCut_Dropped()
    {
        var text = """{"email":"camille.martin@example.org","tel":"+33 6 12 34 56 78","notes":[1,2,3]}""";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Encoding.UTF8.GetString(JsonValues.CompletePrefix(text[..20])!), Is.EqualTo("{}"), "the e-mail the cut split is not completed");
            Assert.That(Encoding.UTF8.GetString(JsonValues.CompletePrefix(text[..45])!), Is.EqualTo("""{"email":"camille.martin@example.org"}"""));
            Assert.That(Encoding.UTF8.GetString(JsonValues.CompletePrefix(text[..75])!), Is.EqualTo("""{"email":"camille.martin@example.org","tel":"+33 6 12 34 56 78","notes":[1]}"""));
            Assert.That(Encoding.UTF8.GetString(JsonValues.CompletePrefix(text[..74])!), Is.EqualTo("""{"email":"camille.martin@example.org","tel":"+33 6 12 34 56 78","notes":[]}"""),
                "a number at the cut may be the start of a longer one (1 of 12): dropped");
        }
    }

    [Test]
    public void CompletePrefix_TextThatOnlyOpensLikeJson_Refused()
    {
        var random = new Random(3402);
        string[] openings = ["[citation needed] ", "{name} ", "[x] done: ", "{{template}} ", "[1, 2, oops ", "{\"a\": tru e", "{'single': 'quotes'}", "[\"ok\", \"fine\"] trailing {"];
        var accepted = new List<string>();
        for (int i = 0; i < 2000; i++)
        {
            var text = openings[i % openings.Length] + string.Join(' ', Enumerable.Range(0, random.Next(2, 40)).Select(_ => Words[random.Next(Words.Length)]));
            var completed = JsonValues.CompletePrefix(text);
            // The last opening is a whole array followed by prose: read as that array, never more.
            if (completed is not null && !(i % openings.Length == openings.Length - 1 && Encoding.UTF8.GetString(completed) == "[\"ok\", \"fine\"]"))
                accepted.Add(openings[i % openings.Length]);
        }
        Assert.That(accepted, Is.Empty);
    }

    private static string Xml(Random random, bool malformed)
    {
        var sb = new StringBuilder("<m:message xmlns:m=\"urn:x\" id=\"").Append(random.Next(1000)).Append("\">");
        int elements = random.Next(3, 40);
        for (int i = 0; i < elements; i++)
        {
            var key = Keys[random.Next(Keys.Length)];
            if (random.Next(5) == 0) sb.Append('<').Append(key).Append(" kind=\"").Append(random.Next(9)).Append("\"><sub>").Append(System.Security.SecurityElement.Escape(Words[random.Next(Words.Length)]))
                .Append("</sub></").Append(key).Append('>');
            else if (random.Next(6) == 0) sb.Append('<').Append(key).Append("><![CDATA[").Append(Words[random.Next(Words.Length)].Replace("]]>", "")).Append("]]></").Append(key).Append('>');
            else sb.Append('<').Append(key).Append('>').Append(System.Security.SecurityElement.Escape(Words[random.Next(Words.Length)] + random.Next(100))).Append("</").Append(key).Append('>');
            if (malformed && i == 1) sb.Append("<broken></notbroken>");
        }
        return sb.Append("</m:message>").ToString();
    }

    [Test]
    public void XmlToJson_CutDocuments_OnlyTheOriginalsWholeValues()
    {
        var random = new Random(3403);
        var wrong = new List<string>();
        int cuts = 0, read = 0;
        for (int d = 0; d < 500; d++)
        {
            var text = Xml(random, malformed: false);
            using var original = JsonDocument.Parse(XmlValues.ToJson(text)!);
            // Paths without [*]: one repeated element left before the cut is a scalar where the whole document has a list.
            var whole = Leaves(original.RootElement).Select(p => p.Key.Replace("[*]", "")).ToHashSet(StringComparer.Ordinal);
            for (int c = 0; c < 6; c++)
            {
                int at = 1 + random.Next(text.Length - 1);
                cuts++;
                var json = XmlValues.ToJson(text[..at], cut: true);
                if (json is null) continue; // cut before the first element's end: nothing whole to read
                read++;
                using var part = JsonDocument.Parse(json);
                foreach (var leaf in Leaves(part.RootElement).Keys.Select(k => k.Replace("[*]", "")))
                    if (!whole.Contains(leaf)) { wrong.Add($"document {d} cut at {at}: a value not in the original"); break; }
            }
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(wrong, Is.Empty, $"{wrong.Count} of {cuts} cuts wrong");
            Assert.That(read, Is.GreaterThan(cuts * 3 / 4), "most cut documents are read up to the cut");
        }
    }

    [Test]
    public void XmlToJson_MalformedBeforeTheCut_StillRefused()
    {
        var random = new Random(3404);
        int rewritten = 0;
        for (int d = 0; d < 500; d++)
        {
            var text = Xml(random, malformed: true);
            int broken = text.IndexOf("</notbroken>", StringComparison.Ordinal) + "</notbroken>".Length;
            int at = broken + random.Next(text.Length - broken);
            if (XmlValues.ToJson(text[..at], cut: true) is not null) rewritten++;
            if (XmlValues.ToJson(text) is not null) rewritten++;
        }
        Assert.That(rewritten, Is.Zero);
    }

    private static ColumnEvidence Column(string name, string declaredType, TypeFamily family, IReadOnlyList<string> values, int? limit) => new()
    {
        Source = "s", Provider = "postgres", Table = "commande", TableColumns = ["id", name],
        Column = new ColumnInfo { Name = name, Ordinal = 2, DeclaredType = declaredType, Family = family, Nullable = true },
        Sampled = true, SampledRows = values.Count, Values = values, ValueLengthLimit = limit,
    };

    private static string OrderDocument(Random random, int i, bool xml)
    {
        string[] given = ["camille", "jürgen", "lucía", "emma", "noah", "chloé"], family = ["martin", "müller", "garcía", "dubois", "schmidt", "lópez"];
        var email = $"{given[random.Next(given.Length)]}.{family[random.Next(family.Length)]}{i}@exemple.fr";
        var notes = Enumerable.Range(0, 40).Select(j => $"ligne {j} " + new string('x', 150)).ToArray();
        return xml
            ? $"<commande><client><courriel>{email}</courriel></client><lignes>{string.Concat(notes.Select(n => $"<ligne><sku>SKU-{random.Next(1000, 9999)}</sku><note>{n}</note></ligne>"))}</lignes></commande>"
            : JsonSerializer.Serialize(new { client = new { courriel = email }, lignes = notes.Select(n => new { sku = $"SKU-{random.Next(1000, 9999)}", note = n }) });
    }

    [TestCase(false, "jsonb", TypeFamily.Document, 4096)]
    [TestCase(false, "text", TypeFamily.Text, 4096)]
    [TestCase(true, "xml", TypeFamily.Document, 4096)]
    [TestCase(true, "text", TypeFamily.Text, 2000)]
    [TestCase(false, "longtext", TypeFamily.Text, 1000)]
    public void Classify_DocumentsCutAtTheLimit_PathsBeforeTheCutClassified(bool xml, string declaredType, TypeFamily family, int limit)
    {
        var random = new Random(3405 + limit);
        var whole = Enumerable.Range(0, 120).Select(i => OrderDocument(random, i, xml)).ToArray();
        Assert.That(whole.All(d => d.Length > limit), "every document is longer than the limit");
        var cut = whole.Select(d => ColumnValues.Cut(d, limit)).ToArray();
        var classifier = ClassifierFactory.CreateDefault();

        var read = classifier.Classify(Column("contenu", declaredType, family, cut, limit));
        var before = classifier.Classify(Column("contenu", declaredType, family, cut, null));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.DataCategory, Is.EqualTo("contact.email"));
            Assert.That(read.JsonPaths!.Named.Select(p => (p.Path, p.DataCategory)),
                Has.Member((xml ? "$.commande.client.courriel" : "$.client.courriel", (string?)"contact.email")));
            Assert.That(read.Evidence.Single(e => e.Id == "sample.documents-cut").Matched, Is.EqualTo(50), "the 50 documents read were cut");
            Assert.That(before.DataCategory, Is.Not.EqualTo("contact.email"), "without the limit known, the cut documents do not parse (the defect)");
        }
    }

    [Test]
    public void Classify_ProseCutAtTheLimit_NotReadAsDocuments()
    {
        var random = new Random(3406);
        var prose = Enumerable.Range(0, 80).Select(i => (i % 2 == 0 ? "[note] " : "{draft} ") + string.Join(' ', Enumerable.Range(0, 400).Select(_ => Words[random.Next(Words.Length)])))
            .Select(v => ColumnValues.Cut(v, 1000)).ToArray();
        var decision = ClassifierFactory.CreateDefault().Classify(Column("commentaire", "text", TypeFamily.Text, prose, 1000));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.JsonPaths, Is.Null);
            Assert.That(decision.Evidence.Any(e => e.Id is "sample.documents-cut" or "sample.xml-documents"), Is.False);
        }
    }

    [Test]
    public void ColumnValues_DocumentColumn_FirstDocumentsKeptLongerLaterCutAtTheValueLimit()
    {
        var options = new SampleOptions { MaxValueLength = 100, MaxDocumentLength = 1000 };
        var document = new ColumnInfo { Name = "payload", Ordinal = 1, DeclaredType = "jsonb", Family = TypeFamily.Document, Nullable = true };
        var text = new ColumnInfo { Name = "note", Ordinal = 2, DeclaredType = "text", Family = TypeFamily.Text, Nullable = true };
        var documents = new ColumnValues(document, options);
        var notes = new ColumnValues(text, options);
        for (int i = 0; i < 80; i++)
        {
            documents.AddText(new string('d', 5000));
            notes.AddText(new string('n', 5000));
        }
        var d = documents.ToSample();
        var n = notes.ToSample();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Values.Take(SampleOptions.WholeDocuments).Select(v => v.Length), Is.All.EqualTo(1000));
            Assert.That(d.Values.Skip(SampleOptions.WholeDocuments).Select(v => v.Length), Is.All.EqualTo(100));
            Assert.That(n.Values.Select(v => v.Length), Is.All.EqualTo(100));
            Assert.That(d.ValueLengthLimit, Is.EqualTo(100), "the shortest cut: any value that long may be the start of a longer one");
            Assert.That(options.LengthFor(document), Is.EqualTo(1000));
            Assert.That(options.LengthFor(text), Is.EqualTo(100));
            Assert.That(new SampleOptions { MaxValueLength = 9000, MaxDocumentLength = 1000 }.LengthFor(document), Is.EqualTo(9000),
                "a document is never cut shorter than a plain value");
        }
    }
}
