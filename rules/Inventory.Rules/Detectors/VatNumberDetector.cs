using System.Collections.Frozen;
using Inventory.Catalog;

namespace Inventory.Rules.Detectors;

/// <summary>
/// EU VAT identification numbers. Source: the per-country formats published for the European Commission's VIES
/// service (prefix + national part; Greece uses <c>EL</c>, Northern Ireland <c>XI</c>). Spaces, dots and hyphens are
/// ignored. French numbers with a numeric key are checked: key = (12 + 3 × (SIREN mod 97)) mod 97, and the SIREN must
/// pass Luhn. Pattern letters: <c>#</c> digit, <c>A</c> letter, <c>X</c> letter or digit, anything else literal.
/// </summary>
internal sealed class VatNumberDetector : ValueDetector
{
    private static readonly FrozenDictionary<string, string[]> Formats = new Dictionary<string, string[]>
    {
        ["AT"] = ["U########"], ["BE"] = ["##########"], ["BG"] = ["#########", "##########"], ["CY"] = ["########A"],
        ["CZ"] = ["########", "#########", "##########"], ["DE"] = ["#########"], ["DK"] = ["########"], ["EE"] = ["#########"],
        ["EL"] = ["#########"], ["ES"] = ["X#######X"], ["FI"] = ["########"], ["FR"] = ["XX#########"], ["HR"] = ["###########"],
        ["HU"] = ["########"], ["IE"] = ["#######A", "#######AA", "#X#####A"], ["IT"] = ["###########"],
        ["LT"] = ["#########", "############"], ["LU"] = ["########"], ["LV"] = ["###########"], ["MT"] = ["########"],
        ["NL"] = ["#########B##"], ["PL"] = ["##########"], ["PT"] = ["#########"], ["RO"] = ["##", "###", "####", "#####", "######", "#######", "########", "#########", "##########"],
        ["SE"] = ["############"], ["SI"] = ["########"], ["SK"] = ["##########"], ["XI"] = ["#########", "############", "GD###", "HA###"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <inheritdoc />
    public override string Id => DetectorIds.VatNumber;
    /// <inheritdoc />
    public override string? DataCategory => "financial.tax_id";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Decides;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.Validated;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Length is < 4 or > 20 || shape.Digits < 2 || shape.Other > 0 || !char.IsAsciiLetter(value[0])) return false;
        Span<char> compact = stackalloc char[20];
        int n = 0;
        foreach (var c in value)
        {
            if (c is ' ' or '.' or '-') continue;
            if (!char.IsAsciiLetterOrDigit(c)) return false;
            compact[n++] = char.ToUpperInvariant(c);
        }
        return IsVat(compact[..n]);
    }

    /// <summary>True when the compact upper-case text is a VAT number of a listed country.</summary>
    public static bool IsVat(ReadOnlySpan<char> vat)
    {
        if (vat.Length < 4) return false;
        if (!Formats.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(vat[..2], out var patterns)) return false;
        var national = vat[2..];
        foreach (var pattern in patterns)
        {
            if (!Fits(national, pattern)) continue;
            if (vat.StartsWith("FR") && !FrenchKeyValid(national)) continue;
            return true;
        }
        return false;
    }

    private static bool Fits(ReadOnlySpan<char> text, string pattern)
    {
        if (text.Length != pattern.Length) return false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool ok = pattern[i] switch
            {
                '#' => char.IsAsciiDigit(c),
                'A' => char.IsAsciiLetter(c),
                'X' => char.IsAsciiLetterOrDigit(c),
                var literal => c == literal,
            };
            if (!ok) return false;
        }
        return true;
    }

    private static bool FrenchKeyValid(ReadOnlySpan<char> national)
    {
        var siren = national[2..];
        Span<byte> digits = stackalloc byte[9];
        for (int i = 0; i < 9; i++) digits[i] = (byte)(siren[i] - '0');
        if (!Luhn.IsValid(digits)) return false;
        if (!char.IsAsciiDigit(national[0]) || !char.IsAsciiDigit(national[1])) return true; // new-style alphanumeric key: no public check
        long number = long.Parse(siren);
        int key = (national[0] - '0') * 10 + (national[1] - '0');
        return key == (12 + 3 * (number % 97)) % 97;
    }
}

/// <summary>
/// French company identifiers: SIREN (9 digits) and SIRET (14 digits: SIREN + 5-digit establishment number), digits
/// possibly grouped by spaces. Source: INSEE, Luhn check over the whole number; SIRETs of La Poste (SIREN 356000000)
/// use the rule "sum of digits divisible by 5" instead. Numbers of one repeated digit are rejected. One valid checksum
/// in ten random numbers passes, so the classifier requires name support.
/// </summary>
internal sealed class SirenSiretDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.SirenSiret;
    /// <inheritdoc />
    public override string? DataCategory => "financial.tax_id";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.NeedsNameSupport;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.Validated;

    /// <inheritdoc />
    public override bool AppliesTo(TypeFamily family) => family is TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Integer or TypeFamily.Decimal;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Fraction || shape.Digits is not (9 or 14) || shape.Letters > 0 || shape.Other > 0 || shape.Dots > 0 || shape.Dashes > 0) return false;
        Span<byte> digits = stackalloc byte[14];
        int n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c)) digits[n++] = (byte)(c - '0');
            else if (c != ' ') return false;
        }
        var d = digits[..n];
        if (!d.ContainsAnyExcept(d[0])) return false;
        if (n == 14 && IsLaPoste(d)) return LaPosteSumValid(d);
        return Luhn.IsValid(d);
    }

    /// <summary>True for a SIRET whose two keys hold: the SIREN (first nine digits) and the whole fourteen digits pass
    /// the Luhn check (INSEE), or, for La Poste's establishments (SIREN 356 000 000), the digit sum is a multiple of 5.
    /// Stricter than <see cref="IsMatch"/>, which checks the whole number's key only: a random fourteen-digit number that
    /// passes both keys is one in a hundred.</summary>
    /// <param name="digits">Exactly fourteen digits (0–9).</param>
    internal static bool IsSiret(ReadOnlySpan<byte> digits) =>
        digits.Length == 14 && digits.ContainsAnyExcept(digits[0])
        && (IsLaPoste(digits) ? LaPosteSumValid(digits) : Luhn.IsValid(digits[..9]) && Luhn.IsValid(digits));

    private static bool IsLaPoste(ReadOnlySpan<byte> d) => d[..9].SequenceEqual((ReadOnlySpan<byte>)[3, 5, 6, 0, 0, 0, 0, 0, 0]);

    private static bool LaPosteSumValid(ReadOnlySpan<byte> d)
    {
        int sum = 0;
        foreach (var x in d) sum += x;
        return sum % 5 == 0;
    }
}
