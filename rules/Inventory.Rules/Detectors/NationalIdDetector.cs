using Inventory.Catalog;

namespace Inventory.Rules.Detectors;

/// <summary>
/// National identification numbers of a person, each recognised by its published structure and, where it has one, its
/// check (issue 10 item 6, kinds23: "numbers that pass a checksum"): French NIR, US SSN (hyphenated) and German tax id as
/// <see cref="NationalIdShape.Matches"/> reads them, and <see cref="NationalIdShape.MatchesChecked"/>: Spanish DNI/NIE
/// (check letter, mod 23), Italian codice fiscale (check letter), UK National Insurance number (allocated prefixes and an
/// A–D suffix), Belgian national register number (birth date and mod 97 key) and Dutch BSN (11-proof). A random digit
/// run passes one of these checks one time in 11 (BSN) to one in hundreds, so the detector decides a column only from a
/// share of its values (<see cref="RuleClassifierOptions.DetectorShare"/>), and, like the phone and card checks, never
/// under a name that says key, reference or time (<see cref="ValueRules.StructuralDetectors"/>). A value without letters
/// whose digits are all 0 or 1 is binary digits, never an identity number.
/// </summary>
internal sealed class NationalIdDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.NationalId;
    /// <inheritdoc />
    public override string? DataCategory => "other_personal.national_id";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Decides;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.Validated;

    /// <inheritdoc />
    public override bool AppliesTo(TypeFamily family) => family is TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Integer or TypeFamily.Decimal or TypeFamily.Other;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Fraction || shape.Length is < 8 or > 21 || shape.Digits < 6 || shape.Other > 0 || shape.At > 0) return false;
        // Binary digits (a BIT(n) column rendered as text, a bit mask kept as a string) are no identity number: one in a
        // few dozen runs of 0s and 1s passes a check by chance (trial 28: 4 of 150 BIT(8) values).
        if (shape.Letters == 0 && !value.ContainsAnyInRange('2', '9')) return false;
        return NationalIdShape.Matches(value) || NationalIdShape.MatchesChecked(value);
    }
}

/// <summary>
/// Card numbers masked as PCI DSS (requirement 3.4) allows them to be displayed: the first six and the last four digits
/// with the rest replaced (<c>411111******1111</c>), or the last four only (<c>************1111</c>,
/// <c>**** **** **** 1111</c>, <c>XXXX-XXXX-XXXX-1111</c>); the mask is <c>*</c>, <c>X</c>, <c>x</c> or <c>•</c>, and the
/// whole counts 13 to 19 positions (ISO/IEC 7812). A kept first digit must open a card scheme's range (2–6). Masked
/// numbers are still the person's card data (LABELS.md: PAN, last 4 digits → <c>financial.payment_card</c>); a
/// password placeholder (<c>********</c>) has no kept digits and fails.
/// </summary>
internal sealed class MaskedCardDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.MaskedCard;
    /// <inheritdoc />
    public override string? DataCategory => "financial.payment_card";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Decides;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.ShapeOnly;

    /// <inheritdoc />
    public override bool AppliesTo(TypeFamily family) => family is TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Other;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Length is < 13 or > 23 || shape.Digits is < 4 or > 10) return false;
        int positions = 0, masked = 0, leading = 0, trailing = 0;
        bool maskSeen = false;
        char previous = '0', separator = '\0';
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (maskSeen) trailing++;
                else leading++;
                positions++;
            }
            else if (c is '*' or 'X' or 'x' or '•')
            {
                if (trailing > 0) return false;
                maskSeen = true;
                masked++;
                positions++;
            }
            else if (c is ' ' or '-')
            {
                if (previous is ' ' or '-' || (separator != '\0' && c != separator)) return false;
                separator = c;
            }
            else return false;
            previous = c;
        }
        if (!maskSeen || trailing != 4 || positions is < 13 or > 19 || masked < 4) return false;
        if (leading == 0) return true;
        return leading is 4 or 6 && value[0] is >= '2' and <= '6';
    }
}
