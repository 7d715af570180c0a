using System.Globalization;
using Inventory.Catalog;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// A SIRET is Luhn-valid by construction, so a SIRET in the Diners Club ranges (300–305, 36, 38–39) also passes the
/// card check (trial 27: one such SIRET in 40 made the no-card claim say "card numbers are stored"). In a column whose
/// values are mostly SIRETs those values count as SIRETs only; a card number that is no SIRET still counts as a card.
/// Columns are generated in bulk (300 per test), every one holding SIRETs in the Diners ranges.
/// </summary>
[TestFixture]
public sealed class SiretCardAmbiguityTests
{
    private static readonly string[] DinersPrefixes = ["300", "301", "305", "36", "38", "39"];

    private static string Siret(Random random, bool diners)
    {
        var prefix = diners ? DinersPrefixes[random.Next(DinersPrefixes.Length)] : (1 + random.Next(8)).ToString(CultureInfo.InvariantCulture);
        return CheckedNumbers.WithLuhn(prefix + CheckedNumbers.Digits(random, 13 - prefix.Length));
    }

    private static List<string> SiretColumn(Random random, int count, int diners)
    {
        var values = Enumerable.Range(0, count).Select(i => Siret(random, i < diners)).ToList();
        return values.OrderBy(_ => random.Next()).ToList();
    }

    [TestCase(TypeFamily.Text)]
    [TestCase(TypeFamily.Integer)]
    public void SiretColumns_WithSiretsInDinersRanges_HaveNoCardHit(TypeFamily family)
    {
        var random = new Random(27);
        int withCardHit = 0, dinersValues = 0;
        for (int column = 0; column < 300; column++)
        {
            int diners = 1 + random.Next(4);
            dinersValues += diners;
            var result = DetectorSuite.Default.Run(SiretColumn(random, 40, diners), family);
            Assert.That(result[DetectorIds.SirenSiret].Ratio, Is.EqualTo(1.0), "every generated SIRET passes the SIRET check");
            if (result[DetectorIds.PaymentCard].Matched > 0) withCardHit++;
        }
        Assert.That(dinersValues, Is.GreaterThan(300));
        Assert.That(withCardHit, Is.Zero, "SIRET columns with a card hit, of 300");
    }

    [Test]
    public void SiretColumns_CardNumbersThatAreNoSiret_StillCount()
    {
        var random = new Random(28);
        for (int column = 0; column < 300; column++)
        {
            var values = SiretColumn(random, 38, 3);
            values.Add(CheckedNumbers.Pan(random));
            values.Add(CheckedNumbers.Pan(random));
            var result = DetectorSuite.Default.Run(values, TypeFamily.Text);
            Assert.That(result[DetectorIds.PaymentCard].Matched, Is.EqualTo(2), $"column {column}: the two 15–16-digit card numbers");
        }
    }

    [Test]
    public void CardColumns_With14DigitDinersNumbers_KeepTheirCardHits()
    {
        // Where SIRETs are not the column's values (a card column: mostly 15–16 digits), a 14-digit Diners number is a card.
        var random = new Random(29);
        for (int column = 0; column < 300; column++)
        {
            var values = Enumerable.Range(0, 36).Select(_ => CheckedNumbers.Pan(random)).ToList();
            for (int i = 0; i < 4; i++) values.Add(Siret(random, diners: true));
            var result = DetectorSuite.Default.Run(values, TypeFamily.Text);
            Assert.That(result[DetectorIds.PaymentCard].Matched, Is.EqualTo(40), $"column {column}");
        }
    }
}
