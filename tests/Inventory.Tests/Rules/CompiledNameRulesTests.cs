using System.Globalization;
using System.Text;
using Inventory.Catalog;
using Inventory.Rules;
using Inventory.Yaml;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>The shipped name rules are read from the form the build compiles (<see cref="CompiledYaml"/>,
/// rules/Inventory.Rules.Compile) instead of parsing <c>name-rules.yml</c> in every process (fleet48). The rule set read
/// that way must equal the YAML's, node by node (value, style, line, column) and rule by rule; a form compiled from other
/// bytes must be refused; malformed YAML must still be named by file, line and column (at build time for the shipped
/// file, at load for a user's).</summary>
public sealed class CompiledNameRulesTests
{
    private const string YamlResource = "Inventory.Rules.Defaults.name-rules.yml";
    private const string File = "name-rules.yml (embedded)";

    private static byte[] ResourceBytes(string name)
    {
        using var stream = typeof(NameRuleSet).Assembly.GetManifestResourceStream(name);
        Assert.That(stream, Is.Not.Null, $"resource {name} is embedded");
        using var copy = new MemoryStream();
        stream!.CopyTo(copy);
        return copy.ToArray();
    }

    [Test]
    public void EmbeddedCompiledForm_IsAcceptedAndEqualsTheYamlParse_NodeByNode()
    {
        var yaml = ResourceBytes(YamlResource);
        using var compiled = new MemoryStream(ResourceBytes(YamlResource + ".compiled"));
        Assert.That(CompiledYaml.TryRead(compiled, yaml, File, out var fromForm), Is.True, "the build's form was compiled from the embedded YAML");
        var fromYaml = StrictYaml.ReadDocuments(CompiledYaml.Decode(yaml), File);

        var nodes = AssertSameTrees(fromYaml, fromForm!);
        Assert.That(nodes, Is.GreaterThan(20_000), "every node of the 5,500-line file was compared");
        Assert.That(NameRuleSet.EmbeddedDocuments().Count, Is.EqualTo(1));
        AssertSameTrees(fromYaml, NameRuleSet.EmbeddedDocuments());
    }

    [Test]
    public void DefaultRuleSet_FromTheCompiledForm_EqualsTheYamlsRuleByRule()
    {
        var yamlText = CompiledYaml.Decode(ResourceBytes(YamlResource));
        var parsed = NameRuleSet.Parse(yamlText, File, Taxonomy.Default);
        var loaded = NameRuleSet.Default;

        Assert.That(loaded.Rules, Has.Count.EqualTo(parsed.Rules.Count).And.Count.GreaterThan(300));
        for (int i = 0; i < parsed.Rules.Count; i++)
            Assert.That(Describe(loaded.Rules[i]), Is.EqualTo(Describe(parsed.Rules[i])), $"rule {i} ({parsed.Rules[i].Id})");
        Assert.That(loaded.Words().Order(StringComparer.Ordinal), Is.EqualTo(parsed.Words().Order(StringComparer.Ordinal)),
            "abbreviations, table and name groups, gate words");
        var withTaxonomy = NameRuleSet.Load(null, Taxonomy.Default);
        Assert.That(withTaxonomy.Rules.Select(Describe), Is.EqualTo(parsed.Rules.Select(Describe)), "Load(null, taxonomy) reads the compiled form too");

        // The decisions themselves, on names of several kinds and languages.
        string[] names = ["email", "customer_email", "date_of_birth", "geburtsdatum", "nom_client", "apellido", "is_email_verified",
            "order_count", "password_hash", "telefono_movil", "iban", "created_at", "street_address", "Kundennummer"];
        foreach (var name in names)
        foreach (var family in new[] { TypeFamily.Text, TypeFamily.Integer, TypeFamily.Temporal })
        {
            var a = loaded.Match("customers", name, family);
            var b = parsed.Match("customers", name, family);
            Assert.That((a.Rule?.Id, a.DataCategory, a.Weight, string.Join(",", a.Gates)),
                Is.EqualTo((b.Rule?.Id, b.DataCategory, b.Weight, string.Join(",", b.Gates))), $"{name} as {family}");
        }
    }

    [Test]
    public void TryRead_AFormCompiledFromOtherBytes_IsRefused()
    {
        var yaml = ResourceBytes(YamlResource);
        var compiled = ResourceBytes(YamlResource + ".compiled");
        var edited = (byte[])yaml.Clone();
        edited[^2] ^= 0x20; // one letter's case near the end: what an edit after the build would be
        Assert.That(CompiledYaml.TryRead(new MemoryStream(compiled), edited, File, out var documents), Is.False);
        Assert.That(documents, Is.Null);
        Assert.That(CompiledYaml.TryRead(new MemoryStream(compiled[..20]), yaml, File, out _), Is.False, "a header cut short");
        Assert.That(CompiledYaml.TryRead(new MemoryStream(compiled), yaml[..^1], File, out _), Is.False, "YAML one byte shorter");
        var otherVersion = (byte[])compiled.Clone();
        otherVersion[4] = 99;
        Assert.That(CompiledYaml.TryRead(new MemoryStream(otherVersion), yaml, File, out _), Is.False, "another format version");
        Assert.That(() => CompiledYaml.TryRead(new MemoryStream(compiled[..(compiled.Length - 100)]), yaml, File, out _),
            Throws.TypeOf<InvalidDataException>(), "a body cut short");
    }

    [TestCase("a: 1\n b: 2\n", 2, 2)]
    [TestCase("rules:\n  - id: x\n\tcategory: email\n", 3, 1)]
    [TestCase("rules:\n  - id: x\n    id: y\n", 3, 5)]
    [TestCase("abbreviations: { nr: number\nrules: []\n", 1, 16)]
    [TestCase("rules:\n  - id: \"x\n", 2, 9)]
    [TestCase("a: &anchor 1\nb: *anchor\n", 2, 4)]
    public void Compile_MalformedYaml_FailsAtItsFileLineAndColumn(string text, int line, int column)
    {
        var dir = Directory.CreateTempSubdirectory("compiled-yaml-");
        try
        {
            var path = Path.Combine(dir.FullName, "name-rules.yml");
            System.IO.File.WriteAllText(path, text);
            var output = Path.Combine(dir.FullName, "out.compiled");
            var error = Assert.Throws<ConfigurationException>(() => CompiledYaml.Compile(path, output))!;
            Assert.That((error.File, error.Line, error.Column), Is.EqualTo((path, line, column)), error.Message);
            // The same file given as a user's rules is named at the same place.
            var user = Assert.Throws<ConfigurationException>(() => NameRuleSet.Load(path))!;
            Assert.That((user.File, user.Line, user.Column), Is.EqualTo((path, line, column)), user.Message);
        }
        finally { dir.Delete(recursive: true); }
    }

    [Test]
    public void Compile_ThenTryRead_GeneratedDocuments_EqualTheirParse()
    {
        // 3,000 generated YAML streams: plain, single- and double-quoted and block scalars, escapes, accents, other
        // scripts, empty and null values, nested sequences and mappings in block and flow style, several documents.
        var random = new Random(48);
        int nodes = 0;
        var dir = Directory.CreateTempSubdirectory("compiled-yaml-");
        try
        {
            for (int n = 0; n < 3_000; n++)
            {
                var text = GeneratedStream(random);
                var path = Path.Combine(dir.FullName, $"g{n % 7}.yml");
                System.IO.File.WriteAllText(path, text, n % 5 == 0 ? new UTF8Encoding(true) : new UTF8Encoding(false));
                var output = Path.ChangeExtension(path, ".compiled");
                CompiledYaml.Compile(path, output);
                var bytes = System.IO.File.ReadAllBytes(path);
                using var compiled = System.IO.File.OpenRead(output);
                Assert.That(CompiledYaml.TryRead(compiled, bytes, "g.yml", out var read), Is.True, text);
                nodes += AssertSameTrees(StrictYaml.ReadDocuments(CompiledYaml.Decode(bytes), "g.yml"), read!);
            }
        }
        finally { dir.Delete(recursive: true); }
        Assert.That(nodes, Is.GreaterThan(30_000));
    }

    [Test]
    public void Write_ADuplicateKeySinkRead_IsRejected()
    {
        var sink = new List<ConfigurationException>();
        var documents = StrictYaml.ReadDocuments("a: 1\na: 2\nb: 3\n", "d.yml", sink);
        Assert.That(sink, Has.Count.EqualTo(1));
        Assert.That(() => CompiledYaml.Write(new MemoryStream(), documents, "a: 1\na: 2\nb: 3\n"u8), Throws.ArgumentException);
    }

    private static readonly string[] Words =
        ["email", "nom", "Straße", "teléfono", "é", "ü", "日本", "x y", "-1", "0.5", "true", "null", "~", "", "a#b", "key: v",
         "[x]", "{y}", "'q'", "\"d\"", "tab\there", "line\nbreak", "back\\slash", "ümlaut_ß", "Ça", "ñandú", "a, b", "*", "&", "!", "%x"];

    private static string GeneratedStream(Random random)
    {
        var text = new StringBuilder();
        int documents = random.Next(1, 3);
        for (int d = 0; d < documents; d++)
        {
            if (documents > 1 || random.Next(4) == 0) text.Append("---\n");
            WriteMapping(text, random, 0, depth: 0);
        }
        return text.ToString();
    }

    private static void WriteMapping(StringBuilder text, Random random, int indent, int depth)
    {
        int entries = random.Next(1, 6);
        for (int e = 0; e < entries; e++)
        {
            text.Append(' ', indent).Append("k").Append(e).Append(depth).Append(':');
            WriteValue(text, random, indent, depth);
        }
    }

    private static void WriteValue(StringBuilder text, Random random, int indent, int depth)
    {
        int kind = depth >= 3 ? random.Next(6) : random.Next(9);
        switch (kind)
        {
            case 0: text.Append('\n'); break; // null
            case 1: text.Append(' ').Append(Plain(random)).Append('\n'); break;
            case 2: text.Append(" '").Append(Pick(random).Replace("'", "''").Replace("\n", " ")).Append("'\n"); break;
            case 3: text.Append(" \"").Append(Escaped(Pick(random))).Append("\"\n"); break;
            case 4: text.Append(" |\n").Append(' ', indent + 2).Append(Plain(random)).Append('\n').Append(' ', indent + 2).Append(Plain(random)).Append('\n'); break;
            case 5: text.Append(" [").Append(Plain(random)).Append(", \"").Append(Escaped(Pick(random))).Append("\"]\n"); break;
            case 6:
                text.Append('\n');
                WriteMapping(text, random, indent + 2, depth + 1);
                break;
            case 7:
                text.Append('\n');
                for (int i = random.Next(1, 5); i > 0; i--)
                {
                    text.Append(' ', indent + 2).Append('-');
                    WriteValue(text, random, indent + 2, depth + 1);
                }
                break;
            default: text.Append(" { a: ").Append(Plain(random)).Append(", b: '").Append(Pick(random).Replace("'", "''").Replace("\n", " ")).Append("' }\n"); break;
        }
    }

    private static string Pick(Random random) => Words[random.Next(Words.Length)];

    private static string Plain(Random random) =>
        random.Next(3) switch
        {
            0 => "w" + random.Next(1000).ToString(CultureInfo.InvariantCulture),
            1 => "mot_é" + random.Next(50).ToString(CultureInfo.InvariantCulture),
            _ => "Wort" + random.Next(50).ToString(CultureInfo.InvariantCulture) + " ß",
        };

    private static string Escaped(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\t", "\\t");

    /// <returns>The number of nodes compared.</returns>
    private static int AssertSameTrees(IReadOnlyList<YNode> expected, IReadOnlyList<YNode> actual)
    {
        Assert.That(actual, Has.Count.EqualTo(expected.Count), "documents");
        int nodes = 0;
        for (int i = 0; i < expected.Count; i++) nodes += AssertSameNode(expected[i], actual[i]);
        return nodes;
    }

    private static int AssertSameNode(YNode expected, YNode actual)
    {
        var where = $"node at {expected.Line}:{expected.Column}";
        Assert.That((actual.GetType(), actual.File, actual.Line, actual.Column), Is.EqualTo((expected.GetType(), expected.File, expected.Line, expected.Column)), where);
        int nodes = 1;
        switch (expected)
        {
            case YScalar s:
                var a = (YScalar)actual;
                if (a.Value != s.Value || a.Plain != s.Plain)
                    Assert.Fail($"{where}: scalar differs (plain {s.Plain} / {a.Plain})");
                break;
            case YSequence q:
                var aq = (YSequence)actual;
                Assert.That(aq.Items, Has.Count.EqualTo(q.Items.Count), where);
                for (int i = 0; i < q.Items.Count; i++) nodes += AssertSameNode(q.Items[i], aq.Items[i]);
                break;
            case YMapping m:
                var am = (YMapping)actual;
                Assert.That(am.Entries, Has.Count.EqualTo(m.Entries.Count), where);
                Assert.That(am.DuplicateKeys, Is.Empty, where);
                for (int i = 0; i < m.Entries.Count; i++)
                {
                    nodes += AssertSameNode(m.Entries[i].Key, am.Entries[i].Key);
                    nodes += AssertSameNode(m.Entries[i].Value, am.Entries[i].Value);
                }
                break;
        }
        return nodes;
    }

    private static string Describe(NameRule r) => string.Join(" | ",
        r.Id, r.DataCategory,
        string.Join(";", r.Phrases.Select(p => string.Join(" ", p))),
        string.Join(";", r.Contains),
        string.Join(";", r.Families.Order()),
        string.Join(";", r.Tables), string.Join(";", r.NotTables),
        r.Weight.ToString("R", CultureInfo.InvariantCulture),
        string.Join(";", r.AllowSuffixes.Order(StringComparer.Ordinal)),
        string.Join(";", r.NeedsSiblings),
        r.KeepsAllowedSuffixes, r.Stands, r.WholeName, r.NeedsStandaloneSiblings, r.NeedsPersonKey, r.NeedsKeyTo ?? "-", r.UserRule);
}
