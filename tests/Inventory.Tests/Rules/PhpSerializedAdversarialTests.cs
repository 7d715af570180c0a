using System.Globalization;
using System.Text;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// PHP <c>serialize()</c> payloads are opened for the detectors as JSON documents are (trial 35 finding 3n: an
/// <c>a:3:{s:7:"user_id";i:5;s:5:"email";s:…}</c> column holding e-mails was not read as one). Payloads are generated
/// in bulk by an independent writer (string lengths in UTF-8 bytes as PHP counts them): keys of the four languages,
/// nested arrays, lists, <c>stdClass</c> and class objects with protected and private properties, the engines' text
/// types; malformed payloads (a wrong byte length, cut, trailing text, custom-serialized <c>C:</c> objects, too deep)
/// give no reading and no exception, and payloads of settings stay non-personal.
/// </summary>
[TestFixture]
public sealed class PhpSerializedAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] ColumnNames = ["meta_value", "option_value", "data", "donnees", "daten", "datos", "payload", "serialized", "extra", "params"];
    private static readonly string[] Tables = ["wp_usermeta", "wp_options", "clients_meta", "kunden_daten", "clientes_datos", "cache_items", "user_settings", "import_rows"];
    private static readonly string[] Types = ["longtext", "text", "mediumtext", "varchar(2000)", "TEXT", "character varying", "nvarchar(max)", ""];

    private enum Kind { Email, Phone, Iban }

    private static readonly Dictionary<Kind, (string Category, string[] Keys)> Kinds = new()
    {
        [Kind.Email] = ("contact.email", ["email", "courriel", "mail", "correo", "e_mail", "user_email", "adresse_mail"]),
        [Kind.Phone] = ("contact.phone", ["telephone", "tel", "telefon", "telefono", "phone", "mobile", "portable"]),
        [Kind.Iban] = ("financial.bank_account", ["iban", "compte_iban", "konto_iban", "cuenta_iban", "bank_iban", "rib_iban"]),
    };

    private static string Identifier(Random random, Kind kind, int i) => kind switch
    {
        Kind.Email => $"{Pick(random, ["jean", "anna", "lucía", "mark", "chloé", "jürgen"])}.{Pick(random, ["martin", "muller", "garcia", "smith"])}{i}@{Pick(random, ["example.com", "exemple.fr", "beispiel.de", "ejemplo.es"])}",
        Kind.Phone => Pick(random, ["+33 6 ", "+49 151 ", "+34 6", "+44 7700 "]) + string.Create(CultureInfo.InvariantCulture, $"{random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}"),
        _ => Iban(random),
    };

    // A valid IBAN (ISO 13616 mod-97) of FR, DE or ES.
    private static string Iban(Random random)
    {
        var (country, length) = Pick(random, new[] { ("FR", 23), ("DE", 18), ("ES", 20) });
        var bban = string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10))));
        var digits = bban + string.Concat(country.Select(c => (c - 'A' + 10).ToString(CultureInfo.InvariantCulture))) + "00";
        int remainder = 0;
        foreach (var c in digits) remainder = (remainder * 10 + (c - '0')) % 97;
        return $"{country}{98 - remainder:00}{bban}";
    }

    /// <summary>PHP's serialize() of a string: its length in UTF-8 bytes.</summary>
    private static string S(string text) => $"s:{Encoding.UTF8.GetByteCount(text)}:\"{text}\";";

    private static string I(long n) => string.Create(CultureInfo.InvariantCulture, $"i:{n};");

    private static string A(params (string Key, string Value)[] entries) =>
        $"a:{entries.Length}:{{{string.Concat(entries.Select(e => e.Key + e.Value))}}}";

    private static string List(params string[] values) => A(values.Select((v, i) => (I(i), v)).ToArray());

    private static string Obj(string className, params (string Key, string Value)[] entries) =>
        $"O:{Encoding.UTF8.GetByteCount(className)}:\"{className}\":{entries.Length}:{{{string.Concat(entries.Select(e => e.Key + e.Value))}}}";

    // One payload of a column: the column's payloads share their shape, as one application's do.
    private static string Payload(Random random, Kind kind, string key, int i, int style)
    {
        var value = S(Identifier(random, kind, i));
        var id = I(random.Next(1, 100_000));
        return style switch
        {
            0 => A((S("user_id"), id), (S(key), value), (S("active"), "b:1;")),
            1 => A((S("id"), id), (S("contact"), A((S(key), value), (S("type"), S(Pick(random, ["principal", "privé", "geschäftlich", "personal"]))))), (S("score"), "d:0.5;")),
            2 => Obj("stdClass", (S(key), value), (S("created"), S("2024-05-0" + random.Next(1, 9))), (S("note"), "N;")),
            3 => Obj("App\\Models\\Customer", (S("\0*\0" + key), value), (S("\0App\\Models\\Customer\0id"), id)),
            _ => A((S("rows"), List(A((S(key), value)), A((S(key), S(Identifier(random, kind, i + 1))))))),
        };
    }

    [TestCase(1)]
    [TestCase(2)]
    public void ColumnsOfPhpPayloads_IdentifiersInsideAreSeen(int seed)
    {
        // Given columns of generated PHP payloads holding one kind of identifier each, under a key of one of four languages
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 300;
        for (int c = 0; c < columns; c++)
        {
            var kind = (Kind)(c % 3);
            var (category, keys) = Kinds[kind];
            var key = Pick(random, keys);
            int style = random.Next(5);
            var values = Enumerable.Range(0, random.Next(8, 50)).Select(i => Payload(random, kind, key, i, style)).ToArray();
            var column = Some.Column(Pick(random, Tables), Pick(random, ColumnNames), Pick(random, Types), values);
            // When the combined classifier decides
            var decision = Combined.Classify(column);
            // Then the payloads are read as documents and the identifier's category is the column's
            if (decision.DataCategory != category || !decision.Evidence.Any(e => e.Id == "sample.php-serialized"))
                wrong.Add($"{kind} style {style} key {key} {column.Column.DeclaredType} → {decision.DataCategory} {decision.Confidence}");
        }
        AssertNoneWrong(wrong, columns, "columns of PHP payloads whose identifiers were not seen");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void PayloadsOfSettings_StayNonPersonal(int seed)
    {
        // Given WordPress-like options and widget settings: themes, counts, flags, lists of slugs
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 200;
        for (int c = 0; c < columns; c++)
        {
            var values = Enumerable.Range(0, random.Next(8, 40)).Select(i => A(
                (S(Pick(random, ["theme", "theme_couleur", "farbschema", "tema"])), S(Pick(random, ["dark", "light", "sombre", "hell", "oscuro"]))),
                (S(Pick(random, ["per_page", "par_page", "pro_seite", "por_pagina"])), I(random.Next(5, 100))),
                (S("widgets"), List(S(Pick(random, ["search", "archives", "calendar"])), S(Pick(random, ["meta", "tag_cloud", "rss"])))),
                (S("enabled"), $"b:{random.Next(2)};"))).ToArray();
            var column = Some.Column(Pick(random, ["wp_options", "settings", "parametres", "einstellungen", "ajustes"]), Pick(random, ["option_value", "value", "valeur", "wert", "valor"]),
                Pick(random, Types), values);
            var decision = Combined.Classify(column);
            if (decision.DataCategory != "none") wrong.Add($"{column.Table}.{column.Column.Name} → {decision.DataCategory} {decision.Confidence}");
        }
        AssertNoneWrong(wrong, columns, "payloads of settings taken as personal");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void MalformedPayloads_NotReadNoException(int seed)
    {
        var random = new Random(seed);
        string Email(int i) => Identifier(random, Kind.Email, i);
        Func<int, string>[] hostile =
        [
            i => Email(i) is var e ? $"a:1:{{s:5:\"email\";s:{Encoding.UTF8.GetByteCount(e) + 3}:\"{e}\";}}" : "",  // a byte length that does not match
            i => A((S("email"), S(Email(i))))[..^3],                                                   // cut
            i => A((S("email"), S(Email(i)))) + " trailing",                                          // text after the payload
            i => $"C:11:\"ArrayObject\":{Email(i).Length}:{{{Email(i)}}}",                            // custom-serialized object
            i => $"a:2:{{s:5:\"email\";{S(Email(i))}}}",                                              // fewer entries than said
            i => string.Concat(Enumerable.Repeat("a:1:{i:0;", 40)) + S(Email(i)) + new string('}', 40), // deeper than the bound
            i => $"a:99999999:{{{S("email")}{S(Email(i))}}}",                                          // a count over the bound
            i => $"a:1:{{s:5:\"email\";s:-4:\"{Email(i)}\";}}",                                         // a negative length
            i => "a:" + new string('9', random.Next(1, 60)),
            i => $"Bonjour a:1:{{s:5:\"email\";{S(Email(i))}}}",                                       // prose first
        ];
        var exceptions = new List<string>();
        var wrong = new List<string>();
        for (int c = 0; c < 200; c++)
        {
            var make = hostile[c % hostile.Length];
            var values = Enumerable.Range(0, random.Next(5, 40)).Select(make).ToArray();
            foreach (var v in values.Take(3))
                if (PhpSerializedValues.ToJson(v) is not null) wrong.Add($"style {c % hostile.Length} rewritten");
            var column = Some.Column(Pick(random, Tables), Pick(random, ColumnNames), Pick(random, Types), values);
            try
            {
                var decision = Combined.Classify(column);
                if (decision.Evidence.Any(e => e.Id == "sample.php-serialized")) wrong.Add($"style {c % hostile.Length} read as PHP payloads");
            }
            catch (Exception e)
            {
                exceptions.Add($"style {c % hostile.Length}: {e.GetType().Name}");
            }
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exceptions, Is.Empty, "malformed payloads threw");
            Assert.That(wrong, Is.Empty, "malformed payloads read");
        }
    }

    [Test]
    public void ToJson_ArraysListsObjectsAndScalars_AsPhpWroteThem()
    {
        var payload = A((S("user_id"), I(5)), (S("e-mail"), S("chloé@exemple.fr")), (S("tags"), List(S("a"), S("b"))),
            (I(7), "d:1.5;"), (S("ok"), "b:0;"), (S("none"), "N;"), (S("obj"), Obj("Foo", (S("\0*\0secret"), S("x")), (S("\0Foo\0k"), "i:-3;"))));
        Assert.That(PhpSerializedValues.ToJson(payload),
            Is.EqualTo("{\"user_id\":5,\"e-mail\":\"chloé@exemple.fr\",\"tags\":[\"a\",\"b\"],\"7\":1.5,\"ok\":false,\"none\":null,\"obj\":{\"secret\":\"x\",\"k\":-3}}"));
    }

    /// <summary>Random byte soup around PHP's punctuation never throws and, when read, gives JSON that parses.</summary>
    [Test]
    public void ToJson_RandomText_NeverThrows()
    {
        var random = new Random(36);
        string[] pieces = ["a:", "O:", "s:", "i:", "b:", "d:", "N;", "1", "2", "0", ":", ";", "{", "}", "\"", "é", "email", "\\", "\0", "-", "r:1;"];
        var failures = new List<string>();
        for (int i = 0; i < 20_000; i++)
        {
            var text = "a:" + string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            try
            {
                if (PhpSerializedValues.ToJson(text) is { } json) System.Text.Json.JsonDocument.Parse(json).Dispose();
            }
            catch (Exception e)
            {
                failures.Add($"{e.GetType().Name}");
            }
        }
        Assert.That(failures, Is.Empty);
    }
}
