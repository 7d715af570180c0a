using System.Globalization;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Kind 5 of evidence45: the Spanish CIF (NIF of organisations) written bare, without the <c>ES</c> of a VAT number, which
/// the VAT detector does not read: <see cref="SpanishCifDetector"/> checks its control character (Real Decreto 1065/2007,
/// Orden EHA/451/2008). Generated in bulk: every CIF with its right control is found, every other control character and
/// the DNI, NIE and letters of no entity kind are rejected; a column of CIFs is <c>financial.tax_id</c> under a neutral
/// name, product codes of the same shape are not. The control is computed here on its own, from the published rule.
/// </summary>
[TestFixture]
public sealed class SpanishCifAdversarialTests : GeneratedNameFixture
{
    private const string Kinds = "ABCDEFGHJNPQRSUVW";

    /// <summary>A CIF with its right control: digits at positions 2, 4, 6 summed; those at 1, 3, 5, 7 doubled and their
    /// digits summed; the control digit is 10 minus the total's units (0 for 10), written as a digit (A, B, E, H), a letter
    /// of JABCDEFGHI (P, Q, R, S, N, W), or either.</summary>
    internal static string Cif(Random random)
    {
        char kind = Kinds[random.Next(Kinds.Length)];
        var digits = random.Next(1, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        int even = 0, odd = 0;
        for (int i = 0; i < 7; i++)
        {
            int d = digits[i] - '0';
            if (i % 2 == 1) even += d;
            else odd += (2 * d) / 10 + (2 * d) % 10;
        }
        int control = (10 - (even + odd) % 10) % 10;
        bool letter = "PQRSNW".Contains(kind) || (!"ABEH".Contains(kind) && random.Next(2) == 0);
        var body = kind + digits + (letter ? "JABCDEFGHI"[control] : (char)('0' + control));
        return random.Next(6) switch
        {
            0 => body.ToLowerInvariant(),
            1 => $"{body[0]}-{body[1..]}",
            2 => $"{body[0]}{body[1..3]}.{body[3..6]}.{body[6..]}",
            _ => body,
        };
    }

    private static string NearMiss(Random random)
    {
        var cif = Cif(random).Replace("-", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();
        return random.Next(5) switch
        {
            // Another control character of the same kind (digit for digit, letter for letter).
            0 => cif[..8] + (char.IsAsciiDigit(cif[8]) ? (char)('0' + (cif[8] - '0' + random.Next(1, 10)) % 10) : "JABCDEFGHI"[("JABCDEFGHI".IndexOf(cif[8]) + random.Next(1, 10)) % 10]),
            // A letter of no entity kind (I, O, T, X, Y, Z, K, L, M: NIE and old personal NIFs).
            1 => "IOTXYZKLM"[random.Next(9)] + cif[1..],
            // A DNI: eight digits and the check letter (mod 23).
            2 => Dni(random),
            // A digit for the control where the kind needs a letter (P, Q, R, S, N, W), or a letter where it needs a digit (A, B, E, H).
            3 => "PQSW"[random.Next(4)] + cif[1..8] + (char)('0' + random.Next(10)),
            _ => "ABEH"[random.Next(4)] + cif[1..8] + "JABCDEFGHI"[random.Next(10)],
        };
    }

    private static string Dni(Random random)
    {
        int number = random.Next(10_000_000, 99_999_999);
        return number.ToString(CultureInfo.InvariantCulture) + "TRWAGMYFPDXBNJZSQVHLCKE"[number % 23];
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Detector_FindsEveryCif_RejectsNearMisses(int seed)
    {
        var rates = DetectorHitRates.Measure(DetectorSuite.Default, DetectorIds.SpanishCif, new Random(seed), 5000, Cif, NearMiss);
        Assert.That(rates.FoundRate, Is.EqualTo(1.0), rates.FoundMessage);
        Assert.That(rates.Taken, Is.Zero, rates.TakenMessage);
    }

    [TestCase("B12345674", ExpectedResult = true)]
    [TestCase("A58818501", ExpectedResult = true)]
    [TestCase("Q2826000H", ExpectedResult = true)]
    [TestCase("Q2826000A", ExpectedResult = false)]
    [TestCase("B12345675", ExpectedResult = false)]
    [TestCase("X1234567L", ExpectedResult = false)]
    [TestCase("12345678Z", ExpectedResult = false)]
    public bool Detector_PublishedExamples(string value) => DetectorSuite.Default.IsMatch(DetectorIds.SpanishCif, value);

    [TestCase(1)]
    [TestCase(2)]
    public void CifColumns_AreTaxIds_ProductCodesOfTheSameShapeAreNot(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int c = 0; c < 80; c++)
        {
            var cifs = Some.Column(Pick(random, ["proveedores", "empresas", "clientes", "suppliers", "records"]),
                Pick(random, ["cif", "nif", "code", "identificador", "ref", "value", "codigo"]), "character varying(12)",
                [.. Enumerable.Range(0, random.Next(30, 200)).Select(_ => Cif(random))]);
            var category = Rules.Classify(cifs).DataCategory;
            if (category != "financial.tax_id") wrong.Add($"{cifs.Table}.{cifs.Column.Name} (CIFs) → {category}");
            // Product codes: a letter, seven digits and any letter or digit (a tenth pass the control by chance).
            var codes = Some.Column(Pick(random, ["productos", "articulos", "items", "stock"]), Pick(random, ["code", "ref", "sku", "codigo"]), "character varying(12)",
                [.. Enumerable.Range(0, random.Next(30, 200)).Select(_ => "ABCDEFGHJNPQRSUVW"[random.Next(17)] + random.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture)
                    + "0123456789ABCDEFGHIJ"[random.Next(20)])]);
            var codeCategory = Rules.Classify(codes).DataCategory;
            if (codeCategory == "financial.tax_id") wrong.Add($"{codes.Table}.{codes.Column.Name} (product codes) → {codeCategory}");
        }
        Assert.That(wrong, Is.Empty, $"{wrong.Count} columns: {string.Join("; ", wrong)}");
    }
}
