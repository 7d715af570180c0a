using System.Globalization;

namespace Inventory.Connectors;

/// <summary>
/// The parts of a <c>scheme://user:password@host:port/database?key=value</c> connection URI (the <c>DATABASE_URL</c>
/// form hosts hand out), percent-decoded (RFC 3986, 2.1): a password <c>p%40ss</c> reads as <c>p@ss</c>.
/// </summary>
/// <param name="User">User name, or null when the URI has none.</param>
/// <param name="Password">Password, or null. A secret: never print it.</param>
/// <param name="Host">Host name or address (IPv6 brackets removed).</param>
/// <param name="Port">Explicit port, or null for the provider's default.</param>
/// <param name="Database">Path after the host, or empty.</param>
/// <param name="Query">Query parameters, keys compared case-insensitively.</param>
internal sealed record ConnectionUri(string? User, string? Password, string Host, int? Port, string Database, IReadOnlyDictionary<string, string> Query)
{
    /// <summary>Splits a URI.</summary>
    /// <param name="text">The whole URI.</param>
    /// <param name="kind">The provider's scheme, for the error message (e.g. <c>mysql</c>).</param>
    /// <exception cref="ConfigurationException">Not an absolute URI with a host, or one whose password evidently holds an
    /// unencoded <c>@ / ? #</c> (the URI does not parse with an <c>@</c> in it, or an <c>@</c> or a <c>#</c> comes after
    /// the host), or a user name or password with a raw <c>%</c> or escapes that are not UTF-8
    /// (<see cref="DecodeUserInfo"/>): the message says to percent-encode it and never holds the password or any part
    /// of the URI.</exception>
    public static ConnectionUri Split(string text, string kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        int start = text.IndexOf("://", StringComparison.Ordinal);
        var afterScheme = start < 0 ? text : text[(start + 3)..];
        // Decoded first: a raw '%' may also keep the URI from parsing, and its own message says what to do.
        string? user = null, password = null;
        if (RawUserInfo(text) is { Length: > 0 } userInfo)
        {
            var parts = userInfo.Split(':', 2);
            user = DecodeUserInfo(parts[0], "user name", kind);
            password = parts.Length > 1 ? DecodeUserInfo(parts[1], "password", kind) : null;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new ConfigurationException($"malformed {kind} URI: "
                                             + (PortOutOfRange(text) ? "the port is not a number from 1 to 65535" : $"expected {kind}://user:password@host:port/database")
                                             + (afterScheme.Contains('@') ? "; " + EncodeHint : ""));
        // A fragment (never part of a connection URI), or no user information but an '@' after the host (in the path, or
        // in a query parameter's name: a value such as User ID=me@tenant is legitimate): a '/', '?' or '#' in the password
        // ended the user information early, and what was read as the host is part of the user name.
        bool atAfterHost = uri.AbsolutePath.Contains('@')
                           || uri.Query.TrimStart('?').Split('&').Any(p => p.Split('=', 2)[0].Contains('@'));
        if (uri.Fragment.Length > 0 || (uri.UserInfo.Length == 0 && atAfterHost))
            throw new ConfigurationException($"malformed {kind} URI: the host looks wrong (an '@' or '#' comes after it); {EncodeHint}");
        // Port 0 parses as a URI, then drivers refuse it with an exception of their own (an internal error before).
        if (!uri.IsDefaultPort && uri.Port == 0)
            throw new ConfigurationException($"malformed {kind} URI: the port is not a number from 1 to 65535");
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            query[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return new ConnectionUri(user, password, uri.Host.Trim('[', ']'), uri.IsDefaultPort || uri.Port < 0 ? null : uri.Port, database, query);
    }

    /// <summary>True when the authority holds user information and, after it, a port of digits outside 1–65535
    /// (<c>…@db:99999/app</c>). Only then: a port read out of a password cut short by a raw <c>/</c> is not a port, and
    /// the message never repeats the digits.</summary>
    /// <param name="text">The whole URI.</param>
    private static bool PortOutOfRange(string text)
    {
        if (RawAuthority(text) is not { } authority) return false;
        int at = authority.LastIndexOf('@');
        if (at < 0) return false;
        var hostPort = authority[(at + 1)..];
        int colon = hostPort.LastIndexOf(':');
        if (colon < 0 || hostPort.LastIndexOf(']') > colon) return false;
        var port = hostPort[(colon + 1)..];
        return port.Length > 0 && port.All(char.IsAsciiDigit) && (port.Length > 5 || int.Parse(port, CultureInfo.InvariantCulture) is < 1 or > 65535);
    }

    /// <summary>The user information of a URI as written (before any decoding): what lies between <c>://</c> and the last
    /// <c>@</c> before the path, query or fragment; null when there is none.</summary>
    /// <param name="text">The whole URI.</param>
    internal static string? RawUserInfo(string text)
    {
        if (RawAuthority(text) is not { } authority) return null;
        int at = authority.LastIndexOf('@');
        return at < 0 ? null : authority[..at];
    }

    // The authority of a URI as written: between "://" and the path, query or fragment; null without "://".
    private static string? RawAuthority(string text)
    {
        int start = text.IndexOf("://", StringComparison.Ordinal);
        if (start < 0) return null;
        var rest = text[(start + 3)..];
        int end = rest.IndexOfAny(['/', '?', '#']);
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>Percent-decodes a user name or password strictly (RFC 3986, 2.1, UTF-8): a <c>%</c> that does not start
    /// two hexadecimal digits, or escapes that are not UTF-8, are errors instead of being passed on as written (which
    /// would send the server another password than the one meant, with no hint why it is refused).</summary>
    /// <param name="part">The user name or password as written in the URI.</param>
    /// <param name="what">"user name" or "password", for the message.</param>
    /// <param name="kind">The provider's scheme, for the message.</param>
    /// <returns>The decoded text.</returns>
    /// <exception cref="ConfigurationException">A raw <c>%</c> or escapes that are not UTF-8; the message never holds
    /// the part itself.</exception>
    internal static string DecodeUserInfo(string part, string what, string kind)
    {
        if (!part.Contains('%')) return part;
        var bytes = new List<byte>(part.Length);
        for (int i = 0; i < part.Length; i++)
        {
            if (part[i] != '%')
            {
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(part[i].ToString()));
                continue;
            }
            if (i + 2 >= part.Length || !Uri.IsHexDigit(part[i + 1]) || !Uri.IsHexDigit(part[i + 2]))
                throw new ConfigurationException($"malformed {kind} URI: the {what} holds a '%' that is not followed by two hexadecimal digits; "
                                                 + "write a literal % as %25 (" + EncodeHint + ")");
            bytes.Add(Convert.ToByte(part.Substring(i + 1, 2), 16));
            i += 2;
        }
        try
        {
            return new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString([.. bytes]);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new ConfigurationException($"malformed {kind} URI: the {what} holds percent-escapes that are not UTF-8 text; "
                                             + "if it holds a literal %, write it as %25 (" + EncodeHint + ")");
        }
    }

    /// <summary>What to do when the user name or password holds a character URIs reserve (RFC 3986, 2.2 and 3.2.1).</summary>
    internal const string EncodeHint =
        "if the user name or password holds @ : / ? # or %, percent-encode it (@ → %40, : → %3A, / → %2F, ? → %3F, # → %23, % → %25)";
}
