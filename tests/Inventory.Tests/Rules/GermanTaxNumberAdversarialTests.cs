using System.Globalization;
using Inventory.Catalog;
using Inventory.Rules;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;
using PhoneNumbers;

namespace Inventory.Tests.Rules;

/// <summary>
/// trial44 (kind 2 of evidence45): German tax numbers (Steuernummern of a Finanzamt) in the Länder's written forms
/// (<c>21/815/08150</c>, <c>93815/08152</c>, <c>133/8150/8159</c>, <c>22/815/0815/4</c>, <c>75 815 08152</c>) and in the
/// unified 13-digit ELSTER form were read as phone numbers. Generated in bulk for every Land's form: the phone detector
/// takes none of the written forms while it keeps finding German, French, British, Spanish and US numbers as people write
/// them (a German one with its area code after a slash among them); a column of them named for tax is
/// <c>financial.tax_id</c>, and under a neutral name never a phone. Rates and kinds only, never values in messages
/// beyond generated examples.
/// </summary>
[TestFixture]
public sealed class GermanTaxNumberAdversarialTests : GeneratedNameFixture
{
    private static readonly DetectorSuite Detectors = DetectorSuite.Default;
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    private static string D(Random random, int count)
    {
        var chars = new char[count];
        for (int i = 0; i < count; i++) chars[i] = (char)('0' + random.Next(10));
        return new string(chars);
    }

    private static string Two(Random random, int min = 10) => random.Next(min, 100).ToString(CultureInfo.InvariantCulture);

    /// <summary>A tax number in a Land's written form (ERiC's Länder formats).</summary>
    internal static string WrittenTaxNumber(Random random) => random.Next(8) switch
    {
        0 => $"{Two(random)}{D(random, 3)}/{D(random, 5)}",                           // Baden-Württemberg FFBBB/UUUUP
        1 => $"{random.Next(100, 999)}/{D(random, 3)}/{D(random, 5)}",                 // Bayern FFF/BBB/UUUUP
        2 => $"{Two(random)}/{D(random, 3)}/{D(random, 5)}",                           // Berlin, Niedersachsen FF/BBB/UUUUP
        3 => $"0{Two(random)}/{D(random, 3)}/{D(random, 5)}",                          // Brandenburg, MV, Saarland 0FF/BBB/UUUUP
        4 => $"0{random.Next(1, 10)}/{D(random, 3)}/{D(random, 5)}",                   // Hamburg 0F/BBB/UUUUP
        5 => $"{random.Next(100, 999)}/{D(random, 4)}/{D(random, 4)}",                 // Nordrhein-Westfalen FFF/BBBB/UUUP
        6 => $"{Two(random)}/{D(random, 3)}/{D(random, 4)}/{random.Next(10)}",         // Rheinland-Pfalz FF/BBB/UUUU/P
        _ => $"{Two(random)} {D(random, 3)} {D(random, 5)}",                           // Bremen, Schleswig-Holstein FF BBB UUUUP
    };

    /// <summary>A valid phone number of a region, written as people write it.</summary>
    private static string WrittenPhone(Random random)
    {
        var region = Pick(random, ["DE", "FR", "GB", "ES", "US"]);
        var number = PhoneNumberDraws.ValidNumber(random, region, random.Next(2) == 0 ? PhoneNumberType.MOBILE : PhoneNumberType.FIXED_LINE);
        var written = Phones.Format(number, random.Next(3) switch { 0 => PhoneNumberFormat.NATIONAL, 1 => PhoneNumberFormat.INTERNATIONAL, _ => PhoneNumberFormat.E164 });
        // German numbers are also written with the area code before a slash (089/1234567).
        if (region == "DE" && random.Next(3) == 0)
        {
            var digits = new string([.. Phones.Format(number, PhoneNumberFormat.NATIONAL).Where(char.IsAsciiDigit)]);
            written = digits[..4] + "/" + digits[4..];
        }
        return written;
    }

    [TestCase(1)]
    [TestCase(2)]
    public void PhoneDetector_TakesNoWrittenTaxNumber_AndKeepsFindingPhones(int seed)
    {
        var rates = DetectorHitRates.Measure(Detectors, DetectorIds.Phone, new Random(seed), 5000, WrittenPhone, WrittenTaxNumber);
        Assert.That(rates.FoundRate, Is.GreaterThanOrEqualTo(0.97), rates.FoundMessage);
        Assert.That(rates.TakenRate, Is.LessThanOrEqualTo(0.001), rates.TakenMessage);
    }

    [Test]
    public void WrittenForm_EveryLandsForm_AndNotTheFormsPhonesShare()
    {
        var random = new Random(3);
        int missed = Enumerable.Range(0, 4000).Select(_ => WrittenTaxNumber(random)).Count(v => !GermanTaxNumber.IsWrittenForm(v));
        Assert.Multiple(() =>
        {
            Assert.That(missed, Is.Zero, "written tax numbers not recognised");
            // A German phone number written with its area code and a slash, or 3-3-5 with spaces, is no tax number's form.
            Assert.That(GermanTaxNumber.IsWrittenForm("08151/12345"), Is.False, "area code, slash, number");
            Assert.That(GermanTaxNumber.IsWrittenForm("089 123 45678"), Is.False, "3-3-5 digits with spaces");
            Assert.That(GermanTaxNumber.IsWrittenForm("21/815/08150"), Is.True, "Berlin");
            Assert.That(GermanTaxNumber.IsWrittenForm("93815/08152"), Is.True, "Baden-Württemberg");
        });
    }

    [Test]
    public void UnifiedForm_LandCodeAndTheFifthDigit()
    {
        var random = new Random(4);
        int missed = Enumerable.Range(0, 4000).Select(_ => DigitRunEvidenceAdversarialTests.UnifiedTaxNumber(random)).Count(v => !GermanTaxNumber.IsUnifiedForm(v));
        // E.164 digits of 13 digits of German, Nigerian, Brazilian, Indonesian mobiles: few have a Land's code and a 0 fifth.
        int taken = Enumerable.Range(0, 4000).Select(_ => Pick(random, ["4915", "4917", "2348", "5511", "6281", "8613"]) + D(random, 9))
            .Count(v => GermanTaxNumber.IsUnifiedForm(v) && v[4] != '0');
        Assert.Multiple(() =>
        {
            Assert.That(missed, Is.Zero, "unified tax numbers not recognised");
            Assert.That(taken, Is.Zero, "runs without a 0 as the fifth digit taken");
            Assert.That(GermanTaxNumber.IsUnifiedForm("2181508150123"), Is.False, "fifth digit not 0");
            Assert.That(GermanTaxNumber.IsUnifiedForm("9181081508155"), Is.True, "Bayern");
        });
    }

    // Names the rules read as a tax id (the short forms st_nr, steuernr and numero_fiscal are no rule's word, and steuernummer_firma reads as a company's
    // name: names-only changes, not this kind).
    private static readonly string[] TaxNames = ["steuernummer", "tax_number", "tax_id", "nif", "tax_identification_number"];

    [TestCase(1)]
    [TestCase(2)]
    public void TaxNumberColumns_NamedForTax_AreTaxIds_AndNeverPhonesUnderNeutralNames(int seed)
    {
        // Given 60 columns of tax numbers (written forms, the unified form, or both) under tax names and 60 under neutral names
        var random = new Random(seed);
        var wrong = new List<string>();
        int columns = 0;
        for (int c = 0; c < 120; c++)
        {
            int form = c % 3;
            var values = Enumerable.Range(0, random.Next(60, 200)).Select(_ => form switch
            {
                0 => WrittenTaxNumber(random),
                1 => DigitRunEvidenceAdversarialTests.UnifiedTaxNumber(random),
                _ => random.Next(2) == 0 ? WrittenTaxNumber(random) : DigitRunEvidenceAdversarialTests.UnifiedTaxNumber(random),
            }).ToArray();
            bool named = c < 60;
            var column = Some.Column(Pick(random, ["firmen", "lieferanten", "kunden", "mandanten", "suppliers", "companies"]),
                named ? Pick(random, TaxNames) : Pick(random, ["nummer", "code", "ref", "value", "kennung"]), "character varying(20)", values);
            columns++;
            // When the rules and the combined classifier read it
            var rules = Rules.Classify(column);
            var combined = Combined.Classify(column);
            // Then a tax name gives a tax id, and no column is a phone nor carries phone evidence
            if (named && (rules.DataCategory != "financial.tax_id" || combined.DataCategory != "financial.tax_id"))
                wrong.Add($"{column.Table}.{column.Column.Name} (form {form}) → rules {rules.DataCategory}, combined {combined.DataCategory}");
            if (rules.DataCategory == "contact.phone" || combined.DataCategory == "contact.phone")
                wrong.Add($"{column.Table}.{column.Column.Name} (form {form}) → phone");
            if (rules.Evidence.Any(e => e.Id == DetectorIds.Phone && e.Matched > 0))
                wrong.Add($"{column.Table}.{column.Column.Name} (form {form}): phone evidence");
        }
        Assert.That(wrong, Is.Empty, $"{wrong.Count} problems over {columns} tax-number columns: {string.Join("; ", wrong)}");
    }
}
