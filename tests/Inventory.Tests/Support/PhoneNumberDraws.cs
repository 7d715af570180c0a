using System.Globalization;
using PhoneNumbers;

namespace Inventory.Tests.Support;

/// <summary>
/// Valid phone numbers drawn for the digit-run tests (issue 10 item 6: a phone must be valid in a numbering plan): a
/// region's example number from libphonenumber with the digits after its first three redrawn until libphonenumber accepts
/// the result as valid. Invented numbers, never sampled.
/// </summary>
internal static class PhoneNumberDraws
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>The regions the digit-run tests draw from (ISO 3166-1 alpha-2).</summary>
    public static readonly string[] Regions = ["FR", "DE", "GB", "ES", "US", "IT", "NL", "BE"];

    /// <summary>A valid number of <paramref name="region"/> of <paramref name="type"/>; after 200 refused draws the
    /// region's example number itself (valid by construction).</summary>
    /// <param name="random">The random source.</param>
    /// <param name="region">ISO 3166-1 alpha-2 region code libphonenumber knows.</param>
    /// <param name="type">Fixed line, mobile, …</param>
    /// <returns>The parsed number.</returns>
    public static PhoneNumber ValidNumber(Random random, string region, PhoneNumberType type)
    {
        var example = Phones.GetExampleNumberForType(region, type);
        var national = example.NationalNumber.ToString(CultureInfo.InvariantCulture);
        for (int attempt = 0; attempt < 200; attempt++)
        {
            var candidate = national[..3] + string.Concat(Enumerable.Range(0, national.Length - 3).Select(_ => (char)('0' + random.Next(10))));
            var number = Phones.Parse("+" + example.CountryCode.ToString(CultureInfo.InvariantCulture) + candidate, null);
            if (Phones.IsValidNumber(number)) return number;
        }
        return example;
    }
}
