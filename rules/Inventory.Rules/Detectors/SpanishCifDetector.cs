using Inventory.Catalog;

namespace Inventory.Rules.Detectors;

/// <summary>
/// The Spanish tax identification code of organisations (CIF, now the NIF of legal persons and entities without legal
/// personality) written bare, without the <c>ES</c> of a VAT number: a letter of the entity's kind (A, B, C, D, E, F,
/// G, H, J, N, P, Q, R, S, U, V, W), seven digits (the first two the province's code) and a control character. Source:
/// Real Decreto 1065/2007, art. 22, and Orden EHA/451/2008 (the letters and their kinds); the control: the digits in
/// even positions summed, each digit in an odd position doubled and its digits summed, the units of the total
/// subtracted from 10 (0 for 10): that digit, or the letter of <c>JABCDEFGHI</c> at it. P, Q, R, S, N, W take the
/// letter; A, B, E, H the digit; the others either. Spaces, dots and hyphens are ignored
/// (<c>B-12345674</c>). DNI and NIE (digits first, or X, Y, Z) are not CIFs (<see cref="NationalIdShape"/>).
/// </summary>
internal sealed class SpanishCifDetector : ValueDetector
{
    private const string Kinds = "ABCDEFGHJNPQRSUVW";
    private const string ControlLetters = "JABCDEFGHI";

    /// <inheritdoc />
    public override string Id => DetectorIds.SpanishCif;
    /// <inheritdoc />
    public override string? DataCategory => "financial.tax_id";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Decides;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.Validated;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Length is < 9 or > 12 || shape.Digits is < 7 or > 8 || shape.Letters is < 1 or > 2 || shape.Other > 0 || shape.Slashes > 0) return false;
        Span<char> compact = stackalloc char[12];
        int n = 0;
        foreach (var c in value)
        {
            if (c is ' ' or '.' or '-') continue;
            if (!char.IsAsciiLetterOrDigit(c) || n == compact.Length) return false;
            compact[n++] = char.ToUpperInvariant(c);
        }
        return n == 9 && IsValid(compact[..n]);
    }

    /// <summary>True when nine upper-case characters are a CIF whose control character is right (see the class summary).</summary>
    /// <param name="cif">Letter, seven digits, control.</param>
    public static bool IsValid(ReadOnlySpan<char> cif)
    {
        if (cif.Length != 9 || Kinds.IndexOf(cif[0]) < 0) return false;
        int sum = 0;
        for (int i = 1; i <= 7; i++)
        {
            if (!char.IsAsciiDigit(cif[i])) return false;
            int d = cif[i] - '0';
            // Positions 1, 3, 5, 7 of the digits (odd) are doubled, their digits summed; 2, 4, 6 are added.
            sum += i % 2 == 1 ? d * 2 / 10 + d * 2 % 10 : d;
        }
        int control = (10 - sum % 10) % 10;
        char last = cif[8];
        bool letterOnly = cif[0] is 'P' or 'Q' or 'R' or 'S' or 'N' or 'W';
        bool digitOnly = cif[0] is 'A' or 'B' or 'E' or 'H';
        if (char.IsAsciiDigit(last)) return !letterOnly && last - '0' == control;
        return !digitOnly && last == ControlLetters[control];
    }
}
