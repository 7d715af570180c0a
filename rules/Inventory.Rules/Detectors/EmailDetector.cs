using Inventory.Catalog;

namespace Inventory.Rules.Detectors;

/// <summary>
/// E-mail addresses. Source: RFC 5322 §3.4.1 addr-spec with a dot-atom local part (atext characters, no leading,
/// trailing or doubled dots, at most 64 characters) and RFC 1035/1123 host names for the domain (labels of 1–63 letters,
/// digits or hyphens, not starting or ending with a hyphen, at least two labels, an alphabetic or <c>xn--</c> top-level
/// label, at most 254 characters in all; internationalised labels allowed). Asset names such as <c>logo@2x.png</c>
/// are rejected: their "top-level domain" is a file extension, not a TLD. An address written with markers in place of
/// <c>@</c> and dots (<c>[at]</c>, <c>(dot)</c>, <c>[arobase]</c>, <c>[punkt]</c>, <c>[arroba]</c>) is still one
/// (<see cref="IsObfuscatedAddress"/>).
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
        (shape.At == 1 && shape.Spaces == 0 && shape.Dots >= 1 && shape.Length is >= 6 and <= 254 && IsAddress(value))
        || (shape.At == 0 && shape.Length is >= 10 and <= 120 && IsObfuscatedAddress(value));

    // The markers people write in place of '@' and '.' to hide an address from harvesters (kinds23): bracketed or
    // parenthesised words in the four languages, and the bare words between spaces.
    private static readonly string[] AtMarkers = ["[at]", "(at)", "{at}", "[arobase]", "(arobase)", "[a]", "(a)", "[arroba]", "(arroba)", "[aet]"];
    private static readonly string[] DotMarkers = ["[dot]", "(dot)", "{dot}", "[point]", "(point)", "[punto]", "(punto)", "[punkt]", "(punkt)", "[.]", "(.)"];

    /// <summary>True when the value is one e-mail address written with its <c>@</c> and dots replaced by markers
    /// (<c>jean.dupont [at] example [dot] com</c>, <c>hans(at)example.de</c>, <c>maria at example dot es</c>): once the
    /// markers (and the spaces around them) are read back, the text must be a single addr-spec (<see cref="IsAddress"/>)
    /// with no space left, so prose that mentions "at" is not one.</summary>
    /// <param name="value">A trimmed value without '@'.</param>
    /// <returns>Whether it is an obfuscated address; never throws.</returns>
    public static bool IsObfuscatedAddress(ReadOnlySpan<char> value)
    {
        bool bracketed = value.IndexOfAny('[', '(', '{') >= 0 && (value.IndexOf("at]", StringComparison.OrdinalIgnoreCase) >= 0
            || value.IndexOf("at)", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("at}", StringComparison.OrdinalIgnoreCase) >= 0
            || value.IndexOf("aet]", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("obase", StringComparison.OrdinalIgnoreCase) >= 0
            || value.IndexOf("arroba", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("[a]", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("(a)", StringComparison.OrdinalIgnoreCase) >= 0);
        bool atWord = value.IndexOf(" at ", StringComparison.OrdinalIgnoreCase) >= 0;
        if (!bracketed && !(atWord && (value.IndexOf(" dot ", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOfAny('[', '(', '{') >= 0))) return false;
        var text = value.ToString().ToLowerInvariant();
        foreach (var marker in AtMarkers) text = text.Replace(" " + marker + " ", "@", StringComparison.Ordinal).Replace(marker, "@", StringComparison.Ordinal);
        foreach (var marker in DotMarkers) text = text.Replace(" " + marker + " ", ".", StringComparison.Ordinal).Replace(marker, ".", StringComparison.Ordinal);
        if (!text.Contains('@', StringComparison.Ordinal)) text = text.Replace(" at ", "@", StringComparison.Ordinal);
        text = text.Replace(" dot ", ".", StringComparison.Ordinal);
        int at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && text.IndexOf('@', at + 1) < 0 && !text.Contains(' ', StringComparison.Ordinal) && text.Contains('.', StringComparison.Ordinal) && IsAddress(text);
    }

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
