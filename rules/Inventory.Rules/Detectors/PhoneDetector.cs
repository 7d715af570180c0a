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
/// identifiers in their national format (<see cref="NationalIdShape"/>: US SSN, French NIR, German tax id).
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
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
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
        // check digit) is that identifier, whatever a phone plan makes of its digits (issue 10 item 6).
        if (shape.Digits is 9 or 11 or 15 && NationalIdShape.Matches(value)) return false;
        // One string per candidate that passed the shape test; phone-shaped values are the minority of most columns.
        var text = value.ToString();
        if (first == '+' || text.StartsWith("00", StringComparison.Ordinal)) return Valid(first == '+' ? text : "+" + text[2..], null);
        if (shape.AllDigits && shape.Digits >= 10 && first != '0' && Valid("+" + text, null)) return true;
        // Most likely region first so that one parse usually decides.
        string? likely = first == '0' ? (shape.Digits == 10 ? "FR" : "GB") : shape.Digits == 10 ? "US" : shape.Digits == 9 ? "ES" : null;
        if (likely is not null && Valid(text, likely)) return true;
        foreach (var region in Regions)
            if (region != likely && Valid(text, region)) return true;
        return false;
    }

    /// <summary>The country calling code of a bare digit run read as an international number without its <c>+</c> (the
    /// E.164 digits integers store), when libphonenumber finds that number valid (or in a fictional range); otherwise
    /// null. National readings are not tried: they are what makes random digit runs pass.</summary>
    /// <param name="digits">ASCII digits only.</param>
    internal static int? InternationalCallingCode(string digits)
    {
        if (digits.Length is < 8 or > 15 || digits[0] == '0') return null;
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
