using Inventory.Catalog;

namespace Inventory.Rules.Detectors;

/// <summary>
/// Payment card numbers (PAN). Source: ISO/IEC 7812 (13–19 digits, Luhn check digit) and the card schemes' published
/// IIN ranges: Visa 4 (13, 16, 19 digits); Mastercard 51–55 and the 2-series 2221–2720 (16); American Express 34, 37 (15);
/// Discover 6011, 622126–622925, 644–649, 65 (16–19); Diners Club 300–305, 36, 38–39 (14–19); JCB 3528–3589 (16–19);
/// UnionPay 62 (16–19); Maestro 50, 56–58, 6 (12–19, counted from 13). Digits may be grouped by single spaces or
/// hyphens. Epoch timestamps in milliseconds (13 digits between 2000 and 2100) are rejected, as are numbers with a
/// fraction from numeric columns and numbers made of one repeated digit. A Luhn pass is necessary, not sufficient:
/// the classifier needs a share of matches.
/// </summary>
internal sealed class PaymentCardDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.PaymentCard;
    /// <inheritdoc />
    public override string? DataCategory => "financial.payment_card";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Decides;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.Validated;

    /// <inheritdoc />
    public override bool AppliesTo(TypeFamily family) => family is TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Integer or TypeFamily.Decimal or TypeFamily.Other;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape) => IsCandidate(value, shape, out bool luhnValid) && luhnValid;

    /// <summary>
    /// True when a value is shaped as a card number of some scheme: 13–19 digits (groups split by single spaces or
    /// hyphens) in a scheme's IIN range and length, not an epoch timestamp in milliseconds nor one repeated digit. Such a value is a
    /// PAN only if it also passes the Luhn check (<paramref name="luhnValid"/>), which one number in ten passes by chance,
    /// so <see cref="DetectorSuite.Run"/> weighs the passes against the candidates of a whole column.
    /// </summary>
    /// <param name="value">The value, trimmed and normalised as for <see cref="IsMatch"/>.</param>
    /// <param name="shape">Its shape.</param>
    /// <param name="luhnValid">Whether the digits pass the Luhn check (false when the value is no candidate).</param>
    /// <returns>Whether the value is card-shaped; never throws.</returns>
    internal static bool IsCandidate(ReadOnlySpan<char> value, in ValueShape shape, out bool luhnValid)
    {
        luhnValid = false;
        if (shape.Fraction || shape.Digits is < 13 or > 19 || shape.Letters > 0 || shape.Other > 0 || shape.Dots > 0 || shape.Length > 23) return false;
        Span<byte> digits = stackalloc byte[19];
        int n = 0;
        char previous = '0';
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c)) digits[n++] = (byte)(c - '0');
            else if (c is ' ' or '-') { if (previous is ' ' or '-') return false; }
            else return false;
            previous = c;
        }
        if (!char.IsAsciiDigit(value[0]) || !char.IsAsciiDigit(value[^1])) return false;
        digits = digits[..n];
        if (!digits.ContainsAnyExcept(digits[0])) return false;
        if (n == 13 && shape.AllDigits && long.TryParse(value, out var ms) && ms is >= 946_684_800_000 and < 4_102_444_800_000) return false;
        if (!IinMatches(digits)) return false;
        luhnValid = Luhn.IsValid(digits);
        return true;
    }

    /// <summary>
    /// True when a run of digits is grouped as card numbers are printed and typed: one unbroken run, or groups split by
    /// one kind of separator (single spaces or single hyphens) in the schemes' embossing layouts: 4-4-4-4 and 4-4-4-4-3
    /// (and 4-4-4 with a last group of 1–4 digits), 4-6-5 (American Express), 4-6-4 (Diners Club), 4-3-3-3 (13-digit
    /// Visa). Source: ISO/IEC 7811-1 embossing and the schemes' card layouts. Phone numbers (2-3-8, 3-4-4 …) fail it.
    /// </summary>
    /// <param name="run">Digits and separators only (other characters make it false).</param>
    /// <returns>Whether the grouping is a card's; never throws.</returns>
    public static bool HasCardGrouping(ReadOnlySpan<char> run)
    {
        Span<int> groups = stackalloc int[8];
        int count = 0, length = 0;
        char separator = '\0';
        foreach (var c in run)
        {
            if (char.IsAsciiDigit(c)) { length++; continue; }
            if (c is not (' ' or '-') || length == 0 || count == groups.Length - 1) return false;
            if (separator != '\0' && c != separator) return false;
            separator = c;
            groups[count++] = length;
            length = 0;
        }
        if (length == 0) return false;
        groups[count++] = length;
        if (count == 1) return true;
        var g = groups[..count];
        if (count == 3 && g[0] == 4 && g[1] == 6 && g[2] is 4 or 5) return true;
        if (count == 4 && g[0] == 4 && g[1] == 3 && g[2] == 3 && g[3] == 3) return true;
        if (count is < 4 or > 5 || g[0] != 4 || g[1] != 4 || g[2] != 4) return false;
        return count == 4 ? g[3] is >= 1 and <= 4 : g[3] == 4 && g[4] is >= 1 and <= 3;
    }

    private static bool IinMatches(ReadOnlySpan<byte> d)
    {
        int n = d.Length;
        int p2 = d[0] * 10 + d[1];
        int p3 = p2 * 10 + d[2];
        int p4 = p3 * 10 + d[3];
        int p6 = p4 * 100 + d[4] * 10 + d[5];
        return d[0] switch
        {
            4 => n is 13 or 16 or 19,
            5 => p2 is >= 51 and <= 55 ? n == 16 : p2 is 50 or >= 56 and <= 58 && n >= 13,
            2 => p4 is >= 2221 and <= 2720 && n == 16,
            3 => p2 is 34 or 37 ? n == 15
                : p3 is >= 300 and <= 305 || p2 is 36 or 38 or 39 ? n is >= 14 and <= 19
                : p4 is >= 3528 and <= 3589 && n is >= 16 and <= 19,
            6 => p4 == 6011 || p6 is >= 622126 and <= 622925 || p3 is >= 644 and <= 649 || p2 == 65 || p2 == 62 ? n is >= 16 and <= 19 : n >= 13,
            _ => false,
        };
    }
}

/// <summary>The Luhn (mod 10) check digit algorithm, ISO/IEC 7812-1 Annex B; also used by SIREN/SIRET.</summary>
internal static class Luhn
{
    /// <summary>True when the digit sequence (check digit last) passes.</summary>
    public static bool IsValid(ReadOnlySpan<byte> digits)
    {
        int sum = 0;
        bool dbl = false;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int d = digits[i];
            if (dbl) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }
}

/// <summary>The GS1 check digit of GTIN-8/12/13/14 and SSCC-18 (GS1 General Specifications §7.9.1): the digits
/// before the check digit weighted 3, 1, 3, … from the right; the check digit brings the sum to a multiple of 10.</summary>
internal static class Gs1CheckDigit
{
    /// <summary>True when the last digit is the GS1 check digit of the others.</summary>
    /// <param name="digits">The code's digits (0–9), check digit last; at least two.</param>
    public static bool IsValid(ReadOnlySpan<byte> digits)
    {
        if (digits.Length < 2) return false;
        int sum = 0;
        for (int i = digits.Length - 2, k = 0; i >= 0; i--, k++) sum += digits[i] * (k % 2 == 0 ? 3 : 1);
        return (sum + digits[^1]) % 10 == 0;
    }
}
