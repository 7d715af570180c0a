namespace Inventory.Rules.Detectors;

/// <summary>
/// The shape of vendor API keys that carry a mode marker: a short lower-case prefix, <c>live</c> or <c>test</c>, then a
/// random part (<c>sk_live_…</c>, <c>rk_test_…</c>, <c>tok_live_…</c>, <c>whsec_…</c> aside), separated by <c>_</c>.
/// Payment-gateway object ids (<c>pi_</c>, <c>ch_</c>, <c>cus_</c> followed by letters and digits) have no mode marker,
/// so a marker tells a secret key from a payment reference (C35 <c>api_token</c>); checkout session ids (<c>cs_live_</c>,
/// <c>cs_test_</c>) are the one kind of id with a marker and stay payment references. Source: the key formats Stripe
/// documents ("API keys": secret and restricted keys with <c>_live_</c>/<c>_test_</c>) and the same convention followed
/// by other vendors' keys.
/// </summary>
internal static class ApiKeyShape
{
    /// <summary>Random characters required after the marker.</summary>
    public const int MinRandom = 12;

    /// <summary>True for <c>prefix_live_random</c> or <c>prefix_test_random</c>: a 2–8 letter lower-case prefix other than
    /// <c>cs</c>, then at least <see cref="MinRandom"/> letters and digits (underscores allowed after the first).</summary>
    /// <param name="value">A trimmed value.</param>
    public static bool IsMatch(ReadOnlySpan<char> value)
    {
        int underscore = value.IndexOf('_');
        if (underscore is < 2 or > 8) return false;
        var prefix = value[..underscore];
        foreach (var c in prefix) if (!char.IsAsciiLetterLower(c)) return false;
        if (prefix.SequenceEqual("cs")) return false;
        return HasModeMarker(value[(underscore + 1)..]);
    }

    /// <summary>True when <paramref name="rest"/> (what follows a prefix and its underscore) is <c>live_</c> or
    /// <c>test_</c> followed by at least <see cref="MinRandom"/> letters, digits or underscores, starting with a letter or digit.</summary>
    /// <param name="rest">The part after the prefix.</param>
    public static bool HasModeMarker(ReadOnlySpan<char> rest)
    {
        if (!(rest.StartsWith("live_", StringComparison.Ordinal) || rest.StartsWith("test_", StringComparison.Ordinal))) return false;
        var random = rest[5..];
        if (random.Length < MinRandom || !char.IsAsciiLetterOrDigit(random[0])) return false;
        int digits = 0, letters = 0;
        foreach (var c in random)
        {
            if (char.IsAsciiDigit(c)) digits++;
            else if (char.IsAsciiLetter(c)) letters++;
            else if (c != '_') return false;
        }
        // Random, not a word: digits and letters both present.
        return digits > 0 && letters > 0;
    }

    /// <summary>Random characters required after a vendor prefix in <see cref="IsPrefixedRandom"/>.</summary>
    public const int MinPrefixedRandom = 16;

    /// <summary>True for a vendor-prefixed random token: a 2–8 letter lower-case prefix, <c>_</c> or <c>-</c>, then at least
    /// <see cref="MinPrefixedRandom"/> letters and digits (with at most two further <c>_</c> or <c>-</c>) that read as random:
    /// at least two digits and two letters, and a switch between digit and letter or between cases at least every eighth
    /// character (<c>tok_4eC39HqLyjWDarjtT1zdp7dc</c>, <c>pk_7f3a9c01d2e84b6f</c>). Words joined by underscores
    /// (<c>user_profile_settings_v2</c>) fail. Shape only: Stripe's object ids (<c>tok_</c>, <c>pi_</c>) pass too, and the
    /// column's name decides between a secret and a payment reference.</summary>
    /// <param name="value">A trimmed value.</param>
    public static bool IsPrefixedRandom(ReadOnlySpan<char> value)
    {
        int cut = value.IndexOfAny('_', '-');
        if (cut is < 2 or > 8) return false;
        foreach (var c in value[..cut]) if (!char.IsAsciiLetterLower(c)) return false;
        var random = value[(cut + 1)..];
        if (random.Length < MinPrefixedRandom || !char.IsAsciiLetterOrDigit(random[0])) return false;
        int digits = 0, letters = 0, separators = 0, switches = 0;
        for (int i = 0; i < random.Length; i++)
        {
            char c = random[i];
            if (char.IsAsciiDigit(c)) digits++;
            else if (char.IsAsciiLetter(c)) letters++;
            else if (c is '_' or '-') { if (++separators > 2) return false; continue; }
            else return false;
            if (i > 0 && char.IsAsciiLetterOrDigit(random[i - 1])
                && (char.IsAsciiDigit(c) != char.IsAsciiDigit(random[i - 1]) || char.IsAsciiLetterUpper(c) != char.IsAsciiLetterUpper(random[i - 1]))) switches++;
        }
        return digits >= 2 && letters >= 2 && switches * 8 >= random.Length;
    }
}
