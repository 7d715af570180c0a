using System.Collections.Frozen;
using Inventory.Catalog;

namespace Inventory.Rules.Detectors;

/// <summary>
/// International Bank Account Numbers. Source: ISO 13616-1 (country code, two check digits, BBAN) with the per-country
/// lengths of the SWIFT IBAN registry, and the ISO 7064 MOD 97-10 check (move the first four characters to the end,
/// letters → 10..35, remainder 1). Groups of four separated by single spaces are accepted. Masked values (the country,
/// the check digits and the right length, with the middle replaced by <c>*</c>, <c>X</c> or <c>•</c>, keeping some
/// trailing digits) are tolerated as matches, since a stored masked IBAN still tells what the column holds.
/// </summary>
internal sealed class IbanDetector : ValueDetector
{
    private static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22, ["BH"] = 22,
        ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18, ["DO"] = 28,
        ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23,
        ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26,
        ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20,
        ["LV"] = 21, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NL"] = 18,
        ["NO"] = 15, ["PK"] = 24, ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["SA"] = 24,
        ["SC"] = 31, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["ST"] = 25, ["SV"] = 28, ["TL"] = 23, ["TN"] = 24,
        ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <inheritdoc />
    public override string Id => DetectorIds.Iban;
    /// <inheritdoc />
    public override string? DataCategory => "financial.bank_account";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Decides;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.Validated;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Length is < 15 or > 42 || shape.Digits < 2 || shape.Dots > 0 || shape.At > 0) return false;
        if (!char.IsAsciiLetterUpper(value[0]) && !char.IsAsciiLetterLower(value[0])) return false;
        return IsIban(value);
    }

    /// <summary>True for a valid (or validly masked) IBAN, compact or in groups of four.</summary>
    public static bool IsIban(ReadOnlySpan<char> value)
    {
        Span<char> compact = stackalloc char[34];
        int n = 0, masked = 0;
        char previous = 'A';
        foreach (var c in value)
        {
            if (c == ' ') { if (previous == ' ') return false; previous = c; continue; }
            if (n == 34) return false;
            char u = char.ToUpperInvariant(c);
            if (u is '*' or '•' || (u == 'X' && n >= 4 && masked >= 0 && IsMaskRun(value, c))) { masked++; u = '*'; }
            else if (!char.IsAsciiLetterOrDigit(u)) return false;
            compact[n++] = u;
            previous = c;
        }
        var iban = compact[..n];
        if (n < 15 || !char.IsAsciiLetter(iban[0]) || !char.IsAsciiLetter(iban[1]) || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
            return false;
        if (!Lengths.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(iban[..2], out var length) || length != n) return false;
        if (masked > 0) return masked < n - 4;
        int remainder = 0;
        for (int i = 0; i < n; i++)
        {
            char c = iban[(i + 4) % n];
            if (char.IsAsciiDigit(c)) remainder = (remainder * 10 + (c - '0')) % 97;
            else if (char.IsAsciiLetterUpper(c)) remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            else return false;
        }
        return remainder == 1;
    }

    private static bool IsMaskRun(ReadOnlySpan<char> value, char c) => value.IndexOf(stackalloc char[] { c, c, c }) >= 0;
}

/// <summary>
/// Business Identifier Codes. Source: ISO 9362 (4-letter institution code, ISO 3166-1 alpha-2 country code, 2-character
/// location code whose second character is not the letter O, optional 3-character branch code; 8 or 11 characters,
/// upper case). Shape plus a known country code is all a BIC can be checked for, so the classifier wants name support.
/// </summary>
internal sealed class BicDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.Bic;
    /// <inheritdoc />
    public override string? DataCategory => "financial.bank_account";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.NeedsNameSupport;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.ShapeOnly;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Length is not (8 or 11) || shape.Upper < 6 || shape.Upper + shape.Digits != shape.Length) return false;
        for (int i = 0; i < 6; i++) if (!char.IsAsciiLetterUpper(value[i])) return false;
        if (value[7] == 'O') return false;
        return Countries.IsIso3166Alpha2(value.Slice(4, 2));
    }
}

/// <summary>ISO 3166-1 alpha-2 country codes, from the platform's region data (ICU) plus the codes it lacks.</summary>
internal static class Countries
{
    private static readonly FrozenSet<string> Alpha2 = BuildAlpha2();

    /// <summary>True for an assigned ISO 3166-1 alpha-2 code (upper case).</summary>
    public static bool IsIso3166Alpha2(ReadOnlySpan<char> code) => code.Length == 2 && Alpha2.GetAlternateLookup<ReadOnlySpan<char>>().Contains(code);

    private static FrozenSet<string> BuildAlpha2()
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { "XK" };
        foreach (var culture in System.Globalization.CultureInfo.GetCultures(System.Globalization.CultureTypes.SpecificCultures))
        {
            try
            {
                var region = new System.Globalization.RegionInfo(culture.Name);
                if (region.TwoLetterISORegionName.Length == 2 && char.IsAsciiLetter(region.TwoLetterISORegionName[0]))
                    set.Add(region.TwoLetterISORegionName.ToUpperInvariant());
            }
            catch (ArgumentException)
            {
                // A culture without a region: nothing to add.
            }
        }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
