using System.Net;
using System.Net.Sockets;
using Inventory.Classification;

namespace Inventory.Rules;

/// <summary>
/// The host's own servers' addresses on its private network (trial43 finding K3: an add-ons table's <c>server_ip</c>, every
/// value in 10.0.0.0/8, was accepted as <c>automatic.ip_address</c> at 0.92): network configuration, not a visitor's
/// address (issue 10 item 6). A column is of this kind when every sampled address is private or local — RFC 1918
/// (10/8, 172.16/12, 192.168/16), RFC 4193 unique local (fc00::/7), link-local (169.254/16, fe80::/10, RFC 3927 and
/// RFC 4291) or loopback (127/8, ::1) — in a table of servers, nodes, instances, add-ons or other machines, under a name
/// that does not speak of a person's or a visit's address (client, visitor, user, sign-in, last or current). A sign-in or
/// visit table's private addresses (users behind a NAT on an intranet application) stay IP addresses. The words are kept
/// here, not in <c>name-rules.yml</c>, so that the column model's inputs stay as they are.
/// </summary>
internal static class PrivateServerAddresses
{
    /// <summary>Evidence id of the decision.</summary>
    public const string Evidence = "sample.private-server-addresses";

    /// <summary>Confidence of the <c>none</c>: under any threshold a gate accepts, so a DPO confirms the table's kind.</summary>
    public const double Confidence = 0.7;

    // Table-name words of machines the host runs (English, French, German, Spanish).
    private static readonly HashSet<string> MachineTableWords = new(StringComparer.Ordinal)
        { "server", "servers", "node", "nodes", "machine", "machines", "instance", "instances", "host", "hosts", "addon", "addons",
          "add", "container", "containers", "cluster", "clusters", "vm", "vms", "droplet", "droplets", "replica", "replicas",
          "runner", "runners", "backend", "backends", "worker", "workers", "upstream", "upstreams", "database", "databases",
          "serveur", "serveurs", "noeud", "noeuds", "rechner", "knoten", "servidor", "servidores", "nodo", "nodos", "maquina", "maquinas" };

    // Column-name words of a person's or a visit's address: such a column keeps its reading wherever it is.
    internal static readonly HashSet<string> PersonAddressWords = new(StringComparer.Ordinal)
        { "client", "visitor", "user", "customer", "member", "remote", "sign", "signin", "login", "logon", "last", "current", "request",
          "requester", "origin", "source", "src", "forwarded", "visiteur", "utilisateur", "connexion", "besucher", "benutzer",
          "anmeldung", "visitante", "usuario", "cliente" };

    /// <summary>Decides a column of the host's private server addresses (see the class summary): <c>none</c> at
    /// <see cref="Confidence"/>, or null when the column is not of this kind.</summary>
    /// <param name="table">The table's name.</param>
    /// <param name="name">The column's name match.</param>
    /// <param name="values">The sampled values (at least 3 addresses needed).</param>
    /// <param name="evidence">The column's evidence so far; the deciding item is put first.</param>
    /// <returns>The decision, or null.</returns>
    public static ColumnClassification? Decide(string table, NameMatch name, IReadOnlyList<string> values, List<EvidenceItem> evidence)
    {
        // A bare "address" may have been read as postal; its values say network (issue 10 item 6).
        if (name.DataCategory is { } said && said is not ("none" or "automatic.ip_address" or "contact.postal_address")) return null;
        if (name.Tokens.Any(PersonAddressWords.Contains)) return null;
        if (!NameTokenizer.Tokenize(table).Any(MachineTableWords.Contains)) return null;
        int tested = 0;
        foreach (var raw in values)
        {
            var value = raw.AsSpan().Trim();
            if (value.IsEmpty) continue;
            tested++;
            if (!IsPrivateOrLocal(value)) return null;
        }
        if (tested < 3) return null;
        evidence.Insert(0, new EvidenceItem("sample", Evidence, "none", tested, tested, 1,
            "every address is private, link-local or loopback (RFC 1918, RFC 4193) in a table of servers or machines: the host's network configuration, not a visitor's address"));
        return RuleClassifier.Decide("none", Confidence, evidence);
    }

    /// <summary>True for an IPv4 or IPv6 address (a CIDR suffix allowed) that is private (RFC 1918, RFC 4193), link-local
    /// or loopback; false for any other address and for a value that is no address.</summary>
    /// <param name="value">A trimmed value.</param>
    internal static bool IsPrivateOrLocal(ReadOnlySpan<char> value)
    {
        int slash = value.IndexOf('/');
        if (slash >= 0) value = value[..slash];
        // IPAddress.TryParse also takes "10" and "10.1" (inet_aton's short forms): an IPv4 address is a dotted quad here.
        if (value.IndexOf(':') < 0 && !Detectors.IpAddressDetector.IsDottedQuad(value)) return false;
        if (!IPAddress.TryParse(value, out var address)) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return true;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254);
        }
        return address.AddressFamily == AddressFamily.InterNetworkV6 && (address.IsIPv6UniqueLocal || address.IsIPv6LinkLocal);
    }
}
