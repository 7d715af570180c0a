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
/// language. The subtags after it follow RFC 5646 §2.1's order and must be registered, not merely well-formed
/// (§2.2.9 "valid"): an ISO 15924 script, then an
/// ISO 3166-1 region (or a UN M.49 three-digit area), then registered variants, then extensions and private use
/// (grammar only). Extended language subtags (<c>zh-cmn</c>, discouraged by §4.1.2 and not sent by browsers) are not
/// read: a three-letter second subtag is refused. So cloud and data-centre region codes that share the grammar — <c>eu-west</c> (Basque and a
/// four-letter "script"), <c>eu-central</c>, <c>af-south</c>, <c>ca-central</c> (a "variant") — are not languages
/// (trial41 M2: a time-zone column holding <c>eu-west</c> read 30/30 as browser languages).
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
        // RFC 5646 §2.1 order: language, script, region, variants, then extensions and private use.
        var stage = TagStage.Language;
        Span<char> lower = stackalloc char[8];
        foreach (var part in tag.SplitAny('-', '_'))
        {
            var sub = tag[part];
            if (sub.IsEmpty || sub.Length > 8) return false;
            foreach (var c in sub) if (!char.IsAsciiLetterOrDigit(c)) return false;
            var folded = lower[..sub.Length];
            sub.ToLowerInvariant(folded);
            index++;
            if (stage == TagStage.Extension) continue; // extension and private-use subtags: grammar only
            if (index == 1)
            {
                if (sub.Length is < 2 or > 3) return false;
                foreach (var c in sub) if (!char.IsAsciiLetter(c)) return false;
                if (bare && tag.Length == sub.Length && !sub.SequenceEqual(folded)) return false;
                if (!Languages.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded)) return false;
                continue;
            }
            bool letters = IsAsciiLetters(sub);
            if (sub.Length == 1)
            {
                stage = TagStage.Extension; // a singleton opens an extension (RFC 5646 §2.2.6) or private use (§2.2.7)
                continue;
            }
            if (sub.Length == 4 && letters && stage < TagStage.Script)
            {
                if (!Scripts.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded)) return false;
                stage = TagStage.Script;
                continue;
            }
            if (stage < TagStage.Region && ((sub.Length == 2 && letters) || (sub.Length == 3 && IsAsciiDigits(sub))))
            {
                if (letters && !Regions.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded)) return false;
                stage = TagStage.Region;
                continue;
            }
            bool variantShape = sub.Length >= 5 || (sub.Length == 4 && char.IsAsciiDigit(sub[0]));
            if (!variantShape) return false;
            if (!(sub.Length == 4 || Variants.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded))) return false;
            stage = TagStage.Variant;
        }
        return index is >= 1 and <= 8;
    }

    private enum TagStage { Language, Script, Region, Variant, Extension }

    private static bool IsAsciiLetters(ReadOnlySpan<char> value)
    {
        foreach (var c in value) if (!char.IsAsciiLetter(c)) return false;
        return true;
    }

    private static bool IsAsciiDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    // ISO 15924 script codes in use in language tags (the scripts of CLDR's likely subtags and of the platform's ICU
    // culture names), lower case. An unknown four-letter subtag is not a script: `eu-west`, `sa-east` are region codes.
    private static readonly FrozenSet<string> Scripts = BuildScripts();

    // IANA Language Subtag Registry variants of five to eight characters (RFC 5646 §2.2.5), lower case; four-character
    // variants start with a digit (`1901`, `1996`) and are taken by their shape. `posix` is CLDR's (en-US-POSIX).
    private static readonly FrozenSet<string> Variants = FrozenSet.ToFrozenSet(
        ["1606nict", "1694acad", "1959acad", "alalc97", "aluku", "arevela", "arevmda", "baku1926", "bauddha", "biske",
         "boont", "ekavsk", "emodeng", "fonipa", "fonupa", "fonxsamp", "hepburn", "heploc", "hognorsk", "ijekavsk",
         "itihasa", "jauer", "jyutping", "kkcor", "kscor", "laukika", "lipaw", "luna1918", "metelko", "monoton", "ndyuka",
         "nedis", "njiva", "nulik", "osojs", "oxendict", "pamaka", "pinyin", "polyton", "posix", "puter", "rigik", "rozaj",
         "rumgr", "scotland", "scouse", "solba", "sotav", "surmiran", "sursilv", "sutsilv", "tarask", "uccor", "ucrcor",
         "ulster", "unifon", "vaidika", "valencia", "vallader", "wadegile"], StringComparer.Ordinal);

    // ISO 3166-1 alpha-2 regions the platform knows (RegionInfo over its cultures), lower case.
    private static readonly FrozenSet<string> Regions = BuildRegions();

    private static FrozenSet<string> BuildScripts()
    {
        var set = new HashSet<string>(StringComparer.Ordinal)
        {
            "adlm", "arab", "armn", "bali", "beng", "bopo", "brai", "bugi", "cakm", "cans", "cher", "copt", "cyrl", "cyrs",
            "deva", "dsrt", "ethi", "geor", "glag", "goth", "grek", "gujr", "guru", "hang", "hani", "hans", "hant", "hebr",
            "hira", "hmnp", "jamo", "java", "jpan", "kana", "khmr", "knda", "kore", "laoo", "latf", "latg", "latn", "lepc",
            "limb", "mlym", "mong", "mtei", "mymr", "nkoo", "ogam", "olck", "orya", "osge", "rohg", "runr", "shaw", "sinh",
            "sund", "sylo", "syrc", "tale", "talu", "taml", "telu", "tfng", "tglg", "thaa", "thai", "tibt", "vaii", "yiii",
            "zinh", "zmth", "zsym", "zxxx", "zyyy", "zzzz",
        };
        set.UnionWith(CultureSubtags(length: 4));
        return set.ToFrozenSet(StringComparer.Ordinal);
    }

    private static FrozenSet<string> BuildRegions() => CultureSubtags(length: 2).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The lower-case letter subtags of <paramref name="length"/> characters after the language in the names of
    /// every culture the platform's ICU data knows (four: scripts, two: regions).</summary>
    private static IEnumerable<string> CultureSubtags(int length) =>
        CultureInfo.GetCultures(CultureTypes.AllCultures)
            .SelectMany(culture => culture.Name.Split('-').Skip(1))
            .Where(sub => sub.Length == length && sub.All(char.IsAsciiLetter))
            .Select(sub => sub.ToLowerInvariant());

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
