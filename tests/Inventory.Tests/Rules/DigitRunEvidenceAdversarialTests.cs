using System.Globalization;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;
using PhoneNumbers;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 item 6, data44's K4 (kind 1 of evidence45): the phone detector's hits on bare digit runs that are no phone
/// numbers — GS1 barcodes (EAN-8, UPC-A, EAN-13, ISBN-13, GTIN-14), Unix times in seconds and milliseconds, German tax
/// numbers in the unified 13-digit form, sequences and random 9–15-digit identifiers — no longer reach a column's
/// evidence as "phone numbers" under a name that says no phone; the evidence names the digits' kind
/// (<see cref="DigitRunKinds"/>). Phone columns (E.164 digits of one customer base, bare numbers under a phone name,
/// written-out numbers) keep their phone evidence. Generated in bulk from seeded sources; only kinds and counts are
/// asserted, and messages name columns and kinds, never values.
/// </summary>
[TestFixture]
public sealed class DigitRunEvidenceAdversarialTests : GeneratedNameFixture
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    private static string Digits(Random random, int count, bool leadingZero = false)
    {
        var chars = new char[count];
        chars[0] = leadingZero ? (char)('0' + random.Next(10)) : (char)('1' + random.Next(9));
        for (int i = 1; i < count; i++) chars[i] = (char)('0' + random.Next(10));
        return new string(chars);
    }

    /// <summary>A GS1 key with its check digit (GS1 General Specifications 7.9.1), computed here independently of the
    /// code under test: weights 1 and 3 alternating from the left for even lengths' complement, written from the right.</summary>
    internal static string WithGs1CheckDigit(string body)
    {
        int sum = 0;
        for (int i = 0; i < body.Length; i++)
        {
            int fromRight = body.Length - i; // 1 for the digit next to the check digit
            sum += (body[i] - '0') * (fromRight % 2 == 1 ? 3 : 1);
        }
        return body + (char)('0' + (10 - sum % 10) % 10);
    }

    internal static string Ean13(Random random) => WithGs1CheckDigit(Pick(random, ["400", "401", "500", "300", "760", "800", "840", "871", "900", "590"]) + Digits(random, 9, leadingZero: true));
    internal static string Isbn13(Random random) => WithGs1CheckDigit(Pick(random, ["978", "979"]) + Digits(random, 9, leadingZero: true));
    internal static string UpcA(Random random) => WithGs1CheckDigit("0" + Digits(random, 10, leadingZero: true));
    internal static string Gtin14(Random random) => WithGs1CheckDigit(Pick(random, ["1", "2", "3"]) + Digits(random, 12, leadingZero: true));
    internal static string Ean8(Random random) => WithGs1CheckDigit(Digits(random, 7));

    /// <summary>A German tax number in the unified 13-digit form: a Land's Finanzamt number, 0, district, number, check.</summary>
    internal static string UnifiedTaxNumber(Random random)
    {
        var office = random.Next(3) switch
        {
            0 => "9" + random.Next(100, 999).ToString(CultureInfo.InvariantCulture),
            1 => "5" + random.Next(100, 399).ToString(CultureInfo.InvariantCulture),
            _ => Pick(random, ["10", "11", "21", "22", "23", "24", "26", "27", "28", "30", "31", "32", "40", "41"]) + random.Next(10, 99).ToString(CultureInfo.InvariantCulture),
        };
        return office + "0" + Digits(random, 8, leadingZero: true);
    }

    // Kinds of bare digit runs that are no phone numbers: (kind, declared type, one column's values, the kind DigitRunKinds names).
    private static readonly (string Kind, string Type, Func<Random, int, string[]> Column, DigitRunKinds.Kind Expected)[] NotPhones =
    [
        ("ean13", "character varying(13)", (r, n) => Many(r, n, Ean13), DigitRunKinds.Kind.Gs1Keys),
        ("isbn13", "character varying(13)", (r, n) => Many(r, n, Isbn13), DigitRunKinds.Kind.Gs1Keys),
        ("upc-a", "character varying(12)", (r, n) => Many(r, n, UpcA), DigitRunKinds.Kind.Gs1Keys),
        ("gtin14", "character varying(14)", (r, n) => Many(r, n, Gtin14), DigitRunKinds.Kind.Gs1Keys),
        ("unix-seconds", "bigint", (r, n) => Many(r, n, x => x.NextInt64(1_500_000_000, 1_800_000_000).ToString(CultureInfo.InvariantCulture)), DigitRunKinds.Kind.UnixTimes),
        ("unix-millis", "bigint", (r, n) => Many(r, n, x => x.NextInt64(1_500_000_000_000, 1_800_000_000_000).ToString(CultureInfo.InvariantCulture)), DigitRunKinds.Kind.UnixTimes),
        ("unified-tax-number", "character varying(13)", (r, n) => Many(r, n, UnifiedTaxNumber), DigitRunKinds.Kind.GermanTaxNumbers),
        ("sequence", "bigint", (r, n) =>
        {
            // Keys of a table read in a sample: increasing with gaps of 1–3, 10 to 12 digits (13-digit runs led by 1 are
            // read as Unix milliseconds, which they may be).
            long next = r.NextInt64(2_000_000_000, 900_000_000_000);
            return [.. Enumerable.Range(0, n).Select(_ => (next += r.Next(1, 4)).ToString(CultureInfo.InvariantCulture))];
        }, DigitRunKinds.Kind.Sequence),
        ("random-id", "bigint", (r, n) => Many(r, n, x => Digits(x, x.Next(9, 16))), DigitRunKinds.Kind.Unexplained),
    ];

    private static string[] Many(Random random, int count, Func<Random, string> value) => [.. Enumerable.Range(0, count).Select(_ => value(random))];

    private static readonly string[] NeutralNames = ["ref", "code", "value", "external_ref", "item_no", "barcode", "ean", "created", "ts", "seq", "num", "clave", "numero", "kennung", "identifiant"];
    private static readonly string[] NeutralTables = ["records", "items", "imports", "stock", "batches", "articles", "artikel", "productos", "events_raw"];

    [Test]
    public void Gs1CheckDigit_AcceptsEveryKey_RejectsEveryOtherCheckDigit()
    {
        var random = new Random(45);
        int keys = 0, wrong = 0, missed = 0, taken = 0;
        Func<Random, string>[] kinds = [Ean13, Isbn13, UpcA, Gtin14, Ean8];
        for (int i = 0; i < 5_000; i++)
        {
            var key = kinds[i % kinds.Length](random);
            keys++;
            if (!DigitRunKinds.Gs1CheckDigitValid(key)) missed++;
            // Every other check digit fails.
            var other = key[..^1] + (char)('0' + (key[^1] - '0' + random.Next(1, 10)) % 10);
            wrong++;
            if (DigitRunKinds.Gs1CheckDigitValid(other)) taken++;
        }
        Assert.Multiple(() =>
        {
            Assert.That(missed, Is.Zero, $"{missed} of {keys} GS1 keys rejected");
            Assert.That(taken, Is.Zero, $"{taken} of {wrong} keys with a wrong check digit accepted");
            // Published examples: an EAN-13 and an ISBN-13 (GS1 General Specifications; ISO 2108).
            Assert.That(DigitRunKinds.Gs1CheckDigitValid("4006381333931"), Is.True, "EAN-13 example");
            Assert.That(DigitRunKinds.Gs1CheckDigitValid("9780306406157"), Is.True, "ISBN-13 example");
            Assert.That(DigitRunKinds.Gs1CheckDigitValid("036000291452"), Is.True, "UPC-A example");
            Assert.That(DigitRunKinds.Gs1CheckDigitValid("96385074"), Is.True, "EAN-8 example");
            Assert.That(DigitRunKinds.Gs1CheckDigitValid("9780306406158"), Is.False, "ISBN-13 with a wrong check digit");
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void BareDigitRunColumns_UnderNeutralNames_CarryNoPhoneEvidence_AndNameTheirKind(int seed)
    {
        // Given 90 columns of nine kinds of bare digit runs (200–500 values each) under names that say no phone
        var random = new Random(seed);
        var wrong = new List<string>();
        int columns = 0, values = 0;
        for (int c = 0; c < 90; c++)
        {
            var (kind, type, generate, expected) = NotPhones[c % NotPhones.Length];
            var column = Some.Column(Pick(random, NeutralTables), Pick(random, NeutralNames), type, generate(random, random.Next(200, 501)));
            columns++;
            values += column.Values.Count;
            // When the rules classify it
            var result = Rules.Classify(column);
            // Then no phone evidence, no phone decision, and the kind of the digits is named
            var phone = result.Evidence.FirstOrDefault(e => e.Id == DetectorIds.Phone);
            if (phone is not null && phone.Matched > 0) wrong.Add($"{column.Table}.{column.Column.Name} ({kind}): phone evidence {phone.Matched}/{phone.Total}");
            if (result.DataCategory == "contact.phone") wrong.Add($"{column.Table}.{column.Column.Name} ({kind}): decided phone");
            var named = DigitRunKinds.Classify(column.Values);
            if (named != expected) wrong.Add($"{column.Table}.{column.Column.Name} ({kind}): named {named}, expected {expected}");
        }
        Assert.That(values, Is.GreaterThan(25_000), "generated values");
        Assert.That(wrong, Is.Empty, $"{wrong.Count} problems over {columns} digit-run columns: {string.Join("; ", wrong)}");
    }

    [Test]
    public void ReplacedPhoneEvidence_KeepsTheCounts_AndNamesNoCategory()
    {
        var random = new Random(8);
        var column = Some.Column("records", "ref", "character varying(20)", Many(random, 400, x => Digits(x, 11)));
        var result = Rules.Classify(column);
        var item = result.Evidence.Single(e => e.Id == DigitRunKinds.Evidence);
        Assert.Multiple(() =>
        {
            Assert.That(item.Matched, Is.GreaterThan(100), "the phone plan's acceptances are still counted");
            Assert.That(item.Total, Is.EqualTo(400));
            Assert.That(item.DataCategory, Is.Null, "no category: what the digits are is not a personal category");
            Assert.That(item.Detail, Does.Contain("no one country's number plan"));
        });
    }


    [TestCase(1)]
    [TestCase(2)]
    public void PhoneColumns_KeepTheirPhoneEvidence_AndAreNeverNamedAnotherKind(int seed)
    {
        // Given phone columns three ways: E.164 digits of one customer base under neutral names, bare national or E.164
        // digits under phone names in the four languages, written-out numbers under neutral names
        var random = new Random(seed);
        var wrong = new List<string>();
        int columns = 0;
        for (int c = 0; c < 72; c++)
        {
            var home = PhoneNumberDraws.Regions[c % PhoneNumberDraws.Regions.Length];
            PhoneNumber Draw() => PhoneNumberDraws.ValidNumber(random, random.Next(10) < 8 ? home : Pick(random, PhoneNumberDraws.Regions), random.Next(3) == 0 ? PhoneNumberType.FIXED_LINE : PhoneNumberType.MOBILE);
            int rows = random.Next(100, 300);
            ColumnEvidence column;
            switch (c % 3)
            {
                case 0:
                    column = Some.Column(Pick(random, NeutralTables), Pick(random, ["value", "contact", "reach_at", "col_3"]), "bigint",
                        [.. Enumerable.Range(0, rows).Select(_ => Phones.Format(Draw(), PhoneNumberFormat.E164)[1..])]);
                    break;
                case 1:
                    bool international = random.Next(2) == 0;
                    column = Some.Column(Pick(random, ["customers", "kunden", "clientes", "clients"]),
                        Pick(random, ["phone", "mobile", "telephone", "telefon", "handy", "telefono", "movil", "portable"]), international ? "bigint" : "character varying(20)",
                        [.. Enumerable.Range(0, rows).Select(_ =>
                        {
                            var number = PhoneNumberDraws.ValidNumber(random, home, PhoneNumberType.MOBILE);
                            return international ? Phones.Format(number, PhoneNumberFormat.E164)[1..]
                                : new string([.. Phones.Format(number, PhoneNumberFormat.NATIONAL).Where(char.IsAsciiDigit)]);
                        })]);
                    break;
                default:
                    column = Some.Column(Pick(random, NeutralTables), Pick(random, ["info", "value", "contact"]), "text",
                        [.. Enumerable.Range(0, rows).Select(_ => Phones.Format(Draw(), random.Next(2) == 0 ? PhoneNumberFormat.INTERNATIONAL : PhoneNumberFormat.E164))]);
                    break;
            }
            columns++;
            // When the rules classify it
            var result = Rules.Classify(column);
            // Then it is a phone column with the phone detector's evidence, and never read as barcodes, times or a sequence
            if (result.DataCategory != "contact.phone") wrong.Add($"{column.Table}.{column.Column.Name} ({home}, case {c % 3}) → {result.DataCategory}");
            // (Bare national digits without a trunk prefix, as Spain and Italy write them, are left to the name: the
            // detector takes a bare run only with a country code or a trunk 0.)
            if (c % 3 != 1 && !result.Evidence.Any(e => e.Id == DetectorIds.Phone && e.Matched > 0)) wrong.Add($"{column.Table}.{column.Column.Name} ({home}, case {c % 3}): no phone evidence");
            if (result.Evidence.Any(e => e.Id == DigitRunKinds.Evidence)) wrong.Add($"{column.Table}.{column.Column.Name} ({home}, case {c % 3}): digit-run evidence");
            if (DigitRunKinds.Classify(column.Values) != DigitRunKinds.Kind.Unexplained)
                wrong.Add($"{column.Table}.{column.Column.Name} ({home}, case {c % 3}): named {DigitRunKinds.Classify(column.Values)}");
        }
        Assert.That(wrong, Is.Empty, $"{wrong.Count} problems over {columns} phone columns: {string.Join("; ", wrong)}");
    }
}
