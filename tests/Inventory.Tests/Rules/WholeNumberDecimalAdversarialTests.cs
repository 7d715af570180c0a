using System.Globalization;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Exact numerics declared with scale zero (<c>DECIMAL(5,0)</c>, <c>NUMERIC(5,0)</c>, <c>number(5,0)</c>) hold whole
/// numbers, as an INT does: legacy MySQL/MariaDB schemas keep postal codes in them (trial28 finding 2). Generated in bulk, names in four
/// languages (en, fr, de, es): such postal codes in address records are postal addresses exactly as integer ones are
/// (C38's kind), and amounts, quantities and years of the same type in the same tables never are. Only kinds asserted.
/// </summary>
[TestFixture]
public sealed class WholeNumberDecimalAdversarialTests : GeneratedNameFixture
{
    private static readonly (string Table, string[] Siblings)[] Records =
    [
        ("customer", ["id", "name", "street"]), ("organisateurs", ["id", "raison_sociale", "adresse"]), ("kunden", ["id", "nachname", "strasse"]),
        ("clientes", ["id", "nombre", "direccion"]), ("addresses", ["id", "street", "city"]), ("adresses", ["id", "rue", "ville"]),
        ("lieferadressen", ["id", "strasse", "ort"]), ("direcciones", ["id", "calle", "ciudad"]),
    ];
    private static readonly string[] PostalNames =
        ["postal_code", "zip", "zipcode", "postcode", "cp", "code_postal", "plz", "postleitzahl", "codigo_postal", "cod_postal"];
    private static readonly string[] OtherNames =
        ["quantity", "amount", "year", "quantite", "montant", "annee", "menge", "betrag", "jahr", "cantidad", "importe", "anio"];
    private static readonly string[] WholeTypes = ["decimal(5,0)", "numeric(5,0)", "DECIMAL(6, 0)", "number(5,0)", "decimal(5,0) unsigned"];

    [TestCase("decimal(5,0)", ExpectedResult = true)]
    [TestCase("NUMERIC(10, 0)", ExpectedResult = true)]
    [TestCase("decimal(12,0) unsigned", ExpectedResult = true)]
    [TestCase("number(9,0)", ExpectedResult = true)]
    [TestCase("decimal(10,2)", ExpectedResult = false)]
    [TestCase("numeric", ExpectedResult = false)]
    [TestCase("decimal(5)", ExpectedResult = false)]
    [TestCase("int(11)", ExpectedResult = false)]
    [TestCase("", ExpectedResult = false)]
    public bool HasZeroScale_DeclaredType(string declaredType) => ExactNumericTypes.HasZeroScale(declaredType);

    [TestCase(1)]
    [TestCase(2)]
    public void ZeroScaleDecimalPostalCodesInAddressRecords_ArePostalAddresses_OtherWholeNumbersAreNot(int seed)
    {
        var random = new Random(seed);
        int right = 0, wrong = 0, columns = 400;
        for (int c = 0; c < columns; c++)
        {
            var (table, siblings) = Records[c % Records.Length];
            // 5-digit codes, some of which lost a leading zero (1234 for 01234).
            var codes = Enumerable.Range(0, 40).Select(_ => random.Next(1000, 99_999).ToString(CultureInfo.InvariantCulture)).ToArray();
            var column = Some.InTable(table, siblings, PostalNames[c % PostalNames.Length], Pick(random, WholeTypes), codes);
            if (Rules.Classify(column).DataCategory == "contact.postal_address") right++;
            var amounts = Enumerable.Range(0, 40).Select(_ => (random.Next(10, 99) * 1000).ToString(CultureInfo.InvariantCulture)).ToArray();
            var other = Rules.Classify(Some.InTable(table, siblings, Pick(random, OtherNames), Pick(random, WholeTypes), amounts)).DataCategory;
            if (other == "contact.postal_address") wrong++;
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That((double)right / columns, Is.GreaterThanOrEqualTo(0.99), $"{right} of {columns} DECIMAL(5,0) postal codes in address records");
            Assert.That((double)wrong / columns, Is.LessThanOrEqualTo(0.005), $"{wrong} of {columns} other whole-number decimals called postal codes");
        }
    }

    [TestCase(1)]
    public void ZeroScaleDecimalPostalCodes_DefaultClassifierReadsThemAsIntegerOnes(int seed)
    {
        // The whole classifier, as a scan runs it: a DECIMAL(5,0) postal code is classified as the same column typed INT.
        var random = new Random(seed);
        int same = 0, columns = 200;
        for (int c = 0; c < columns; c++)
        {
            var (table, siblings) = Records[c % Records.Length];
            var codes = Enumerable.Range(0, 40).Select(_ => random.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture)).ToArray();
            var name = PostalNames[c % PostalNames.Length];
            var asDecimal = Combined.Classify(Some.InTable(table, siblings, name, Pick(random, WholeTypes), codes)).DataCategory;
            var asInteger = Combined.Classify(Some.InTable(table, siblings, name, "int(11)", codes)).DataCategory;
            if (asDecimal == asInteger) same++;
        }
        Assert.That((double)same / columns, Is.GreaterThanOrEqualTo(0.98), $"{same} of {columns} DECIMAL(5,0) postal codes classified as their INT twin");
    }
}
