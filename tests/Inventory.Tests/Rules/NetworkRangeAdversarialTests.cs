using System.Globalization;
using System.Net;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 item 6 (network configuration is not a person's IP address), the kind of the trial32 finding: a PostgreSQL
/// <c>cidr</c> column of allowed ranges (<c>10.12.0.0/16</c>) was suggested <c>automatic.ip_address</c> 0.95. A prefix
/// with every host bit zero names a network (RFC 4632), never one person's address; a host inside its network
/// (<c>192.168.1.17/24</c>, an <c>inet</c> with its netmask) and a full-length prefix still are addresses. Generated in
/// bulk, IPv4 and IPv6, under names of the four languages and the engines' network and text types.
/// </summary>
[TestFixture]
public sealed class NetworkRangeAdversarialTests : GeneratedNameFixture
{
    private static string Network(Random random, bool v6, bool hostBits, out int prefix)
    {
        var bytes = new byte[v6 ? 16 : 4];
        random.NextBytes(bytes);
        if (!v6) bytes[0] = (byte)(random.Next(1, 223) is var first && first >= 127 ? first + 1 : first); // not 0.x, loopback nor multicast
        else { bytes[0] = 0x20; bytes[1] = (byte)random.Next(1, 256); }
        int bits = bytes.Length * 8;
        prefix = v6 ? random.Next(16, 127) : random.Next(8, 31);
        for (int bit = prefix; bit < bits; bit++) bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        if (hostBits) bytes[^1] |= 1; // a host inside the network
        return string.Create(CultureInfo.InvariantCulture, $"{new IPAddress(bytes)}/{prefix}");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void NetworkRanges_DetectorNeverMatches_HostsInsideThemAlways(int seed)
    {
        var random = new Random(seed);
        var detector = new IpAddressDetector();
        int rangesMatched = 0, hostsMissed = 0;
        for (int i = 0; i < 5_000; i++)
        {
            bool v6 = i % 2 == 1;
            var range = Network(random, v6, hostBits: false, out _);
            if (detector.IsMatch(range, ValueShape.Of(range, fraction: false))) rangesMatched++;
            var host = Network(random, v6, hostBits: true, out _);
            if (!detector.IsMatch(host, ValueShape.Of(host, fraction: false))) hostsMissed++;
        }
        Assert.Multiple(() =>
        {
            Assert.That(rangesMatched, Is.Zero, "network ranges read as a host's address");
            Assert.That(hostsMissed, Is.Zero, "hosts inside their network no longer read as addresses");
            Assert.That(detector.IsMatch("203.0.113.9/32", ValueShape.Of("203.0.113.9/32", fraction: false)), Is.True, "/32 is one host");
            Assert.That(detector.IsMatch("2001:db8::7/128", ValueShape.Of("2001:db8::7/128", fraction: false)), Is.True, "/128 is one host");
            Assert.That(detector.IsMatch("203.0.113.9/33", ValueShape.Of("203.0.113.9/33", fraction: false)), Is.False, "a prefix longer than the address");
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    public void ColumnsOfNetworkRanges_NeverPersonIp(int seed)
    {
        var random = new Random(seed);
        // Names that do not say "IP" (an ip_range column still takes its name's reading: left to the name rules).
        string[] names = ["allowed_ranges", "subnet", "network", "cidr", "whitelist", "reseau", "sous_reseau", "plage_reseau",
            "netz", "adressbereich", "subred", "red_permitida", "trusted_proxies", "vpc_cidr", "teilnetz", "rango_red"];
        string[] tables = ["firewall_rules", "networks", "regles_pare_feu", "netzwerke", "redes", "security_groups", "vpcs"];
        string[] types = ["cidr", "inet", "character varying(43)", "text"];
        var wrong = new List<string>();
        for (int c = 0; c < 300; c++)
        {
            var values = Enumerable.Range(0, 40).Select(i => Network(random, (c + i) % 3 == 0, hostBits: false, out _)).ToArray();
            var column = Some.Column(Pick(random, tables), Pick(random, names), Pick(random, types), values);
            if (Rules.Classify(column).DataCategory == "automatic.ip_address") wrong.Add($"{column.Table}.{column.Column.Name} {column.Column.DeclaredType}");
        }
        AssertNoneWrong(wrong, 300, "columns of network ranges called a person's IP address");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void ColumnsOfHostsWithTheirNetmask_StayIp(int seed)
    {
        var random = new Random(seed);
        string[] names = ["ip", "ip_address", "client_ip", "adresse_ip", "ip_adresse", "direccion_ip", "remote_addr", "last_login_ip"];
        string[] tables = ["sessions", "logins", "connexions", "anmeldungen", "accesos", "audit_log"];
        int wrong = 0;
        for (int c = 0; c < 200; c++)
        {
            var values = Enumerable.Range(0, 40).Select(i => Network(random, i % 4 == 0, hostBits: true, out _)).ToArray();
            var column = Some.Column(Pick(random, tables), Pick(random, names), Pick(random, ["inet", "text"]), values);
            if (Rules.Classify(column).DataCategory != "automatic.ip_address") wrong++;
        }
        Assert.That(wrong, Is.Zero, "hosts' addresses with their netmask under IP names must stay a person's IP address");
    }
}
