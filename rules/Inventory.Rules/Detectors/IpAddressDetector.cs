using System.Net;
using System.Net.Sockets;
using Inventory.Catalog;

namespace Inventory.Rules.Detectors;

/// <summary>
/// IPv4 and IPv6 addresses, parsed with <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/> after a
/// shape check (IPv4 only in dotted-quad form with four parts of 1–3 digits; IPv6 with at least two colons and hex
/// digits; an optional <c>/prefix</c> as PostgreSQL prints <c>inet</c>/<c>cidr</c>). Loopback (127.0.0.0/8, ::1) and
/// unspecified (0.0.0.0, ::, and the whole 0.0.0.0/8 "this network" block) addresses and IPv4 netmasks (a run of ones
/// from the top bit: 255.255.255.0, 255.255.240.0) and network ranges (a prefix with every host bit zero, 10.0.0.0/8, as a
/// <c>cidr</c> column holds them) do not match: a column holding only them is not personal. Documentation ranges
/// (RFC 5737 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24; RFC 3849 2001:db8::/32) DO match. Version-like dotted quads
/// (1.2.3.4 in a <c>version</c> column) are excluded by the classifier's name gate, not here.
/// </summary>
internal sealed class IpAddressDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.IpAddress;
    /// <inheritdoc />
    public override string? DataCategory => "automatic.ip_address";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Decides;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.Validated;

    /// <inheritdoc />
    public override bool AppliesTo(TypeFamily family) => family is TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Network or TypeFamily.Other;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Length > 49 || shape.Spaces > 0) return false;
        int slash = value.IndexOf('/');
        int prefixLength = -1;
        if (slash >= 0)
        {
            var prefix = value[(slash + 1)..];
            if (prefix.IsEmpty || prefix.Length > 3 || !int.TryParse(prefix, out prefixLength)) return false;
            value = value[..slash];
        }
        if (shape.Colons == 0)
        {
            if (shape.Dots != 3 || shape.Letters > 0 || value.Length < 7) return false;
            int part = 0;
            foreach (var c in value)
            {
                if (c == '.') { if (part == 0) return false; part = 0; }
                else if (char.IsAsciiDigit(c)) { if (++part > 3) return false; }
                else return false;
            }
            if (part == 0) return false;
        }
        else
        {
            if (shape.Colons < 2 || shape.Colons > 7) return false;
            foreach (var c in value)
                if (!(char.IsAsciiHexDigit(c) || c is ':' or '.' or '%')) return false;
        }
        if (!IPAddress.TryParse(value, out var address)) return false;
        if (prefixLength >= 0 && IsNetworkRange(address, prefixLength)) return false;
        if (IPAddress.IsLoopback(address)) return false;
        if (address.AddressFamily == AddressFamily.InterNetwork && IsNetmaskOrThisNetwork(address)) return false;
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.None) && address.AddressFamily == AddressFamily.InterNetwork && value.SequenceEqual("255.255.255.255"))
            return false;
        return true;
    }

    /// <summary>True when the value is an IPv4 address in dotted-quad form (RFC 791): four decimal parts of 1–3 digits,
    /// each at most 255, and nothing else (any range: private, loopback, documentation, netmasks).</summary>
    /// <param name="value">A trimmed value.</param>
    /// <returns>Whether it is a dotted quad; never throws.</returns>
    public static bool IsDottedQuad(ReadOnlySpan<char> value)
    {
        if (value.Length is < 7 or > 15) return false;
        int parts = 0, digits = 0, part = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (++digits > 3) return false;
                part = part * 10 + (c - '0');
            }
            else if (c == '.')
            {
                if (digits == 0 || part > 255 || ++parts > 3) return false;
                digits = 0; part = 0;
            }
            else return false;
        }
        return parts == 3 && digits > 0 && part <= 255;
    }

    /// <summary>True when <c>address/prefixLength</c> names a network rather than one host: a prefix longer than the
    /// address (not an address), or shorter than it with every host bit zero (<c>10.0.0.0/8</c>, <c>2001:db8::/32</c>,
    /// what a PostgreSQL <c>cidr</c> always holds; RFC 4632 §3.1). A host inside its network (<c>192.168.1.17/24</c>, an
    /// <c>inet</c> with its netmask) and a full-length prefix (<c>/32</c>, <c>/128</c>) stay addresses.</summary>
    private static bool IsNetworkRange(IPAddress address, int prefixLength)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out int length);
        int bits = length * 8;
        if (prefixLength > bits) return true;
        if (prefixLength == bits) return false;
        for (int bit = prefixLength; bit < bits; bit++)
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0) return false;
        return true;
    }

    private static bool IsNetmaskOrThisNetwork(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        if (bytes[0] == 0) return true;
        if (bytes[0] != 255) return false;
        uint bits = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        // A netmask is ones then zeros: its complement plus one is a power of two.
        uint inverse = ~bits;
        return (inverse & (inverse + 1)) == 0;
    }
}
