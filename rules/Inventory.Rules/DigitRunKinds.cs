using System.Globalization;
using Inventory.Classification;
using Inventory.Rules.Detectors;

namespace Inventory.Rules;

/// <summary>
/// What a column of bare digit runs holds when its digits are no one population of phone numbers (issue 10 item 6,
/// data44's K4 and trial44): a number plan accepts most 9–15-digit runs, so the phone detector's hits on them are noise,
/// and the evidence says what the digits are instead of "phone numbers". The kinds, each recognised when it covers at
/// least 90 % of the bare runs (and 10 of them): GS1 identification keys (EAN-8, UPC-A, EAN-13 and ISBN-13, GTIN-14)
/// whose check digit is right (GS1 General Specifications, section 7.9: weights 3 and 1 from the right, the check digit
/// makes the sum a multiple of 10; a random run passes one time in ten); Unix times in seconds or milliseconds from
/// 2001-09-09 to 2033-05-18 (10 or 13 digits led by 1: never a North American number, whose area code cannot start
/// with 1); German tax numbers in the unified 13-digit form (<see cref="GermanTaxNumber.IsUnifiedForm"/>); a sequence
/// (at least one value in ten of the range between the smallest and the largest is present). Other runs are named as
/// digit runs of no one country's number plan. Counts only, never values.
/// </summary>
internal static class DigitRunKinds
{
    /// <summary>Evidence id of the item that stands for the phone detector's hits on bare digit runs.</summary>
    public const string Evidence = "sample.digit-runs-not-phones";

    private const double Share = 0.9;
    private const int MinRuns = 10;

    /// <summary>The evidence item that replaces the phone detector's on a column of bare digit runs: its matched and
    /// total are the phone detector's (what the plan accepted), no category, and the kind of digits in its detail.</summary>
    /// <param name="values">The column's sampled values.</param>
    /// <param name="phone">The phone detector's score on them.</param>
    public static EvidenceItem Describe(IReadOnlyList<string> values, DetectorScore phone) =>
        new("sample", Evidence, null, phone.Matched, phone.Total, Math.Round(phone.Ratio, 4),
            string.Create(CultureInfo.InvariantCulture,
                $"{phone.Matched} of {phone.Total} values pass a phone number plan as bare digit runs, which most 9–15-digit runs do; not phone numbers: {Name(Classify(values))}"));

    /// <summary>Kinds of bare digit runs (see the class summary).</summary>
    public enum Kind
    {
        /// <summary>No kind covers 90 % of the runs.</summary>
        Unexplained,
        /// <summary>GS1 keys with a right check digit.</summary>
        Gs1Keys,
        /// <summary>Unix times in seconds or milliseconds.</summary>
        UnixTimes,
        /// <summary>German tax numbers in the unified form.</summary>
        GermanTaxNumbers,
        /// <summary>A dense sequence of numbers.</summary>
        Sequence,
    }

    /// <summary>The kind of a column's bare digit runs (values with anything but ASCII digits are left out).</summary>
    /// <param name="values">The column's sampled values.</param>
    public static Kind Classify(IReadOnlyList<string> values)
    {
        int runs = 0, gs1 = 0, unix = 0, tax = 0;
        long min = long.MaxValue, max = long.MinValue;
        var distinct = new HashSet<long>();
        foreach (var raw in values)
        {
            var v = raw.AsSpan().Trim();
            if (v.IsEmpty || v.ContainsAnyExceptInRange('0', '9')) continue;
            runs++;
            if (Gs1CheckDigitValid(v)) gs1++;
            if (IsUnixTime(v)) unix++;
            if (GermanTaxNumber.IsUnifiedForm(v)) tax++;
            if (v.Length <= 18 && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out long n))
            {
                distinct.Add(n);
                min = Math.Min(min, n);
                max = Math.Max(max, n);
            }
        }
        if (runs < MinRuns) return Kind.Unexplained;
        if (gs1 >= Share * runs) return Kind.Gs1Keys;
        if (unix >= Share * runs) return Kind.UnixTimes;
        if (tax >= Share * runs) return Kind.GermanTaxNumbers;
        if (distinct.Count >= MinRuns && distinct.Count >= 0.1 * ((double)max - min + 1)) return Kind.Sequence;
        return Kind.Unexplained;
    }

    private static string Name(Kind kind) => kind switch
    {
        Kind.Gs1Keys => "GS1 barcodes (EAN, UPC, ISBN-13, GTIN) with a right check digit",
        Kind.UnixTimes => "Unix times in seconds or milliseconds",
        Kind.GermanTaxNumbers => "German tax numbers in the unified 13-digit form",
        Kind.Sequence => "a sequence of numbers",
        _ => "digit runs of no one country's number plan (identifiers, counters, references)",
    };

    /// <summary>True when 8, 12, 13 or 14 ASCII digits end with the right GS1 check digit (GS1 General Specifications
    /// 7.9.1: from the right, excluding the check digit, weights 3, 1, 3…; the check digit is 10 minus the sum's units,
    /// 0 for 10). Covers EAN-8, UPC-A (GTIN-12), EAN-13 and ISBN-13 (GTIN-13, prefixes 978/979) and GTIN-14.</summary>
    /// <param name="digits">A bare digit run.</param>
    public static bool Gs1CheckDigitValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length is not (8 or 12 or 13 or 14)) return false;
        Span<byte> values = stackalloc byte[digits.Length];
        for (int i = 0; i < digits.Length; i++)
        {
            if (!char.IsAsciiDigit(digits[i])) return false;
            values[i] = (byte)(digits[i] - '0');
        }
        return Gs1CheckDigit.IsValid(values);
    }

    /// <summary>True for a Unix time in seconds (10 digits) or milliseconds (13 digits) led by 1: 2001-09-09 to
    /// 2033-05-18.</summary>
    /// <param name="digits">A bare digit run.</param>
    public static bool IsUnixTime(ReadOnlySpan<char> digits) => digits.Length is 10 or 13 && digits[0] == '1';
}
