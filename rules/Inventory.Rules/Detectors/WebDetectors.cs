using Inventory.Catalog;

namespace Inventory.Rules.Detectors;

/// <summary>
/// URLs: an absolute URI with an <c>http</c>, <c>https</c> or <c>ftp</c> scheme (RFC 3986) or a <c>www.</c> host, no
/// spaces, and a host that is a valid domain name or IP literal (checked with <see cref="Uri.TryCreate(string, UriKind, out Uri)"/>).
/// </summary>
internal sealed class UrlDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.Url;
    /// <inheritdoc />
    public override string? DataCategory => null;
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Evidence;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.Validated;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Spaces > 0 || shape.Length is < 8 or > 4096 || shape.Dots == 0) return false;
        if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase))
        {
            int start = value.IndexOf("//") + 2;
            var rest = value[start..];
            int end = rest.IndexOfAny('/', '?', '#');
            var host = end < 0 ? rest : rest[..end];
            int colon = host.LastIndexOf(':');
            if (colon > 0 && host[0] != '[') host = host[..colon];
            int at = host.LastIndexOf('@');
            if (at >= 0) host = host[(at + 1)..];
            return host.Length > 0 && (EmailDetector.IsDomain(host) || host.SequenceEqual("localhost") || System.Net.IPAddress.TryParse(host.Trim("[]"), out _));
        }
        if (value.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            var rest = value[4..];
            int end = rest.IndexOfAny('/', '?', '#');
            return EmailDetector.IsDomain("w." + (end < 0 ? rest : rest[..end]).ToString());
        }
        return false;
    }
}

/// <summary>
/// File paths and storage keys: POSIX absolute paths (<c>/var/…</c> with at least two segments), Windows drive or UNC
/// paths (<c>C:\…</c>, <c>\\server\share</c>), <c>file://</c>, <c>s3://</c>, <c>gs://</c> URIs, and relative keys of at
/// least two segments ending in a file name with an extension (<c>uploads/2024/a1b2.pdf</c>).
/// </summary>
internal sealed class FilePathDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.FilePath;
    /// <inheritdoc />
    public override string? DataCategory => "customer_content.file";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.NeedsNameSupport;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.ShapeOnly;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Slashes == 0 || shape.Length is < 4 or > 4096 || shape.At > 0) return false;
        if (value.StartsWith("s3://") || value.StartsWith("gs://") || value.StartsWith("file://") || value.StartsWith("az://")) return true;
        if (value.Length > 3 && char.IsAsciiLetter(value[0]) && value[1] == ':' && value[2] is '\\' or '/') return true;
        if (value.StartsWith(@"\\")) return shape.Slashes >= 3;
        if (value.Contains("://", StringComparison.Ordinal)) return false;
        if (shape.Spaces > 0 && shape.Spaces * 4 > shape.Length) return false;
        if (value[0] == '/') return shape.Slashes >= 2 && (char.IsAsciiLetterOrDigit(value[1]) || value[1] == '.');
        int lastSlash = value.LastIndexOfAny('/', '\\');
        var file = value[(lastSlash + 1)..];
        int dot = file.LastIndexOf('.');
        return shape.Spaces == 0 && dot > 0 && file.Length - dot - 1 is >= 2 and <= 5 && char.IsAsciiLetter(file[dot + 1]);
    }
}

/// <summary>UUIDs (RFC 9562 text form: 8-4-4-4-12 hexadecimal digits, optionally in braces), any version.</summary>
internal sealed class UuidDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.Uuid;
    /// <inheritdoc />
    public override string? DataCategory => null;
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Evidence;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.ShapeOnly;

    /// <inheritdoc />
    public override bool AppliesTo(TypeFamily family) => family is TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Uuid or TypeFamily.Other;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Length is not (36 or 38) || shape.Dashes != 4) return false;
        if (shape.Length == 38) { if (value[0] != '{' || value[^1] != '}') return false; value = value[1..^1]; }
        return value[8] == '-' && value[13] == '-' && value[18] == '-' && value[23] == '-' && shape.Hex == 32;
    }
}

/// <summary>
/// Password hashes in self-describing formats: modular crypt (<c>$2a$</c>/<c>$2b$</c>/<c>$2y$</c> bcrypt, <c>$argon2…$</c>,
/// <c>$5$</c>/<c>$6$</c> SHA-crypt, <c>$pbkdf2…</c>, <c>$scrypt$</c>), Django-style <c>pbkdf2_sha256$…</c>, and LDAP
/// <c>{SSHA}</c>. Sources: the formats' own specifications (OpenBSD bcrypt, the PHC string format of RFC 9106, Ulrich
/// Drepper's SHA-crypt, RFC 2307). Bare hexadecimal digests are <see cref="HexDigestDetector"/>'s: they may be file checksums.
/// </summary>
internal sealed class HashDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.PasswordHash;
    /// <inheritdoc />
    public override string? DataCategory => "other_personal.credentials";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Decides;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.ShapeOnly;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Length < 20 || shape.Spaces > 0) return false;
        char first = value[0];
        if (first == '$')
            return value.StartsWith("$2a$") || value.StartsWith("$2b$") || value.StartsWith("$2y$") || value.StartsWith("$argon2")
                || value.StartsWith("$5$") || value.StartsWith("$6$") || value.StartsWith("$pbkdf2") || value.StartsWith("$scrypt$");
        if (first == '{') return value.StartsWith("{SSHA}") || value.StartsWith("{SHA}") || value.StartsWith("{SSHA512}") || value.StartsWith("{CRYPT}");
        return value.StartsWith("pbkdf2_sha") || value.StartsWith("argon2$") || value.StartsWith("bcrypt$") || value.StartsWith("sha1$");
    }
}

/// <summary>
/// Bare hexadecimal digests of 32, 40, 56, 64, 96 or 128 digits (MD5, SHA-1, SHA-2 family lengths, FIPS 180-4), optionally
/// prefixed <c>0x</c> or <c>\x</c>, with both letters and digits. Shape only: a digest is a credential when the name says so
/// (password, token, secret), and a checksum otherwise.
/// </summary>
internal sealed class HexDigestDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.HexDigest;
    /// <inheritdoc />
    public override string? DataCategory => "other_personal.credentials";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.NeedsNameSupport;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.ShapeOnly;
    /// <inheritdoc />
    /// <remarks>A device or session identifier column may hold such tokens too.</remarks>
    public override IReadOnlyList<string> AlsoSupportedBy { get; } = ["automatic.device_id"];

    /// <inheritdoc />
    public override bool AppliesTo(TypeFamily family) => family is TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Other or TypeFamily.Binary;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Length < 32 || shape.Spaces > 0 || shape.Hex < 32) return false;
        if (value.StartsWith("0x") || value.StartsWith("\\x")) value = value[2..];
        if (value.Length is not (32 or 40 or 56 or 64 or 96 or 128)) return false;
        int digits = 0, letters = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c)) digits++;
            else if (char.IsAsciiHexDigit(c)) letters++;
            else return false;
        }
        return digits > 0 && letters > 0;
    }
}

/// <summary>
/// Secret tokens: JSON Web Tokens (three base64url segments, the first starting <c>eyJ</c>, RFC 7519), vendor-prefixed
/// keys (<c>sk_live_</c>, <c>sk_test_</c>, <c>rk_</c>, <c>ghp_</c>, <c>gho_</c>, <c>github_pat_</c>, <c>xox</c>, <c>AKIA</c>, <c>glpat-</c>),
/// and random base64/base64url/hex strings of 20–512 characters without spaces that mix upper case, lower case and digits
/// (at least 2 of each) and are not e-mails, URLs, UUIDs or paths; and any vendor-prefixed random token
/// (<see cref="ApiKeyShape.IsPrefixedRandom"/>: <c>tok_…</c>, <c>pk_…</c>, <c>whsec_…</c>, <c>sess-…</c>), whose prefix alone does not
/// tell a secret from a payment object id: the column's name does (<see cref="ValueRules"/>).
/// </summary>
internal sealed class SecretTokenDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.SecretToken;
    /// <inheritdoc />
    public override string? DataCategory => "other_personal.credentials";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.NeedsNameSupport;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.ShapeOnly;
    /// <inheritdoc />
    /// <remarks>A device or session identifier column may hold such tokens too.</remarks>
    public override IReadOnlyList<string> AlsoSupportedBy { get; } = ["automatic.device_id"];

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Length is < 20 or > 2048 || shape.Spaces > 0 || shape.At > 0 || shape.Colons > 0) return false;
        if (value.StartsWith("eyJ")) return shape.Dots == 2;
        if (value.StartsWith("sk_live_") || value.StartsWith("sk_test_") || value.StartsWith("rk_live_") || value.StartsWith("ghp_") || value.StartsWith("gho_")
            || value.StartsWith("github_pat_") || value.StartsWith("xoxb-") || value.StartsWith("xoxp-") || value.StartsWith("glpat-")
            || (value.StartsWith("AKIA") && value.Length == 20) || ApiKeyShape.IsMatch(value) || ApiKeyShape.IsPrefixedRandom(value))
            return true;
        if (shape.Dots > 0 || shape.Slashes > 2 || shape.Length > 512) return false;
        int lower = shape.Letters - shape.Upper;
        if (shape.Upper < 2 || lower < 2 || shape.Digits < 2) return false;
        foreach (var c in value)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '/' or '=')) return false;
        // Words written in camel case are not random: require frequent case switches or digits inside.
        int switches = 0;
        for (int i = 1; i < value.Length; i++)
            if (char.IsAsciiDigit(value[i]) != char.IsAsciiDigit(value[i - 1]) || char.IsAsciiLetterUpper(value[i]) != char.IsAsciiLetterUpper(value[i - 1])) switches++;
        return switches * 4 >= value.Length;
    }
}

/// <summary>
/// Payment-gateway references: Stripe-style object ids (<c>cus_</c>, <c>pm_</c>, <c>card_</c>, <c>ch_</c>, <c>pi_</c>,
/// <c>seti_</c>, <c>src_</c>, <c>tok_</c>, <c>in_</c>, <c>sub_</c>, <c>txn_</c>, <c>re_</c>, <c>py_</c>, <c>acct_</c>, <c>cs_</c>
/// followed by 8 or more letters and digits, per Stripe's API reference) and PayPal-style ids (<c>PAYID-</c>, <c>I-</c>).
/// </summary>
internal sealed class PaymentReferenceDetector : ValueDetector
{
    private static readonly string[] Prefixes = ["cus_", "pm_", "card_", "ch_", "pi_", "seti_", "src_", "tok_", "in_", "sub_", "txn_", "re_", "py_", "acct_", "cs_live_", "cs_test_", "PAYID-", "ba_"];

    /// <inheritdoc />
    public override string Id => DetectorIds.PaymentReference;
    /// <inheritdoc />
    public override string? DataCategory => "financial.payment_reference";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Decides;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.ShapeOnly;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Length is < 11 or > 255 || shape.Spaces > 0 || shape.Dots > 0 || shape.At > 0) return false;
        foreach (var prefix in Prefixes)
        {
            if (!value.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = value[prefix.Length..];
            if (rest.Length < 8) return false;
            // A mode marker (tok_live_…, pi_test_…) is the shape of an API key, not of an object id: Stripe's ids carry
            // none, except checkout sessions (cs_live_, cs_test_, listed as prefixes of their own).
            if (ApiKeyShape.HasModeMarker(rest)) return false;
            foreach (var c in rest) if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
            return !rest.StartsWith("test") || rest.Length > 12;
        }
        return false;
    }
}
