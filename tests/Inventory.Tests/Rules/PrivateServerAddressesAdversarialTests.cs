using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// The host's own servers' private addresses (trial43 finding K3; issue 10 item 6: network configuration is not a person's
/// IP address), checked in bulk with generated RFC 1918, RFC 4193, link-local and loopback addresses in tables of servers,
/// nodes, instances and add-ons: not <c>automatic.ip_address</c>. The look-alikes stay IP addresses: private addresses of
/// sign-ins and visits (users behind a NAT on an intranet application), a person's address under a client or visitor name
/// in a machines' table, and public addresses, or a mix of public and private ones, in a servers' table. Only kinds are
/// asserted.
/// </summary>
[TestFixture]
public sealed class PrivateServerAddressesAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] MachineTables =
        ["servers", "nodes", "instances", "addons", "add_ons", "machines", "containers", "clusters", "database_instances", "workers",
         "serveurs", "noeuds", "rechner", "knoten", "servidores", "nodos", "vms", "app_servers", "cluster_nodes"];

    private static readonly string[] ServerAddressNames =
        ["server_ip", "ip", "ip_address", "private_ip", "internal_ip", "address", "host_ip", "bind_address", "adresse_ip", "ip_adresse",
         "direccion_ip", "node_ip", "listen_ip", "ipv6"];

    private static string PrivateAddress(Random random) => random.Next(7) switch
    {
        0 => $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}",
        1 => $"172.{random.Next(16, 32)}.{random.Next(256)}.{random.Next(1, 255)}",
        2 => $"192.168.{random.Next(256)}.{random.Next(1, 255)}",
        3 => $"fd{random.Next(256):x2}:{random.Next(65536):x}:{random.Next(65536):x}::{random.Next(1, 65536):x}",
        4 => $"169.254.{random.Next(1, 255)}.{random.Next(1, 255)}",
        5 => $"fe80::{random.Next(65536):x}:{random.Next(65536):x}",
        _ => random.Next(4) == 0 ? "::1" : $"127.0.{random.Next(2)}.{random.Next(1, 255)}",
    };

    private static string PublicAddress(Random random)
    {
        while (true)
        {
            var a = $"{random.Next(1, 224)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}";
            if (!PrivateServerAddresses.IsPrivateOrLocal(a)) return a;
        }
    }

    private static ColumnEvidence Column(Random random, string[] tables, string[] names, Func<Random, string> value) =>
        Some.InTable(AsIsPascalOrUpper(random, Pick(random, tables)), ["id", "name", "region", "created_at"],
            SnakeCamelOrPascal(random, Pick(random, names)), Pick(random, ["inet", "varchar(45)", "varchar(64)", "text"]),
            Enumerable.Range(0, random.Next(20, 300)).Select(_ => value(random)).ToArray());

    private static void AssertAll(int seed, int columns, Func<Random, ColumnEvidence> generate, Func<ColumnClassification, bool> right, string what)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int c = 0; c < columns; c++)
        {
            var column = generate(random);
            var decision = Combined.Classify(column);
            if (!right(decision)) wrong.Add($"{column.Table}.{column.Column.Name} → {decision.DataCategory} {decision.Confidence} [{string.Join(",", decision.Evidence.Select(e => e.Id))}]");
        }
        AssertNoneWrong(wrong, columns, what);
    }

    [TestCase(1)]
    [TestCase(2)]
    public void PrivateAddressesOfMachines_NotVisitorsAddresses(int seed) =>
        AssertAll(seed, 1000, r => Column(r, MachineTables, ServerAddressNames, PrivateAddress),
            d => d.DataCategory == "none" && d.Evidence[0].Id == PrivateServerAddresses.Evidence && d.Confidence < 0.9,
            "private addresses of the host's machines read as visitors' IP addresses");

    [TestCase(1)]
    [TestCase(2)]
    public void PrivateAddressesOfSignInsAndVisits_StayIpAddresses(int seed) =>
        AssertAll(seed, 1000, r => Column(r, ["sign_in_events", "logins", "sessions", "visits", "page_views", "audit_logs", "connexions", "anmeldungen",
                "visitas", "access_logs", "users", "accounts"],
                ["ip", "ip_address", "client_ip", "remote_ip", "last_sign_in_ip", "current_sign_in_ip", "adresse_ip", "ip_adresse"], PrivateAddress),
            d => d.DataCategory == "automatic.ip_address", "private addresses of sign-ins and visits not read as IP addresses");

    [TestCase(1)]
    [TestCase(2)]
    public void PersonsAddressInAMachinesTable_StaysIpAddress(int seed) =>
        AssertAll(seed, 600, r => Column(r, MachineTables, ["client_ip", "visitor_ip", "user_ip", "remote_ip", "last_login_ip", "customer_ip"], PrivateAddress),
            d => d.DataCategory == "automatic.ip_address", "a person's address in a machines' table not read as an IP address");

    [TestCase(1)]
    [TestCase(2)]
    public void PublicOrMixedAddressesOfMachines_NotTaken(int seed) =>
        AssertAll(seed, 800, r =>
            {
                // Public addresses only, or private ones with at least one public among them
                var column = Column(r, MachineTables, ServerAddressNames, r.Next(2) == 0 ? PublicAddress : x => x.Next(4) == 0 ? PublicAddress(x) : PrivateAddress(x));
                return column with { Values = [PublicAddress(r), .. column.Values] };
            },
            d => !d.Evidence.Any(e => e.Id == PrivateServerAddresses.Evidence), "public or mixed addresses of machines taken as private configuration");

    [TestCase("10.4.2.1", ExpectedResult = true)]
    [TestCase("172.31.255.254", ExpectedResult = true)]
    [TestCase("172.32.0.1", ExpectedResult = false)]
    [TestCase("192.168.1.20/24", ExpectedResult = true)]
    [TestCase("fd12:3456::1", ExpectedResult = true)]
    [TestCase("fe80::1", ExpectedResult = true)]
    [TestCase("::1", ExpectedResult = true)]
    [TestCase("8.8.8.8", ExpectedResult = false)]
    [TestCase("2001:db8::1", ExpectedResult = false)]
    [TestCase("10", ExpectedResult = false)]
    [TestCase("1.2.3.4.5", ExpectedResult = false)]
    public bool IsPrivateOrLocal_ReadsTheRanges(string value) => PrivateServerAddresses.IsPrivateOrLocal(value);
}
