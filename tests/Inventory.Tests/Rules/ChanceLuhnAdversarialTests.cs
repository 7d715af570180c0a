using Inventory.Catalog;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// One number in ten passes the Luhn check by chance, so a column of 16-digit gateway, order or shipment references
/// in a card scheme's IIN range holds "card numbers" at about a tenth of its values (trial 28: 6 of 126 gateway
/// references, and the no-card claim said "card numbers are stored"). Columns are generated in bulk: reference columns
/// of several sizes, formats and type families must carry no card hit; card columns, and columns where card numbers are
/// a real share among references, keep every hit.
/// </summary>
[TestFixture]
public sealed class ChanceLuhnAdversarialTests : GeneratedNameFixture
{
    // Leading digits of references that fall in card schemes' IIN ranges (Visa 4, Mastercard 51–55, Discover 6011,
    // UnionPay 62, JCB 35) and of ones that do not (1, 7, 8, 9).
    private static readonly string[] CardRangePrefixes = ["4", "51", "53", "55", "6011", "62", "3530"];
    private static readonly string[] OtherPrefixes = ["1", "7", "8", "9"];

    /// <summary>A reference number: its digits are random, so it passes the Luhn check one time in ten.</summary>
    private static string Reference(Random random)
    {
        var prefixes = random.Next(3) == 0 ? OtherPrefixes : CardRangePrefixes;
        var prefix = prefixes[random.Next(prefixes.Length)];
        return prefix + CheckedNumbers.Digits(random, 16 - prefix.Length);
    }

    /// <summary>References of other lengths and shapes that share the column (12, 17 digits; letters and digits).</summary>
    private static string OtherReference(Random random) => random.Next(3) switch
    {
        0 => CheckedNumbers.Digits(random, 12),
        1 => "9" + CheckedNumbers.Digits(random, 16),
        _ => "pi_" + CheckedNumbers.Digits(random, 8) + "ab" + CheckedNumbers.Digits(random, 10),
    };

    private static List<string> ReferenceColumn(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => random.Next(4) == 0 ? OtherReference(random) : Reference(random)).ToList();

    [TestCase(TypeFamily.Text, 1)]
    [TestCase(TypeFamily.Text, 2)]
    [TestCase(TypeFamily.Untyped, 3)]
    public void ReferenceColumns_LuhnPassesByChance_AreNoCardNumbers(TypeFamily family, int seed)
    {
        var random = new Random(seed);
        int withHit = 0, chancePasses = 0;
        for (int column = 0; column < 300; column++)
        {
            var values = ReferenceColumn(random, 60 + random.Next(400));
            chancePasses += values.Count(v => DetectorSuite.Default.IsMatch(DetectorIds.PaymentCard, v, family));
            if (DetectorSuite.Default.Run(values, family)[DetectorIds.PaymentCard].Matched > 0) withHit++;
        }
        Assert.That(chancePasses, Is.GreaterThan(3000), "the generated references pass the card check value by value, as chance gives");
        Assert.That(withHit, Is.Zero, "reference columns with a card hit, of 300");
    }

    [Test]
    public void IntegerReferenceColumns_LuhnPassesByChance_AreNoCardNumbers()
    {
        var random = new Random(4);
        int withHit = 0;
        for (int column = 0; column < 300; column++)
        {
            var values = Enumerable.Range(0, 60 + random.Next(400)).Select(_ => Reference(random)).ToList();
            if (DetectorSuite.Default.Run(values, TypeFamily.Integer)[DetectorIds.PaymentCard].Matched > 0) withHit++;
        }
        Assert.That(withHit, Is.Zero, "bigint/decimal reference columns with a card hit, of 300");
    }

    [Test]
    public void CardColumns_EveryCardNumberCounts()
    {
        var random = new Random(5);
        for (int column = 0; column < 300; column++)
        {
            int count = 1 + random.Next(450);
            var values = Enumerable.Range(0, count)
                .Select(_ => random.Next(3) == 0 ? CheckedNumbers.SeparatedPan(random) : CheckedNumbers.Pan(random)).ToList();
            Assert.That(DetectorSuite.Default.Run(values, TypeFamily.Text)[DetectorIds.PaymentCard].Matched, Is.EqualTo(count), $"column {column}");
        }
    }

    [Test]
    public void MixedColumns_CardNumbersAsARealShare_StillCount()
    {
        // A third of the values are card numbers: with the references' chance passes, well over a quarter pass.
        var random = new Random(6);
        for (int column = 0; column < 300; column++)
        {
            int cards = 20 + random.Next(100);
            var values = ReferenceColumn(random, cards * 2);
            values.AddRange(Enumerable.Range(0, cards).Select(_ => CheckedNumbers.Pan(random)));
            var matched = DetectorSuite.Default.Run(values.OrderBy(_ => random.Next()).ToList(), TypeFamily.Text)[DetectorIds.PaymentCard].Matched;
            Assert.That(matched, Is.GreaterThanOrEqualTo(cards), $"column {column}: {cards} card numbers among {values.Count} values");
        }
    }

    [Test]
    public void SmallSamples_ALuhnValidNumberStillCounts()
    {
        // Under MinCardCandidates card-shaped values a sample cannot tell chance from a stored card: the hit stays.
        var random = new Random(7);
        for (int column = 0; column < 300; column++)
        {
            var values = Enumerable.Range(0, random.Next(DetectorSuite.MinCardCandidates - 1)).Select(_ => Reference(random))
                .Where(v => !DetectorSuite.Default.IsMatch(DetectorIds.PaymentCard, v)).ToList();
            values.Add(CheckedNumbers.Pan(random));
            Assert.That(DetectorSuite.Default.Run(values, TypeFamily.Text)[DetectorIds.PaymentCard].Matched, Is.EqualTo(1), $"column {column}");
        }
    }

    [Test]
    public void RepeatedValues_CountAsOftenAsTheyOccur()
    {
        // The suite tests each distinct value once and reuses its hits: the card-shaped count must follow the repeats.
        var random = new Random(8);
        var pan = CheckedNumbers.Pan(random);
        var failing = Enumerable.Range(0, 100).Select(_ => Reference(random))
            .Where(v => DetectorSuite.Default.IsMatch(DetectorIds.PaymentCard, v) is false && v.Length == 16 && v[0] == '4').Take(3).ToList();
        Assert.That(failing, Has.Count.EqualTo(3));
        // 30 copies of one card number and 3 distinct references, each repeated 5 times: 30 of 45 card-shaped values pass.
        var values = Enumerable.Repeat(pan, 30).Concat(failing.SelectMany(v => Enumerable.Repeat(v, 5))).ToList();
        Assert.That(DetectorSuite.Default.Run(values, TypeFamily.Text)[DetectorIds.PaymentCard].Matched, Is.EqualTo(30));
        // 4 copies of it among 5 copies each of 9 failing references: 4 of 49 pass, chance.
        var more = Enumerable.Range(0, 400).Select(_ => Reference(random))
            .Where(v => !DetectorSuite.Default.IsMatch(DetectorIds.PaymentCard, v) && v[0] == '4').Take(9).ToList();
        var chance = Enumerable.Repeat(pan, 4).Concat(more.SelectMany(v => Enumerable.Repeat(v, 5))).ToList();
        Assert.That(DetectorSuite.Default.Run(chance, TypeFamily.Text)[DetectorIds.PaymentCard].Matched, Is.Zero);
    }
}
