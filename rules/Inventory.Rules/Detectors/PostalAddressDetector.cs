using Inventory.Catalog;

namespace Inventory.Rules.Detectors;

/// <summary>
/// Postal addresses from their values (issue 10 item 6), so that an address column under a name that says nothing is
/// found: a one-line address of two to seven comma-separated parts with a street line or a postcode and place
/// (<see cref="PostalAddressShape.IsAddressLike"/>), or one street line or postcode with its place in the orders of
/// French, English, German and Spanish (<see cref="PostalAddressShape.IsStreetLine"/>). Sources: the UPU's postal
/// addressing standards (S42) and national formats. Product names and sentences fail the shape.
/// </summary>
internal sealed class PostalAddressDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.PostalAddress;
    /// <inheritdoc />
    public override string? DataCategory => "contact.postal_address";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Decides;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.ShapeOnly;

    /// <inheritdoc />
    public override bool AppliesTo(TypeFamily family) => family is TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Other;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Length is < 6 or > PostalAddressShape.MaxLength || shape.Letters < 3 || shape.At > 0) return false;
        // A building without a number is written s/n (sin número) in Spanish: Camino Viejo, s/n.
        return (shape.Digits > 0 || value.Contains("s/n", StringComparison.OrdinalIgnoreCase))
               && (PostalAddressShape.IsStreetLine(value) || PostalAddressShape.IsAddressLike(value));
    }
}
