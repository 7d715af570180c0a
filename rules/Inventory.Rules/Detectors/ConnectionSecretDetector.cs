using Inventory.Catalog;

namespace Inventory.Rules.Detectors;

/// <summary>
/// Connection strings that carry a password in clear: URIs whose user information holds one
/// (<c>scheme://user:password@host…</c>, RFC 3986 §3.2.1, which deprecates the form precisely because it exposes the
/// password; the <c>jdbc:</c> prefix allowed), URIs with a <c>password</c>, <c>pwd</c>, <c>passwd</c> or <c>pass</c>
/// query parameter (JDBC and DSN style), and key–value connection strings with such a key among at least two
/// <c>key=value</c> pairs, separated by <c>;</c> (ADO.NET, ODBC) or by spaces (libpq's keyword/value form). A value is a
/// credential whatever its column is called (LABELS.md tie-breaker 7: secrets are <c>other_personal.credentials</c>), so
/// the detector decides. Passwords that are masks or template references (<c>***</c>, <c>xxxx</c>, <c>${DB_PASSWORD}</c>,
/// <c>$PASSWORD</c>, <c>%(password)s</c>, <c>{{ password }}</c>, <c>&lt;password&gt;</c>) are not secrets, and a URI with a
/// user but no password (<c>ssh://git@host</c>) is not one either.
/// </summary>
internal sealed class ConnectionSecretDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.ConnectionSecret;
    /// <inheritdoc />
    public override string? DataCategory => "other_personal.credentials";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Decides;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.Validated;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        // Every accepted form needs a ':' (URI) or an '=' (key–value), both counted among the shape's other characters, so
        // a value without any (most names, numbers and words) is rejected without being read again.
        if (shape.Length is < 10 or > 4096 || shape.Other == 0) return false;
        return (shape.Colons > 0 && IsUriWithPassword(value)) || (value.Contains('=') && IsKeyValueWithPassword(value));
    }

    /// <summary>A URI (any scheme, <c>jdbc:</c> allowed before it) with a password in its user information or query.</summary>
    private static bool IsUriWithPassword(ReadOnlySpan<char> value)
    {
        if (value.StartsWith("jdbc:", StringComparison.OrdinalIgnoreCase)) value = value[5..];
        int separator = value.IndexOf("://", StringComparison.Ordinal);
        if (separator < 1 || separator > 32 || !IsScheme(value[..separator])) return false;
        var rest = value[(separator + 3)..];
        if (rest.ContainsAny(' ', '\t', '\n')) return false;
        int authorityEnd = rest.IndexOfAny('/', '?', '#');
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        int at = authority.LastIndexOf('@');
        if (at > 0)
        {
            var userInfo = authority[..at];
            int colon = userInfo.IndexOf(':');
            if (colon >= 0 && at + 1 < authority.Length && IsSecret(userInfo[(colon + 1)..])) return true;
        }
        int query = rest.IndexOf('?');
        return query >= 0 && HasPasswordPair(rest[(query + 1)..], '&');
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0])) return false;
        foreach (var c in scheme)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) return false;
        return true;
    }

    /// <summary>At least two <c>key=value</c> pairs separated by <c>;</c> or by white space, one of them a password.</summary>
    private static bool IsKeyValueWithPassword(ReadOnlySpan<char> value)
    {
        char separator = value.Contains(';') ? ';' : ' ';
        int pairs = 0;
        foreach (var range in value.Split(separator))
        {
            var part = value[range].Trim();
            if (part.IsEmpty) continue;
            int equals = part.IndexOf('=');
            if (equals <= 0 || !IsKey(part[..equals].Trim())) return false;
            pairs++;
        }
        return pairs >= 2 && HasPasswordPair(value, separator);
    }

    /// <summary>A key of a connection string: letters, digits, spaces (<c>User ID</c>), '_', '-' and '.', at most 32.</summary>
    private static bool IsKey(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty || key.Length > 32 || !char.IsAsciiLetter(key[0])) return false;
        foreach (var c in key)
            if (!(char.IsAsciiLetterOrDigit(c) || c is ' ' or '_' or '-' or '.')) return false;
        return true;
    }

    private static bool HasPasswordPair(ReadOnlySpan<char> pairs, char separator)
    {
        foreach (var range in pairs.Split(separator))
        {
            var part = pairs[range].Trim();
            int equals = part.IndexOf('=');
            if (equals <= 0) continue;
            var key = part[..equals].Trim();
            if ((key.Equals("password", StringComparison.OrdinalIgnoreCase) || key.Equals("pwd", StringComparison.OrdinalIgnoreCase)
                 || key.Equals("passwd", StringComparison.OrdinalIgnoreCase) || key.Equals("pass", StringComparison.OrdinalIgnoreCase))
                && IsSecret(part[(equals + 1)..].Trim().Trim('\'').Trim('"')))
                return true;
        }
        return false;
    }

    /// <summary>A password that is neither empty, a mask (only '*', 'x' or '•'), nor a template reference
    /// (<c>${…}</c>, <c>$NAME</c>, <c>%(…)s</c>, <c>{{…}}</c>, <c>&lt;…&gt;</c>).</summary>
    private static bool IsSecret(ReadOnlySpan<char> password)
    {
        if (password.IsEmpty) return false;
        if (password.IndexOfAnyExcept("*xX•") < 0) return false;
        if (password[0] == '$' || password.StartsWith("%(") || password.StartsWith("{{") || (password[0] == '<' && password[^1] == '>'))
            return false;
        return true;
    }
}
