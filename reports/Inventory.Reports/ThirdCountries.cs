using System.Collections.Frozen;
using Inventory.Rules.Policy;

namespace Inventory.Reports;

/// <summary>Whether a recipient's country is outside the European Economic Area, so that sending it personal data is a
/// transfer to a third country (GDPR Chapter V, Art. 44) that the record must list with its safeguard (Art. 30(1)(e)).
/// The one list of EEA countries the tool holds.</summary>
public static class ThirdCountries
{
    /// <summary>The EEA by ISO 3166-1 alpha-2 code: the 27 EU member states (Art. 52 TEU, as of 1 February 2020) and the
    /// three EEA EFTA states, Iceland, Liechtenstein and Norway (EEA Agreement, whose Decision 154/2018 incorporated the
    /// GDPR). Greece is <c>GR</c> (ISO), not the EU's own abbreviation <c>EL</c>.</summary>
    public static FrozenSet<string> EeaCodes { get; } = new[]
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL",
        "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="country"/> is an ISO 3166-1 alpha-2 code (two ASCII letters, any case).</summary>
    /// <param name="country">A recipient's <c>country</c>.</param>
    public static bool IsCode(string country) => country.Length == 2 && char.IsAsciiLetter(country[0]) && char.IsAsciiLetter(country[1]);

    /// <summary>True when the code names a country outside the EEA; false inside it or when the text is not an ISO
    /// 3166-1 alpha-2 code (then nobody can tell, <see cref="IsCode"/>).</summary>
    /// <param name="country">A recipient's <c>country</c>.</param>
    public static bool IsOutsideEea(string country) => IsCode(country) && !EeaCodes.Contains(country.ToUpperInvariant());

    /// <summary>True when the recipient's <c>country</c> is outside the EEA (or not a code, so possibly outside it) and
    /// the policy gives it no <c>transfer:</c> block: the record would otherwise read "no transfer" beside a recipient
    /// in a third country (trial37 finding 1).</summary>
    /// <param name="recipient">A recipient of the policy.</param>
    public static bool LacksSafeguard(Recipient recipient) =>
        recipient.Transfer is null && recipient.Country is { Length: > 0 } country && (IsOutsideEea(country) || !IsCode(country));

    /// <summary>What the record says of such a recipient in its transfers (Art. 30(1)(e)), the same words in every format:
    /// <c>PayCloud Inc.: US ⚠ no safeguard declared</c>, or for a country that is not a code, with why it is listed.</summary>
    /// <param name="recipient">A recipient for which <see cref="LacksSafeguard"/> holds.</param>
    public static string UndeclaredTransfer(Recipient recipient) =>
        $"{recipient.Name}: {recipient.Country} ⚠ {NoSafeguard}"
        + (IsCode(recipient.Country!) ? "" : " (the country is not an ISO 3166-1 alpha-2 code, so whether it is outside the EEA is unknown)");

    /// <summary>The flag of a third-country recipient without a declared safeguard.</summary>
    public const string NoSafeguard = "no safeguard declared";
}
