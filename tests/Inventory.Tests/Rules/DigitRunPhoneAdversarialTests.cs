using System.Globalization;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Detectors;
using NUnit.Framework;
using PhoneNumbers;
using Inventory.Tests.Support;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial 17 finding 2, generated in bulk from seeded generators: bare runs of 9–15 digits (barcodes, IMEIs, order and
/// account numbers, Unix times, integer-stored IPv4 addresses) pass some country's number plan most of the time, so the
/// phone detector alone must not make them phone numbers; phone numbers keep being found under a phone name (bare) and
/// under any name when written out (+, separators). Only kinds and rates are asserted, never rows; failure messages
/// name columns and kinds, never values.
/// </summary>
[TestFixture]
public sealed class DigitRunPhoneAdversarialTests : GeneratedNameFixture
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    private static string Digits(Random random, int count)
    {
        var chars = new char[count];
        chars[0] = (char)('1' + random.Next(9));
        for (int i = 1; i < count; i++) chars[i] = (char)('0' + random.Next(10));
        return new string(chars);
    }

    /// <summary>An EAN-13 / GTIN-13 barcode with its GS1 check digit (weights 1, 3 from the left).</summary>
    private static string Ean13(Random random)
    {
        var body = Pick(random, ["40", "50", "30", "76", "80", "84", "87", "90"]) + Digits(random, 10)[..10];
        int sum = 0;
        for (int i = 0; i < 12; i++) sum += (body[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return body + (char)('0' + (10 - sum % 10) % 10);
    }

    // Kinds of bare digit runs that are not phone numbers, with the declared type they come in.
    private static readonly (string Kind, string Type, Func<Random, string> Value)[] NotPhones =
    [
        ("ean13", "character varying(13)", Ean13),
        ("imei", "character varying(15)", r => CheckedNumbers.WithLuhn(Pick(r, ["35", "86", "01", "99"]) + Digits(r, 12))),
        ("order-number", "character varying(20)", r => Digits(r, r.Next(9, 16))),
        ("account-number", "character varying(12)", r => Digits(r, 10)),
        ("unix-seconds", "text", r => r.NextInt64(1_000_000_000, 1_800_000_000).ToString(CultureInfo.InvariantCulture)),
        ("unix-millis", "text", r => r.NextInt64(1_000_000_000_000, 1_800_000_000_000).ToString(CultureInfo.InvariantCulture)),
        ("ipv4-integer", "bigint", r => r.NextInt64(16_777_216, 3_758_096_383).ToString(CultureInfo.InvariantCulture)),
        ("big-integer", "bigint", r => Digits(r, r.Next(10, 16))),
    ];

    private static readonly string[] NeutralNames = ["ref", "code", "value", "external_ref", "lookup_value", "legacy_key_2", "item_no", "barcode"];
    private static readonly string[] NeutralTables = ["records", "items", "imports", "ledger_entries", "stock", "batches"];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void BareDigitRuns_UnderNeutralNames_AreNeverPhones(int seed)
    {
        var random = new Random(seed);
        var phones = new List<string>();
        int columns = 0, values = 0;
        for (int c = 0; c < 80; c++)
        {
            var (kind, type, generate) = NotPhones[c % NotPhones.Length];
            int rows = random.Next(200, 501);
            var column = Some.Column(Pick(random, NeutralTables), Pick(random, NeutralNames), type,
                Enumerable.Range(0, rows).Select(_ => generate(random)).ToArray());
            columns++;
            values += rows;
            var rules = Rules.Classify(column);
            var combined = Combined.Classify(column);
            if (rules.DataCategory == "contact.phone" || combined.DataCategory == "contact.phone")
                phones.Add($"{column.Table}.{column.Column.Name} ({kind}) rules {rules.DataCategory} {rules.Confidence:0.00}, combined {combined.DataCategory} {combined.Confidence:0.00}");
        }
        Assert.That(values, Is.GreaterThan(15_000), "generated values");
        Assert.That(phones, Is.Empty, $"{phones.Count} of {columns} digit-run columns called phone numbers: {string.Join("; ", phones)}");
    }

    [Test]
    public void BareDigitRuns_StillCountedByTheDetector_ButNamedDigitRunsInTheEvidence()
    {
        // The detector is unchanged (its count is kept), but under a name that says no phone the evidence names the
        // digits as digit runs, not as phone numbers (evidence45, data44's K4).
        var random = new Random(5);
        var column = Some.Column("records", "ref", "character varying(20)", Enumerable.Range(0, 400).Select(_ => Digits(random, 11)).ToArray());
        var result = Rules.Classify(column);
        Assert.Multiple(() =>
        {
            Assert.That(Rules.Detectors.Run(column.Values, column.Column.Family)[DetectorIds.Phone].Matched, Is.GreaterThan(0), "detector count");
            Assert.That(result.Evidence.Where(e => e.Id == "detector.phone"), Is.Empty, "no phone evidence");
            Assert.That(result.Evidence.Where(e => e.Id == DigitRunKinds.Evidence).Select(e => e.Matched ?? 0), Has.Some.GreaterThan(0), "digit-run evidence");
        });
    }


    // Bare forms a database holds: E.164 digits without '+' (integers), or national digits with the trunk prefix.
    private static string BareDigits(Random random, PhoneNumber number, bool international)
    {
        if (international) return Phones.Format(number, PhoneNumberFormat.E164)[1..];
        return new string(Phones.Format(number, PhoneNumberFormat.NATIONAL).Where(char.IsAsciiDigit).ToArray());
    }

    [TestCase(1)]
    [TestCase(2)]
    public void BarePhoneNumbers_UnderPhoneNames_StayPhones(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        int columns = 0;
        for (int c = 0; c < 48; c++)
        {
            var region = PhoneNumberDraws.Regions[c % PhoneNumberDraws.Regions.Length];
            bool international = c % 3 != 0;
            // National digits keep their leading 0 only in text; integers hold the international form.
            var type = international && c % 2 == 0 ? "bigint" : "character varying(20)";
            var name = Pick(random, ["phone", "mobile", "telephone", "tel", "phone_number", "handy", "portable", "telefono", "msisdn", "contact_no"]);
            var values = Enumerable.Range(0, random.Next(100, 400))
                .Select(_ => BareDigits(random, PhoneNumberDraws.ValidNumber(random, region, random.Next(2) == 0 ? PhoneNumberType.MOBILE : PhoneNumberType.FIXED_LINE), international))
                .ToArray();
            var column = Some.Column(Pick(random, ["customers", "contacts", "kunden", "clients", "users"]), name, type, values);
            columns++;
            var category = Combined.Classify(column).DataCategory;
            if (category != "contact.phone") wrong.Add($"{column.Table}.{name} ({region}, {(international ? "international" : "national")}, {type}) → {category}");
        }
        Assert.That(wrong, Is.Empty, $"{wrong.Count} of {columns} bare phone columns under phone names not called phones: {string.Join("; ", wrong)}");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void E164Digits_OfOneCustomerBase_UnderNeutralNames_StayPhones(int seed)
    {
        // A customer base: most numbers from one country, the rest from a few others, E.164 digits without '+' (integers).
        var random = new Random(seed);
        var wrong = new List<string>();
        int columns = 0;
        for (int c = 0; c < 40; c++)
        {
            var home = PhoneNumberDraws.Regions[c % PhoneNumberDraws.Regions.Length];
            var values = Enumerable.Range(0, random.Next(100, 400)).Select(_ =>
            {
                var region = random.Next(10) < 7 ? home : Pick(random, PhoneNumberDraws.Regions);
                return BareDigits(random, PhoneNumberDraws.ValidNumber(random, region, random.Next(3) == 0 ? PhoneNumberType.FIXED_LINE : PhoneNumberType.MOBILE), international: true);
            }).ToArray();
            var column = Some.Column(Pick(random, NeutralTables), Pick(random, ["value", "contact", "reach_at", "col_3", "secondary"]), Pick(random, ["bigint", "text"]), values);
            columns++;
            var category = Rules.Classify(column).DataCategory;
            if (category != "contact.phone") wrong.Add($"{column.Table}.{column.Column.Name} ({home}) → {category}");
        }
        Assert.That(wrong, Is.Empty, $"{wrong.Count} of {columns} E.164-digit columns not called phones: {string.Join("; ", wrong)}");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void WrittenOutPhoneNumbers_UnderNeutralNames_StayPhones(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        int columns = 0;
        for (int c = 0; c < 40; c++)
        {
            var region = PhoneNumberDraws.Regions[c % PhoneNumberDraws.Regions.Length];
            // Written out: international or national format, or E.164 with '+'; a fifth of the rows bare (legacy imports, C18).
            var values = Enumerable.Range(0, random.Next(100, 400)).Select(_ =>
            {
                var number = PhoneNumberDraws.ValidNumber(random, region, PhoneNumberType.MOBILE);
                return random.Next(5) switch
                {
                    0 => Phones.Format(number, PhoneNumberFormat.E164),
                    1 => Phones.Format(number, PhoneNumberFormat.NATIONAL),
                    2 => BareDigits(random, number, international: true),
                    _ => Phones.Format(number, PhoneNumberFormat.INTERNATIONAL),
                };
            }).ToArray();
            var column = Some.Column(Pick(random, NeutralTables), Pick(random, ["info", "value", "contact", "reach_at", "col_3"]), "text", values);
            columns++;
            var category = Rules.Classify(column).DataCategory;
            if (category != "contact.phone") wrong.Add($"{column.Table}.{column.Column.Name} ({region}) → {category}");
        }
        Assert.That(wrong, Is.Empty, $"{wrong.Count} of {columns} written-out phone columns not called phones: {string.Join("; ", wrong)}");
    }

    [TestCase("123456789012|+44 7700 900456", ExpectedResult = false)]
    [TestCase("123456789012|123456789013|123456789014|123456789015|+44 7700 900456", ExpectedResult = true)]
    [TestCase(" 0612345678 |0712345678", ExpectedResult = true)]
    [TestCase("06 12 34 56 78|0712345678", ExpectedResult = false)]
    [TestCase("", ExpectedResult = false)]
    public bool MostlyBareDigitRuns_CountsDigitOnlyValues(string values) =>
        ValueRules.MostlyBareDigitRuns(values.Split('|', StringSplitOptions.RemoveEmptyEntries));

    [Test]
    public void InternationalNumbersOfOneCountry_TellsACustomerBaseFromRandomRuns()
    {
        var random = new Random(11);
        var french = Enumerable.Range(0, 300).Select(_ => BareDigits(random, PhoneNumberDraws.ValidNumber(random, "FR", PhoneNumberType.MOBILE), international: true)).ToArray();
        var randomRuns = Enumerable.Range(0, 300).Select(_ => Digits(random, random.Next(9, 16))).ToArray();
        var national = Enumerable.Range(0, 300).Select(_ => BareDigits(random, PhoneNumberDraws.ValidNumber(random, "FR", PhoneNumberType.MOBILE), international: false)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(ValueRules.InternationalNumbersOfOneCountry(french), Is.True, "E.164 digits of French mobiles");
            Assert.That(ValueRules.InternationalNumbersOfOneCountry(randomRuns), Is.False, "random 9–15-digit runs");
            Assert.That(ValueRules.InternationalNumbersOfOneCountry(national), Is.False, "national digits with the trunk 0 (need a phone name)");
            Assert.That(ValueRules.InternationalNumbersOfOneCountry([]), Is.False, "no value");
        });
    }
}
