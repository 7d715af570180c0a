using Inventory.Catalog;
using PhoneNumbers;

namespace Inventory.Rules.Detectors;

/// <summary>
/// Telephone numbers, validated with libphonenumber-csharp (Google's libphonenumber metadata): a number with a
/// <c>+</c> or <c>00</c> international prefix is parsed without a region; a national number is tried against the region
/// hints FR, US, GB, DE, ES (most likely first, from its length and leading digit) and must be a valid number for one of
/// them; digit-only values (integers, e.g. 33612345678) are also tried as international numbers without the <c>+</c>.
/// Values with letters (other than an <c>ext</c>/<c>x</c> extension), fewer than 7 or more than 15 digits, or a
/// fraction from a numeric column are rejected before parsing, and so are dates (<c>2024-03-01</c>) and digit-only
/// compact timestamps (<c>20240101120000</c>, 12 or 14 digits, years 1900–2099, valid month, day, hour and minute),
/// and dotted quads that parse as IPv4 addresses (<c>212.27.40.240</c> reads as a valid New York number, <c>203.0.113.7</c>
/// as a German one: an address of RFC 791 form is an address, whatever its digits spell; issue 10 item 6), and national
/// identifiers in their national format (<see cref="NationalIdShape"/>: US SSN, French NIR, German tax id, Spanish social security number),
/// and German tax numbers in a Land's written form (<see cref="GermanTaxNumber.IsWrittenForm"/>).
/// </summary>
internal sealed class PhoneDetector : ValueDetector
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly string[] Regions = ["FR", "US", "GB", "DE", "ES"];

    /// <inheritdoc />
    public override string Id => DetectorIds.Phone;
    /// <inheritdoc />
    public override string? DataCategory => "contact.phone";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Decides;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.Validated;

    /// <inheritdoc />
    public override bool AppliesTo(TypeFamily family) => family is TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Integer or TypeFamily.Decimal or TypeFamily.Other;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape) => IsMatch(value, shape, skipUnfitRegions: true);

    /// <summary>The detector's decision; with <paramref name="skipUnfitRegions"/> false every candidate region is parsed,
    /// as before <see cref="RegionPlan"/> (the reference the equivalence tests compare with).</summary>
    /// <param name="value">The value.</param>
    /// <param name="shape">Its shape (<see cref="ValueShape.Of"/>).</param>
    /// <param name="skipUnfitRegions">Skip the parse of a region no reading of the digits fits.</param>
    /// <returns>True for a phone number.</returns>
    internal static bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape, bool skipUnfitRegions)
    {
        if (shape.Fraction || shape.Digits is < 7 or > 15 || shape.Length > 32 || shape.At > 0) return false;
        if (shape.Letters > 0 && !HasExtension(value)) return false;
        if (shape.Other > 0 || shape.Slashes > 1 || shape.Dots > 4) return false;
        char first = value[0];
        if (!(char.IsAsciiDigit(first) || first is '+' or '(')) return false;
        // A bare run of digits is a phone number only with a country code (≥ 10 digits, as integers store them) or a
        // national trunk prefix 0 (≥ 9 digits); shorter digit runs are counters and keys.
        if (shape.AllDigits && (shape.Digits < 9 || (first != '0' && shape.Digits < 10))) return false;
        if (shape.Dots == 3 && IpAddressDetector.IsDottedQuad(value)) return false;
        if (LooksLikeDate(value) || (shape.AllDigits && LooksLikeCompactTimestamp(value))) return false;
        // A national identifier in its national format (US SSN 3-2-4, French NIR with its key, German tax id with its
        // check digit, Spanish social security number with its key) is that identifier, whatever a phone plan makes of its
        // digits (issue 10 item 6, trial44).
        if (shape.Digits is 9 or 11 or 12 or 15 && NationalIdShape.Matches(value)) return false;
        // A German tax number in a Land's written form (21/815/08150, 93815/08152, 75 815 08152) is that number, not a
        // phone a number plan makes of its digits (trial44: Steuernummern read as phones).
        if (shape.Digits is 10 or 11 && (shape.Slashes > 0 || shape.Spaces == 2) && GermanTaxNumber.IsWrittenForm(value)) return false;
        // One string per candidate that passed the shape test; phone-shaped values are the minority of most columns.
        var text = value.ToString();
        if (first == '+' || text.StartsWith("00", StringComparison.Ordinal)) return Valid(first == '+' ? text : "+" + text[2..], null);
        if (shape.AllDigits && shape.Digits >= 10 && first != '0' && Valid("+" + text, null)) return true;
        // Most likely region first so that one parse usually decides; a region whose number plan no reading of the digits
        // fits is not parsed at all (RegionPlan.CannotFit).
        // (Plans is in Regions' order: FR, US, GB, DE, ES.)
        var likely = first == '0' ? (shape.Digits == 10 ? Plans[0] : Plans[2]) : shape.Digits == 10 ? Plans[1] : shape.Digits == 9 ? Plans[4] : null;
        Span<char> digits = stackalloc char[shape.Digits];
        bool plain = skipUnfitRegions && shape.Letters == 0 && !value.Contains('+') && CopyDigits(value, digits);
        if (likely is not null && (!plain || !likely.CannotFit(digits)) && Valid(text, likely.Region)) return true;
        foreach (var plan in Plans)
            if (plan != likely && (!plain || !plan.CannotFit(digits)) && Valid(text, plan.Region)) return true;
        return false;
    }

    private static readonly RegionPlan[] Plans = [.. Regions.Select(RegionPlan.For)];

    /// <summary>The candidate regions whose parse is skipped for a national number's digits (for tests).</summary>
    /// <param name="digits">ASCII digits of a value with no <c>+</c> and no letter.</param>
    /// <returns>Region codes, in the order tried.</returns>
    internal static IReadOnlyList<string> RegionsSkipped(string digits) => [.. Plans.Where(p => p.CannotFit(digits)).Select(p => p.Region)];

    // The value's ASCII digits in order; false when their count is not shape's (never for a shape of the same value).
    private static bool CopyDigits(ReadOnlySpan<char> value, Span<char> digits)
    {
        int n = 0;
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c)) continue;
            if (n == digits.Length) return false;
            digits[n++] = c;
        }
        return n == digits.Length;
    }

    /// <summary>What libphonenumber's parse of a national number (no <c>+</c>, no letters, so no extension and no
    /// international reading unless the digits start with the region's international prefix) can make of its digits
    /// under one region: the national significant number is the digits less at most the region's country code (when
    /// they start with it) and twice its national prefix (<c>PhoneNumberUtil.Parse</c>:
    /// <c>MaybeExtractCountryCode</c>, then <c>MaybeStripNationalPrefixAndCarrierCode</c>), and a valid or possible
    /// number of the country code has a length its regions' metadata lists (general description's possible lengths,
    /// local-only ones included). When none of those lengths is listed the parse cannot pass <see cref="Valid"/>, so
    /// it is not run: a 10-digit number not starting with 0 is never a French or Spanish one (9 digits). Built once
    /// from the library's own metadata; a region whose prefixes are patterns rather than plain digits is never
    /// skipped. Decisions unchanged, tested against the parse of every region on generated values
    /// (<c>PhoneDetectorEquivalenceTests</c>).</summary>
    private sealed class RegionPlan(string region, string countryCode, string? internationalPrefix, string? nationalPrefix, bool[]? lengths)
    {
        public string Region { get; } = region;

        public static RegionPlan For(string region)
        {
            var metadata = Util.GetMetadataForRegion(region);
            var code = metadata.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string? international = metadata.InternationalPrefix, national = metadata.NationalPrefixForParsing;
            if (string.IsNullOrEmpty(national)) national = metadata.NationalPrefix;
            bool plain = IsDigits(international) && (string.IsNullOrEmpty(national) || IsDigits(national))
                && string.IsNullOrEmpty(metadata.NationalPrefixTransformRule);
            var allowed = new bool[18];
            foreach (var other in Util.GetRegionCodesForCountryCode(metadata.CountryCode))
            {
                var general = Util.GetMetadataForRegion(other)?.GeneralDesc;
                if (general is null || general.PossibleLengthList.Count == 0) { plain = false; continue; }
                foreach (var length in general.PossibleLengthList.Concat(general.PossibleLengthLocalOnlyList))
                    if (length is >= 0 and < 18) allowed[length] = true;
                    else plain = false;
            }
            return new RegionPlan(region, code, international, string.IsNullOrEmpty(national) ? null : national, plain ? allowed : null);
        }

        private static bool IsDigits(string? text) => !string.IsNullOrEmpty(text) && text.All(char.IsAsciiDigit);

        /// <summary>True when no reading of <paramref name="digits"/> (a national number's digits, the value holding no
        /// <c>+</c> and no letter) has a length this region's country code allows.</summary>
        public bool CannotFit(ReadOnlySpan<char> digits)
        {
            if (lengths is null || digits.StartsWith(internationalPrefix)) return false;
            // The most the parse can strip: the country code when the digits start with it, and the national prefix up
            // to twice (once while extracting the country code, once after: 1117692083669 is the US 769 208 3669).
            int np = nationalPrefix?.Length ?? 0;
            int stripped = digits.StartsWith(countryCode) ? countryCode.Length + 2 * np
                : np > 0 && digits.StartsWith(nationalPrefix) ? 2 * np : 0;
            for (int length = Math.Max(0, digits.Length - stripped); length <= digits.Length; length++)
                if (length < lengths.Length && lengths[length]) return false;
            return true;
        }
    }

    /// <summary>The country calling code of a bare digit run read as an international number without its <c>+</c> (the
    /// E.164 digits integers store), when libphonenumber finds that number valid (or in a fictional range); otherwise
    /// null. National readings are not tried: they are what makes random digit runs pass.</summary>
    /// <param name="digits">ASCII digits only.</param>
    internal static int? InternationalCallingCode(string digits)
    {
        if (digits.Length is < 8 or > 15 || digits[0] == '0') return null;
        // libphonenumber reads the calling code as the first one to three digits that are one, and refuses the number
        // (NumberParseException, thrown and caught: tens of microseconds each) when none is: a file size or a duration in
        // a column the phone detector half matched. Ask its table first (same result: PhoneDetectorEquivalenceTests).
        if (!StartsWithCallingCode(digits)) return null;
        try
        {
            var number = Util.Parse("+" + digits, null);
            return Util.IsValidNumber(number) || (Util.IsPossibleNumber(number) && IsFictional(number)) ? number.CountryCode : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>True when the first one, two or three digits are a country calling code libphonenumber knows (a region's
    /// or a non-geographic entity's: <see cref="PhoneNumberUtil.GetRegionCodeForCountryCode"/> is not "ZZ").</summary>
    internal static bool StartsWithCallingCode(string digits)
    {
        int code = 0;
        for (int i = 0; i < 3 && i < digits.Length; i++)
        {
            code = 10 * code + (digits[i] - '0');
            if (CallingCodes[code]) return true;
        }
        return false;
    }

    // Every calling code below 1000 that libphonenumber maps to a region or to the non-geographic entities ("001").
    private static readonly bool[] CallingCodes = BuildCallingCodes();

    private static bool[] BuildCallingCodes()
    {
        var codes = new bool[1000];
        for (int code = 1; code < codes.Length; code++)
            codes[code] = Util.GetRegionCodeForCountryCode(code) != "ZZ";
        return codes;
    }

    /// <summary>True when ten bare digits are a valid North American (NANP) number in its national form, as the United
    /// States and Canada write it without a trunk prefix (<c>2125550123</c>); numbers led by 0 or 1 never are.</summary>
    /// <param name="digits">ASCII digits only.</param>
    internal static bool IsNorthAmericanNationalNumber(string digits) =>
        digits.Length == 10 && digits[0] is >= '2' and <= '9' && Valid(digits, "US");

    private static bool Valid(string text, string? region)
    {
        try
        {
            var number = Util.Parse(text, region);
            return Util.IsValidNumber(number) || (Util.IsPossibleNumber(number) && IsFictional(number));
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    // Ranges reserved for drama and documentation: Ofcom (UK 07700 900000–900999 and the 01xx 496 0xxx / 020 7946 0xxx
    // geographic ranges) and ARCEP (FR 01 99 00 xx xx, 06 39 98 xx xx). Test fixtures use them, so they count as phones.
    private static readonly (int CountryCode, string Prefix)[] Fictional =
    [
        (44, "7700900"), (44, "1134960"), (44, "1144960"), (44, "1154960"), (44, "1164960"), (44, "1174960"), (44, "1184960"),
        (44, "1214960"), (44, "1314960"), (44, "1414960"), (44, "1514960"), (44, "1614960"), (44, "2079460"), (44, "2890180"),
        (44, "2920180"), (33, "19900"), (33, "63998"),
    ];

    private static bool IsFictional(PhoneNumber number)
    {
        var national = number.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (cc, prefix) in Fictional)
            if (number.CountryCode == cc && national.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    // 2024-03-01, 01/03/2024, 01.03.2024: dates, whatever a phone library thinks of their digits.
    private static bool LooksLikeDate(ReadOnlySpan<char> value)
    {
        if (value.Length != 10) return false;
        char a = value[4], b = value[7], c = value[2], d = value[5];
        return (a is '-' or '/' or '.' && b == a) || (c is '-' or '/' or '.' && d == c);
    }

    // 20240101120000, 202401011200: a yyyyMMddHHmm[ss] timestamp (schema versions, export batch ids), years 1900–2099.
    private static bool LooksLikeCompactTimestamp(ReadOnlySpan<char> value)
    {
        if (value.Length is not (12 or 14)) return false;
        int century = Two(value, 0), month = Two(value, 4), day = Two(value, 6), hour = Two(value, 8), minute = Two(value, 10);
        return century is 19 or 20 && month is >= 1 and <= 12 && day is >= 1 and <= 31 && hour < 24 && minute < 60
            && (value.Length == 12 || Two(value, 12) < 60);

        static int Two(ReadOnlySpan<char> digits, int at) => (digits[at] - '0') * 10 + (digits[at + 1] - '0');
    }

    private static bool HasExtension(ReadOnlySpan<char> value)
    {
        int i = value.IndexOfAny("xXeE");
        if (i < 0) return false;
        var rest = value[i..];
        return rest.StartsWith("ext", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("x", StringComparison.OrdinalIgnoreCase);
    }
}
