using Inventory.Catalog;

namespace Inventory.Rules.Detectors;

/// <summary>
/// Postal codes in the formats of the countries we serve most: 5 digits (FR, DE, ES, IT, US ZIP), ZIP+4
/// (<c>12345-6789</c>), 4 digits (BE, AT, CH, DK, NL without letters…), NL <c>1234 AB</c>, PT <c>1234-567</c>, PL <c>12-345</c>,
/// SE <c>123 45</c>, CA <c>A1A 1A1</c>, and the UK outward/inward code (<c>SW1A 1AA</c>, <c>M1 1AE</c>), case-insensitive.
/// Sources: the national postal operators' published formats (UPU addressing S42 summaries). Digit-only shapes are
/// shared with years and counters, so the classifier only uses this detector with name support.
/// </summary>
internal sealed class PostalCodeDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.PostalCode;
    /// <inheritdoc />
    public override string? DataCategory => "contact.postal_address";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.NeedsNameSupport;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.ShapeOnly;

    /// <inheritdoc />
    public override bool AppliesTo(TypeFamily family) => family is TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Integer or TypeFamily.Other;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Length is < 4 or > 10 || shape.Other > 0 || shape.Dots > 0 || shape.Slashes > 0 || shape.Digits == 0) return false;
        if (shape.AllDigits) return shape.Length is 4 or 5;
        Span<char> p = stackalloc char[10];
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            p[i] = char.IsAsciiDigit(c) ? '9' : char.IsAsciiLetter(c) ? 'A' : c;
        }
        var pattern = p[..value.Length];
        return pattern switch
        {
            "99999-9999" or "9999 AA" or "9999AA" or "9999-999" or "99-999" or "999 99" or "A9A 9A9" or "A9A9A9" => true,
            "A9 9AA" or "A99 9AA" or "AA9 9AA" or "AA99 9AA" or "A9A 9AA" or "AA9A 9AA" => true,
            _ => false,
        };
    }
}
