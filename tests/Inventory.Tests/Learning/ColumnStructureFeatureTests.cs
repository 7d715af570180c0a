using System.Globalization;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Cli.Commands;
using Inventory;
using Inventory.Rules.Learning;
using NUnit.Framework;

namespace Inventory.Tests.Model;

/// <summary>
/// The structure tokens of the column model (<see cref="ColumnModelInput.Structure"/>, <see cref="StructureKinds"/>):
/// the declared type's spelling (base name, length, precision and scale), the first and last words of the name and the word
/// a key keys, and the table's words joined to the name's last word. Generated in bulk: type spellings of five dialects
/// over every length and precision, names of four languages in five spellings, keys at either end, look-alikes.
/// </summary>
[TestFixture]
public sealed class ColumnStructureFeatureTests
{
    private static string[] Tokens(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Pow2(int n)
    {
        if (n > 1024) return "more";
        int p = 1;
        while (p < n) p <<= 1;
        return p.ToString(CultureInfo.InvariantCulture);
    }

    [Test]
    public void TextTypesOfEveryLength_GiveBaseNameExactLengthAndClass()
    {
        string[] spellings = ["varchar({0})", "VARCHAR({0})", "character varying({0})", "nvarchar({0})", "char({0})", "nchar( {0} )", "varchar2({0})"];
        string[] bases = ["varchar", "varchar", "character-varying", "nvarchar", "char", "nchar", "varchar2"];
        var misses = new List<string>();
        int total = 0;
        for (int length = 1; length <= 2100; length += length < 300 ? 1 : 37)
            for (int s = 0; s < spellings.Length; s++)
            {
                total++;
                var type = string.Format(CultureInfo.InvariantCulture, spellings[s], length);
                var tokens = Tokens(ColumnFeatures.TypeSpellingTokens(type, ColumnFeatures.FamilyOf(type)));
                var expected = new[] { "ty:" + bases[s], $"ta:text-{length}", "tb:text-" + Pow2(length) };
                if (!tokens.SequenceEqual(expected)) misses.Add($"{type} → {string.Join(' ', tokens)}");
            }
        Assert.That(total, Is.GreaterThan(2000));
        Assert.That(misses, Is.Empty, $"{misses.Count} of {total}: {string.Join("; ", misses.Take(10))}");
    }

    [Test]
    public void DecimalTypesOfEveryPrecisionAndScale_GivePrecisionAndScale()
    {
        var misses = new List<string>();
        int total = 0;
        foreach (var spelling in new[] { "numeric", "decimal", "NUMBER" })
            for (int precision = 1; precision <= 38; precision++)
                for (int scale = 0; scale <= precision; scale++)
                {
                    total++;
                    var type = $"{spelling}({precision},{scale})";
                    var tokens = Tokens(ColumnFeatures.TypeSpellingTokens(type, TypeFamily.Decimal));
                    var expected = new[] { "ty:" + spelling.ToLowerInvariant(), $"ta:decimal-{precision}", "tb:decimal-" + Pow2(precision), $"ts:decimal-{scale}" };
                    if (!tokens.SequenceEqual(expected)) misses.Add($"{type} → {string.Join(' ', tokens)}");
                }
        Assert.That(total, Is.EqualTo(3 * Enumerable.Range(1, 38).Sum(p => p + 1)));
        Assert.That(misses, Is.Empty, $"{misses.Count} of {total}: {string.Join("; ", misses.Take(10))}");
    }

    [TestCase("int unsigned", TypeFamily.Integer, "ty:unsigned ty:int")]
    [TestCase("bigint(20) unsigned", TypeFamily.Integer, "ty:unsigned ty:bigint ta:integer-20 tb:integer-32")]
    [TestCase("tinyint(1)", TypeFamily.Boolean, "ty:tinyint ta:boolean-1 tb:boolean-1")]
    [TestCase("text", TypeFamily.Text, "ty:text")]
    [TestCase("timestamp with time zone", TypeFamily.Temporal, "ty:timestamp-with-time-zone")]
    [TestCase("\"Name\"", TypeFamily.Other, "")]
    [TestCase("\"Status\"?", TypeFamily.Other, "")]
    [TestCase("text[]", TypeFamily.Other, "ty:array")]
    [TestCase("", TypeFamily.Untyped, "")]
    [TestCase("  ", TypeFamily.Untyped, "")]
    [TestCase("varchar(max)", TypeFamily.Text, "ty:varchar")]
    public void TypeSpellings_GiveTheirTokens(string type, TypeFamily family, string expected) =>
        Assert.That(ColumnFeatures.TypeSpellingTokens(type, family), Is.EqualTo(expected));

    // First and last words of four languages; the English of the lexicon's words follows theirs.
    private static readonly (string[] Firsts, string[] Lasts)[] Languages =
    [
        (["user", "customer", "billing", "shipping", "invoice", "product", "order", "account"], ["name", "address", "number", "status", "date", "total", "code"]),
        (["client", "facture", "commande", "societe"], ["nom", "adresse", "ville", "montant", "prix"]),
        (["kunde", "rechnung", "konto", "bestellung"], ["nummer", "datum", "betrag", "strasse"]),
        (["cliente", "factura", "pedido", "empresa"], ["nombre", "direccion", "ciudad", "importe"]),
    ];

    private static IEnumerable<string> Spellings(string first, string last) =>
    [
        $"{first}_{last}", $"{first.ToUpperInvariant()}_{last.ToUpperInvariant()}", first + char.ToUpperInvariant(last[0]) + last[1..],
        $"{first}-{last}", $"{first}_{last}_2", $"{first}_x_{last}",
    ];

    [Test]
    public void GeneratedNames_FirstAndLastWordsAtTheirPositions_InEitherOrder()
    {
        var misses = new List<string>();
        int total = 0;
        foreach (var (firsts, lasts) in Languages)
            foreach (var first in firsts)
                foreach (var last in lasts)
                    foreach (var (a, b) in new[] { (first, last), (last, first) })
                        foreach (var name in Spellings(a, b))
                        {
                            total++;
                            var (tokens, head) = ColumnFeatures.PositionTokens(name);
                            var t = Tokens(tokens);
                            // The word itself and, for a lexicon word, its English after it.
                            var p0 = t.Where(x => x.StartsWith("p0:", StringComparison.Ordinal)).ToArray();
                            var pz = t.Where(x => x.StartsWith("pz:", StringComparison.Ordinal)).ToArray();
                            bool ok = p0.Length >= 1 && p0[0] == "p0:" + a && pz.Length >= 1 && pz[0] == "pz:" + b && head == b
                                && !t.Contains("pz:" + a) && !t.Contains("p0:" + b) && !t.Any(x => x.StartsWith("pk:", StringComparison.Ordinal));
                            if (!ok) misses.Add($"{name} → {tokens} (head {head})");
                        }
        Assert.That(total, Is.EqualTo(2 * 6 * (8 * 7 + 4 * 5 + 4 * 4 + 4 * 4)));
        Assert.That(misses, Is.Empty, $"{misses.Count} of {total}: {string.Join("; ", misses.Take(10))}");
    }

    [TestCase("nom_client", "p0:nom p0:name pz:client")]
    [TestCase("date_naissance", "p0:date pz:naissance")]
    [TestCase("fname", "p0:first pz:name")]
    public void LexiconAndAbbreviations_ReadBeforePositions(string name, string expectedStart) =>
        Assert.That(ColumnFeatures.PositionTokens(name).Tokens, Does.StartWith(expectedStart));

    [Test]
    public void GeneratedKeys_AtEitherEnd_GiveTheWordTheyKey()
    {
        string[] keys = ["id", "key", "fk", "ref", "uuid"];
        string[] things = ["customer", "user", "cliente", "kunde", "utilisateur", "product", "invoice", "order", "author", "session"];
        var misses = new List<string>();
        int total = 0;
        foreach (var key in keys)
            foreach (var thing in things)
                foreach (var name in new[] { $"{thing}_{key}", $"{key}_{thing}", thing + char.ToUpperInvariant(key[0]) + key[1..], key + char.ToUpperInvariant(thing[0]) + thing[1..], $"{thing}_{key}_2".ToUpperInvariant() })
                {
                    total++;
                    var t = Tokens(ColumnFeatures.PositionTokens(name).Tokens);
                    if (!t.Contains("pk:" + thing)) misses.Add($"{name} → {string.Join(' ', t)}");
                }
        Assert.That(total, Is.EqualTo(5 * 10 * 5));
        Assert.That(misses, Is.Empty, $"{misses.Count} of {total}: {string.Join("; ", misses.Take(10))}");
    }

    [Test]
    public void KeyLookAlikes_KeyNothing()
    {
        // Words that begin or end with a key token's letters are one token each, and a bare key or two keys key nothing.
        string[] names = ["identity", "ideal", "idea", "idle", "keyword", "keyboard", "monkey", "turkey", "reference", "refund",
            "referrer", "fluid", "paid", "valid", "android", "squid", "id", "key", "uuid", "id_key", "fk_id", "ref_uuid", "identifier",
            "pkey", "hockey", "jockey", "avoid", "grid", "hybrid", "rapid", "liquid", "humid", "orchid", "pyramid", "rigid"];
        var keyed = names.Where(n => Tokens(ColumnFeatures.PositionTokens(n).Tokens).Any(t => t.StartsWith("pk:", StringComparison.Ordinal))).ToArray();
        Assert.That(keyed, Is.Empty);
    }

    private static ColumnModelInput Build(string table, string column, string type = "varchar(255)", params string[] others) =>
        ColumnFeatures.Build(new ColumnEvidence
        {
            Table = table,
            TableColumns = [column, .. others],
            Column = new ColumnInfo { Name = column, Ordinal = 1, DeclaredType = type, Family = ColumnFeatures.FamilyOf(type) },
        }, null);

    [Test]
    public void GeneratedTables_TableWordsBeforeTheLastJoinedToTheNamesLastWord()
    {
        string[] modifiers = ["invoice", "customer", "order", "kunde", "cliente", "user"];
        string[] heads = ["line", "address", "item", "detail", "history"];
        string[] columns = ["number", "name", "street_name", "total_2", "createdAt"];
        var misses = new List<string>();
        int total = 0;
        foreach (var modifier in modifiers)
            foreach (var head in heads)
                foreach (var column in columns)
                    foreach (var table in new[] { $"{modifier}_{head}", $"public.{modifier}_{head}s", modifier + char.ToUpperInvariant(head[0]) + head[1..] })
                    {
                        total++;
                        var last = ColumnFeatures.PositionTokens(column).Head;
                        var pairs = Tokens(Build(table, column).Structure).Where(t => t.StartsWith("tx:", StringComparison.Ordinal)).ToArray();
                        // The lexicon's English of a table word follows the words (kunde_line → kunde line customer): the
                        // table's last token is the context group's, never paired here.
                        var tableLast = ColumnFeatures.TableTokens(table)[^1];
                        if (!pairs.Contains($"tx:{modifier}_{last}") || pairs.Any(p => !p.EndsWith("_" + last, StringComparison.Ordinal))
                            || pairs.Any(p => p.StartsWith($"tx:{tableLast}_", StringComparison.Ordinal)) || pairs.Length != pairs.Distinct().Count())
                            misses.Add($"{table}.{column} → {string.Join(' ', pairs)}");
                    }
        Assert.That(total, Is.EqualTo(6 * 5 * 5 * 3));
        Assert.That(misses, Is.Empty, $"{misses.Count} of {total}: {string.Join("; ", misses.Take(10))}");
    }

    [TestCase("customers", "name")]
    [TestCase("public.users", "email")]
    [TestCase("order_order", "number")]
    [TestCase("invoice_line", "42")]
    public void OneWordTablesRepeatedWordsAndNamelessColumns_GiveNoPair(string table, string column) =>
        Assert.That(Tokens(Build(table, column).Structure).Where(t => t.StartsWith("tx:", StringComparison.Ordinal)), Is.Empty);

    [Test]
    public void Build_StructureHoldsEveryKind_AndKeepStructureFiltersThem()
    {
        var input = Build("invoice_lines", "customer_id", "bigint(20) unsigned");
        var all = Tokens(input.Structure);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(all, Is.EqualTo(new[] { "ty:unsigned", "ty:bigint", "ta:integer-20", "tb:integer-32", "p0:customer", "pz:id", "pk:customer", "tx:invoice_id" }));
            Assert.That(ColumnFeatures.KeepStructure(input.Structure, StructureKinds.Shape), Is.EqualTo("ty:unsigned ty:bigint ta:integer-20 tb:integer-32"));
            Assert.That(ColumnFeatures.KeepStructure(input.Structure, StructureKinds.Position), Is.EqualTo("p0:customer pz:id pk:customer"));
            Assert.That(ColumnFeatures.KeepStructure(input.Structure, StructureKinds.Pairs), Is.EqualTo("tx:invoice_id"));
            Assert.That(ColumnFeatures.KeepStructure(input.Structure, StructureKinds.None), Is.Empty);
            Assert.That(ColumnFeatures.KeepStructure(input.Structure, StructureKinds.All), Is.EqualTo(input.Structure));
        }
    }

    [TestCase(null, StructureKinds.All)]
    [TestCase("none", StructureKinds.None)]
    [TestCase("shape", StructureKinds.Shape)]
    [TestCase("Shape, pairs", StructureKinds.Shape | StructureKinds.Pairs)]
    [TestCase("position,pairs,shape", StructureKinds.All)]
    public void StructureOption_Parses(string? text, StructureKinds expected) =>
        Assert.That(EvaluateCommand.StructureKindsOf(text), Is.EqualTo(expected));

    [Test]
    public void StructureOption_UnknownKind_ClearError()
    {
        var error = Assert.Throws<ConfigurationException>(() => EvaluateCommand.StructureKindsOf("shape,types"));
        Assert.That(error!.Message.Contains("'types'", StringComparison.Ordinal), Is.True, error.Message);
    }

    [Test]
    public void VocabularyWithoutStructureTerms_IgnoresTheTokens()
    {
        // A model fitted before the group existed (its Structure vocabulary empty) scores a column as it did: unknown terms
        // give no feature. Fitted on the same rows with and without their structure tokens.
        ColumnModelInput[] Rows() => [Build("invoice_lines", "customer_id", "bigint(20) unsigned", "amount"), Build("users", "email", "varchar(320)", "name")];
        var rows = Rows();
        var bare = Rows();
        foreach (var r in bare) r.Structure = "";
        var without = ColumnVectorizer.Fit(bare);
        var with = ColumnVectorizer.Fit(rows);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(without.Terms(FeatureGroup.Structure), Is.Empty);
            Assert.That(with.Terms(FeatureGroup.Structure), Does.Contain("ta:text-320").And.Contain("pk:customer"));
            var withTokens = without.Vectorize(rows[0]);
            var stripped = bare[0];
            Assert.That(withTokens.Indices, Is.EqualTo(without.Vectorize(stripped).Indices));
            Assert.That(withTokens.Values, Is.EqualTo(without.Vectorize(stripped).Values));
            Assert.That(with.Vectorize(rows[0]).Count, Is.EqualTo(without.Vectorize(stripped).Count + Tokens(rows[0].Structure).Length));
        }
    }
}
