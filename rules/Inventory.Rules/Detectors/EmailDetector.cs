using Inventory.Catalog;

namespace Inventory.Rules.Detectors;

/// <summary>
/// E-mail addresses. Source: RFC 5322 §3.4.1 addr-spec with a dot-atom local part (atext characters, no leading,
/// trailing or doubled dots, at most 64 characters) and RFC 1035/1123 host names for the domain (labels of 1–63 letters,
/// digits or hyphens, not starting or ending with a hyphen, at least two labels, an alphabetic or <c>xn--</c> top-level
/// label, at most 254 characters in all; internationalised labels allowed). Asset names such as <c>logo@2x.png</c>
/// are rejected: their "top-level domain" is a file extension, not a TLD.
/// </summary>
internal sealed class EmailDetector : ValueDetector
{
    private static readonly string[] FileExtensions =
        ["png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "tif", "tiff", "css", "js", "map", "pdf", "txt", "json", "xml", "html", "htm", "php", "woff", "woff2", "ttf", "mp4", "mp3", "zip"];

    /// <inheritdoc />
    public override string Id => DetectorIds.Email;
    /// <inheritdoc />
    public override string? DataCategory => "contact.email";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Decides;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.Validated;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape) =>
        shape.At == 1 && shape.Spaces == 0 && shape.Dots >= 1 && shape.Length is >= 6 and <= 254 && IsAddress(value);

    /// <summary>True when the text is one addr-spec (see the class remarks).</summary>
    public static bool IsAddress(ReadOnlySpan<char> value)
    {
        int at = value.IndexOf('@');
        if (at <= 0 || at > 64 || at == value.Length - 1) return false;
        var local = value[..at];
        var domain = value[(at + 1)..];
        if (local[0] == '.' || local[^1] == '.') return false;
        char previous = '\0';
        foreach (var c in local)
        {
            if (c == '.' && previous == '.') return false;
            if (!IsAtext(c) && c != '.') return false;
            previous = c;
        }
        return IsDomain(domain);
    }

    /// <summary>True for a host name with at least two labels and a plausible TLD.</summary>
    public static bool IsDomain(ReadOnlySpan<char> domain)
    {
        if (domain.Length is < 4 or > 253 || domain[^1] == '.') return false;
        int labels = 0;
        ReadOnlySpan<char> last = default;
        while (!domain.IsEmpty)
        {
            int dot = domain.IndexOf('.');
            var label = dot < 0 ? domain : domain[..dot];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return false;
            foreach (var c in label)
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || (c > 127 && char.IsLetterOrDigit(c)))) return false;
            labels++;
            last = label;
            domain = dot < 0 ? default : domain[(dot + 1)..];
        }
        if (labels < 2) return false;
        if (last.StartsWith("xn--", StringComparison.OrdinalIgnoreCase)) return true;
        if (last.Length < 2) return false;
        foreach (var c in last) if (!char.IsLetter(c)) return false;
        foreach (var ext in FileExtensions)
            if (last.Equals(ext, StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    private static bool IsAtext(char c) =>
        char.IsAsciiLetterOrDigit(c) || (c > 127 && char.IsLetterOrDigit(c)) || "!#$%&'*+/=?^_`{|}~-".Contains(c);

    /// <inheritdoc />
    public override bool AppliesTo(TypeFamily family) => family is TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Other;
}
