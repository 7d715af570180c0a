using System.Globalization;
using System.Security;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// XML documents are opened for the detectors as JSON documents are (C28/C29's kind; trial 32 part 2: a PostgreSQL
/// <c>xml</c> column of <c>&lt;contact&gt;&lt;email&gt;…&lt;/email&gt;&lt;/contact&gt;</c> was <c>none</c>). Documents are
/// generated in bulk: element and attribute names of the four languages, namespaces, nesting, repeated elements, the
/// identifier as an element's text or as an attribute, the engines' xml and text types; malformed documents, DTDs,
/// internal and external entities and HTML bodies give no finding and no exception.
/// </summary>
[TestFixture]
public sealed class XmlDocumentAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] Roots = ["contact", "client", "kunde", "cliente", "customer", "adherent", "mitglied", "socio", "record", "fiche"];
    private static readonly string[] Wrappers = ["coordonnees", "kontakt", "datos_contacto", "details", "info", "profil", "perfil", "angaben"];
    private static readonly string[] ColumnNames = ["doc", "document", "donnees", "daten", "datos", "extra", "xml_data", "contenu_xml", "inhalt", "payload_xml"];
    private static readonly string[] Tables = ["clients", "kunden", "clientes", "customers", "imports", "echanges", "nachrichten", "flux_partenaires"];
    private static readonly string[] Types = ["xml", "XML", "text", "nvarchar(max)", "character varying", "longtext", "clob"];

    private enum Kind { Email, Phone, Iban }

    private static readonly Dictionary<Kind, (string Category, string[] Keys)> Kinds = new()
    {
        [Kind.Email] = ("contact.email", ["email", "courriel", "mail", "correo", "e_mail", "adresse_mail", "value", "v"]),
        [Kind.Phone] = ("contact.phone", ["telephone", "tel", "telefon", "telefono", "phone", "mobile", "value", "v"]),
        [Kind.Iban] = ("financial.bank_account", ["iban", "compte", "konto", "cuenta", "bank_account", "rib", "value", "v"]),
    };

    private static string Identifier(Random random, Kind kind, int i) => kind switch
    {
        Kind.Email => $"{Pick(random, ["jean", "anna", "lucia", "mark", "chloe", "jurgen"])}.{Pick(random, ["martin", "muller", "garcia", "smith"])}{i}@{Pick(random, ["example.com", "exemple.fr", "beispiel.de", "ejemplo.es"])}",
        Kind.Phone => Pick(random, ["+33 6 ", "+49 151 ", "+34 6", "+39 34"]) + string.Create(CultureInfo.InvariantCulture, $"{random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}"),
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

    // One document of a column: the column's documents share their root and wrapper elements, as one schema's do.
    private static string Document(Random random, Kind kind, string root, string wrapper, string key, int i, int style)
    {
        var value = SecurityElement.Escape(Identifier(random, kind, i));
        var id = random.Next(1, 100_000).ToString(CultureInfo.InvariantCulture);
        return style switch
        {
            0 => $"<{root}><id>{id}</id><{wrapper}><{key}>{value}</{key}></{wrapper}><statut>actif</statut></{root}>",
            1 => $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<{root} id=\"{id}\">\n  <{wrapper} {key}=\"{value}\" type=\"principal\"/>\n</{root}>",
            2 => $"<ns:{root} xmlns:ns=\"urn:example:{root}\"><ns:{wrapper}><ns:{key}>{value}</ns:{key}><ns:{key}>{SecurityElement.Escape(Identifier(random, kind, i + 1))}</ns:{key}></ns:{wrapper}></ns:{root}>",
            _ => $"<{root}><![CDATA[]]><{key}><![CDATA[{Identifier(random, kind, i)}]]></{key}><cree_le>2024-0{random.Next(1, 9)}-1{random.Next(0, 9)}</cree_le></{root}>",
        };
    }

    [TestCase(1)]
    [TestCase(2)]
    public void ColumnsOfXmlDocuments_IdentifiersInsideAreSeen(int seed)
    {
        // Given columns of generated XML documents holding one kind of identifier each, at a path named in one of four
        // languages or not named at all (value, v)
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 300;
        for (int c = 0; c < columns; c++)
        {
            var kind = (Kind)(c % 3);
            var (category, keys) = Kinds[kind];
            var key = Pick(random, keys);
            int style = random.Next(4);
            string root = Pick(random, Roots), wrapper = Pick(random, Wrappers);
            var values = Enumerable.Range(0, random.Next(8, 50)).Select(i => Document(random, kind, root, wrapper, key, i, style)).ToArray();
            var column = Some.Column(Pick(random, Tables), Pick(random, ColumnNames), Pick(random, Types), values);
            // When the combined classifier decides
            var decision = Combined.Classify(column);
            // Then the identifier's category is the column's (the most identifying of its paths)
            if (decision.DataCategory != category)
                wrong.Add($"{kind} style {style} key {key} {column.Column.DeclaredType} → {decision.DataCategory} {decision.Confidence}");
        }
        AssertNoneWrong(wrong, columns, "columns of XML documents whose identifiers were not seen");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void MalformedHostileAndHtmlValues_NoFindingNoException(int seed)
    {
        var random = new Random(seed);
        string Email(int i) => Identifier(random, Kind.Email, i);
        Func<int, string>[] hostile =
        [
            i => $"<contact><email>{Email(i)}</email>",                                  // not closed
            i => $"<contact><email>{Email(i)}</contact></email>",                        // crossed
            i => $"<contact email={Email(i)}/>",                                          // unquoted attribute
            i => $"<!DOCTYPE c [<!ENTITY e \"{Email(i)}\">]><c><email>&e;</email></c>",  // an internal entity (DTD refused)
            i => "<!DOCTYPE c [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c2 \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><c><v>&c2;</v></c>",
            i => "<!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><c><email>&x;</email></c>", // an external entity
            i => $"<p>Bonjour, écrivez à {Email(i)} ou appelez-moi.</p>",                   // an HTML body: a message
            i => $"<div class=\"note\"><b>Rappel</b> : {Email(i)}</div>",
            i => "<" + new string('a', random.Next(1, 40)),
            i => $"<contact>{new string('<', random.Next(1, 5))}{Email(i)}</contact>",
        ];
        var exceptions = new List<string>();
        var wrong = new List<string>();
        for (int c = 0; c < 200; c++)
        {
            var make = hostile[c % hostile.Length];
            var values = Enumerable.Range(0, random.Next(5, 40)).Select(make).ToArray();
            foreach (var v in values.Take(3))
                if (v.StartsWith("<!DOCTYPE", StringComparison.Ordinal) || !v.StartsWith("<p>", StringComparison.Ordinal) && c % hostile.Length < 6)
                    if (XmlValues.ToJson(v) is not null) wrong.Add($"style {c % hostile.Length} rewritten");
            var column = Some.Column(Pick(random, Tables), Pick(random, ColumnNames), Pick(random, Types), values);
            try
            {
                var decision = Combined.Classify(column);
                if (decision.Evidence.Any(e => e.Id == "sample.xml-documents")) wrong.Add($"style {c % hostile.Length} read as XML documents");
            }
            catch (Exception e)
            {
                exceptions.Add($"style {c % hostile.Length}: {e.GetType().Name}");
            }
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exceptions, Is.Empty, "hostile or malformed XML threw");
            AssertNoneWrong(wrong, 200, "malformed, DTD-declaring or HTML values read as XML documents");
        }
    }

    [Test]
    public void ToJson_ElementsAttributesRepeatsAndNamespaces_BecomePaths()
    {
        var json = XmlValues.ToJson("<?xml version=\"1.0\"?><c:client xmlns:c=\"urn:x\" id=\"7\"><c:tel>+33 6 12 34 56 78</c:tel><c:tel>+33 6 98 76 54 32</c:tel><adresse ville=\"Lyon\"/></c:client>");
        Assert.That(json, Is.EqualTo("{\"client\":{\"id\":\"7\",\"tel\":[\"+33 6 12 34 56 78\",\"+33 6 98 76 54 32\"],\"adresse\":{\"ville\":\"Lyon\"}}}"));
    }

    [Test]
    public void ToJson_DocumentOverTheSizeBound_Refused()
    {
        var big = "<c><v>" + new string('x', XmlValues.MaxCharacters) + "</v></c>";
        Assert.That(XmlValues.ToJson(big), Is.Null);
    }
}
