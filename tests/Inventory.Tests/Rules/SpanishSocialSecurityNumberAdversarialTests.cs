using System.Globalization;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Detectors;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial44 finding 4, generated in bulk: Spanish social security affiliation numbers (TGSS: province, eight digits and a
/// mod-97 key; compact or grouped 2-8-2 by spaces, slashes or hyphens) are national identification numbers, not phone
/// numbers: under a name that says nothing they were read as phones (147 of 300) and the column as <c>none</c>. Look-alikes
/// keep their reading: the same digits with a wrong key, random 12-digit runs, and phone numbers of the five regions
/// the phone detector reads (written as people write them) stay phones. Rates only; messages name no value.
/// </summary>
[TestFixture]
public sealed class SpanishSocialSecurityNumberAdversarialTests
{
    private static readonly DetectorSuite Detectors = DetectorSuite.Default;
    private static readonly IColumnClassifier Combined = ClassifierFactory.CreateDefault();
    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    /// <summary>A valid number: province 01–53 or 66, eight digits (some under 10⁷), the key.</summary>
    internal static string Nss(Random random, bool validKey = true)
    {
        int province = random.Next(10) == 0 ? 66 : random.Next(1, 54);
        long number = random.Next(4) == 0 ? random.Next(0, 10_000_000) : random.Next(10_000_000, 100_000_000);
        long body = number < 10_000_000 ? province * 10_000_000L + number : province * 100_000_000L + number;
        int key = (int)(body % 97);
        if (!validKey) key = (key + random.Next(1, 97)) % 97;
        var digits = string.Create(CultureInfo.InvariantCulture, $"{province:00}{number:00000000}{key:00}");
        return random.Next(4) switch
        {
            0 => digits,
            1 => $"{digits[..2]}/{digits[2..10]}/{digits[10..]}",
            2 => $"{digits[..2]} {digits[2..10]} {digits[10..]}",
            _ => $"{digits[..2]}-{digits[2..10]}-{digits[10..]}",
        };
    }

    private static string Digits(Random random, int count) => string.Concat(Enumerable.Range(0, count).Select(i => (char)('0' + (i == 0 ? random.Next(1, 10) : random.Next(10)))));

    /// <summary>Phone numbers as people write them in Spain, Germany, France, the UK and the US.</summary>
    private static string Phone(Random random) => random.Next(8) switch
    {
        0 => $"+34 6{Digits(random, 2)} {Digits(random, 3)} {Digits(random, 3)}",
        1 => $"9{random.Next(1, 9)}{random.Next(10)} {Digits(random, 3)} {Digits(random, 3)}",
        2 => $"+49 151 {Digits(random, 8)}",
        3 => $"0{Pick(random, ["30", "40", "89"])} {Digits(random, 7)}",
        4 => $"+33 6 {Digits(random, 2)} {Digits(random, 2)} {Digits(random, 2)} {Digits(random, 2)}",
        5 => $"07{random.Next(1, 10)}{Digits(random, 2)} {Digits(random, 6)}",
        6 => $"+1 {random.Next(201, 990)} {random.Next(200, 999)} {Digits(random, 4)}",
        _ => $"+34 91{random.Next(10)} {Digits(random, 2)} {Digits(random, 2)} {Digits(random, 2)}",
    };

    [TestCase(1)]
    [TestCase(2)]
    public void SocialSecurityNumbers_AreNationalIds_NotPhones(int seed)
    {
        var random = new Random(seed);
        int n = 5000, national = 0, phones = 0;
        for (int i = 0; i < n; i++)
        {
            var nss = Nss(random);
            if (Detectors.IsMatch("detector.national-id", nss)) national++;
            if (Detectors.IsMatch("detector.phone", nss)) phones++;
        }
        Assert.That(national, Is.EqualTo(n), "valid numbers read as national ids");
        Assert.That(phones, Is.Zero, "valid numbers read as phones");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void WrongKeysAndRandomRuns_AreNotNationalIds_AndPhonesStayPhones(int seed)
    {
        var random = new Random(seed);
        int n = 5000, wrongKeys = 0, runs = 0, phones = 0, phonesTaken = 0;
        for (int i = 0; i < n; i++)
        {
            if (NationalIdShape.IsSpanishSocialSecurityNumber(Nss(random, validKey: false))) wrongKeys++;
            if (NationalIdShape.IsSpanishSocialSecurityNumber(Digits(random, 12))) runs++;
            var phone = Phone(random);
            if (NationalIdShape.Matches(phone)) phonesTaken++;
            if (Detectors.IsMatch("detector.phone", phone)) phones++;
        }
        Assert.That(wrongKeys, Is.Zero, "numbers with a wrong key taken");
        Assert.That((double)runs / n, Is.LessThanOrEqualTo(0.01), $"{runs} of {n} random 12-digit runs taken");
        Assert.That(phonesTaken, Is.Zero, "phones read as national identifiers");
        Assert.That(phones, Is.GreaterThan(n * 9 / 10), "generated phones the phone detector still reads");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void ColumnsOfThemUnderNamesThatSayNothing_AreNationalIds(int seed)
    {
        var random = new Random(seed);
        int columns = 150, found = 0;
        var missed = new List<string>();
        for (int c = 0; c < columns; c++)
        {
            var name = Pick(random, ["campo_c", "dato3", "feld_c", "codigo_afiliado", "afiliacion"]);
            var values = Enumerable.Range(0, random.Next(30, 300)).Select(_ => Nss(random)).ToArray();
            var category = Combined.Classify(Some.InTable("datos", ["id", "nombre", name], name, "varchar(16)", values)).DataCategory;
            if (category == "other_personal.national_id") found++;
            else if (missed.Count < 6) missed.Add($"{name} → {category}");
        }
        Assert.That(found, Is.GreaterThanOrEqualTo(columns * 95 / 100), $"{found} of {columns} columns; e.g. {string.Join("; ", missed)}");
    }
}
