using System.Collections.Frozen;
using System.Globalization;
using Inventory.Catalog;

namespace Inventory.Rules.Detectors;

/// <summary>
/// HTTP User-Agent strings. Source: RFC 9110 §10.1.5 (<c>product/version</c> tokens with parenthesised comments):
/// the value must start with a product token followed by <c>/</c> and a digit, and either carry a comment
/// (<c>Mozilla/5.0 (Windows NT 10.0; …)</c>) or name a well-known client (curl, Wget, okhttp, python-requests, Go's
/// http client, Dalvik, CFNetwork, Java, PostmanRuntime, axios, node-fetch). A URL or locale inside an agent string does
/// not make it anything else (C23).
/// </summary>
internal sealed class UserAgentDetector : ValueDetector
{
    private static readonly string[] KnownClients =
        ["curl", "wget", "okhttp", "python-requests", "python-urllib", "go-http-client", "dalvik", "cfnetwork", "java", "postmanruntime", "axios", "node-fetch", "libwww-perl", "httpie", "apache-httpclient", "opera", "mozilla"];

    /// <inheritdoc />
    public override string Id => DetectorIds.UserAgent;
    /// <inheritdoc />
    public override string? DataCategory => "automatic.user_agent";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Decides;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.ShapeOnly;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Slashes == 0 || shape.Length is < 6 or > 2048 || !char.IsAsciiLetter(value[0])) return false;
        int i = 0;
        while (i < value.Length && (char.IsAsciiLetterOrDigit(value[i]) || value[i] is '-' or '_' or '.' or '!')) i++;
        if (i == 0 || i + 1 >= value.Length || value[i] != '/' || !char.IsAsciiDigit(value[i + 1])) return false;
        var product = value[..i];
        if (value.IndexOf('(') > i && value.IndexOf(')') > i) return true;
        foreach (var known in KnownClients)
            if (product.Equals(known, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}

/// <summary>
/// Browser languages: an Accept-Language header (RFC 9110 §12.5.4: comma-separated language ranges or <c>*</c>, each
/// with an optional <c>;q=</c> weight), a BCP 47 tag (RFC 5646: language, optional script, region, variants) or a POSIX
/// locale code (<c>de_DE</c>, <c>en_GB.UTF-8</c>). The primary language subtag must be an ISO 639-1/639-2 code known to
/// the platform's ICU data. A bare two-letter value must be lower case: <c>DE</c> alone is a country code, not a
/// language.
/// </summary>
internal sealed class LanguageTagDetector : ValueDetector
{
    private static readonly FrozenSet<string> Languages = BuildLanguages();

    /// <inheritdoc />
    public override string Id => DetectorIds.LanguageTag;
    /// <inheritdoc />
    public override string? DataCategory => "automatic.browser_language";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.NeedsNameSupport;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.Validated;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Length is < 1 or > 200 || shape.At > 0 || shape.Slashes > 0 || shape.NonAscii > 0) return false;
        if (value.Length == 1) return value[0] == '*';
        bool any = false;
        foreach (var range in value.Split(','))
        {
            var item = value[range].Trim();
            int semicolon = item.IndexOf(';');
            if (semicolon >= 0)
            {
                var weight = item[(semicolon + 1)..].Trim();
                if (!weight.StartsWith("q=") || !double.TryParse(weight[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out var q) || q is < 0 or > 1)
                    return false;
                item = item[..semicolon].Trim();
            }
            if (item.Length == 1 && item[0] == '*') { any = true; continue; }
            if (!IsTag(item, bare: value.Length == item.Length)) return false;
            any = true;
        }
        return any;
    }

    private static bool IsTag(ReadOnlySpan<char> tag, bool bare)
    {
        int dot = tag.IndexOf('.');
        if (dot >= 0) tag = tag[..dot]; // POSIX codeset: en_GB.UTF-8
        if (tag.IsEmpty) return false;
        int index = 0;
        Span<char> lower = stackalloc char[3];
        foreach (var part in tag.SplitAny('-', '_'))
        {
            var sub = tag[part];
            if (sub.IsEmpty || sub.Length > 8) return false;
            foreach (var c in sub) if (!char.IsAsciiLetterOrDigit(c)) return false;
            if (index == 0)
            {
                if (sub.Length is < 2 or > 3) return false;
                for (int i = 0; i < sub.Length; i++)
                {
                    if (!char.IsAsciiLetter(sub[i])) return false;
                    lower[i] = char.ToLowerInvariant(sub[i]);
                }
                if (bare && tag.Length == sub.Length && !sub.SequenceEqual(lower[..sub.Length])) return false;
                if (!Languages.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower[..sub.Length])) return false;
            }
            index++;
        }
        return index is >= 1 and <= 6;
    }

    private static FrozenSet<string> BuildLanguages()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.NeutralCultures))
        {
            if (culture.TwoLetterISOLanguageName is { Length: 2 } two && two != "iv") set.Add(two);
            if (culture.ThreeLetterISOLanguageName is { Length: 3 } three) set.Add(three);
        }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
