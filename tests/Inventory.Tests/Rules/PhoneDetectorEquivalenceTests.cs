using System.Text;
using Inventory.Rules.Detectors;
using NUnit.Framework;
using PhoneNumbers;

namespace Inventory.Tests.Rules;

/// <summary>The phone detector skips the libphonenumber parse of a candidate region whose number plan no reading of a
/// national number's digits fits (<c>PhoneDetector.RegionPlan</c>); its decisions must stay those of parsing every
/// region. Compared on tens of thousands of generated values: the library's example numbers of every region and
/// number type in national, international, E.164 and bare-digit forms with other separators, brackets, international
/// prefixes and one digit changed, dropped or added; random digit runs of 7–15 digits after every leading pattern the
/// plans look at (0, 00, 01, 011, 1, 33, 34, 44, 49); identifiers, timestamps, dates, dotted quads, extensions.</summary>
[TestFixture]
public class PhoneDetectorEquivalenceTests
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static readonly PhoneNumberType[] Types =
    [
        PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST, PhoneNumberType.VOIP, PhoneNumberType.PERSONAL_NUMBER, PhoneNumberType.PAGER,
        PhoneNumberType.UAN, PhoneNumberType.VOICEMAIL,
    ];

    private static readonly string[] Separators = [" ", ".", "-", "", " - ", "/"];

    [Test]
    public void ExampleNumbersOfEveryRegion_AndTheirNearMisses_DecideAsParsingEveryRegion()
    {
        var random = new Random(31);
        var values = new List<string>();
        foreach (var region in Util.GetSupportedRegions().OrderBy(r => r, StringComparer.Ordinal))
        {
            foreach (var type in Types)
            {
                var number = Util.GetExampleNumberForType(region, type);
                if (number is null) continue;
                var national = Util.Format(number, PhoneNumberFormat.NATIONAL);
                var international = Util.Format(number, PhoneNumberFormat.INTERNATIONAL);
                var e164 = Util.Format(number, PhoneNumberFormat.E164);
                var forms = new List<string>
                {
                    national, international, e164, e164[1..], "00" + e164[1..], "011" + e164[1..], "0" + e164[1..],
                    Digits(national), Reseparate(national, random), Reseparate(international[1..], random),
                    "(" + Digits(national)[..Math.Min(3, Digits(national).Length)] + ") " + Digits(national)[Math.Min(3, Digits(national).Length)..],
                    "00 " + international[1..], "0" + Digits(national),
                };
                foreach (var form in forms.ToList())
                {
                    forms.Add(Mutate(form, random));
                    forms.Add(Mutate(form, random));
                    forms.Add(Mutate(Mutate(form, random), random));
                }
                values.AddRange(forms);
            }
        }
        Assert.That(values, Has.Count.GreaterThan(20_000), "values generated");
        AssertSameDecisions(values, expectPhones: true);
    }

    /// <summary><c>PhoneDetector.InternationalCallingCode</c> reads a bare digit run as <c>+digits</c>, and now skips the
    /// parse when the library's calling-code table has none of the run's first one to three digits: that must be exactly
    /// the runs libphonenumber's parse refuses for their calling code (every three-digit prefix, every length it reads).</summary>
    [Test]
    public void BareDigitRuns_AfterEveryThreeDigitPrefix_SkippedExactlyWhenTheParseRefusesTheCallingCode()
    {
        var random = new Random(35);
        int tested = 0, differ = 0, skipped = 0, parsed = 0;
        for (int prefix = 1; prefix < 1000; prefix++)
        {
            foreach (var length in new[] { 8, 9, 10, 11, 12, 13, 15 })
            {
                for (int k = 0; k < 4; k++)
                {
                    var digits = new StringBuilder(prefix.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    while (digits.Length < length) digits.Append((char)('0' + random.Next(10)));
                    var text = digits.ToString();
                    bool refused;
                    try
                    {
                        Util.Parse("+" + text, null);
                        refused = false;
                    }
                    catch (NumberParseException e)
                    {
                        refused = e.ErrorType == ErrorType.INVALID_COUNTRY_CODE;
                    }
                    bool skips = !PhoneDetector.StartsWithCallingCode(text);
                    tested++;
                    if (skips) skipped++;
                    else parsed++;
                    if (skips != refused || (skips && PhoneDetector.InternationalCallingCode(text) is not null)) differ++;
                }
            }
        }
        Assert.That((tested, differ, skipped > 1000, parsed > 10_000), Is.EqualTo((27_972, 0, true, true)));
    }

    [Test]
    public void RandomDigitRuns_AfterEveryLeadingPattern_DecideAsParsingEveryRegion()
    {
        var random = new Random(11);
        string[] leads = ["", "0", "00", "01", "011", "1", "33", "34", "44", "49", "06", "07", "2", "9", "5"];
        var values = new List<string>();
        for (int i = 0; i < 30_000; i++)
        {
            var lead = leads[random.Next(leads.Length)];
            int length = random.Next(Math.Max(7, lead.Length + 1), 16);
            var digits = new StringBuilder(lead);
            while (digits.Length < length) digits.Append((char)('0' + random.Next(10)));
            var run = digits.ToString();
            values.Add(random.Next(3) == 0 ? Reseparate(run, random) : run);
        }
        AssertSameDecisions(values, expectPhones: true);
    }

    [Test]
    public void LookAlikes_DecideAsParsingEveryRegion()
    {
        var random = new Random(5);
        var values = new List<string>();
        for (int i = 0; i < 4_000; i++)
        {
            var day = new DateTime(1950, 1, 1).AddMinutes(random.NextInt64(0, 80L * 365 * 24 * 60));
            values.Add(day.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture));
            values.Add(day.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture));
            values.Add(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            values.Add(day.ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            values.Add($"{random.Next(1, 256)}.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}");
            values.Add(random.NextInt64(1_000_000, 999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
            values.Add($"{random.Next(100, 999)}-{random.Next(10, 99)}-{random.Next(1000, 9999)}");
            values.Add($"0{random.Next(1, 10)} {random.Next(10, 100)} {random.Next(10, 100)} {random.Next(10, 100)} {random.Next(10, 100)} {(random.Next(2) == 0 ? "ext " : "x")}{random.Next(1, 999)}");
            values.Add($"({random.Next(200, 999)}) {random.Next(200, 999)}-{random.Next(1000, 9999)}");
            values.Add($"{random.Next(1, 99)}.{random.Next(1, 99)}.{random.Next(1, 99)}.{random.Next(1, 99)}.{random.Next(1, 99)}");
        }
        AssertSameDecisions(values, expectPhones: false);
    }

    [Test]
    public void RegionsNoReadingFits_AreSkipped_OthersParsed()
    {
        Assert.Multiple(() =>
        {
            // Ten digits not starting with 0: no French or Spanish number (9 digits) whatever is stripped.
            Assert.That(PhoneDetector.RegionsSkipped("4155552671"), Is.EqualTo(new[] { "FR", "ES" }));
            // A French national number (0 + 9 digits) is French after its trunk prefix; never skipped there.
            Assert.That(PhoneDetector.RegionsSkipped("0612345678"), Does.Not.Contain("FR"));
            // The international prefix of France, Germany and Spain (00) can lead anywhere: not skipped there; the US one
            // is 011, and 13 digits are no US number.
            Assert.That(PhoneDetector.RegionsSkipped("0033612345678"), Is.EqualTo(new[] { "US" }));
            // Country code and national prefix stripped: 13 digits can be a US number (1 1 1 769 208 3669).
            Assert.That(PhoneDetector.RegionsSkipped("1117692083669"), Does.Not.Contain("US"));
            Assert.That(PhoneDetector.RegionsSkipped("011441134960000"), Does.Not.Contain("US"));
        });
    }

    private static void AssertSameDecisions(IReadOnlyList<string> values, bool expectPhones)
    {
        var differing = new List<string>();
        int phones = 0;
        foreach (var value in values)
        {
            if (value.Length == 0) continue;
            var shape = ValueShape.Of(value, fraction: false);
            bool reference = PhoneDetector.IsMatch(value, shape, skipUnfitRegions: false);
            bool fast = PhoneDetector.IsMatch(value, shape, skipUnfitRegions: true);
            if (reference) phones++;
            if (reference != fast && differing.Count < 20) differing.Add($"{value}: every region {reference}, skipping {fast}");
        }
        Assert.Multiple(() =>
        {
            Assert.That(differing, Is.Empty, "decisions changed by skipping regions");
            if (expectPhones) Assert.That(phones, Is.GreaterThan(values.Count / 20), "enough of the values are phone numbers for the comparison to mean something");
        });
    }

    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);

    private static string Reseparate(string text, Random random)
    {
        var digits = Digits(text);
        var builder = new StringBuilder();
        var separator = Separators[random.Next(Separators.Length)];
        for (int i = 0; i < digits.Length; i++)
        {
            if (i > 0 && random.Next(3) == 0) builder.Append(separator);
            builder.Append(digits[i]);
        }
        return builder.ToString();
    }

    // One digit changed, dropped or added (at a random digit position), keeping the rest of the text.
    private static string Mutate(string text, Random random)
    {
        var positions = Enumerable.Range(0, text.Length).Where(i => char.IsAsciiDigit(text[i])).ToArray();
        if (positions.Length == 0) return text;
        int at = positions[random.Next(positions.Length)];
        var digit = (char)('0' + random.Next(10));
        return random.Next(3) switch
        {
            0 => text[..at] + digit + text[(at + 1)..],
            1 => text[..at] + text[(at + 1)..],
            _ => text[..at] + digit + text[at..],
        };
    }
}
